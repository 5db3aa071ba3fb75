// `up`: the services in dependency order; per service, its instances (volumes, sandbox, init steps, main)
// and then their readiness together. A service whose dependency failed is `DependencyFailed`. Step and
// service failures go into the report; only fatal errors throw.
import { CancelledError, UsageError } from '../errors.js';
import { deleteMarkers } from '../markers/store.js';
import { ensureSandboxImage } from '../runtime/sandbox-image.js';
import type { ContainerRuntime } from '../runtime/types.js';
import type { ResolvedInstance, ResolvedProject, ResolvedService } from '../spec/model.js';
import { ContainerInstance } from './container-instance.js';
import { LABEL, networkName, type Role } from './labels.js';
import { ProcessInstance } from './process-instance.js';
import { waitReady, type StartedMain } from './readiness.js';
import { ProjectCache } from './project-cache.js';
import { maskReportText } from './results.js';
import { RunContext, type RunSettings } from './run-context.js';
import { loadLastRun, logKey, saveLastRun, type LastRun } from './state.js';
import { runInitSteps, type InstanceDriver } from './steps.js';
import { removeContainers } from './tracked.js';
import type { RunReport } from './types.js';

export interface UpOptions extends RunSettings {
  /** Only these services, plus what they depend on (transitively). */
  services?: string[];
  /** On cancel, leave started services running (action input `cleanup: false`). */
  keepOnCancel?: boolean;
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

export async function up(runtime: ContainerRuntime, options: UpOptions): Promise<RunReport> {
  const ctx = new RunContext(runtime, options);
  const startedAt = new Date();
  const selected = selectServices(ctx.project, options.services);
  for (const s of selected) ctx.results.add(s);
  const previous = await loadLastRun(ctx.project.name, ctx.stateDir, (m) => ctx.warn(m));
  const finish = async (): Promise<RunReport> => {
    const report = reportOf(ctx);
    await persist(ctx, previous, startedAt, selected);
    return report;
  };
  try {
    ctx.throwIfAborted();
    if (selected.some((s) => s.runtime === 'container')) {
      ctx.sandboxImage = await ensureSandboxImage(runtime);
      ctx.network = ensureNetwork(ctx);
      ctx.network.catch(() => undefined); // awaited before the first sandbox and below
    }
    // The cache restores every volume of the selection now, while the first instances open.
    const cache = ProjectCache.start(ctx, selected);
    for (const s of selected) await runService(ctx, s, previous);
    await ctx.network;
    await cache?.saveIfWanted();
  } catch (e: unknown) {
    // Whatever it did must be known to the cleanup.
    await ctx.network.catch(() => undefined);
    await ctx.cacheRestored;
    if (ctx.signal?.aborted) {
      if (!options.keepOnCancel) await cleanup(ctx, true);
      const report = await finish();
      throw new UpCancelledError(cancelKind(ctx.signal.reason), report);
    }
    // A fatal error (the engine went away, the state dir is unwritable): leave nothing half-started.
    await cleanup(ctx, false);
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
  ctx.throwIfAborted();
  const { results } = ctx;
  const failedDep = s.dependsOn.find((d) => results.findService(d)?.status === 'Failed');
  if (failedDep !== undefined) {
    const why = `dependency "${failedDep}" failed`;
    for (const inst of s.instances) {
      results.notRun(inst, 0, why);
      results.setInstance(s, inst, 'Failed', 'DependencyFailed', why);
    }
    results.setService(s.name, 'Failed', 'DependencyFailed', why);
    return;
  }
  results.setService(s.name, 'Initializing');
  if (s.runtime === 'container') await removeScaledDown(ctx, s);
  const started: { inst: ResolvedInstance; main: StartedMain }[] = [];
  for (const inst of s.instances) {
    ctx.throwIfAborted();
    results.setInstance(s, inst, 'Initializing');
    const driver: InstanceDriver =
      s.runtime === 'process'
        ? new ProcessInstance(ctx, s, inst, previous?.processes ?? [])
        : new ContainerInstance(ctx, s, inst);
    if (!(await driver.open()) || !(await runInitSteps(ctx, s, inst, driver))) continue;
    const main = await driver.startMain();
    if (main) started.push({ inst, main });
  }
  await Promise.all(
    started.map(async ({ inst, main }) => {
      const ready = await waitReady(s.readinessProbe, main.healthcheck, main.target, ctx.signal);
      if (ready.ok) results.setInstance(s, inst, 'Running');
      else results.setInstance(s, inst, 'Failed', ready.reason, ready.message);
    }),
  );
  const failed = results.service(s.name).instances.find((i) => i.status === 'Failed');
  if (failed) {
    results.setService(s.name, 'Failed', failed.reason, `${failed.name}: ${failed.message ?? failed.reason}`);
  } else {
    results.setService(s.name, 'Running');
  }
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
    steps: ctx.results.steps(),
    cacheHit: ctx.cacheReport?.result === 'exact',
    ...(ctx.cacheReport && { cache: ctx.cacheReport }),
    created: ctx.tracked.snapshot(),
  };
}

/** Saves the run for `status` and `logs`, keeping the last run's results of services this run did not touch. */
async function persist(
  ctx: RunContext,
  prev: LastRun | undefined,
  startedAt: Date,
  selected: ResolvedService[],
): Promise<void> {
  const names = new Set(selected.map((s) => s.name));
  const report = reportOf(ctx);
  const keep = <T extends { service: string }>(items: T[] | undefined): T[] =>
    (items ?? []).filter((x) => !names.has(x.service));
  const merged: LastRun = {
    runId: ctx.runId,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    report: {
      ...report,
      services: [...(prev?.report.services ?? []).filter((s) => !names.has(s.name)), ...report.services],
      steps: [...keep(prev?.report.steps), ...report.steps],
    },
    logs: { ...keptLogs(prev, names), ...ctx.results.logs },
    processes: [...keep(prev?.processes), ...ctx.tracked.processes],
  };
  // Messages masked too: `status --json` prints them without the secrets at hand.
  const masked = { ...merged, report: maskReportText(merged.report, ctx.mask) };
  await saveLastRun(ctx.project.name, masked, ctx.stateDir);
}

/** The previous run's captured output of steps of services this run did not touch. */
function keptLogs(prev: LastRun | undefined, names: Set<string>): Record<string, string[]> {
  if (!prev) return {};
  const keys = new Set(
    prev.report.steps.filter((s) => !names.has(s.service)).map((s) => logKey(s.instance, s.step)),
  );
  return Object.fromEntries(Object.entries(prev.logs).filter(([k]) => keys.has(k)));
}
