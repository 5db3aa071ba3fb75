// What a run reports, kept up to date as it goes: a result per service, instance and step, every status
// change announced to the observer when it happens, and each step's full log for the state file.
import { initSequence, type ResolvedInstance, type ResolvedService } from '../spec/model.js';
import type { Masker } from '../spec/secrets.js';
import { jobLogKey, logKey } from './state.js';
import type {
  InstanceResult,
  JobReason,
  JobResult,
  PublishedPort,
  RunObserver,
  RunReport,
  ServiceReason,
  ServiceResult,
  ServiceStatus,
  StepProblem,
  StepResult,
  StepStatus,
} from './types.js';

/** How a step ended, as the step's runner knows it. */
export interface StepEnd {
  status: StepStatus;
  attempts: number;
  durationMs: number;
  exitCode?: number;
  reason?: StepResult['reason'];
  message?: string;
  /** Its whole kept log; the result keeps the tail. */
  log: string[];
  problems?: StepResult['problems'];
}

/** How a job ended, as its runner knows it. */
export interface JobEnd {
  status: 'Succeeded' | 'Failed';
  reason?: JobReason;
  message?: string;
  exitCode?: number;
  attempts?: number;
  /** Its container's whole kept log; the result keeps the tail. */
  log?: string[];
  problems?: StepProblem[];
}

/** Lines of a step's log the report keeps (the state file keeps the whole bounded log). */
const TAIL_LINES = 50;

export class RunResults {
  private readonly byService = new Map<string, ServiceResult>();
  private readonly byJob = new Map<string, JobResult & { startedAt?: number }>();
  private readonly bySteps = new Map<string, StepResult>();
  /** Each step's log (its last lines), by `logKey`. */
  readonly logs: Record<string, string[]> = {};

  constructor(private readonly emit: RunObserver) {}

  /** Everything `Pending` for a service or job this run will try. */
  add(s: ResolvedService): void {
    if (s.job) {
      this.byJob.set(s.name, {
        name: s.name,
        instance: s.instances[0]?.name ?? `${s.name}-0`,
        pos: s.pos,
        failurePos: s.job.pos,
        status: 'Pending',
        attempts: 0,
        durationMs: 0,
        logTail: [],
      });
    } else {
      this.byService.set(s.name, {
        name: s.name,
        pos: s.pos,
        status: 'Pending',
        instances: s.instances.map((i) => ({
          name: i.name,
          ordinal: i.ordinal,
          ...(s.runtime === 'container' && i.main.image !== undefined && { image: i.main.image }),
          status: 'Pending',
          ports: [],
        })),
      });
    }
    for (const i of s.instances) {
      // A native sidecar has its row among the steps, where it starts.
      for (const entry of initSequence(i)) {
        const step = entry.kind === 'step' ? entry.step : entry.sidecar;
        this.bySteps.set(logKey(i.name, step.name), {
          service: s.name,
          instance: i.name,
          step: step.name,
          pos: step.pos,
          ...(entry.kind === 'sidecar' && { sidecar: true as const }),
          status: 'Pending',
          attempts: 0,
          durationMs: 0,
          logTail: [],
        });
      }
    }
  }

  services(): ServiceResult[] {
    return [...this.byService.values()];
  }

  jobs(): JobResult[] {
    return [...this.byJob.values()].map(({ startedAt: _startedAt, ...r }) => r);
  }

  steps(): StepResult[] {
    return [...this.bySteps.values()];
  }

  /**
   * An instance's status. A job's one instance is the job: its status and reason are recorded here
   * without an event, and the job's runner ends it with `finishJob`.
   */
  setInstance(
    s: ResolvedService,
    inst: ResolvedInstance,
    status: ServiceStatus,
    reason?: ServiceReason,
    message?: string,
  ): void {
    const job = this.byJob.get(s.name);
    if (job) {
      if (status === 'Initializing' && job.startedAt === undefined) job.startedAt = Date.now();
      Object.assign(job, { status, ...(reason && { reason }), ...(message && { message }) });
      return;
    }
    const r = this.instance(s.name, inst.name);
    r.status = status;
    if (reason) r.reason = reason;
    if (message) r.message = message;
    this.emit({
      type: 'service-status',
      service: s.name,
      instance: inst.name,
      status,
      ...(reason && { reason }),
      ...(message && { message }),
    });
  }

  setService(name: string, status: ServiceStatus, reason?: ServiceReason, message?: string): void {
    const r = this.service(name);
    r.status = status;
    if (reason) r.reason = reason;
    if (message) r.message = message;
    this.emit({
      type: 'service-status',
      service: name,
      status,
      ...(reason && { reason }),
      ...(message && { message }),
    });
  }

  service(name: string): ServiceResult {
    const r = this.byService.get(name);
    if (!r) throw new Error(`internal: no result for service ${name}`);
    return r;
  }

  /** The service's result, if this run tries it. */
  findService(name: string): ServiceResult | undefined {
    return this.byService.get(name);
  }

  job(name: string): JobResult {
    const r = this.byJob.get(name);
    if (!r) throw new Error(`internal: no result for job ${name}`);
    return r;
  }

  /** Whether the service or job this run tried has failed (its dependents are `DependencyFailed`). */
  hasFailed(name: string): boolean {
    return (this.byService.get(name) ?? this.byJob.get(name))?.status === 'Failed';
  }

  /** An attempt of the job's own container begins. */
  jobAttempt(name: string, attempt: number, attempts: number): void {
    const r = this.job(name);
    r.status = 'Running';
    this.emit({ type: 'job-start', job: name, instance: r.instance, attempt, attempts });
  }

  /** The job ended; its duration counts from its start (init steps included). */
  finishJob(name: string, end: JobEnd): JobResult {
    const r = this.byJob.get(name);
    if (!r) throw new Error(`internal: no result for job ${name}`);
    const { log, ...fields } = end;
    Object.assign(r, fields, { durationMs: r.startedAt === undefined ? 0 : Date.now() - r.startedAt });
    if (log) {
      r.logTail = log.slice(-TAIL_LINES);
      this.logs[jobLogKey(r.instance)] = log;
    }
    const { startedAt: _startedAt, ...result } = r;
    this.emit({ type: 'job-end', result });
    return result;
  }

  /** A service or job whose dependency failed: it is `DependencyFailed`, its steps do not run. */
  dependencyFailed(s: ResolvedService, dependency: string): void {
    const why = `dependency "${dependency}" failed`;
    for (const inst of s.instances) this.notRun(inst, 0, why);
    if (s.job) {
      this.finishJob(s.name, { status: 'Failed', reason: 'DependencyFailed', message: why });
      return;
    }
    for (const inst of s.instances) this.setInstance(s, inst, 'Failed', 'DependencyFailed', why);
    this.setService(s.name, 'Failed', 'DependencyFailed', why);
  }

  instance(service: string, instance: string): InstanceResult {
    const r = this.service(service).instances.find((i) => i.name === instance);
    if (!r) throw new Error(`internal: no result for instance ${instance}`);
    return r;
  }

  step(instance: string, step: string): StepResult {
    const r = this.bySteps.get(logKey(instance, step));
    if (!r) throw new Error(`internal: no result for step ${instance}/${step}`);
    return r;
  }

  /** A job publishes no ports: nothing to record. */
  setPorts(service: string, instance: string, ports: PublishedPort[]): void {
    if (this.byJob.has(service)) return;
    this.instance(service, instance).ports = ports;
  }

  /** An attempt of the step begins (a native sidecar's one start). */
  stepAttempt(service: string, instance: string, step: string, attempt: number, attempts: number): void {
    const r = this.step(instance, step);
    r.status = 'Running';
    this.emit({
      type: 'step-start',
      service,
      instance,
      step,
      attempt,
      attempts,
      ...(r.sidecar && { sidecar: true as const }),
    });
  }

  skipStep(instance: string, step: string, why: string, durationMs: number): void {
    const r = this.step(instance, step);
    Object.assign(r, { status: 'Skipped', message: why, durationMs });
    this.emit({ type: 'step-end', result: { ...r } });
  }

  finishStep(instance: string, step: string, end: StepEnd): StepResult {
    const r = this.step(instance, step);
    const { log, ...fields } = end;
    Object.assign(r, { ...fields, logTail: log.slice(-TAIL_LINES) });
    this.logs[logKey(instance, step)] = log;
    this.emit({ type: 'step-end', result: { ...r } });
    return r;
  }

  /** Steps (and sidecars) from `from` in the init sequence (`initSequence`) that will not run keep `Pending` and say why. */
  notRun(inst: ResolvedInstance, from: number, why: string): void {
    for (const entry of initSequence(inst).slice(from)) {
      const name = entry.kind === 'step' ? entry.step.name : entry.sidecar.name;
      this.step(inst.name, name).message = `not run: ${why}`;
    }
  }
}

/**
 * A report with its free text masked: the messages of steps, instances, services and jobs and the log tails.
 * Names, ids and positions stay as they are: they come from the spec and the engine, and are looked up.
 */
export function maskReportText(report: RunReport, mask: Masker): RunReport {
  const text = <T extends { message?: string }>(x: T): T =>
    x.message === undefined ? x : { ...x, message: mask(x.message) };
  return {
    ...report,
    services: report.services.map((s) => ({ ...text(s), instances: s.instances.map(text) })),
    jobs: report.jobs.map((j) => ({
      ...text(j),
      logTail: j.logTail.map(mask),
      ...(j.problems ? { problems: maskProblems(j.problems, mask) } : {}),
    })),
    steps: report.steps.map((s) => ({
      ...text(s),
      logTail: s.logTail.map(mask),
      ...(s.problems ? { problems: maskProblems(s.problems, mask) } : {}),
    })),
    ...(report.images && { images: report.images.map(text) }),
  };
}

/** Problems quote a step's or job's output: their message and the file as the output named it. */
const maskProblems = (problems: StepProblem[], mask: Masker): StepProblem[] =>
  problems.map((p) => ({
    ...p,
    message: mask(p.message),
    ...(p.named !== undefined ? { named: mask(p.named) } : {}),
  }));
