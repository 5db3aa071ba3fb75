// The clean point of a cache save (docs/cache.md, "When it saves"): the main containers that mount the
// entry's volumes stop the way Docker stops them (their stop signal, then SIGKILL after the grace period),
// so a database has written everything out and closed its files; the volumes are read; the mains start
// again in their sandboxes (which hold the network namespace, so the published ports stay the same) and
// pass their readiness again before `up` returns. A copy of a running or paused database is only
// crash-consistent: with `synchronous_commit=off` the last transactions (the migrations) could be missing.
import { errorMessage } from '../errors.js';
import type { ResolvedInstance, ResolvedService } from '../spec/model.js';
import { waitReady } from './readiness.js';
import type { RunContext, RunningMain } from './run-context.js';
import type { CacheContext } from './types.js';

/** Docker's exit code for a container it had to SIGKILL after the grace period. */
const KILLED = 137;

interface Stopped {
  s: ResolvedService;
  mains: { inst: ResolvedInstance; main: RunningMain }[];
}

/**
 * Stops the entry's main containers (dependents first), runs `save` once all stopped cleanly, and starts
 * them again (dependencies first, each service ready before the next) whatever happened: as soon as `save`
 * says the volumes are read (the snapshot is then stored while they start), else once it returned. Returns
 * what `save` returned; false without calling it when a main had to be killed.
 */
export async function snapshotAtCleanPoint(
  ctx: RunContext,
  selected: ResolvedService[],
  cacheCtx: CacheContext,
  save: (volumesRead: () => void) => Promise<boolean>,
): Promise<boolean> {
  const inEntry = new Set(cacheCtx.instances.map((i) => i.instance.name));
  const groups: Stopped[] = selected
    .map((s) => ({
      s,
      mains: s.instances.flatMap((inst) => {
        const main = inEntry.has(inst.name) ? ctx.mains.get(inst.name) : undefined;
        return main ? [{ inst, main }] : [];
      }),
    }))
    .filter((g) => g.mains.length > 0);
  const names = groups.flatMap((g) => g.mains.map((m) => m.inst.name));
  if (names.length === 0) return save(() => undefined);
  ctx.emit({
    type: 'notice',
    message: `cache: stopping ${names.join(', ')} to snapshot the volumes at a clean point, then starting again`,
  });
  let clean = true;
  let restarting: Promise<void> | undefined;
  const restart = (): Promise<void> => {
    restarting ??= (async () => {
      for (const g of groups) await startAgain(ctx, g);
    })();
    return restarting;
  };
  try {
    for (const g of [...groups].reverse()) {
      await Promise.all(
        g.mains.map(async ({ inst, main }) => {
          await ctx.runtime.stopContainer(main.containerId, ctx.stopGraceSeconds);
          const state = await ctx.runtime.inspectContainer(main.containerId);
          if (state.running || state.exitCode === KILLED) {
            clean = false;
            ctx.warn(
              `cache: not saved: ${inst.name} did not stop within ${ctx.stopGraceSeconds} s of its stop ` +
                'signal and was killed, so its volumes are not at a clean point',
            );
          }
        }),
      );
    }
    return clean ? await save(() => void restart().catch(() => undefined)) : false;
  } finally {
    await restart();
  }
}

/** A service's stopped mains started again and checked for readiness; a failure fails the instance. */
async function startAgain(ctx: RunContext, { s, mains }: Stopped): Promise<void> {
  const { results } = ctx;
  await Promise.all(
    mains.map(async ({ inst, main }) => {
      try {
        await ctx.runtime.startContainer(main.containerId);
      } catch (e: unknown) {
        ctx.throwIfAborted();
        const why = `main container did not start again after the cache snapshot: ${errorMessage(e)}`;
        results.setInstance(s, inst, 'Failed', 'StartFailed', why);
        return;
      }
      const ready = await waitReady(
        s.readinessProbe,
        main.started.healthcheck,
        main.started.target,
        ctx.signal,
      );
      if (!ready.ok) {
        results.setInstance(s, inst, 'Failed', ready.reason, `after the cache snapshot: ${ready.message}`);
      }
    }),
  );
  const failed = results.service(s.name).instances.find((i) => i.status === 'Failed');
  if (failed) {
    results.setService(s.name, 'Failed', failed.reason, `${failed.name}: ${failed.message ?? failed.reason}`);
  }
}
