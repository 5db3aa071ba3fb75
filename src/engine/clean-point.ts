// The clean point of a cache save (docs/cache.md, "When it saves"): the main containers that mount the
// entry's volumes stop the way Docker stops them (their stop signal, then SIGKILL after the grace period),
// so a database has written everything out and closed its files; the volumes are read; the mains start
// again in their sandboxes (which hold the network namespace, so the published ports stay the same) and
// pass their readiness again before `up` returns. A Kubernetes pod's other containers and native sidecars
// stop and start with its main (docs/kubernetes.md#several-containers). A copy of a running or paused database is only
// crash-consistent: with `synchronous_commit=off` the last transactions (the migrations) could be missing.
import { errorMessage } from '../errors.js';
import type { ResolvedInstance, ResolvedService } from '../spec/model.js';
import { waitInstanceReady } from './pod-readiness.js';
import { waitProbe, waitReady } from './readiness.js';
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
          // A pod stops as Kubernetes stops it: its containers together, then its sidecars, last first.
          const stopped = await Promise.all(
            [main.containerId, ...main.others].map((id) => stopCleanly(ctx, id)),
          );
          for (const { id } of [...main.sidecars].reverse()) stopped.push(await stopCleanly(ctx, id));
          if (stopped.includes(false)) {
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

/** Its stop signal, then SIGKILL after the grace period; false when it had to be killed. */
async function stopCleanly(ctx: RunContext, id: string): Promise<boolean> {
  await ctx.runtime.stopContainer(id, ctx.stopGraceSeconds);
  const state = await ctx.runtime.inspectContainer(id);
  return !state.running && state.exitCode !== KILLED;
}

/**
 * A service's stopped pods started again as they first started (sidecars in order, each started by its
 * startupProbe, then the main and the other containers) and checked; a failure fails the instance.
 */
async function startAgain(ctx: RunContext, { s, mains }: Stopped): Promise<void> {
  const { results } = ctx;
  await Promise.all(
    mains.map(async ({ inst, main }) => {
      try {
        for (const sidecar of main.sidecars) {
          await ctx.runtime.startContainer(sidecar.id);
          const started = await waitReady(sidecar.startupProbe, false, sidecar.target, ctx.signal, 'startup');
          if (!started.ok) throw new Error(started.message);
        }
        for (const id of [main.containerId, ...main.others]) await ctx.runtime.startContainer(id);
      } catch (e: unknown) {
        ctx.throwIfAborted();
        const what = main.sidecars.length + main.others.length > 0 ? 'pod' : 'main container';
        const why = `${what} did not start again after the cache snapshot: ${errorMessage(e)}`;
        results.setInstance(s, inst, 'Failed', 'StartFailed', why);
        return;
      }
      const mainReady = s.startupProbe
        ? waitProbe('startup', s.startupProbe, main.started.target, ctx.signal).then((started) =>
            started.ok
              ? waitReady(s.readinessProbe, main.started.healthcheck, main.started.target, ctx.signal)
              : started,
          )
        : waitReady(s.readinessProbe, main.started.healthcheck, main.started.target, ctx.signal);
      const ready = await waitInstanceReady(mainReady, main.started, ctx.signal);
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
