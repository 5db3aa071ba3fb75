// One instance's init sequence (docs/spec.md, "Init steps"): each step decided by the planner right
// before it runs, then up to its attempts with linear backoff between them, markers stamped on the
// persistent volumes of a step that succeeded. How an attempt runs (container or host process) is the
// instance driver's business.
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../errors.js';
import { addMarker } from '../markers/store.js';
import { decideStep, markerKey } from '../plan/plan.js';
import { LineTail } from '../runtime/stream.js';
import type { OutputStream } from '../runtime/types.js';
import {
  isPersistent,
  type ResolvedInstance,
  type ResolvedService,
  type ResolvedStep,
} from '../spec/model.js';
import type { AttemptOutcome } from './attempt.js';
import { stepFacts, type FactSource } from './facts.js';
import { findProblems } from './problems.js';
import type { StartedMain } from './readiness.js';
import type { RunContext } from './run-context.js';
import type { StepProblem, StepResult } from './types.js';

/** A step's output kept in the state dir for `logs --output`: its last lines, bounded in count and size. */
const LOG_KEEP_LINES = 1000;
const LOG_KEEP_CHARS = 256 * 1024;

/** One attempt of a prepared step; `onLine` gets each line of its output. */
export type StepAttempt = (onLine: (stream: OutputStream, line: string) => void) => Promise<AttemptOutcome>;

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
  prepareStep(step: ResolvedStep): Promise<StepAttempt>;
  /** After the init sequence succeeded: the main container or process; undefined when it did not start. */
  startMain(): Promise<StartedMain | undefined>;
}

/** The init sequence of one instance; false when a step did not succeed. */
export async function runInitSteps(
  ctx: RunContext,
  s: ResolvedService,
  inst: ResolvedInstance,
  driver: InstanceDriver,
): Promise<boolean> {
  for (const [index, step] of inst.steps.entries()) {
    ctx.throwIfAborted();
    const began = Date.now();
    const decision = decideStep(s.name, step, await stepFacts(step, driver.facts));
    if (decision.action === 'skip') {
      ctx.results.skipStep(inst.name, step.name, decision.reason, Date.now() - began);
      continue;
    }
    const r = await runStep(ctx, s, inst, step, driver);
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
    ctx.results.setInstance(
      s,
      inst,
      'Failed',
      'InitStepFailed',
      `init step "${step.name}" failed: ${detail}`,
    );
    return false;
  }
  return true;
}

/** The problems a failed step's output names; reading them never fails the run (a warning instead). */
async function stepProblems(
  ctx: RunContext,
  s: ResolvedService,
  step: ResolvedStep,
  lines: string[],
): Promise<StepProblem[]> {
  try {
    return await findProblems(lines, {
      spec: step,
      runtime: s.runtime,
      specDir: dirname(s.file),
      workspace: ctx.project.workspace,
    });
  } catch (e: unknown) {
    ctx.warn(`init step "${step.name}": could not read its output for problems: ${errorMessage(e)}`);
    return [];
  }
}

async function runStep(
  ctx: RunContext,
  s: ResolvedService,
  inst: ResolvedInstance,
  step: ResolvedStep,
  driver: InstanceDriver,
): Promise<StepResult> {
  const began = Date.now();
  const log = new LineTail(LOG_KEEP_LINES, LOG_KEEP_CHARS);
  const finish = async (outcome: AttemptOutcome, attempts: number) => {
    const status =
      outcome.reason === undefined ? 'Succeeded' : outcome.reason === 'Cancelled' ? 'Cancelled' : 'Failed';
    const durationMs = Date.now() - began;
    const lines = log.values();
    // Only a failed step's output is read for problems (docs/spec.md#problem-matchers).
    const problems = status === 'Failed' ? await stepProblems(ctx, s, step, lines) : [];
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

  let attempt: StepAttempt;
  try {
    attempt = await driver.prepareStep(step);
  } catch (e: unknown) {
    ctx.throwIfAborted();
    if (e instanceof StepSetupError) return finish({ reason: e.reason, message: e.message }, 0);
    return finish({ reason: 'RuntimeError', message: errorMessage(e) }, 0);
  }
  const onLine = (stream: OutputStream, raw: string): void => {
    const line = ctx.mask(raw);
    log.push(line);
    ctx.emit({ type: 'step-output', instance: inst.name, step: step.name, stream, line });
  };

  let outcome: AttemptOutcome = { reason: 'RuntimeError', message: 'no attempt made' };
  let n = 0;
  let cancelledWaiting = false;
  while (n < step.attempts) {
    n += 1;
    ctx.results.stepAttempt(s.name, inst.name, step.name, n, step.attempts);
    try {
      outcome = await attempt(onLine);
    } catch (e: unknown) {
      outcome = { reason: 'RuntimeError', message: errorMessage(e) };
    }
    if (outcome.reason === undefined || ctx.signal?.aborted) break;
    if (n < step.attempts) {
      const delayMs = n * ctx.backoffBaseMs;
      ctx.emit({
        type: 'step-retry',
        instance: inst.name,
        step: step.name,
        attempt: n,
        delayMs,
        detail: `${outcome.reason} ${outcome.message ?? ''}`.trim(),
      });
      try {
        await sleep(delayMs, undefined, { signal: ctx.signal });
      } catch {
        cancelledWaiting = true;
        break;
      }
    }
  }
  // Cancelled during the backoff: nothing was running, so the step itself is Cancelled.
  if (cancelledWaiting) outcome = { ...outcome, reason: 'Cancelled', message: 'run cancelled' };
  return finish(outcome, n);
}
