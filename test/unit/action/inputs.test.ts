import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { expandSpecs, getInput, parseInputs } from '../../../src/action/inputs.js';

let ws: string;
beforeAll(async () => {
  ws = await mkdtemp(path.join(tmpdir(), 'initsteps-inputs-'));
  await mkdir(path.join(ws, 'specs/nested'), { recursive: true });
  for (const f of ['specs/b.yaml', 'specs/a.yaml', 'specs/nested/c.yaml', 'specs/skip.yaml', 'other.yml']) {
    await writeFile(path.join(ws, f), 'kind: Service\n');
  }
});

const parse = (inputs: Record<string, string>) =>
  parseInputs(
    Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ws,
  );

const rejection = async (inputs: Record<string, string>): Promise<UsageError> => {
  const e: unknown = await parse(inputs).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UsageError);
  return e as UsageError;
};

describe('parseInputs', () => {
  it('applies the documented defaults', async () => {
    expect(await parse({ spec: 'other.yml' })).toEqual({
      specPatterns: ['other.yml'],
      specFiles: [path.join(ws, 'other.yml')],
      services: undefined,
      project: undefined,
      timeoutMs: undefined,
      lockTimeoutMs: 600_000,
      cache: true,
      allowPrivileged: false,
      cleanup: true,
      summary: true,
      cacheMaxSizeBytes: 2 * 1024 ** 3,
      cacheSecrets: false,
      cacheRestoreBase: true,
    });
  });

  it('parses every input', async () => {
    const inputs = await parse({
      spec: 'other.yml',
      services: 'db, tb\nweb',
      project: 'ci-demo',
      timeout: '1h30m',
      'lock-timeout': '0',
      cache: 'false',
      'allow-privileged': 'TRUE',
      cleanup: 'False',
      summary: 'false',
      'cache-max-size': '500MiB',
      'cache-secrets': 'true',
    });
    expect(inputs).toMatchObject({
      services: ['db', 'tb', 'web'],
      project: 'ci-demo',
      timeoutMs: 5_400_000,
      lockTimeoutMs: 0,
      cache: false,
      allowPrivileged: true,
      cleanup: false,
      summary: false,
      cacheMaxSizeBytes: 500 * 1024 ** 2,
      cacheSecrets: true,
    });
  });

  it('reads allow-privileged from INPUT_ALLOW-PRIVILEGED, dash kept, as the runner sets it', () => {
    expect(getInput({ 'INPUT_ALLOW-PRIVILEGED': ' true ' }, 'allow-privileged')).toBe('true');
  });

  it('needs a spec', async () => {
    expect((await rejection({ spec: '  \n ' })).message).toMatch(/input "spec" is required/);
  });

  it('names the input and what it accepts on a bad value', async () => {
    expect((await rejection({ spec: 'other.yml', timeout: '5 parsecs' })).message).toBe(
      'input "timeout": "5 parsecs" is not a duration; use units ms, s, m, h, combinable (90s, 10m, 1h30m), ' +
        'or a bare number of seconds, up to 596h',
    );
    expect((await rejection({ spec: 'other.yml', cache: 'maybe' })).message).toBe(
      'input "cache": "maybe" is not a boolean; use true or false (default true)',
    );
    expect((await rejection({ spec: 'other.yml', 'cache-secrets': 'yes' })).message).toBe(
      'input "cache-secrets": "yes" is not a boolean; use true or false (default false)',
    );
    expect((await rejection({ spec: 'other.yml', 'cache-max-size': 'huge' })).message).toMatch(
      /^input "cache-max-size": "huge" is not a size; use bytes or a unit like/,
    );
    expect((await rejection({ spec: 'other.yml', timeout: '0' })).message).toMatch(/^input "timeout"/);
    expect((await rejection({ spec: 'other.yml', 'lock-timeout': 'forever' })).message).toBe(
      'input "lock-timeout": "forever" is not a duration; use units ms, s, m, h, combinable (30s, 10m), ' +
        'a bare number of seconds, or 0 to fail at once when another run holds the project',
    );
  });

  it('checks scalar inputs before the spec globs', async () => {
    expect((await rejection({ spec: 'missing.yaml', cleanup: 'yes' })).message).toMatch(/^input "cleanup"/);
  });
});

describe('expandSpecs', () => {
  it('expands globs relative to the workspace, sorted per line, each file once', async () => {
    expect(await expandSpecs(['specs/*.yaml', 'other.yml', 'specs/a.yaml'], ws)).toEqual(
      ['specs/a.yaml', 'specs/b.yaml', 'specs/skip.yaml', 'other.yml'].map((f) => path.join(ws, f)),
    );
    expect(await expandSpecs(['specs/**/*.yaml', '!specs/skip.yaml'], ws)).toEqual(
      ['specs/a.yaml', 'specs/b.yaml', 'specs/nested/c.yaml'].map((f) => path.join(ws, f)),
    );
  });

  it('accepts absolute paths', async () => {
    expect(await expandSpecs([path.join(ws, 'other.yml')], ws)).toEqual([path.join(ws, 'other.yml')]);
  });

  it('fails on a line that matches nothing, naming it', async () => {
    await expect(expandSpecs(['specs/*.yaml', 'spec/typo.yaml'], ws)).rejects.toThrow(
      `input "spec": no file matches "spec/typo.yaml" (paths and globs are relative to ${ws})`,
    );
  });
});
