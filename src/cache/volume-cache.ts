// The VolumeCache the engine calls around an instance's init sequence (docs/cache.md). Restore: only into
// volumes that are fresh (no marker, empty), only the exact key; the snapshot streams into the volumes
// while it is checked (entry by entry, then against its manifest; volumes that took a bad one are emptied
// again); then the markers are written for the volumes' new identities.
// Save: only what this run initialized from fresh volumes under the key computed at restore time, once
// per key, and only with `cacheSecrets` when its steps receive `valueFrom` values. Every failure is a
// warning through the observer; the run goes on as on fresh volumes.
import { LABEL } from '../engine/labels.js';
import type { CacheContext, RunObserver, VolumeCache } from '../engine/types.js';
import { errorMessage } from '../errors.js';
import { getMarkers, setMarkers } from '../markers/store.js';
import type { Marker } from '../plan/plan.js';
import { ensureSandboxImage } from '../runtime/sandbox-image.js';
import type { ContainerRuntime } from '../runtime/types.js';
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
import { ImageNotPresentError, computeCacheKey } from './key.js';
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
   * Save instances whose init steps receive `valueFrom` values. The action passes its `cache-secrets`
   * input (default false: pull requests from forks can read the Actions cache); the CLI's cache directory
   * is the user's own and passes true. See docs/cache.md (who can read an entry).
   */
  cacheSecrets?: boolean;
  /**
   * Keep snapshots on disk for `uploadPending` (the action's post step) instead of storing them in `save`,
   * so the services start without waiting for an upload. Called with every snapshot waiting so far, each
   * time one is added (main hands the list to post through the runner's state).
   */
  deferUpload?: (pending: PendingUpload[]) => void;
}

/** A snapshot written during the run and not stored yet. */
export interface PendingUpload {
  key: string;
  file: string;
}

/** What restore learned about an instance, for save. */
type InstanceState =
  /** Fresh volumes and a key: if the init sequence succeeds, its result may be saved under the key. */
  | { kind: 'fresh'; key: string }
  /** Restored with the key: nothing to save. */
  | { kind: 'restored'; key: string }
  /** Initialized before this run (markers or content) or no key: not ours to save. */
  | { kind: 'skip' };

interface Volume {
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

/** Names of the `valueFrom` variables the instance's init steps receive, each once. */
const secretNames = (ctx: CacheContext): string[] => [
  ...new Set(ctx.instance.steps.flatMap((s) => s.env.filter((v) => v.secret).map((v) => v.name))),
];

export function createVolumeCache(options: VolumeCacheOptions): VolumeCache {
  return new DockerVolumeCache(options);
}

class DockerVolumeCache implements VolumeCache {
  private readonly states = new Map<string, InstanceState>();
  private readonly savedKeys = new Set<string>();
  private readonly waiting: PendingUpload[] = [];
  private readonly maxBytes: number;

  constructor(private readonly o: VolumeCacheOptions) {
    this.maxBytes = o.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
  }

  /** Messages may quote an entry (a path, an engine error about it): printable, bounded. */
  private warn(message: string): void {
    this.o.observer({ type: 'warning', message: printable(`cache: ${message}`, WARNING_MAX_CHARS) });
  }

  /** The markers of a volume identity, from the engine's marker store. */
  private markers(uid: string): Promise<Marker[]> {
    return getMarkers(uid);
  }

  async restore(ctx: CacheContext): Promise<boolean> {
    const id = `${ctx.project.name}/${ctx.instance.name}`;
    this.states.set(id, { kind: 'skip' });
    if (ctx.service.runtime !== 'container' || ctx.volumes.length === 0) return false;
    try {
      const volumes = this.identify(ctx);
      if (volumes === undefined) return false;
      for (const v of volumes) if ((await this.markers(v.uid)).length > 0) return false;
      const key = await this.key(ctx);
      if (key === undefined) return false;
      return await this.withHelper(ctx, volumes, false, async (helper) => {
        if (!(await this.allEmpty(helper, volumes))) return false;
        this.states.set(id, { kind: 'fresh', key });
        const restored = await this.restoreInto(ctx, helper, volumes, key);
        if (restored) this.states.set(id, { kind: 'restored', key });
        return restored;
      });
    } catch (e: unknown) {
      this.warn(
        `restoring ${ctx.instance.name} failed, its steps run as on fresh volumes: ${errorMessage(e)}`,
      );
      return false;
    }
  }

  async save(ctx: CacheContext): Promise<void> {
    const state = this.states.get(`${ctx.project.name}/${ctx.instance.name}`);
    if (state?.kind !== 'fresh' || this.savedKeys.has(state.key)) return;
    const key = state.key;
    this.savedKeys.add(key);
    const secrets = secretNames(ctx);
    if (secrets.length > 0 && !this.o.cacheSecrets) {
      const volumes = ctx.volumes.map((v) => v.mount.name).join(', ');
      this.o.observer({
        type: 'notice',
        message:
          `cache: ${ctx.instance.name} not saved (volumes ${volumes}): its init steps receive secrets ` +
          `through valueFrom (${secrets.join(', ')}); set cache-secrets: true to cache it`,
      });
      return;
    }
    try {
      if (await this.o.store.has(key)) return;
      const volumes = this.identify(ctx);
      if (volumes === undefined) return;
      const markers: SavedMarkers = {};
      for (const v of volumes)
        markers[v.name] = (await this.markers(v.uid)).map((m) => ({ key: m.key, at: m.at }));
      const file = this.o.store.stagingFile(key);
      try {
        await this.withHelper(ctx, volumes, true, (helper) =>
          writeSnapshot({
            file,
            key,
            volumes: this.sources(helper, volumes),
            markers,
            maxBytes: this.maxBytes,
          }),
        );
      } catch (e: unknown) {
        if (e instanceof SnapshotTooLargeError) {
          this.warn(
            `${ctx.instance.name} not saved: its volumes are larger than cache-max-size (${this.maxBytes} bytes)`,
          );
          return;
        }
        if (e instanceof SnapshotInvalidError) {
          this.warn(`${ctx.instance.name} not saved, a restore would refuse it: ${errorMessage(e)}`);
          return;
        }
        throw e;
      }
      if (this.o.deferUpload) {
        this.waiting.push({ key, file });
        this.o.deferUpload([...this.waiting]);
      } else {
        await this.o.store.put(key, file);
      }
    } catch (e: unknown) {
      this.warn(`saving ${ctx.instance.name} failed (the run goes on): ${errorMessage(e)}`);
    }
  }

  /** The instance's volumes with their identities; undefined when one has none (not created by initsteps). */
  private identify(ctx: CacheContext): Volume[] | undefined {
    const volumes: Volume[] = [];
    for (const { mount, volumeName, uid, createdNow } of ctx.volumes) {
      if (uid === undefined) return undefined;
      volumes.push({ name: mount.name, dockerName: volumeName, uid, createdNow });
    }
    return volumes.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** The key; undefined when an image could not be had (the engine reports that when it gets to the step). */
  private async key(ctx: CacheContext): Promise<string | undefined> {
    const ids = ctx.imageIds;
    if (ids === undefined) return undefined;
    try {
      return (await computeCacheKey(ctx, (ref) => Promise.resolve(ids[ref]))).key;
    } catch (e: unknown) {
      if (e instanceof ImageNotPresentError) return undefined;
      throw e;
    }
  }

  /** A created, never started container mounting every volume under HELPER_ROOT; removed afterwards. */
  private async withHelper<T>(
    ctx: CacheContext,
    volumes: Volume[],
    readOnly: boolean,
    use: (helper: string) => Promise<T>,
  ): Promise<T> {
    const image = await ensureSandboxImage(this.o.runtime);
    const helper = await this.o.runtime.createContainer({
      image,
      env: [],
      labels: {
        [LABEL.project]: ctx.project.name,
        [LABEL.service]: ctx.service.name,
        [LABEL.instance]: ctx.instance.name,
        [LABEL.role]: 'cache',
      },
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
    try {
      return await use(helper);
    } finally {
      await this.o.runtime.removeContainer(helper);
    }
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

  private async restoreInto(
    ctx: CacheContext,
    helper: string,
    volumes: Volume[],
    key: string,
  ): Promise<boolean> {
    const name = ctx.instance.name;
    const fetched = await this.o.store.fetch(key);
    if (fetched === undefined) return false;
    let corrupt = false;
    try {
      let snapshot;
      try {
        // Streams into the volumes while it verifies: a snapshot that does not verify is then emptied out.
        snapshot = await restoreSnapshot(
          fetched.read(),
          { key, volumes: volumes.map((v) => v.name), maxBytes: this.maxBytes },
          (tar) => this.o.runtime.putArchive(helper, HELPER_ROOT, tar),
        );
      } catch (e: unknown) {
        corrupt = e instanceof SnapshotInvalidError;
        this.warn(
          corrupt
            ? `the entry ${key} for ${name} in ${this.o.store.description} does not verify, not restored (its steps run on emptied volumes): ${errorMessage(e)}`
            : `restoring ${name} failed (its steps run on emptied volumes): ${errorMessage(e)}`,
        );
        await this.o.runtime.removeContainer(helper);
        await this.empty(volumes);
        return false;
      }
      for (const v of volumes) {
        const markers = (snapshot.markers[v.name] ?? []).map((m) => ({
          volumeUid: v.uid,
          key: m.key,
          at: m.at,
        }));
        await setMarkers(v.uid, markers);
      }
      return true;
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
