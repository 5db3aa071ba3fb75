import {
  appendFileSync,
  readdirSync,
  utimesSync,
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
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ActionsCacheStore,
  CacheStoreError,
  DIR_ENTRIES_PER_BASE,
  DirCacheStore,
  followFile,
  type FetchedSnapshot,
} from '../../../src/cache/stores.js';
import { CacheServer } from '../../support/cache-server.js';

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
  const key = `initsteps-2-app-${'c'.repeat(64)}-${'ab'.repeat(32)}`;
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
    expect(store.stagingFile(`initsteps-2-my_app-2-${'1'.repeat(64)}-${'2'.repeat(64)}`)).toMatch(
      /snapshot\.tar$/,
    );
    for (const bad of [
      '../../workspace/src',
      `${key}/../../x`,
      `initsteps-2-../x-${'c'.repeat(64)}-${'ab'.repeat(32)}`,
      `initsteps-2-app-${'c'.repeat(64)}-${'AB'.repeat(32)}`,
      `initsteps-2-app-${'c'.repeat(64)}-${'ab'.repeat(31)}`,
      `initsteps-2-app-${'ab'.repeat(32)}`,
      `initsteps-2-${'a'.repeat(361)}-${'c'.repeat(64)}-${'ab'.repeat(32)}`,
      // Another format: format-1 entries are never staged, saved or restored.
      `initsteps-1-app-db-0-${'ab'.repeat(32)}`,
      `initsteps-3-app-${'c'.repeat(64)}-${'ab'.repeat(32)}`,
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
    const other = `initsteps-2-app-${'c'.repeat(64)}-${'cd'.repeat(32)}`;
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

describe('DirCacheStore: which entry a restore gets, and what a save evicts', () => {
  const base = (b: string) => `initsteps-2-app-${b.repeat(64)}-`;
  const entry = (b: string, f: string) => `${base(b)}${f.repeat(64)}`;
  /** An entry file written `ageS` seconds ago. */
  const put = (store: DirCacheStore, key: string, ageS: number): void => {
    const file = join(store.dir, `${key}.tar`);
    writeFileSync(file, key);
    const at = Date.now() / 1000 - ageS;
    utimesSync(file, at, at);
  };
  const read = async (fetched: FetchedSnapshot | undefined): Promise<string | undefined> => {
    if (!fetched) return undefined;
    const chunks: Buffer[] = [];
    for await (const c of fetched.read()) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString();
  };

  it('gives the exact entry, else the newest of the base when asked, else nothing', async () => {
    const store = new DirCacheStore(dir);
    put(store, entry('b', '1'), 300);
    put(store, entry('b', '2'), 100);
    put(store, entry('b', '3'), 200);
    put(store, entry('c', '4'), 10);
    // Not entries of base b: another format, another base's prefix extended, a project named like the base.
    put(store, `initsteps-1-app-${'b'.repeat(58)}-${'5'.repeat(64)}`, 1);
    put(store, `${base('b')}${'6'.repeat(64)}-${'7'.repeat(64)}`, 1);
    writeFileSync(join(dir, `${entry('b', '8')}.partial`), 'not a .tar');

    expect(await read(await store.fetch(entry('b', '1'), base('b')))).toBe(entry('b', '1'));
    const newest = await store.fetch(entry('b', '9'), base('b'));
    expect(newest?.key).toBe(entry('b', '2'));
    expect(await read(newest)).toBe(entry('b', '2'));
    expect(await store.fetch(entry('b', '9'))).toBeUndefined();
    expect(await store.fetch(entry('d', '9'), base('d'))).toBeUndefined();
    expect(await new DirCacheStore(join(dir, 'absent')).fetch(entry('b', '9'), base('b'))).toBeUndefined();
  });

  it(`keeps the newest ${DIR_ENTRIES_PER_BASE} entries of a base when it stores one, and other bases as they are`, async () => {
    const store = new DirCacheStore(dir);
    for (const [i, f] of ['1', '2', '3', '4'].entries()) put(store, entry('b', f), 400 - i * 100);
    put(store, entry('c', '5'), 1000);
    const staged = store.stagingFile(entry('b', '6'));
    mkdirSync(join(staged, '..'), { recursive: true });
    writeFileSync(staged, 'new');
    await store.put(entry('b', '6'), staged);
    const left = readdirSync(dir)
      .filter((f) => f.endsWith('.tar'))
      .sort();
    expect(left).toEqual(
      [entry('b', '3'), entry('b', '4'), entry('b', '6'), entry('c', '5')].map((k) => `${k}.tar`).sort(),
    );
  });
});

describe('ActionsCacheStore: the entry version does not depend on RUNNER_TEMP or the workspace', () => {
  let server: CacheServer;
  beforeEach(async () => {
    server = await new CacheServer().start();
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await server.stop();
  });
  /** A runner: its own RUNNER_TEMP and workspace, at another depth each time. */
  const runner = (tag: string, depth: number): ActionsCacheStore => {
    const temp = join(dir, tag, ...Array.from({ length: depth }, (_, i) => `t${i}`));
    const workspace = join(dir, tag, 'work', ...Array.from({ length: depth }, (_, i) => `w${i}`));
    mkdirSync(temp, { recursive: true });
    mkdirSync(workspace, { recursive: true });
    for (const [name, value] of Object.entries(server.env(temp, workspace))) vi.stubEnv(name, value);
    return new ActionsCacheStore({ RUNNER_TEMP: temp });
  };
  const key = (f: string) => `initsteps-2-app-${'b'.repeat(64)}-${f.repeat(64)}`;

  it('saves on one runner and restores on another, exactly and by base, into its own staging directory', async () => {
    const saver = runner('hosted', 1);
    const cwd = process.cwd();
    for (const [f, body] of [
      ['1', 'older'],
      ['2', 'newer'],
    ] as const) {
      const file = saver.stagingFile(key(f));
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, body);
      await saver.put(key(f), file);
    }
    expect(process.cwd()).toBe(cwd);
    expect(server.entries.filter((e) => e.finalized).map((e) => e.key)).toEqual([key('1'), key('2')]);

    const restorer = runner('container', 4);
    const workspace = process.env.GITHUB_WORKSPACE;
    const exact = await restorer.fetch(key('1'));
    expect(exact?.key).toBe(key('1'));
    const chunks: Buffer[] = [];
    for await (const c of exact?.read() ?? []) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('older');
    await exact?.release(false);

    const byBase = await restorer.fetch(key('3'), key('3').slice(0, -64));
    expect(byBase?.key).toBe(key('2'));
    await byBase?.release(false);
    expect(await restorer.fetch(key('3'))).toBeUndefined();
    // Nothing landed in the workspace, and the process's workspace is as it was.
    expect(readdirSync(workspace as string)).toEqual([]);
    expect(process.env.GITHUB_WORKSPACE).toBe(workspace);
    expect(readdirSync(restorer.root)).toEqual([]);
  });
});
