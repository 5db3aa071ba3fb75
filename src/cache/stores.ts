// Where snapshots live between runs: the GitHub Actions cache service (through @actions/cache, which adds
// its own tar + zstd/gzip around the snapshot file) or a plain directory (CLI `up --cache-dir`, for a
// laptop or a self-hosted runner). Both hold the same snapshot archive, one file per key.
import { randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import * as actionsCache from '@actions/cache';
import { errorMessage } from '../errors.js';

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
  /** Whether an entry for `key` exists, without downloading it. */
  has(key: string): Promise<boolean>;
  /** The entry for exactly `key`, or undefined on a miss. */
  fetch(key: string): Promise<FetchedSnapshot | undefined>;
  /** Store the staged file as `key`; the file is consumed either way. */
  put(key: string, file: string): Promise<void>;
}

/** An entry being read. */
export interface FetchedSnapshot {
  /** Its bytes, once; the stream fails if the store cannot deliver them all. */
  read(): Readable;
  /** Done with it; `corrupt` when it failed verification (a directory store then drops it). */
  release(corrupt: boolean): Promise<void>;
}

/** One `<key>.tar` per entry; writes land in `.partial/` and are renamed in, so readers never see half a file. */
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

  async has(key: string): Promise<boolean> {
    return existsSync(this.entry(key));
  }

  async fetch(key: string): Promise<FetchedSnapshot | undefined> {
    const file = this.entry(key);
    if (!existsSync(file)) return undefined;
    return {
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
 * Every key `computeCacheKey` makes (`initsteps-<format>-<project>-<instance>-<sha256>`, and any later
 * format that still ends in a sha256), at most 512 characters as the cache service allows. Only such a
 * key names a staging directory: no `/`, no `.`, nothing the post step could be steered outside with.
 */
export const CACHE_KEY = /^initsteps-[0-9]{1,4}-[a-z0-9][a-z0-9_-]{0,400}-[0-9a-f]{64}$/;

const SNAPSHOT = 'snapshot.tar';

/**
 * The Actions cache (v2 service when the runner enables it). One snapshot file per key under
 * `$RUNNER_TEMP/initsteps-cache/<key>/`: @actions/cache derives the entry's version from the paths, so
 * save and restore must name the same path. Restores use the exact key, never restore keys. The post step
 * uploads what main staged here, named in the runner's state: the store accepts only its own staging file
 * of a well-formed key, and removes only a staging directory it derived from one (docs/action.md).
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

  async has(key: string): Promise<boolean> {
    this.available();
    return (await actionsCache.restoreCache([this.stagingFile(key)], key, [], { lookupOnly: true })) === key;
  }

  /**
   * The entry, readable while @actions/cache is still extracting it: its tar writes the file front to
   * back, so the restore follows the file as it grows instead of waiting for the whole snapshot to be
   * decompressed to disk first (verification checks every byte either way).
   */
  async fetch(key: string): Promise<FetchedSnapshot | undefined> {
    this.available();
    const file = this.stagingFile(key);
    // A snapshot this job staged for its post step to upload: not ours to replace or follow.
    if (existsSync(file)) return undefined;
    await mkdir(this.stagingDir(key), { recursive: true });
    // A miss and a failure look alike here: @actions/cache logs its own warning for a failure (and
    // throws only for a key or path it refuses).
    const restoring = actionsCache.restoreCache([file], key, []);
    const complete = restoring.then(
      (hit) => hit === key,
      () => false,
    );
    const release = async (): Promise<void> => {
      await complete;
      await rm(this.stagingDir(key), { recursive: true, force: true });
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
    return { read: () => Readable.from(followFile(file, complete)), release };
  }

  async put(key: string, file: string): Promise<void> {
    const dir = await this.staged(key, file);
    try {
      this.available();
      let id: number;
      try {
        id = await actionsCache.saveCache([file], key);
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
