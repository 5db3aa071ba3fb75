// What a run reports, kept up to date as it goes: a result per service, instance and step, every status
// change announced to the observer when it happens, and each step's full log for the state file.
import type { ResolvedInstance, ResolvedService } from '../spec/model.js';
import type { Masker } from '../spec/secrets.js';
import { logKey } from './state.js';
import type {
  InstanceResult,
  PublishedPort,
  RunObserver,
  RunReport,
  ServiceReason,
  ServiceResult,
  ServiceStatus,
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
}

/** Lines of a step's log the report keeps (the state file keeps the whole bounded log). */
const TAIL_LINES = 50;

export class RunResults {
  private readonly byService = new Map<string, ServiceResult>();
  private readonly bySteps = new Map<string, StepResult>();
  /** Each step's log (its last lines), by `logKey`. */
  readonly logs: Record<string, string[]> = {};

  constructor(private readonly emit: RunObserver) {}

  /** Everything `Pending` for a service this run will try. */
  add(s: ResolvedService): void {
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
    for (const i of s.instances) {
      for (const step of i.steps) {
        this.bySteps.set(logKey(i.name, step.name), {
          service: s.name,
          instance: i.name,
          step: step.name,
          pos: step.pos,
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

  steps(): StepResult[] {
    return [...this.bySteps.values()];
  }

  setInstance(
    s: ResolvedService,
    inst: ResolvedInstance,
    status: ServiceStatus,
    reason?: ServiceReason,
    message?: string,
  ): void {
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

  setPorts(service: string, instance: string, ports: PublishedPort[]): void {
    this.instance(service, instance).ports = ports;
  }

  /** An attempt of the step begins. */
  stepAttempt(service: string, instance: string, step: string, attempt: number, attempts: number): void {
    this.step(instance, step).status = 'Running';
    this.emit({ type: 'step-start', service, instance, step, attempt, attempts });
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

  /** Steps that will not run keep `Pending` and say why. */
  notRun(inst: ResolvedInstance, from: number, why: string): void {
    for (const step of inst.steps.slice(from)) this.step(inst.name, step.name).message = `not run: ${why}`;
  }
}

/**
 * A report with its free text masked: the messages of steps, instances and services and the log tails.
 * Names, ids and positions stay as they are: they come from the spec and the engine, and are looked up.
 */
export function maskReportText(report: RunReport, mask: Masker): RunReport {
  const text = <T extends { message?: string }>(x: T): T =>
    x.message === undefined ? x : { ...x, message: mask(x.message) };
  return {
    ...report,
    services: report.services.map((s) => ({ ...text(s), instances: s.instances.map(text) })),
    steps: report.steps.map((s) => ({ ...text(s), logTail: s.logTail.map(mask) })),
    ...(report.images && { images: report.images.map(text) }),
  };
}
