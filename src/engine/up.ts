// `up`: every image pulled at once from the start (images.ts); the services and jobs as a dependency graph
// (schedule.ts), each as soon as its dependencies are ready (a job succeeded, a service ready); a job runs
// to completion (job.ts); per service, its instances (volumes,
// sandbox, init steps, main, readiness) one after another by ordinal, or all at once under
// `podManagementPolicy: Parallel`. A service whose dependency failed is `DependencyFailed`. Step and
// service failures go into the report; only fatal errors throw.
import { randomBytes } from 'node:crypto';
import { CancelledError, UsageError } from '../errors.js';
import { deleteMarkers, stateDir } from '../markers/store.js';
import { ensureSandboxImage } from '../runtime/sandbox-image.js';
import type { ContainerRuntime } from '../runtime/types.js';
import type { ResolvedInstance, ResolvedProject, ResolvedService } from '../spec/model.js';
import { ContainerInstance } from './container-instance.js';
import { instanceImageNeeds } from './images.js';
import { runJob } from './job.js';
import { LABEL, networkName, type Role } from './labels.js';
import { ProcessInstance } from './process-instance.js';
import { acquireProjectLock } from './project-lock.js';
import { mainReady, stopLivenessWatches } from './main-probes.js';
import { waitInstanceReady } from './pod-readiness.js';
import type { Readiness, StartedMain } from './readiness.js';
import { Deadline } from './retry.js';
import { ProjectCache } from './project-cache.js';
import { RunContext, type RunSettings } from './run-context.js';
import { lastRunOf, RunStateWriter } from './run-state.js';
import { runDag } from './schedule.js';
import { loadLastRun, type LastRun } from './state.js';
import { runInitSteps, type InstanceDriver } from './steps.js';
import { removeContainers } from './tracked.js';
import type { RunReport } from './types.js';

export interface UpOptions extends RunSettings {
  /** Only these services, plus what they depend on (transitively). */
  services?: string[];
  /** On cancel, leave started services running (action input `cleanup: false`). */
  keepOnCancel?: boolean;
  /** How long to wait for another run of the project to finish (default 10 minutes). */
  lockTimeoutMs?: number;
}

/** `up` was cancelled; everything it started is removed (unless kept) and the report says how far it got. */
export class UpCancelledError extends CancelledError {
  constructor(
    signal: CancelledError['signal'],
    readonly report: RunReport,
  ) {
    super(signal);
  }
}

/**
 * The abort reason as the CancelledError kind: a CancelledError or a signal name passes through, an
 * AbortSignal.timeout() is `timeout`, anything else counts as an interrupt.
 */
export function cancelKind(reason: unknown): CancelledError['signal'] {
  if (reason instanceof CancelledError) return reason.signal;
  if (reason === 'SIGINT' || reason === 'SIGTERM') return reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError') return 'timeout';
  return 'SIGINT';
}

/** The named services and, transitively, their dependencies, in the project's (dependency) order. */
export function selectServices(project: ResolvedProject, names?: string[]): ResolvedService[] {
  if (names === undefined || names.length === 0) return project.services;
  const byName = new Map(project.services.map((s) => [s.name, s]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown service ${unknown.map((n) => `"${n}"`).join(', ')}; the spec defines ${[...byName.keys()].join(', ')}`,
    );
  }
  const wanted = new Set<string>();
  const visit = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const d of byName.get(name)?.dependsOn ?? []) visit(d);
  };
  names.forEach(visit);
  return project.services.filter((s) => wanted.has(s.name));
}

/** One run per project at a time: the run holds the project's lock (engine/project-lock.ts). */
export async function up(runtime: ContainerRuntime, options: UpOptions): Promise<RunReport> {
  selectServices(options.project, options.services); // an unknown name is refused before anything else
  const runId = options.runId ?? randomBytes(4).toString('hex');
  const lock = await acquireProjectLock(runtime, {
    project: options.project.name,
    command: 'up',
    runId,
    timeoutMs: options.lockTimeoutMs,
    signal: options.signal,
    onNotice: (message) => options.observer({ type: 'notice', message }),
  });
  try {
    return await upLocked(runtime, { ...options, runId });
  } finally {
    await lock.release((message) => options.observer({ type: 'warning', message }));
  }
}

async function upLocked(runtime: ContainerRuntime, options: UpOptions): Promise<RunReport> {
  // Services run side by side: a fatal error in one stops the others (their running steps are killed)
  // before the cleanup, which must see everything they created.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const state = new RunStateWriter(options.project.name, stateDir(), (message) =>
    options.observer({ type: 'warning', message }),
  );
  const ctx = new RunContext(runtime, { ...options, signal, observer: state.observe(options.observer) });
  const startedAt = new Date();
  const selected = selectServices(ctx.project, options.services);
  for (const s of selected) ctx.results.add(s);
  const previous = await loadLastRun(ctx.project.name, ctx.stateDir, (m) => ctx.warn(m));
  const record = (finished?: Date) => lastRunOf(ctx, reportOf(ctx), previous, startedAt, selected, finished);
  await state.start(() => record());
  const finish = async (): Promise<RunReport> => {
    const report = reportOf(ctx);
    await state.finish(record(new Date()));
    return report;
  };
  let cache: ProjectCache | undefined;
  try {
    ctx.throwIfAborted();
    ctx.images.prefetch(selected.flatMap((s) => s.instances.flatMap((i) => instanceImageNeeds(s, i))));
    if (selected.some((s) => s.runtime === 'container')) {
      ctx.sandboxImage = await ensureSandboxImage(runtime);
      ctx.network = ensureNetwork(ctx);
      ctx.network.catch(() => undefined); // awaited before the first sandbox and below
    }
    // The cache restores every volume of the selection now, while the first instances open.
    cache = ProjectCache.start(ctx, selected);
    // Sandboxes depend on nothing but the network: all of them now, one at a time, off the dependency chain.
    ctx.sandboxes.prestart(selected);
    await runDag(selected, async (s) => {
      try {
        ctx.throwIfAborted();
        // Its dependencies have finished (runDag): a job must have succeeded, a service be ready.
        const failedDep = s.dependsOn.find((d) => ctx.results.hasFailed(d));
        if (failedDep !== undefined) ctx.results.dependencyFailed(s, failedDep);
        else if (s.job) await runJob(ctx, s, s.job);
        else await runService(ctx, s, previous);
      } catch (e: unknown) {
        stop.abort(e);
        throw e;
      }
    });
    // Liveness is watched until here (docs/kubernetes.md#probes): the cache's clean point stops mains.
    await stopLivenessWatches(ctx);
    await ctx.network;
    // Images of services that never got to use them (a dependency failed) are still being pulled.
    await ctx.images.settled();
    // The last job's sandbox goes while the cache saves (they touch different containers).
    await Promise.all([ctx.sandboxes.settle(), cache?.saveIfWanted()]);
    await cache?.settled();
  } catch (e: unknown) {
    stop.abort(e);
    await stopLivenessWatches(ctx);
    // Whatever it did must be known to the cleanup.
    await ctx.network.catch(() => undefined);
    await ctx.images.settled();
    await cache?.settled();
    await ctx.sandboxes.settle();
    if (options.signal?.aborted) {
      if (!options.keepOnCancel) await cleanup(ctx, true);
      const report = await finish();
      throw new UpCancelledError(cancelKind(options.signal.reason), report);
    }
    // A fatal error (the engine went away, the state dir is unwritable): leave nothing half-started.
    await cleanup(ctx, false);
    await state.finish(record(new Date())).catch(() => undefined);
    throw e;
  }
  return finish();
}

async function ensureNetwork(ctx: RunContext): Promise<void> {
  const labels = { [LABEL.project]: ctx.project.name, [LABEL.role]: 'network' satisfies Role };
  const net = await ctx.runtime.ensureNetwork(networkName(ctx.project.name), labels);
  if (net.created) ctx.tracked.add('network', net.id);
}

async function runService(ctx: RunContext, s: ResolvedService, previous: LastRun | undefined): Promise<void> {
  const { results } = ctx;
  results.setService(s.name, 'Initializing');
  if (s.runtime === 'container') await removeScaledDown(ctx, s);
  const start = (inst: ResolvedInstance) => runInstance(ctx, s, inst, previous);
  if (s.podManagementPolicy === 'Parallel') {
    // Every instance ends (or is stopped) before the service does, whatever happens to the others.
    const settled = await Promise.allSettled(s.instances.map(start));
    const thrown = settled.find((r) => r.status === 'rejected');
    if (thrown) throw thrown.reason;
  } else {
    // OrderedReady, as a StatefulSet: ordinal n initializes once n-1 is ready (or has failed).
    for (const inst of s.instances) await start(inst);
  }
  const failed = results.service(s.name).instances.find((i) => i.status === 'Failed');
  if (failed) {
    results.setService(s.name, 'Failed', failed.reason, `${failed.name}: ${failed.message ?? failed.reason}`);
  } else {
    results.setService(s.name, 'Running');
  }
}

/** One instance from its volumes to ready; its result says how far it got. */
async function runInstance(
  ctx: RunContext,
  s: ResolvedService,
  inst: ResolvedInstance,
  previous: LastRun | undefined,
): Promise<void> {
  ctx.throwIfAborted();
  const { results } = ctx;
  results.setInstance(s, inst, 'Initializing');
  const driver: InstanceDriver =
    s.runtime === 'process'
      ? new ProcessInstance(ctx, s, inst, previous?.processes ?? [])
      : new ContainerInstance(ctx, s, inst);
  // A Kubernetes pod's activeDeadlineSeconds bounds its init steps and its start until ready
  // (docs/kubernetes.md#restarts); once it is ready, nothing watches it.
  const deadline = s.activeDeadlineMs === undefined ? undefined : Deadline.after(s.activeDeadlineMs);
  if (!(await driver.open()) || !(await runInitSteps(ctx, s, inst, driver, deadline))) return;
  const main: StartedMain | undefined = await driver.startMain();
  if (!main) return;
  let ready: Readiness;
  try {
    const signal = deadline ? deadline.signal(ctx.signal) : ctx.signal;
    signal?.throwIfAborted(); // a wait without a probe may not look at it
    ready = await waitInstanceReady(mainReady(ctx, s, inst, main, signal), main, signal);
  } catch (e: unknown) {
    if (!deadline?.exceeded || ctx.signal?.aborted) throw e;
    ready = { ok: false, reason: 'DeadlineExceeded', message: `${deadline.message} before it was ready` };
  }
  if (ready.ok) results.setInstance(s, inst, 'Running');
  else results.setInstance(s, inst, 'Failed', ready.reason, ready.message);
}

/** Instances beyond the current replica count (scaled down) are stopped; their volumes stay. */
async function removeScaledDown(ctx: RunContext, s: ResolvedService): Promise<void> {
  const current = new Set(s.instances.map((i) => i.name));
  const found = await ctx.runtime.listContainers({
    [LABEL.project]: ctx.project.name,
    [LABEL.service]: s.name,
  });
  const stale = found.filter((c) => !current.has(c.labels[LABEL.instance] ?? ''));
  await removeContainers(ctx.runtime, stale, (m) => ctx.warn(m));
}

/** Remove what this run created; `cancelled` includes the persistent volumes it created (nothing left behind). */
async function cleanup(ctx: RunContext, cancelled: boolean): Promise<void> {
  const dropped = await ctx.tracked.removeAll(ctx.runtime, (m) => ctx.warn(m), cancelled);
  for (const uid of dropped) await deleteMarkers(uid, ctx.stateDir);
}

function reportOf(ctx: RunContext): RunReport {
  return {
    project: ctx.project.name,
    services: ctx.results.services(),
    jobs: ctx.results.jobs(),
    steps: ctx.results.steps(),
    images: ctx.images.results(),
    cacheHit: ctx.cacheReport?.result === 'exact',
    ...(ctx.cacheReport && { cache: ctx.cacheReport }),
    created: ctx.tracked.snapshot(),
  };
}
