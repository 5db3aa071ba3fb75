// The attempt loop shared by init steps and a job's own container (docs/spec.md, "Init steps" and
// "Jobs"): up to `attempts` attempts with a doubling backoff between them (base, 2 × base, ... at most the
// cap), each attempt capped by its timeout and by what is left of a deadline (a job's, a Kubernetes pod's). How one attempt runs (container or
// host process) is the instance driver's business.
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../errors.js';
import { LineTail } from '../runtime/stream.js';
import type { OutputStream } from '../runtime/types.js';
import type { Backoff } from '../spec/model.js';
import type { AttemptOutcome } from './attempt.js';
import type { RunContext } from './run-context.js';

/** Output kept in the state dir for `initsteps logs`: the last lines, bounded in count and size. */
const LOG_KEEP_LINES = 1000;
const LOG_KEEP_CHARS = 256 * 1024;

/** One attempt; `onLine` gets each line of its output, `timeoutMs` caps it. */
export type Attempt = (
  onLine: (stream: OutputStream, line: string) => void,
  timeoutMs: number,
) => Promise<AttemptOutcome>;

/**
 * The wait after failed attempt `n` (1-based): base × 2^(n-1), at most cap, as Kubernetes' restart backoff
 * (10 s doubling to 5 min there; docs/spec.md, "Init steps", for the defaults here).
 */
export function backoffDelayMs(n: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.min(n - 1, 30));
}

/**
 * An `activeDeadlineSeconds` (Kubernetes' Job and Pod field): the whole job, or a pod's init steps and start
 * until ready, retries included.
 * An attempt running when it passes is killed as on a timeout; no attempt or backoff starts after it.
 */
export class Deadline {
  /** Set once the deadline cut an attempt or a backoff short, or stopped one from starting. */
  exceeded = false;

  constructor(
    private readonly atMs: number,
    private readonly seconds: number,
  ) {}

  static after(ms: number): Deadline {
    return new Deadline(Date.now() + ms, ms / 1000);
  }

  remainingMs(): number {
    return this.atMs - Date.now();
  }

  /**
   * Aborts with `outer`, or once the deadline passes (setting `exceeded`): for waits that take a signal.
   * Already aborted when the deadline has passed.
   */
  signal(outer: AbortSignal | undefined): AbortSignal {
    const left = this.remainingMs();
    if (left <= 0) this.exceeded = true;
    const limit = left <= 0 ? AbortSignal.abort() : AbortSignal.timeout(left);
    limit.addEventListener('abort', () => (this.exceeded = true), { once: true });
    return outer ? AbortSignal.any([outer, limit]) : limit;
  }

  get message(): string {
    return `activeDeadlineSeconds ${this.seconds} exceeded`;
  }
}

export interface AttemptLoop {
  attempts: number;
  timeoutMs: number;
  /** Absent, or a part absent: the run's default. */
  backoff?: Backoff | undefined;
  deadline?: Deadline | undefined;
  /** Attempt `n` (1-based) begins. */
  onAttempt(n: number): void;
  /** Attempt `n` failed and the next one starts after `delayMs`. */
  onRetry(n: number, delayMs: number, outcome: AttemptOutcome): void;
}

export interface LoopEnd {
  /** The last attempt's outcome; `Cancelled` when the run was cancelled during a backoff. */
  outcome: AttemptOutcome;
  /** Attempts made. */
  attempts: number;
}

export async function runAttempts(
  ctx: RunContext,
  attempt: Attempt,
  onLine: (stream: OutputStream, line: string) => void,
  loop: AttemptLoop,
): Promise<LoopEnd> {
  const { deadline } = loop;
  const pastDeadline = (outcome: AttemptOutcome, n: number): LoopEnd => {
    if (deadline) deadline.exceeded = true;
    return { outcome: { ...outcome, reason: 'Timeout', message: deadline?.message }, attempts: n };
  };
  let outcome: AttemptOutcome = { reason: 'RuntimeError', message: 'no attempt made' };
  let n = 0;
  while (n < loop.attempts) {
    const left = deadline?.remainingMs() ?? Infinity;
    if (left <= 0) return pastDeadline(outcome, n);
    n += 1;
    loop.onAttempt(n);
    const timeoutMs = Math.min(loop.timeoutMs, left);
    try {
      outcome = await attempt(onLine, timeoutMs);
    } catch (e: unknown) {
      outcome = { reason: 'RuntimeError', message: errorMessage(e) };
    }
    if (outcome.reason === undefined || ctx.signal?.aborted) break;
    if (outcome.reason === 'Timeout' && timeoutMs < loop.timeoutMs) return pastDeadline(outcome, n);
    if (n < loop.attempts) {
      const delayMs = backoffDelayMs(
        n,
        loop.backoff?.baseMs ?? ctx.backoffBaseMs,
        loop.backoff?.capMs ?? ctx.backoffCapMs,
      );
      if (delayMs >= (deadline?.remainingMs() ?? Infinity)) return pastDeadline(outcome, n);
      loop.onRetry(n, delayMs, outcome);
      try {
        await sleep(delayMs, undefined, { signal: ctx.signal });
      } catch {
        // Cancelled during the backoff: nothing was running, so what was being attempted is Cancelled.
        return { outcome: { ...outcome, reason: 'Cancelled', message: 'run cancelled' }, attempts: n };
      }
    }
  }
  return { outcome, attempts: n };
}

/** Captured output: each line masked, kept (bounded) for the state dir and handed on live. */
export function captureOutput(
  ctx: RunContext,
  live: (stream: OutputStream, line: string) => void,
): { log: LineTail; onLine: (stream: OutputStream, line: string) => void } {
  const log = new LineTail(LOG_KEEP_LINES, LOG_KEEP_CHARS);
  return {
    log,
    onLine: (stream, raw) => {
      const line = ctx.mask(raw);
      log.push(line);
      live(stream, line);
    },
  };
}
