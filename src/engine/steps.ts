// One instance's init sequence (docs/spec.md, "Init steps"): each step decided by the planner right
// before it runs, then its attempts (retry.ts), markers stamped on the persistent volumes of a step that
// succeeded. How an attempt runs (container or host process) is the instance driver's business.
import { errorMessage } from '../errors.js';
import { addMarker } from '../markers/store.js';
import { decideStep, markerKey } from '../plan/plan.js';
import {
  initSequence,
  isPersistent,
  type ResolvedInstance,
  type ResolvedService,
  type ResolvedSidecar,
  type ResolvedStep,
} from '../spec/model.js';
import type { AttemptOutcome } from './attempt.js';
import { stepFacts, type FactSource } from './facts.js';
import { readProblems } from './problems.js';
import type { StartedMain } from './readiness.js';
import { captureOutput, runAttempts, type Attempt, type Deadline } from './retry.js';
import type { RunContext } from './run-context.js';
import type { StepResult } from './types.js';

/** What a step needs before its first attempt could not be had: the step fails with no attempt made. */
export class StepSetupError extends Error {
  override readonly name = 'StepSetupError';
  constructor(
    readonly reason: NonNullable<AttemptOutcome['reason']>,
    message: string,
  ) {
    super(message);
  }
}

/** One instance kind (a container joined to a sandbox, a host process): how its parts are run. */
export interface InstanceDriver {
  /** Readies the instance (volumes, sandbox); false when it failed (the instance's result says why). */
  open(): Promise<boolean>;
  /** Where the planner's facts come from, read right before each step. */
  readonly facts: FactSource;
  /** Everything a step's attempts need; throws StepSetupError (or anything: a RuntimeError). */
  prepareStep(step: ResolvedStep): Promise<Attempt>;
  /**
   * Starts a native sidecar and waits until it has started (its startupProbe passed); the outcome says why
   * not (docs/kubernetes.md#native-sidecars). Only the container driver has them: a Kubernetes pod.
   */
  startSidecar?(sidecar: ResolvedSidecar, order: number): Promise<AttemptOutcome>;
  /** A service, after the init sequence succeeded: its main container or process; undefined when it did not start. */
  startMain(): Promise<StartedMain | undefined>;
  /** A job, after the init sequence succeeded: what its own container's (process's) attempts need, as prepareStep. */
  prepareJob(): Promise<Attempt>;
  /** A job has ended: nothing of it stays running (its volumes stay, for the project cache). */
  finishJob(): Promise<void>;
}

/** The init sequence of one instance; false when a step did not succeed. A job or a pod passes its deadline. */
export async function runInitSteps(
  ctx: RunContext,
  s: ResolvedService,
  inst: ResolvedInstance,
  driver: InstanceDriver,
  deadline?: Deadline,
): Promise<boolean> {
  let sidecars = 0;
  for (const [index, entry] of initSequence(inst).entries()) {
    ctx.throwIfAborted();
    if (entry.kind === 'sidecar') {
      const r = await startSidecar(ctx, s, inst, entry.sidecar, sidecars++, driver);
      if (r.status === 'Started') continue;
      ctx.throwIfAborted();
      ctx.results.notRun(inst, index + 1, `sidecar "${entry.sidecar.name}" did not start`);
      const detail = [r.reason, r.message].filter(Boolean).join(' ');
      const why = `sidecar "${entry.sidecar.name}" did not start: ${detail}`;
      ctx.results.setInstance(s, inst, 'Failed', 'InitStepFailed', why);
      return false;
    }
    const step = entry.step;
    const began = Date.now();
    const decision = decideStep(s.name, step, await stepFacts(step, driver.facts));
    if (decision.action === 'skip') {
      ctx.results.skipStep(inst.name, step.name, decision.reason, Date.now() - began);
      continue;
    }
    const r = await runStep(ctx, s, inst, step, driver, deadline);
    if (r.status === 'Succeeded') {
      const key = markerKey(s.name, step.name);
      for (const m of step.volumes.filter(isPersistent)) {
        const uid = driver.facts.volume(m.name)?.uid;
        if (uid !== undefined) await addMarker(uid, key, new Date(), ctx.stateDir);
      }
      continue;
    }
    ctx.throwIfAborted();
    ctx.results.notRun(inst, index + 1, `init step "${step.name}" failed`);
    const detail = [r.reason, r.message].filter(Boolean).join(' ');
    if (deadline?.exceeded) {
      const why = `${deadline.message} during init step "${step.name}"`;
      ctx.results.setInstance(s, inst, 'Failed', 'DeadlineExceeded', why);
    } else {
      ctx.results.setInstance(
        s,
        inst,
        'Failed',
        'InitStepFailed',
        `init step "${step.name}" failed: ${detail}`,
      );
    }
    return false;
  }
  return true;
}

/** A native sidecar: one start, its row `Started` once it runs (and its startupProbe passed). */
async function startSidecar(
  ctx: RunContext,
  s: ResolvedService,
  inst: ResolvedInstance,
  sidecar: ResolvedSidecar,
  order: number,
  driver: InstanceDriver,
): Promise<StepResult> {
  const began = Date.now();
  ctx.results.stepAttempt(s.name, inst.name, sidecar.name, 1, 1);
  let outcome: AttemptOutcome;
  try {
    if (!driver.startSidecar) throw new Error(`internal: ${inst.name} cannot run native sidecars`);
    outcome = await driver.startSidecar(sidecar, order);
  } catch (e: unknown) {
    ctx.throwIfAborted();
    outcome =
      e instanceof StepSetupError
        ? { reason: e.reason, message: e.message }
        : { reason: 'RuntimeError', message: errorMessage(e) };
  }
  return ctx.results.finishStep(inst.name, sidecar.name, {
    status: outcome.reason === undefined ? 'Started' : 'Failed',
    attempts: 1,
    durationMs: Date.now() - began,
    exitCode: outcome.exitCode,
    reason: outcome.reason,
    message: outcome.message,
    log: [],
  });
}

async function runStep(
  ctx: RunContext,
  s: ResolvedService,
  inst: ResolvedInstance,
  step: ResolvedStep,
  driver: InstanceDriver,
  deadline: Deadline | undefined,
): Promise<StepResult> {
  const began = Date.now();
  const { log, onLine } = captureOutput(ctx, (stream, line) =>
    ctx.emit({ type: 'step-output', instance: inst.name, step: step.name, stream, line }),
  );
  const finish = async (outcome: AttemptOutcome, attempts: number) => {
    const status =
      outcome.reason === undefined ? 'Succeeded' : outcome.reason === 'Cancelled' ? 'Cancelled' : 'Failed';
    const durationMs = Date.now() - began;
    const lines = log.values();
    // Only a failed step's output is read for problems (docs/spec.md#problem-matchers).
    const problems =
      status === 'Failed' ? await readProblems(ctx, s, step, lines, `init step "${step.name}"`) : [];
    return ctx.results.finishStep(inst.name, step.name, {
      status,
      attempts,
      durationMs,
      exitCode: outcome.exitCode,
      reason: outcome.reason,
      message: outcome.message,
      log: lines,
      ...(problems.length > 0 ? { problems } : {}),
    });
  };

  let attempt: Attempt;
  try {
    attempt = await driver.prepareStep(step);
  } catch (e: unknown) {
    ctx.throwIfAborted();
    if (e instanceof StepSetupError) return finish({ reason: e.reason, message: e.message }, 0);
    return finish({ reason: 'RuntimeError', message: errorMessage(e) }, 0);
  }
  const end = await runAttempts(ctx, attempt, onLine, {
    attempts: step.attempts,
    timeoutMs: step.timeoutMs,
    backoff: step.backoff,
    deadline,
    onAttempt: (n) => ctx.results.stepAttempt(s.name, inst.name, step.name, n, step.attempts),
    onRetry: (n, delayMs, outcome) =>
      ctx.emit({
        type: 'step-retry',
        instance: inst.name,
        step: step.name,
        attempt: n,
        delayMs,
        detail: `${outcome.reason} ${outcome.message ?? ''}`.trim(),
      }),
  });
  return finish(end.outcome, end.attempts);
}
