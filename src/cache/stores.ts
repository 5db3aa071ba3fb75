// Where snapshots live between runs: the GitHub Actions cache service (through @actions/cache, which adds
// its own tar + zstd/gzip around the snapshot file) or a plain directory (CLI `up --cache-dir`, for a
// laptop or a self-hosted runner). Both hold the same snapshot archive, one file per key.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { lstat, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import * as actionsCache from '@actions/cache';
import { errorMessage } from '../errors.js';
import { isEntryOfBase } from './key.js';

const CHUNK = 1 << 20;

/** A store operation failed (service unreachable, refused, disk error); the cache treats it as a warning. */
export class CacheStoreError extends Error {
  override readonly name = 'CacheStoreError';
}

export interface SnapshotStore {
  /** For messages: "the GitHub Actions cache", "cache directory /x". */
  readonly description: string;
  /** Where to write the snapshot for `key` before `put` (the store may need an exact path). */
  stagingFile(key: string): string;
  /**
   * The entry for exactly `key`; on a miss, with `basePrefix`, the newest entry of that base (a key that
   * `isEntryOfBase` accepts, nothing else); undefined when there is neither.
   */
  fetch(key: string, basePrefix?: string): Promise<FetchedSnapshot | undefined>;
  /** Store the staged file as `key`; the file is consumed either way. */
  put(key: string, file: string): Promise<void>;
}

/** An entry being read. */
export interface FetchedSnapshot {
  /** The key of the entry found: the one asked for, or an entry of its base. */
  key: string;
  /** Its bytes, once; the stream fails if the store cannot deliver them all. */
  read(): Readable;
  /** Done with it; `corrupt` when it failed verification (a directory store then drops it). */
  release(corrupt: boolean): Promise<void>;
}

/** Entries a cache directory keeps per base key; older ones go when a new one is stored (docs/cache.md). */
export const DIR_ENTRIES_PER_BASE = 3;

/** A key's base prefix: everything before its full hash. */
const basePrefixOf = (key: string): string => key.slice(0, key.length - 64);

/**
 * One `<key>.tar` per entry; writes land in `.partial/` and are renamed in, so readers never see half a
 * file. Storing an entry removes the oldest of its base beyond DIR_ENTRIES_PER_BASE.
 */
export class DirCacheStore implements SnapshotStore {
  readonly description: string;

  constructor(readonly dir: string) {
    this.description = `cache directory ${dir}`;
  }

  private entry(key: string): string {
    return join(this.dir, `${key}.tar`);
  }

  stagingFile(key: string): string {
    return join(this.dir, '.partial', `${key}.${randomUUID()}.tar`);
  }

  /** The entries of the base, newest first (by the time they were written). */
  private async entriesOf(basePrefix: string): Promise<{ key: string; mtimeMs: number }[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (e: unknown) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const keys = names
      .filter((n) => n.endsWith('.tar'))
      .map((n) => n.slice(0, -'.tar'.length))
      .filter((k) => isEntryOfBase(k, basePrefix));
    const found = await Promise.all(
      keys.map(async (key) => {
        try {
          return [{ key, mtimeMs: (await stat(this.entry(key))).mtimeMs }];
        } catch {
          return []; // removed meanwhile
        }
      }),
    );
    return found.flat().sort((a, b) => b.mtimeMs - a.mtimeMs);
  }

  async fetch(key: string, basePrefix?: string): Promise<FetchedSnapshot | undefined> {
    const found = existsSync(this.entry(key))
      ? key
      : basePrefix === undefined
        ? undefined
        : (await this.entriesOf(basePrefix))[0]?.key;
    if (found === undefined) return undefined;
    const file = this.entry(found);
    return {
      key: found,
      read: () => createReadStream(file, { highWaterMark: CHUNK }),
      release: async (corrupt) => {
        if (corrupt) await rm(file, { force: true });
      },
    };
  }

  async put(key: string, file: string): Promise<void> {
    try {
      await rename(file, this.entry(key));
    } catch (e: unknown) {
      await rm(file, { force: true });
      throw new CacheStoreError(`could not store ${key} in ${this.dir}: ${errorMessage(e)}`);
    }
    // Eviction is housekeeping: an entry that cannot be removed now is removed by a later save.
    try {
      for (const old of (await this.entriesOf(basePrefixOf(key))).slice(DIR_ENTRIES_PER_BASE)) {
        await rm(this.entry(old.key), { force: true });
      }
    } catch {
      // kept for now
    }
  }
}

/** How often a file being extracted is looked at again. */
const POLL_MS = 5;

/**
 * The bytes of a file another process is writing front to back, until `complete` settles: true, the
 * file is whole; false, it never will be (an error of the stream).
 */
export async function* followFile(file: string, complete: Promise<boolean>): AsyncGenerator<Buffer> {
  let outcome: boolean | undefined;
  void complete.then((ok) => (outcome = ok));
  const fh = await open(file, 'r');
  try {
    // A fresh buffer only after one was handed out: polls that find nothing reuse it.
    let buffer = Buffer.allocUnsafe(CHUNK);
    for (let at = 0; ;) {
      // Seen before the read: a read that then finds nothing new is at the end for good.
      const settled = outcome;
      const { bytesRead } = await fh.read(buffer, 0, CHUNK, at);
      if (bytesRead > 0) {
        at += bytesRead;
        yield buffer.subarray(0, bytesRead);
        buffer = Buffer.allocUnsafe(CHUNK);
      } else if (settled === true) {
        return;
      } else if (settled === false) {
        throw new CacheStoreError('the cache entry could not be downloaded and extracted');
      } else {
        await Promise.race([sleep(POLL_MS), complete]);
      }
    }
  } finally {
    await fh.close();
  }
}

/**
 * Every key `computeProjectKey` makes, `initsteps-2-<project>-<base sha256>-<full sha256>` (a project name
 * as `--project` accepts it, at most MAX_KEY_PROJECT_CHARS), so at most 502 characters of the 512 the cache
 * service allows. Only such a key names a staging directory: no `/`, no `.`, nothing the post step could
 * be steered outside with, and no key of another format (format-1 entries are never restored or saved).
 */
export const CACHE_KEY = /^initsteps-2-[a-z0-9][a-z0-9_-]{0,359}-[0-9a-f]{64}-[0-9a-f]{64}$/;

/**
 * The one path given to @actions/cache for every entry. It derives an entry's version from the paths as
 * given (and the compression method), and stores each file under its path relative to GITHUB_WORKSPACE;
 * a relative path with GITHUB_WORKSPACE (and, for the save's glob, the working directory) pointed at
 * the key's staging directory makes the version the same on every runner, whatever its RUNNER_TEMP or
 * workspace, and extracts the entry into this job's own staging directory (docs/cache.md, "Where it lives").
 */
const SNAPSHOT = 'snapshot.tar';

/** One @actions/cache call at a time changes the process-wide directory it works in (see SNAPSHOT). */
let inDirectoryQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs `fn` with GITHUB_WORKSPACE (and with `chdir`, the working directory) set to `dir`, restoring both
 * once it settled. @actions/cache reads them from the process, and a restore reads GITHUB_WORKSPACE only
 * when it extracts, after the download: the whole call runs inside.
 */
function inDirectory<T>(dir: string, chdir: boolean, fn: () => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    const workspace = process.env.GITHUB_WORKSPACE;
    const cwd = process.cwd();
    process.env.GITHUB_WORKSPACE = dir;
    if (chdir) process.chdir(dir);
    try {
      return await fn();
    } finally {
      if (chdir) process.chdir(cwd);
      if (workspace === undefined) delete process.env.GITHUB_WORKSPACE;
      else process.env.GITHUB_WORKSPACE = workspace;
    }
  };
  const result = inDirectoryQueue.then(run, run);
  inDirectoryQueue = result.catch(() => undefined);
  return result;
}

/**
 * The Actions cache (v2 service when the runner enables it). One snapshot file per key under
 * `$RUNNER_TEMP/initsteps-cache/<key>/`, given to @actions/cache as SNAPSHOT relative to that directory.
 * Restores look up the exact key, then (when asked) the base prefix as a restore key, which the service
 * matches against this branch's entries, then the base branch's, newest first. The post step uploads what
 * main staged here, named in the runner's state: the store accepts only its own staging file of a
 * well-formed key, and removes only a staging directory it derived from one (docs/action.md).
 */
export class ActionsCacheStore implements SnapshotStore {
  readonly description = 'the GitHub Actions cache';
  readonly root: string;

  constructor(env: Record<string, string | undefined> = process.env) {
    this.root = join(env.RUNNER_TEMP || tmpdir(), 'initsteps-cache');
  }

  /** `<root>/<key>`, for a key of the expected shape only. */
  private stagingDir(key: string): string {
    if (!CACHE_KEY.test(key))
      throw new CacheStoreError(`"${key.slice(0, 600)}" is not an initsteps cache key`);
    return join(this.root, key);
  }

  stagingFile(key: string): string {
    return join(this.stagingDir(key), SNAPSHOT);
  }

  /**
   * The staging directory of `key` when `file` is its snapshot as main left it: a regular file in a real
   * directory under a real root (a symlink anywhere on the way could point the upload, or the removal,
   * elsewhere). Throws, removing nothing, otherwise.
   */
  private async staged(key: string, file: string): Promise<string> {
    const dir = this.stagingDir(key);
    if (file !== join(dir, SNAPSHOT)) {
      throw new CacheStoreError(`${file.slice(0, 600)} is not where ${key} is staged`);
    }
    const kind = async (path: string): Promise<string> => {
      try {
        const st = await lstat(path);
        return st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
      } catch {
        return 'missing';
      }
    };
    const found = [await kind(this.root), await kind(dir), await kind(file)];
    if (found.join() !== 'dir,dir,file') {
      throw new CacheStoreError(`the staged snapshot of ${key} is not a regular file in ${this.root}`);
    }
    return dir;
  }

  private available(): void {
    if (!actionsCache.isFeatureAvailable()) {
      throw new CacheStoreError(
        'the Actions cache service is not available to this step (ACTIONS_RESULTS_URL unset)',
      );
    }
  }

  /**
   * The entry, readable while @actions/cache is still extracting it: its tar writes the file front to
   * back, so the restore follows the file as it grows instead of waiting for the whole snapshot to be
   * decompressed to disk first (verification checks every byte either way). Which entry the service
   * would serve is looked up first, so the reader knows the key it must find in the manifest.
   */
  async fetch(key: string, basePrefix?: string): Promise<FetchedSnapshot | undefined> {
    this.available();
    const dir = this.stagingDir(key);
    const file = join(dir, SNAPSHOT);
    // A snapshot this job staged for its post step to upload: not ours to replace or follow.
    if (existsSync(file)) return undefined;
    const restoreKeys = basePrefix === undefined ? [] : [basePrefix];
    // A miss and a failure look alike here: @actions/cache logs its own warning for a failure (and
    // throws only for a key or path it refuses).
    const matched = await actionsCache.restoreCache([SNAPSHOT], key, restoreKeys, { lookupOnly: true });
    if (matched === undefined) return undefined;
    if (matched !== key && !(basePrefix !== undefined && isEntryOfBase(matched, basePrefix))) {
      throw new CacheStoreError(`the cache service answered ${key} with ${matched.slice(0, 600)}`);
    }
    await mkdir(dir, { recursive: true });
    const restoring = inDirectory(dir, false, () => actionsCache.restoreCache([SNAPSHOT], matched, []));
    const complete = restoring.then(
      (hit) => hit === matched,
      () => false,
    );
    const release = async (): Promise<void> => {
      await complete;
      await rm(dir, { recursive: true, force: true });
    };
    // Until the file appears (the download is done and extraction began) or the restore ends.
    let ended = false;
    void complete.then(() => (ended = true));
    while (!ended && !existsSync(file)) await Promise.race([sleep(POLL_MS), complete]);
    if (!existsSync(file)) {
      await release();
      await restoring;
      return undefined;
    }
    return { key: matched, read: () => Readable.from(followFile(file, complete)), release };
  }

  async put(key: string, file: string): Promise<void> {
    const dir = await this.staged(key, file);
    try {
      this.available();
      let id: number;
      try {
        id = await inDirectory(dir, true, () => actionsCache.saveCache([SNAPSHOT], key));
      } catch (e: unknown) {
        throw new CacheStoreError(`the cache service refused ${key}: ${errorMessage(e)}`);
      }
      // -1: @actions/cache already said why (read-only token, a concurrent save, a server error).
      if (id === -1) throw new CacheStoreError(`the cache service did not store ${key}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
