// The run's state in the state dir, written as the run goes (docs/spec.md, "One run per project"): at
// its start, after every change of what it created or of a step's, service's or instance's status (at
// most every 250 ms, so a run of many quick steps does not write a file per event), and at its end. A
// run that is killed leaves the truth as of a quarter second before: `status` shows its steps, `down`
// finds its host processes, and the next `up` knows its last run never finished.
import type { ResolvedService } from '../spec/model.js';
import { errorMessage } from '../errors.js';
import { maskReportText } from './results.js';
import type { RunContext } from './run-context.js';
import { thisProcess } from './run-owner.js';
import { logKey, saveLastRun, type LastRun } from './state.js';
import type { RunEvent, RunObserver, RunReport, StepResult } from './types.js';

/** Least time between two writes while the run goes on. */
export const STATE_WRITE_INTERVAL_MS = 250;

/**
 * Characters of captured output the file keeps in all (each step's log is bounded on its own too): when
 * the steps' logs add up to more, each keeps an equal share of its last lines, so the file stays a few
 * MiB however many steps flooded their output.
 */
export const LAST_RUN_LOG_CHARS = 4 * 1024 * 1024;
/** Lines of a step's output in the recorded report (as in the live one). */
const TAIL_LINES = 50;

/** Events that change nothing the file holds. */
const UNRECORDED = new Set<RunEvent['type']>([
  'step-output',
  'main-output',
  'image-pull',
  'warning',
  'notice',
]);

/**
 * The record of a run for `status` and `logs`: this run's results, and the last run's results of the
 * services this run did not touch. `finishedAt` absent: the run goes on.
 */
export function lastRunOf(
  ctx: RunContext,
  report: RunReport,
  prev: LastRun | undefined,
  startedAt: Date,
  selected: ResolvedService[],
  finishedAt?: Date,
): LastRun {
  const names = new Set(selected.map((s) => s.name));
  const keep = <T extends { service: string }>(items: T[] | undefined): T[] =>
    (items ?? []).filter((x) => !names.has(x.service));
  const logs = boundLogs({ ...keptLogs(prev, names), ...ctx.results.logs }, LAST_RUN_LOG_CHARS);
  const steps = [...keep(prev?.report.steps).map((s) => interrupted(s, prev)), ...report.steps].map((s) => {
    const log = logs[logKey(s.instance, s.step)];
    return log === undefined ? s : { ...s, logTail: log.slice(-TAIL_LINES) };
  });
  const run: LastRun = {
    runId: ctx.runId,
    startedAt: startedAt.toISOString(),
    ...(finishedAt && { finishedAt: finishedAt.toISOString() }),
    owner: thisProcess(),
    report: {
      ...report,
      services: [...(prev?.report.services ?? []).filter((s) => !names.has(s.name)), ...report.services],
      jobs: [...(prev?.report.jobs ?? []).filter((j) => !names.has(j.name)), ...report.jobs],
      steps,
    },
    logs,
    processes: [...keep(prev?.processes), ...ctx.tracked.processes],
  };
  // Messages masked too: `status --json` prints them without the secrets at hand.
  return { ...run, report: maskReportText(run.report, ctx.mask) };
}

/** A step the last run left Running because it was killed: kept as what it is now, interrupted. */
function interrupted(step: StepResult, prev: LastRun | undefined): StepResult {
  if (step.status !== 'Running' || prev?.finishedAt !== undefined) return step;
  return {
    ...step,
    status: 'Cancelled',
    reason: 'Cancelled',
    message: `interrupted: run ${prev?.runId ?? '?'} stopped while the step ran`,
  };
}

/** The previous run's captured output of steps of services this run did not touch. */
function keptLogs(prev: LastRun | undefined, names: Set<string>): Record<string, string[]> {
  if (!prev) return {};
  const keys = new Set(
    prev.report.steps.filter((s) => !names.has(s.service)).map((s) => logKey(s.instance, s.step)),
  );
  return Object.fromEntries(Object.entries(prev.logs).filter(([k]) => keys.has(k)));
}

/** At most `budget` characters in all: past it, every log keeps its last lines up to an equal share. */
export function boundLogs(logs: Record<string, string[]>, budget: number): Record<string, string[]> {
  const entries = Object.entries(logs);
  const total = entries.reduce((sum, [, lines]) => sum + lines.reduce((n, l) => n + l.length, 0), 0);
  if (total <= budget) return logs;
  const share = Math.floor(budget / entries.length);
  return Object.fromEntries(entries.map(([key, lines]) => [key, lastChars(lines, share)]));
}

/** The last lines of `lines` within `max` characters; a last line longer than that keeps its end. */
function lastChars(lines: string[], max: number): string[] {
  const kept: string[] = [];
  let room = max;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (line.length > room) {
      if (kept.length === 0 && room > 0) kept.push(line.slice(line.length - room));
      break;
    }
    kept.push(line);
    room -= line.length;
  }
  return kept.reverse();
}

/** Writes the run's record as it changes: throttled while the run goes on, at once at its start and end. */
export class RunStateWriter {
  private snapshot: (() => LastRun) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private lastWrite = 0;
  private warned = false;

  constructor(
    private readonly project: string,
    private readonly dir: string,
    private readonly warn: (message: string) => void,
    private readonly save: typeof saveLastRun = saveLastRun,
  ) {}

  /** The observer to give the run: passes every event on, and schedules a write for those that change it. */
  observe(next: RunObserver): RunObserver {
    return (event) => {
      next(event);
      if (!UNRECORDED.has(event.type)) this.schedule();
    };
  }

  /** The first write, at once; later ones take their snapshot from `snapshot`. */
  start(snapshot: () => LastRun): Promise<void> {
    this.snapshot = snapshot;
    return this.write();
  }

  /** The last write, after any still under way; its failure is the caller's (the run's state is lost). */
  async finish(run: LastRun): Promise<void> {
    this.snapshot = undefined;
    clearTimeout(this.timer);
    await this.writing;
    await this.save(this.project, run, this.dir);
  }

  private schedule(): void {
    if (!this.snapshot || this.timer) return;
    const wait = Math.max(0, this.lastWrite + STATE_WRITE_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, wait);
    // Never what keeps the process alive: the end of the run writes through finish().
    this.timer.unref();
  }

  /** One write of the snapshot as it is now, after the one under way (they land in order). */
  private write(): Promise<void> {
    const snapshot = this.snapshot;
    if (!snapshot) return this.writing;
    this.lastWrite = Date.now();
    const run = snapshot();
    this.writing = this.writing
      .then(() => this.save(this.project, run, this.dir))
      .catch((e: unknown) => {
        if (this.warned) return;
        this.warned = true;
        this.warn(`could not record the run's progress in ${this.dir}: ${errorMessage(e)}`);
      });
    return this.writing;
  }
}
