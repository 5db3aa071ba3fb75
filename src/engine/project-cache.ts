// The cache of one `up` (docs/cache.md): one entry for the whole selection. The restore starts before
// anything else, for every persistent volume of every selected instance at once, while the network and
// the first sandboxes are created; each instance waits for it before its steps are decided. After a
// successful `up` the save happens at a clean point (engine/clean-point.ts).
import { errorMessage } from '../errors.js';
import { isPersistent, type ResolvedService } from '../spec/model.js';
import { snapshotAtCleanPoint } from './clean-point.js';
import type { RunContext } from './run-context.js';
import type { CacheContext, CacheOutcome, CachedInstance, VolumeCache } from './types.js';
import { persistentVolumes } from './volumes.js';

export class ProjectCache {
  private readonly prepared: Promise<CacheContext>;
  private readonly outcome: Promise<CacheOutcome>;

  private constructor(
    private readonly ctx: RunContext,
    private readonly cache: VolumeCache,
    private readonly selected: ResolvedService[],
  ) {
    this.prepared = this.prepare();
    this.prepared.catch(() => undefined); // the outcome below reports it
    this.outcome = this.prepared.then(
      (cacheCtx) => this.guarded('restore', () => cache.restore(cacheCtx), { result: 'miss' }),
      (e: unknown) => {
        if (!ctx.signal?.aborted) ctx.warn(`cache restore failed: ${errorMessage(e)}`);
        return { result: 'miss' };
      },
    );
    // Never rejects: an instance waiting for it checks the abort itself, and a cleanup waits for it.
    ctx.cacheRestored = this.outcome.then(
      (outcome) => {
        ctx.cacheReport = { ...outcome, saved: false };
      },
      () => undefined,
    );
  }

  /** The project's cache, its restore under way; undefined without a cache or without a persistent volume. */
  static start(ctx: RunContext, selected: ResolvedService[]): ProjectCache | undefined {
    const hasPersistent = selected.some(
      (s) => s.runtime === 'container' && s.template.volumes.some(isPersistent),
    );
    return ctx.cache && hasPersistent ? new ProjectCache(ctx, ctx.cache, selected) : undefined;
  }

  /** After the services: when `up` succeeded and the cache wants an entry, the save at a clean point. */
  async saveIfWanted(): Promise<void> {
    const { ctx } = this;
    await ctx.cacheRestored;
    const report = ctx.cacheReport;
    if (report === undefined || ctx.signal?.aborted) return;
    const allUp =
      ctx.results.services().every((s) => s.status === 'Running') &&
      ctx.results.jobs().every((j) => j.status === 'Succeeded');
    if (!allUp) return;
    const cacheCtx = await this.prepared;
    if (!(await this.guarded('save', () => this.cache.wantsSave(cacheCtx), false))) return;
    const saved = await snapshotAtCleanPoint(ctx, this.selected, cacheCtx, (volumesRead) =>
      this.guarded('save', () => this.cache.save(cacheCtx, volumesRead), false),
    );
    ctx.cacheReport = { ...report, saved };
  }

  /** Once the cache's housekeeping is done (VolumeCache.settled); never rejects. */
  async settled(): Promise<void> {
    await this.ctx.cacheRestored;
    await this.cache.settled?.().catch(() => undefined);
  }

  /** Every persistent volume of the selection (created now when new) and every image's ID. */
  private async prepare(): Promise<CacheContext> {
    const { ctx } = this;
    const containers = this.selected.filter((s) => s.runtime === 'container');
    const imageIds = Promise.all(
      containers.flatMap((s) => s.instances.map((i) => ctx.images.ensureAll(s, i))),
    );
    imageIds.catch(() => undefined); // awaited below, after the volumes
    const instances: CachedInstance[] = await Promise.all(
      containers.flatMap((service) =>
        service.instances.map(async (instance) => ({
          service,
          instance,
          // A Kubernetes PersistentVolumeClaim is shared by instances: not one instance's to cache
          // (docs/kubernetes.md).
          volumes: [...(await persistentVolumes(ctx, service, instance)).values()]
            .filter((v) => !(v.mount.source.kind === 'claim' && v.mount.source.claimName !== undefined))
            .map((v) => ({
              mount: v.mount,
              volumeName: v.dockerName,
              createdNow: v.createdNow,
              ...(v.uid !== undefined && { uid: v.uid }),
            })),
        })),
      ),
    );
    const ids = await imageIds;
    return {
      project: ctx.project,
      services: this.selected,
      instances: instances.filter((i) => i.volumes.length > 0),
      imageIds: ids.every((r) => r !== undefined) ? Object.assign({}, ...ids) : undefined,
    };
  }

  /** The cache never fails a run (docs/cache.md): its error is a warning and the run goes on without it. */
  private async guarded<T>(what: string, fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (e: unknown) {
      this.ctx.throwIfAborted();
      this.ctx.warn(`cache ${what} failed: ${errorMessage(e)}`);
      return fallback;
    }
  }
}
