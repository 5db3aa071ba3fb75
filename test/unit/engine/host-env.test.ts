import { describe, expect, it } from 'vitest';
import { processEnv } from '../../../src/engine/host-env.js';

describe('processEnv', () => {
  it('is the host environment without the runner variables, with the spec env over it', () => {
    const host = {
      PATH: '/usr/bin',
      GREETING: 'host',
      ACTIONS_RUNTIME_TOKEN: 't',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'o',
      GITHUB_STATE: '/s',
      INPUT_SPEC: 'x.yaml',
      STATE_CACHE_PENDING: '[]',
    };
    const env = processEnv(host, [
      { name: 'GREETING', value: 'spec', secret: false },
      { name: 'DB_PASSWORD', value: 'pw', secret: true },
    ]);
    expect(env).toEqual({ PATH: '/usr/bin', GREETING: 'spec', DB_PASSWORD: 'pw' });
  });

  it('keeps a variable the spec sets itself, whatever its name', () => {
    const env = processEnv({ GITHUB_OUTPUT: '/runner/out' }, [
      { name: 'GITHUB_OUTPUT', value: '/tmp/mine', secret: false },
    ]);
    expect(env).toEqual({ GITHUB_OUTPUT: '/tmp/mine' });
  });
});
