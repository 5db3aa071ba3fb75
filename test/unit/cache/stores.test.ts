import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionsCacheStore, CacheStoreError, followFile } from '../../../src/cache/stores.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'initsteps-stores-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Appends `parts` to `file` one by one, a few ms apart (another process extracting it); resolves `ok`. */
async function writeSlowly(file: string, parts: Buffer[], ok: boolean): Promise<boolean> {
  for (const part of parts) {
    await tick(15);
    appendFileSync(file, part);
  }
  return ok;
}

async function collect(gen: AsyncGenerator<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of gen) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('followFile (a snapshot read while @actions/cache extracts it)', () => {
  const parts = Array.from({ length: 6 }, (_, i) => Buffer.alloc(300_000 + i, i + 1));

  it('reads every byte written before the writer finished, and stops there', async () => {
    const file = join(dir, 'snapshot.tar');
    writeFileSync(file, '');
    const done = writeSlowly(file, parts, true);
    expect((await collect(followFile(file, done))).equals(Buffer.concat(parts))).toBe(true);
  });

  it('fails when the writer gives up (a download that broke off)', async () => {
    const file = join(dir, 'snapshot.tar');
    writeFileSync(file, '');
    const done = writeSlowly(file, parts.slice(0, 2), false);
    await expect(collect(followFile(file, done))).rejects.toThrow(CacheStoreError);
  });
});

describe('ActionsCacheStore staging (what post may upload and remove)', () => {
  const key = `initsteps-1-app-db-0-${'ab'.repeat(32)}`;
  let store: ActionsCacheStore;
  let outside: string;
  beforeEach(() => {
    store = new ActionsCacheStore({ RUNNER_TEMP: join(dir, 'temp') });
    // What a forged state would point at: a directory outside the staging root, with a sentinel.
    outside = join(dir, 'workspace', 'src');
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(outside, 'sentinel'), 'keep me');
  });

  const stage = (k = key): string => {
    const file = store.stagingFile(k);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, 'snapshot');
    return file;
  };

  it('names staging files only for keys of the expected shape', () => {
    expect(store.stagingFile(key)).toBe(join(dir, 'temp', 'initsteps-cache', key, 'snapshot.tar'));
    expect(store.stagingFile(`initsteps-2-app-${'1'.repeat(64)}-${'2'.repeat(64)}`)).toMatch(
      /snapshot\.tar$/,
    );
    for (const bad of [
      '../../workspace/src',
      `initsteps-1-app-db-0-${'ab'.repeat(32)}/../../x`,
      `initsteps-1-../x-${'ab'.repeat(32)}`,
      `initsteps-1-app-db-0-${'AB'.repeat(32)}`,
      `initsteps-1-app-db-0-${'ab'.repeat(31)}`,
      `initsteps-1-${'a'.repeat(450)}-${'ab'.repeat(32)}`,
      '',
    ]) {
      expect(() => store.stagingFile(bad), bad).toThrow(CacheStoreError);
    }
  });

  it('refuses to upload or remove anything but its own staging file of the key', async () => {
    stage();
    for (const [k, file] of [
      [key, join(outside, 'sentinel')],
      // Not normalised: the same file by another spelling is not the staging file either.
      [key, `${store.root}/${key}/../${key}/snapshot.tar`],
      ['../../workspace/src', join(outside, 'snapshot.tar')],
    ] as const) {
      await expect(store.put(k, file)).rejects.toThrow(CacheStoreError);
    }
    expect(readFileSync(join(outside, 'sentinel'), 'utf8')).toBe('keep me');
    expect(existsSync(store.stagingFile(key))).toBe(true);
  });

  it('refuses a staging directory, file or root that is a symlink, and removes nothing through it', async () => {
    // The key's directory pointing outside: the upload would read, the removal would empty, elsewhere.
    mkdirSync(store.root, { recursive: true });
    symlinkSync(outside, join(store.root, key));
    writeFileSync(join(outside, 'snapshot.tar'), 'not a snapshot');
    await expect(store.put(key, store.stagingFile(key))).rejects.toThrow(/not a regular file/);
    expect(readFileSync(join(outside, 'sentinel'), 'utf8')).toBe('keep me');

    // The snapshot itself a symlink to a file outside.
    const other = `initsteps-1-app-db-1-${'cd'.repeat(32)}`;
    mkdirSync(join(store.root, other));
    symlinkSync(join(outside, 'sentinel'), store.stagingFile(other));
    await expect(store.put(other, store.stagingFile(other))).rejects.toThrow(/not a regular file/);
    expect(existsSync(store.stagingFile(other))).toBe(true);

    // The root a symlink: every path under it leads elsewhere.
    const elsewhere = new ActionsCacheStore({ RUNNER_TEMP: join(dir, 'temp2') });
    mkdirSync(join(dir, 'temp2'));
    mkdirSync(join(outside, key));
    writeFileSync(join(outside, key, 'snapshot.tar'), 'x');
    symlinkSync(outside, elsewhere.root);
    await expect(elsewhere.put(key, elsewhere.stagingFile(key))).rejects.toThrow(/not a regular file/);
    expect(existsSync(join(outside, key, 'snapshot.tar'))).toBe(true);
  });

  it('removes its own staging directory once it tried the upload, even when the service is unavailable', async () => {
    const file = stage();
    await expect(store.put(key, file)).rejects.toThrow(/not available/);
    expect(existsSync(join(file, '..'))).toBe(false);
    expect(existsSync(store.root)).toBe(true);
  });
});
