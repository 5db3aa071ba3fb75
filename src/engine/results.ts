// What a run reports, kept up to date as it goes: a result per service, instance and step, every status
// change announced to the observer when it happens, and each step's full log for the state file.
import type { ResolvedInstance, ResolvedService } from '../spec/model.js';
import { logKey } from './state.js';
import type {
  InstanceResult,
  RunObserver,
  ServiceReason,
  ServiceResult,
  ServiceStatus,
  StepResult,
} from './types.js';

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
      instances: s.instances.map((i) => ({ name: i.name, ordinal: i.ordinal, status: 'Pending', ports: [] })),
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

  /** Steps that will not run keep `Pending` and say why. */
  notRun(inst: ResolvedInstance, from: number, why: string): void {
    for (const step of inst.steps.slice(from)) this.step(inst.name, step.name).message = `not run: ${why}`;
  }
}
