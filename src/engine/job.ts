// A job (docs/spec.md, "Jobs"): its one instance is opened and initialized like a service's, then its own
// container (or host process) runs to completion with the attempts, timeout and backoff of a step, all
// within its activeDeadlineSeconds. It runs on every `up`; nothing of it stays running afterwards.
import { errorMessage } from '../errors.js';
import type { JobSpec, ResolvedInstance, ResolvedService } from '../spec/model.js';
import { ContainerInstance } from './container-instance.js';
import { readProblems } from './problems.js';
import { ProcessInstance } from './process-instance.js';
import type { JobEnd } from './results.js';
import { captureOutput, Deadline, runAttempts, type Attempt } from './retry.js';
import type { RunContext } from './run-context.js';
import { runInitSteps, StepSetupError, type InstanceDriver } from './steps.js';

interface JobRun {
  ctx: RunContext;
  s: ResolvedService;
  job: JobSpec;
  inst: ResolvedInstance;
  driver: InstanceDriver;
  deadline: Deadline | undefined;
}

export async function runJob(ctx: RunContext, s: ResolvedService, job: JobSpec): Promise<void> {
  const inst = s.instances[0];
  if (!inst) throw new Error(`internal: job ${s.name} has no instance`);
  ctx.results.setInstance(s, inst, 'Initializing');
  const deadline = job.activeDeadlineMs === undefined ? undefined : Deadline.after(job.activeDeadlineMs);
  const driver: InstanceDriver =
    s.runtime === 'process' ? new ProcessInstance(ctx, s, inst, []) : new ContainerInstance(ctx, s, inst);
  let end: JobEnd;
  try {
    end = await run({ ctx, s, job, inst, driver, deadline });
  } catch (e: unknown) {
    // A cancelled run still records how far the job got; a fatal error leaves the record as it was.
    if (ctx.signal?.aborted) {
      ctx.results.finishJob(s.name, { status: 'Failed', reason: 'Cancelled', message: 'run cancelled' });
    }
    await driver.finishJob();
    throw e;
  }
  ctx.results.finishJob(s.name, end);
  await driver.finishJob();
  ctx.throwIfAborted();
}

const failed = (reason: JobEnd['reason'], message?: string): JobEnd => ({
  status: 'Failed',
  reason,
  ...(message !== undefined && { message }),
});

async function run({ ctx, s, job, inst, driver, deadline }: JobRun): Promise<JobEnd> {
  const { results } = ctx;
  if (!(await driver.open())) {
    const recorded = results.job(s.name);
    return failed(recorded.reason ?? 'StartFailed', recorded.message);
  }
  if (!(await runInitSteps(ctx, s, inst, driver, deadline))) {
    if (deadline?.exceeded) {
      const step = results.steps().find((r) => r.instance === inst.name && r.status === 'Failed');
      return failed('DeadlineExceeded', `${deadline.message} during init step "${step?.step ?? '?'}"`);
    }
    return failed('InitStepFailed', results.job(s.name).message);
  }
  ctx.throwIfAborted();
  let attempt: Attempt;
  try {
    attempt = await driver.prepareJob();
  } catch (e: unknown) {
    ctx.throwIfAborted();
    return failed('StartFailed', e instanceof StepSetupError ? `${e.reason}: ${e.message}` : errorMessage(e));
  }
  const { log, onLine } = captureOutput(ctx, (stream, line) =>
    ctx.emit({ type: 'job-output', job: s.name, instance: inst.name, stream, line }),
  );
  const { outcome, attempts } = await runAttempts(ctx, attempt, onLine, {
    attempts: job.attempts,
    timeoutMs: job.timeoutMs,
    backoff: job.backoff,
    deadline,
    onAttempt: (n) => results.jobAttempt(s.name, n, job.attempts),
    onRetry: (n, delayMs, o) =>
      ctx.emit({
        type: 'job-retry',
        job: s.name,
        instance: inst.name,
        attempt: n,
        delayMs,
        detail: `${o.reason} ${o.message ?? ''}`.trim(),
      }),
  });
  const ran = { attempts, log: log.values(), exitCode: outcome.exitCode };
  if (outcome.reason === undefined) return { status: 'Succeeded', ...ran };
  if (outcome.reason === 'Cancelled' || ctx.signal?.aborted) {
    return { ...failed('Cancelled', outcome.message ?? 'run cancelled'), ...ran };
  }
  if (deadline?.exceeded) return { ...failed('DeadlineExceeded', deadline.message), ...ran };
  // A plain exit code says it all; any other reason of the last attempt (Timeout, OOMKilled) in words.
  const detail = outcome.reason === 'ExitNonZero' ? undefined : `${outcome.reason}: ${outcome.message ?? ''}`;
  // What its output named at file lines (docs/spec.md#problem-matchers).
  const problems = await readProblems(ctx, s, inst.main, ran.log, `job "${s.name}"`);
  return { ...failed('JobFailed', detail), ...ran, ...(problems.length > 0 ? { problems } : {}) };
}
