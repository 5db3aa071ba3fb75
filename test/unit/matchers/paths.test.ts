import { describe, expect, it } from 'vitest';
import { hostPathOf, workspaceRelative } from '../../../src/matchers/paths.js';
import { claim, hostPath } from '../../support/model.js';

const volumes = [
  hostPath('migrations', '/migrations', '/repo/examples/postgres/migrations', true),
  hostPath('app', '/app', '/repo/service'),
  claim('cache', '/app/cache'),
];

describe('hostPathOf', () => {
  it('maps a path under a hostPath mount to the host', () => {
    const place = { kind: 'container', volumes } as const;
    expect(hostPathOf('/migrations/0042_add_index.sql', place)).toBe(
      '/repo/examples/postgres/migrations/0042_add_index.sql',
    );
    expect(hostPathOf('/migrations/sub/../0042.sql', place)).toBe(
      '/repo/examples/postgres/migrations/0042.sql',
    );
    expect(hostPathOf('/app', place)).toBe('/repo/service');
  });

  it('maps nowhere for a volume (the innermost mount wins), the image, or a mount-point look-alike', () => {
    const place = { kind: 'container', volumes } as const;
    expect(hostPathOf('/app/cache/x.sql', place)).toBeUndefined();
    expect(hostPathOf('/tmp/x.sql', place)).toBeUndefined();
    expect(hostPathOf('/migrations-old/x.sql', place)).toBeUndefined();
    expect(hostPathOf('/migrations/../etc/passwd', place)).toBeUndefined();
  });

  it('resolves a relative path from the workingDir, and not at all without one', () => {
    expect(hostPathOf('db/1.sql', { kind: 'container', volumes, workingDir: '/app' })).toBe(
      '/repo/service/db/1.sql',
    );
    expect(hostPathOf('../migrations/1.sql', { kind: 'container', volumes, workingDir: '/app' })).toBe(
      '/repo/examples/postgres/migrations/1.sql',
    );
    expect(hostPathOf('db/1.sql', { kind: 'container', volumes })).toBeUndefined();
  });

  it('resolves a host process path from its directory', () => {
    expect(hostPathOf('db/1.sql', { kind: 'host', cwd: '/repo/service' })).toBe('/repo/service/db/1.sql');
    expect(hostPathOf('/etc/passwd', { kind: 'host', cwd: '/repo/service' })).toBe('/etc/passwd');
  });
});

describe('workspaceRelative', () => {
  it('is the `/` path inside the workspace, and nothing outside it', () => {
    expect(workspaceRelative('/repo/a/b.sql', '/repo')).toBe('a/b.sql');
    expect(workspaceRelative('/repo/../etc/passwd', '/repo')).toBeUndefined();
    expect(workspaceRelative('/repository/x', '/repo')).toBeUndefined();
    expect(workspaceRelative('/repo', '/repo')).toBeUndefined();
  });
});
