// Where snapshots live between runs: the GitHub Actions cache service (through @actions/cache, which adds
// its own tar + zstd/gzip around the snapshot file) or a plain directory (CLI `up --cache-dir`, for a
// laptop or a self-hosted runner). Both hold the same snapshot archive, one file per key.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as actionsCache from '@actions/cache';
import { errorMessage } from '../errors.js';

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
  /** A local file with the entry for exactly `key`, or undefined on a miss. */
  fetch(key: string): Promise<string | undefined>;
  /** Done with a fetched file; `corrupt` when it failed verification (a directory store then drops it). */
  release(key: string, file: string, corrupt: boolean): Promise<void>;
  /** Store the staged file as `key`; the file is consumed either way. */
  put(key: string, file: string): Promise<void>;
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

  async fetch(key: string): Promise<string | undefined> {
    const file = this.entry(key);
    return existsSync(file) ? file : undefined;
  }

  async release(key: string, file: string, corrupt: boolean): Promise<void> {
    if (corrupt) await rm(file, { force: true });
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

/**
 * The Actions cache (v2 service when the runner enables it). One snapshot file per key under
 * `$RUNNER_TEMP/initsteps-cache/<key>/`: @actions/cache derives the entry's version from the paths, so
 * save and restore must name the same path. Restores use the exact key, never restore keys.
 */
export class ActionsCacheStore implements SnapshotStore {
  readonly description = 'the GitHub Actions cache';
  readonly root: string;

  constructor(env: Record<string, string | undefined> = process.env) {
    this.root = join(env.RUNNER_TEMP || tmpdir(), 'initsteps-cache');
  }

  stagingFile(key: string): string {
    return join(this.root, key, 'snapshot.tar');
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

  async fetch(key: string): Promise<string | undefined> {
    this.available();
    const file = this.stagingFile(key);
    await mkdir(dirname(file), { recursive: true });
    // A miss and a failure look alike here: @actions/cache logs its own warning for a failure.
    const hit = await actionsCache.restoreCache([file], key, []);
    return hit === key && existsSync(file) ? file : undefined;
  }

  async release(_key: string, file: string): Promise<void> {
    await rm(dirname(file), { recursive: true, force: true });
  }

  async put(key: string, file: string): Promise<void> {
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
      await rm(dirname(file), { recursive: true, force: true });
    }
  }
}
