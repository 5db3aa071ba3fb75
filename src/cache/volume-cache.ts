// The VolumeCache the engine calls once per `up` (docs/cache.md): one entry holds every persistent volume
// of the selected instances with their markers, so a restore never mixes volumes of two runs.
// Restore: only when every volume is fresh (no marker, empty); the exact key first, then (unless turned
// off) the newest entry of the same base key; the snapshot streams into the volumes while it is checked
// (entry by entry, then against its manifest; volumes that took a bad one are emptied again); then the
// markers are written for the volumes' new identities.
// Save: only what this run initialized from fresh or base-restored volumes, under this run's key, once,
// and only with `cacheSecrets` when the run's containers receive `valueFrom` values. Every failure is a
// warning through the observer; the run goes on as on fresh volumes.
import { LABEL } from '../engine/labels.js';
import type { CacheContext, CacheOutcome, RunObserver, VolumeCache } from '../engine/types.js';
import { errorMessage } from '../errors.js';
import { getMarkers, setMarkers } from '../markers/store.js';
import { ensureSandboxImage } from '../runtime/sandbox-image.js';
import type { ContainerRuntime } from '../runtime/types.js';
import { instanceContainers } from '../spec/model.js';
import {
  SnapshotInvalidError,
  SnapshotTooLargeError,
  holdsMoreThanRoot,
  printable,
  restoreSnapshot,
  writeSnapshot,
  type SavedMarkers,
  type VolumeSource,
} from './archive.js';
import {
  ImageNotPresentError,
  NoCacheKeyError,
  computeProjectKey,
  isEntryOfBase,
  type ProjectKey,
} from './key.js';
import type { SnapshotStore } from './stores.js';

export const DEFAULT_CACHE_MAX_BYTES = 2 * 1024 ** 3;

const WARNING_MAX_CHARS = 2000;

/** Where the helper container mounts each volume: flat, so nested mount paths cannot overlap. */
const HELPER_ROOT = '/initsteps-cache';

export interface VolumeCacheOptions {
  store: SnapshotStore;
  observer: RunObserver;
  runtime: ContainerRuntime;
  /** Snapshots above this are not saved (a warning), entries above it not restored. Default 2 GiB. */
  maxBytes?: number;
  /**
   * Save runs whose containers receive `valueFrom` values. The action passes its `cache-secrets` input
   * (default false: pull requests from forks can read the Actions cache); the CLI's cache directory is
   * the user's own and passes true. See docs/cache.md (who can read an entry).
   */
  cacheSecrets?: boolean;
  /**
   * On a miss of the exact key, restore the newest entry with the same base key (docs/cache.md, "Restore").
   * Default true; the action's `cache-restore-base: false` and the CLI's `--cache-exact` turn it off.
   */
  restoreBase?: boolean;
  /**
   * Keep snapshots on disk for `uploadPending` (the action's post step) instead of storing them in `save`,
   * so `up` returns without waiting for an upload. Called with every snapshot waiting so far, each
   * time one is added (main hands the list to post through the runner's state).
   */
  deferUpload?: (pending: PendingUpload[]) => void;
}

/** A snapshot written during the run and not stored yet. */
export interface PendingUpload {
  key: string;
  file: string;
}

/** What restore learned, for save. */
type State =
  /** Fresh volumes, nothing restored: if `up` succeeds, its result may be saved under the key. */
  | { kind: 'fresh'; key: string }
  /** Restored from an entry of the same base: the work on top of it is saved under the key. */
  | { kind: 'base'; key: string }
  /** Restored with the exact key, or initialized before this run, or no key: nothing to save. */
  | { kind: 'none' };

interface Volume {
  /** `<instance>_<mount>`: its directory in the snapshot and under HELPER_ROOT (DNS labels have no `_`). */
  name: string;
  dockerName: string;
  uid: string;
  /** Created by this run: empty without looking. */
  createdNow: boolean;
}

/** A volume that took a bad snapshot could not be emptied again (reported as a warning, like every failure). */
class VolumeNotEmptiedError extends Error {
  override readonly name = 'VolumeNotEmptiedError';
}

/** The `valueFrom` variables each selected service's containers (steps, main, sidecars) receive, each once. */
function secretNames(ctx: CacheContext): string[] {
  return ctx.services.flatMap((s) => {
    const names = new Set(
      s.instances
        .flatMap((i) => instanceContainers(i).flatMap((c) => c.env.filter((v) => v.secret)))
        .map((v) => v.name),
    );
    return names.size > 0 ? [`${s.name}: ${[...names].join(', ')}`] : [];
  });
}

export function createVolumeCache(options: VolumeCacheOptions): VolumeCache {
  return new DockerVolumeCache(options);
}

class DockerVolumeCache implements VolumeCache {
  private state: State = { kind: 'none' };
  private saved = false;
  private readonly waiting: PendingUpload[] = [];
  /** Removals of helper containers still under way (settled). */
  private readonly housekeeping = new Set<Promise<void>>();
  /** The helper of the coming save, created while the mains stop (wantsSave). */
  private saveHelper: Promise<string> | undefined;
  private readonly maxBytes: number;

  constructor(private readonly o: VolumeCacheOptions) {
    this.maxBytes = o.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
  }

  /** Messages may quote an entry (a path, an engine error about it): printable, bounded. */
  private warn(message: string): void {
    this.o.observer({ type: 'warning', message: printable(`cache: ${message}`, WARNING_MAX_CHARS) });
  }

  async restore(ctx: CacheContext): Promise<CacheOutcome> {
    this.state = { kind: 'none' };
    let key: ProjectKey | undefined;
    const miss = (initialized?: true): CacheOutcome => ({
      result: 'miss',
      ...(key && { key: key.key }),
      ...(initialized && { initialized }),
    });
    try {
      // Hashing the hostPaths takes about as long as creating the helper: both at once.
      const keyed = this.key(ctx);
      keyed.catch(() => undefined); // awaited on every path below
      const volumes = this.identify(ctx);
      let initialized = false;
      for (const v of volumes ?? []) if ((await getMarkers(v.uid)).length > 0) initialized = true;
      if (volumes === undefined || initialized) {
        key = await keyed;
        return initialized ? miss(true) : miss();
      }
      const helper = this.createHelper(ctx, volumes, false);
      return await this.withHelper(helper, async (helper) => {
        key = await keyed;
        if (key === undefined) return miss();
        if (!(await this.allEmpty(helper, volumes))) return miss(true);
        this.state = { kind: 'fresh', key: key.key };
        return (await this.restoreInto(helper, volumes, key)) ?? miss();
      });
    } catch (e: unknown) {
      // Volumes a failed restore may have written into are not this run's to save.
      this.state = { kind: 'none' };
      this.warn(`restoring failed, the steps run as on fresh volumes: ${errorMessage(e)}`);
      return miss();
    }
  }

  async wantsSave(ctx: CacheContext): Promise<boolean> {
    if (this.state.kind === 'none' || this.saved) return false;
    const secrets = secretNames(ctx);
    if (secrets.length > 0 && !this.o.cacheSecrets) {
      this.saved = true;
      this.o.observer({
        type: 'notice',
        message:
          `cache: not saved (volumes ${this.identify(ctx)
            ?.map((v) => v.name.replace('_', '/'))
            .join(', ')}): ` +
          `containers of the run receive secrets through valueFrom (${secrets.join('; ')}); ` +
          'set cache-secrets: true to cache them',
      });
      return false;
    }
    // The mains stop next: the helper that reads the volumes is created now, while they stop (it is never
    // started; the volumes are read only once they stopped, in save).
    const volumes = this.identify(ctx);
    if (volumes !== undefined && this.saveHelper === undefined) {
      this.saveHelper = this.createHelper(ctx, volumes, true);
      this.saveHelper.catch(() => undefined); // save awaits it, or settled removes it
    }
    return true;
  }

  async save(ctx: CacheContext, volumesRead?: () => void): Promise<boolean> {
    if (this.state.kind === 'none' || this.saved) return false;
    const key = this.state.key;
    this.saved = true;
    try {
      const volumes = this.identify(ctx);
      if (volumes === undefined) return false;
      const markers: SavedMarkers = {};
      for (const v of volumes) {
        markers[v.name] = (await getMarkers(v.uid)).map((m) => ({ key: m.key, at: m.at }));
      }
      const file = this.o.store.stagingFile(key);
      try {
        const helper = this.saveHelper ?? this.createHelper(ctx, volumes, true);
        this.saveHelper = undefined;
        await this.withHelper(helper, async (helper) => {
          await writeSnapshot({
            file,
            key,
            volumes: this.sources(helper, volumes),
            markers,
            maxBytes: this.maxBytes,
          });
          volumesRead?.();
        });
      } catch (e: unknown) {
        if (e instanceof SnapshotTooLargeError) {
          this.warn(`not saved: the volumes are larger than cache-max-size (${this.maxBytes} bytes)`);
          return false;
        }
        if (e instanceof SnapshotInvalidError) {
          this.warn(`not saved, a restore would refuse it: ${errorMessage(e)}`);
          return false;
        }
        throw e;
      }
      if (this.o.deferUpload) {
        this.waiting.push({ key, file });
        this.o.deferUpload([...this.waiting]);
      } else {
        await this.o.store.put(key, file);
      }
      return true;
    } catch (e: unknown) {
      this.warn(`saving ${key} failed (the run goes on): ${errorMessage(e)}`);
      return false;
    }
  }

  /** Every volume of the entry with its identity, in archive order; undefined when one has none (not created by initsteps). */
  private identify(ctx: CacheContext): Volume[] | undefined {
    const volumes: Volume[] = [];
    for (const inst of ctx.instances) {
      for (const { mount, volumeName, uid, createdNow } of inst.volumes) {
        if (uid === undefined) return undefined;
        volumes.push({
          name: `${inst.instance.name}_${mount.name}`,
          dockerName: volumeName,
          uid,
          createdNow,
        });
      }
    }
    return volumes.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** The key; undefined when an image could not be had (the engine reports that when it gets to the step). */
  private async key(ctx: CacheContext): Promise<ProjectKey | undefined> {
    const ids = ctx.imageIds;
    if (ids === undefined) return undefined;
    try {
      return await computeProjectKey(ctx, (ref) => Promise.resolve(ids[ref]));
    } catch (e: unknown) {
      if (e instanceof ImageNotPresentError) return undefined;
      if (e instanceof NoCacheKeyError) {
        this.warn(`not used: ${e.message}`);
        return undefined;
      }
      throw e;
    }
  }

  async settled(): Promise<void> {
    // A helper created for a save that did not happen (a main had to be killed at the clean point).
    const unused = this.saveHelper;
    this.saveHelper = undefined;
    if (unused) this.removeLater(await unused.catch(() => undefined));
    while (this.housekeeping.size > 0) await Promise.all([...this.housekeeping]);
  }

  /** A created, never started container mounting every volume under HELPER_ROOT. */
  private async createHelper(ctx: CacheContext, volumes: Volume[], readOnly: boolean): Promise<string> {
    const image = await ensureSandboxImage(this.o.runtime);
    const helper = await this.o.runtime.createContainer({
      image,
      env: [],
      labels: { [LABEL.project]: ctx.project.name, [LABEL.role]: 'cache' },
      network: { mode: 'none' },
      mounts: volumes.map((v) => ({
        type: 'volume',
        source: v.dockerName,
        target: `${HELPER_ROOT}/${v.name}`,
        readOnly,
      })),
      securityOpt: [],
      capAdd: [],
      capDrop: ['ALL'],
      privileged: false,
    });
    this.o.observer({ type: 'created', kind: 'container', id: helper });
    return helper;
  }

  /** Runs `use` with the helper, then removes it: at once when `use` failed, else in the background (`settled`). */
  private async withHelper<T>(created: Promise<string>, use: (helper: string) => Promise<T>): Promise<T> {
    const helper = await created;
    let result: T;
    try {
      result = await use(helper);
    } catch (e: unknown) {
      await this.o.runtime.removeContainer(helper);
      throw e;
    }
    this.removeLater(helper);
    return result;
  }

  private removeLater(helper: string | undefined): void {
    if (helper === undefined) return;
    const removal: Promise<void> = this.o.runtime
      .removeContainer(helper)
      .catch((e: unknown) => this.warn(`could not remove its helper container: ${errorMessage(e)}`))
      .finally(() => this.housekeeping.delete(removal));
    this.housekeeping.add(removal);
  }

  private sources(helper: string, volumes: Volume[]): VolumeSource[] {
    return volumes.map((v) => ({
      name: v.name,
      open: () => this.o.runtime.getArchive(helper, `${HELPER_ROOT}/${v.name}`),
    }));
  }

  /** Whether every volume holds nothing but its root directory (reads at most two entries of each). */
  private async allEmpty(helper: string, volumes: Volume[]): Promise<boolean> {
    const existing = volumes.filter((v) => !v.createdNow);
    for (const source of this.sources(helper, existing)) {
      if (await holdsMoreThanRoot(await source.open())) return false;
    }
    return true;
  }

  /** The exact entry, else one of the same base: restored into the volumes; undefined when none was. */
  private async restoreInto(
    helper: string,
    volumes: Volume[],
    key: ProjectKey,
  ): Promise<CacheOutcome | undefined> {
    const restoreBase = this.o.restoreBase ?? true;
    const fetched = await this.o.store.fetch(key.key, restoreBase ? key.basePrefix : undefined);
    if (fetched === undefined) return undefined;
    const matched = fetched.key;
    const exact = matched === key.key;
    // The store says which entry it found: only an entry of this base is taken (the service matches prefixes).
    if (!exact && !(restoreBase && isEntryOfBase(matched, key.basePrefix))) {
      await fetched.release(false);
      this.warn(`the store answered ${key.key} with ${matched}, which is not of its base: not restored`);
      return undefined;
    }
    let corrupt = false;
    try {
      let snapshot;
      try {
        // Streams into the volumes while it verifies: a snapshot that does not verify is then emptied out.
        snapshot = await restoreSnapshot(
          fetched.read(),
          { key: matched, volumes: volumes.map((v) => v.name), maxBytes: this.maxBytes },
          (tar) => this.o.runtime.putArchive(helper, HELPER_ROOT, tar),
        );
      } catch (e: unknown) {
        corrupt = e instanceof SnapshotInvalidError;
        this.warn(
          corrupt
            ? `the entry ${matched} in ${this.o.store.description} does not verify, not restored (the steps run on emptied volumes): ${errorMessage(e)}`
            : `restoring ${matched} failed (the steps run on emptied volumes): ${errorMessage(e)}`,
        );
        await this.o.runtime.removeContainer(helper);
        await this.empty(volumes);
        return undefined;
      }
      for (const v of volumes) {
        const markers = (snapshot.markers[v.name] ?? []).map((m) => ({
          volumeUid: v.uid,
          key: m.key,
          at: m.at,
        }));
        await setMarkers(v.uid, markers);
      }
      this.state = exact ? { kind: 'none' } : { kind: 'base', key: key.key };
      return { result: exact ? 'exact' : 'base', key: key.key, matchedKey: matched };
    } finally {
      await fetched.release(corrupt);
    }
  }

  /** Back to empty: remove each volume and create it again with the same name and labels (same uid: it has no markers). */
  private async empty(volumes: Volume[]): Promise<void> {
    for (const v of volumes) {
      try {
        const labels = (await this.o.runtime.inspectVolume(v.dockerName))?.labels ?? {};
        await this.o.runtime.removeVolume(v.dockerName);
        await this.o.runtime.createVolume(v.dockerName, labels);
      } catch (e: unknown) {
        throw new VolumeNotEmptiedError(
          `volume ${v.dockerName} could not be emptied (${errorMessage(e)}); remove it with \`initsteps down --volumes\``,
        );
      }
    }
  }
}

/** Store the snapshots `save` left on disk (the action's post step); failures are warnings. */
export async function uploadPending(
  store: SnapshotStore,
  pending: PendingUpload[],
  observer: RunObserver,
): Promise<void> {
  for (const { key, file } of pending) {
    try {
      await store.put(key, file);
    } catch (e: unknown) {
      observer({
        type: 'warning',
        message: `cache: saving ${key} failed (the run goes on): ${errorMessage(e)}`,
      });
    }
  }
}
