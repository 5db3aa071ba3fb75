// Registry credentials as the Docker CLI finds them: host normalisation, the config file's auths, and
// credential helpers (a tiny helper script on PATH), with no secret in any message.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  canonicalRegistry,
  dockerConfigFile,
  lookupCredentials,
  RegistryAuthError,
  registryOf,
} from '../../../src/runtime/registry-auth.js';

describe('registryOf', () => {
  it.each([
    ['busybox', 'docker.io'],
    ['busybox:latest', 'docker.io'],
    ['library/busybox:1', 'docker.io'],
    ['bitnami/postgresql:15', 'docker.io'],
    ['docker.io/library/busybox', 'docker.io'],
    ['index.docker.io/library/busybox', 'docker.io'],
    ['registry-1.docker.io/org/app:1', 'docker.io'],
    ['ghcr.io/org/app:1', 'ghcr.io'],
    ['127.0.0.1:5000/t/app:1', '127.0.0.1:5000'],
    ['localhost/app', 'localhost'],
    ['localhost:5000/app@sha256:abc', 'localhost:5000'],
    ['Registry/app', 'registry'],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'],
  ])('%s → %s', (ref, registry) => expect(registryOf(ref)).toBe(registry));
});

describe('canonicalRegistry', () => {
  it.each([
    ['https://index.docker.io/v1/', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['docker.io', 'docker.io'],
    ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000'],
    ['https://GHCR.io', 'ghcr.io'],
    ['ghcr.io', 'ghcr.io'],
  ])('%s → %s', (key, host) => expect(canonicalRegistry(key)).toBe(host));
});

describe('dockerConfigFile', () => {
  it('is DOCKER_CONFIG/config.json, else ~/.docker/config.json', () => {
    expect(dockerConfigFile({ DOCKER_CONFIG: '/cfg', HOME: '/home/u' })).toBe('/cfg/config.json');
    expect(dockerConfigFile({ HOME: '/home/u' })).toBe('/home/u/.docker/config.json');
  });
});

describe('lookupCredentials', () => {
  let dir = '';
  let env: Record<string, string> = {};
  const config = (value: unknown) => writeFileSync(join(dir, 'config.json'), JSON.stringify(value));
  const basic = (user: string, password: string) => Buffer.from(`${user}:${password}`).toString('base64');
  const SECRET = 'pa:ss-w0rd-not-in-any-message';

  /** `docker-credential-<name>` on PATH: logs its stdin, answers `answer` (stdout) with `code`. */
  function helper(name: string, answer: string, code = 0): string {
    const log = join(dir, `${name}.log`);
    const script = join(dir, 'bin', `docker-credential-${name}`);
    writeFileSync(
      script,
      `#!/bin/sh\nprintf '%s ' "$1" >>'${log}'\ncat >>'${log}'\necho >>'${log}'\nprintf '%s' '${answer}'\nexit ${code}\n`,
    );
    chmodSync(script, 0o755);
    return log;
  }

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'initsteps-auth-'));
    mkdirSync(join(dir, 'bin'));
    env = { DOCKER_CONFIG: dir, HOME: '/nonexistent', PATH: `${join(dir, 'bin')}:/usr/bin:/bin` };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is anonymous when there is no config file', async () => {
    expect(await lookupCredentials('ghcr.io/o/a:1', env)).toEqual({
      registry: 'ghcr.io',
      configFile: join(dir, 'config.json'),
    });
  });

  it('reads an auths entry: `auth` as base64 user:password (the password may hold a colon)', async () => {
    config({ auths: { '127.0.0.1:5000': { auth: basic('user', SECRET) } } });
    const found = await lookupCredentials('127.0.0.1:5000/t/a:1', env);
    expect(found.credentials).toEqual({
      username: 'user',
      password: SECRET,
      serveraddress: '127.0.0.1:5000',
    });
    expect(found.source).toBe(`auths in ${join(dir, 'config.json')}`);
  });

  it('reads username/password and identitytoken fields, under any spelling of the host', async () => {
    config({
      auths: {
        'https://ghcr.io/v2/': { username: 'u', password: 'p' },
        'http://quay.io': { identitytoken: 'tok' },
      },
    });
    expect((await lookupCredentials('ghcr.io/o/a', env)).credentials).toEqual({
      username: 'u',
      password: 'p',
      serveraddress: 'ghcr.io',
    });
    expect((await lookupCredentials('quay.io/o/a', env)).credentials).toEqual({
      identitytoken: 'tok',
      serveraddress: 'quay.io',
    });
  });

  it("finds Docker Hub's credentials under https://index.docker.io/v1/ for an image with no host", async () => {
    config({ auths: { 'https://index.docker.io/v1/': { auth: basic('hub', 'pw') } } });
    for (const ref of ['busybox', 'org/app:1', 'docker.io/org/app', 'index.docker.io/org/app']) {
      expect((await lookupCredentials(ref, env)).credentials, ref).toEqual({
        username: 'hub',
        password: 'pw',
        serveraddress: 'https://index.docker.io/v1/',
      });
    }
  });

  it("ignores another registry's entry and an entry without credentials", async () => {
    config({ auths: { 'ghcr.io': { auth: basic('u', 'p') }, 'quay.io': {} } });
    expect((await lookupCredentials('127.0.0.1:5000/a', env)).credentials).toBeUndefined();
    expect((await lookupCredentials('quay.io/a', env)).credentials).toBeUndefined();
  });

  it('asks the registry’s credHelpers entry over credsStore and auths, with the server URL on stdin', async () => {
    const log = helper('mine', JSON.stringify({ ServerURL: 'x', Username: 'helped', Secret: SECRET }));
    helper('store', JSON.stringify({ Username: 'wrong', Secret: 'wrong' }));
    config({
      credHelpers: { '127.0.0.1:5000': 'mine' },
      credsStore: 'store',
      auths: { '127.0.0.1:5000': { auth: basic('file', 'file') } },
    });
    const found = await lookupCredentials('127.0.0.1:5000/t/a:1', env);
    expect(found.credentials).toEqual({
      username: 'helped',
      password: SECRET,
      serveraddress: '127.0.0.1:5000',
    });
    expect(found.source).toBe('docker-credential-mine');
    expect(readFileSync(log, 'utf8')).toBe('get 127.0.0.1:5000\n');
  });

  it('asks credsStore for any registry, with https://index.docker.io/v1/ for Docker Hub', async () => {
    const log = helper('store', JSON.stringify({ Username: 'hub', Secret: 's' }));
    config({ credsStore: 'store' });
    expect((await lookupCredentials('busybox', env)).credentials).toEqual({
      username: 'hub',
      password: 's',
      serveraddress: 'https://index.docker.io/v1/',
    });
    expect(readFileSync(log, 'utf8')).toBe('get https://index.docker.io/v1/\n');
  });

  it('takes a helper’s `<token>` user name as an identity token', async () => {
    helper('tok', JSON.stringify({ Username: '<token>', Secret: 'refresh-token' }));
    config({ credsStore: 'tok' });
    expect((await lookupCredentials('ghcr.io/o/a', env)).credentials).toEqual({
      identitytoken: 'refresh-token',
      serveraddress: 'ghcr.io',
    });
  });

  it('pulls anonymously when the helper has nothing for the registry', async () => {
    helper('empty', 'credentials not found in native keychain', 1);
    config({ credsStore: 'empty' });
    const found = await lookupCredentials('ghcr.io/o/a', env);
    expect(found.credentials).toBeUndefined();
    expect(found.source).toBeUndefined();
  });

  it('fails naming the helper (and never the secret) when it is missing, fails or answers garbage', async () => {
    const failure = async (): Promise<RegistryAuthError> => {
      const e: unknown = await lookupCredentials('ghcr.io/o/a', env).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(RegistryAuthError);
      expect((e as Error).message).not.toContain(SECRET);
      return e as RegistryAuthError;
    };
    config({ credsStore: 'absent' });
    expect((await failure()).message).toBe(
      'reading the credentials for ghcr.io with docker-credential-absent: not found on PATH (credsStore or credHelpers names it)',
    );
    helper('broken', 'keychain locked', 3);
    config({ credsStore: 'broken' });
    expect((await failure()).message).toBe(
      'reading the credentials for ghcr.io with docker-credential-broken: exit code 3: keychain locked',
    );
    helper('garbage', `{"Secret": "${SECRET}"`);
    config({ credsStore: 'garbage' });
    expect((await failure()).message).toBe(
      'reading the credentials for ghcr.io with docker-credential-garbage: its answer is not JSON',
    );
    config({ credsStore: '../../bin/sh' });
    expect((await failure()).message).toBe('credential helper name "../../bin/sh" is not a plain name');
  });

  it('refuses a config file that is not JSON without quoting it', async () => {
    writeFileSync(join(dir, 'config.json'), `{"auths": {"x": {"auth": "${SECRET}"}`);
    const e: unknown = await lookupCredentials('x/a', env).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RegistryAuthError);
    expect((e as Error).message).toBe(`${join(dir, 'config.json')} is not valid JSON`);
  });
});
