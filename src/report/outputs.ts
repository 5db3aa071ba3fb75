// Pure: the Action's outputs (docs/action.md): one JSON document describing the run, plus flat counts.
import type {
  CacheReport,
  JobResult,
  PublishedPort,
  RunReport,
  ServiceReason,
  ServiceStatus,
  StepReason,
  StepResult,
  StepStatus,
} from '../engine/types.js';

export interface OutputPort extends PublishedPort {
  /** `hostIp:hostPort`, ready to connect to. */
  address: string;
}

export interface OutputStep {
  name: string;
  status: StepStatus;
  exitCode?: number;
  attempts: number;
  durationMs: number;
  reason?: StepReason;
  message?: string;
}

export interface OutputInstance {
  name: string;
  ordinal: number;
  status: ServiceStatus;
  reason?: ServiceReason;
  message?: string;
  ports: OutputPort[];
  steps: OutputStep[];
}

export interface OutputService {
  name: string;
  status: ServiceStatus;
  reason?: ServiceReason;
  message?: string;
  instances: OutputInstance[];
}

export type OutputJob = Pick<
  JobResult,
  'name' | 'instance' | 'status' | 'reason' | 'message' | 'exitCode' | 'attempts' | 'durationMs'
> & {
  /** Its init steps. */
  steps: OutputStep[];
};

export interface Counts {
  /** Steps that were attempted: started at least once, whatever the outcome (not skipped, not unreached). */
  ran: number;
  skipped: number;
  /** Steps that ended Failed (a cancelled step is counted in `cancelled`, not here). */
  failed: number;
  cancelled: number;
}

export interface OutputDocument {
  project: string;
  /** True when the cache restored the entry of this run's exact key. */
  cacheHit: boolean;
  /** `exact`, `base` or `miss`, the matched and this run's key, whether it saved; absent without a cache. */
  cache?: CacheReport;
  /** Of init steps (services' and jobs'). */
  counts: Counts;
  services: OutputService[];
  jobs: OutputJob[];
  /** Why the run stopped before or while running (bad spec, Docker unavailable, cancelled). */
  error?: string;
}

/**
 * The `services` output: where each service is reached from the runner, shaped like GitHub's own
 * `job.services.<id>.ports['5432']` (docs/action.md): ports by container port, as strings.
 */
export type ServicesOutput = Record<string, { host: string; ports: Record<string, string> }>;

/** What `core.setOutput` receives, name → value. */
export type ActionOutputs = Record<
  'result' | 'services' | 'ran' | 'skipped' | 'failed' | 'cache-hit',
  string
>;

export function countSteps(steps: StepResult[]): Counts {
  return {
    ran: steps.filter((s) => s.status !== 'Skipped' && s.attempts > 0).length,
    skipped: steps.filter((s) => s.status === 'Skipped').length,
    failed: steps.filter((s) => s.status === 'Failed').length,
    cancelled: steps.filter((s) => s.status === 'Cancelled').length,
  };
}

const outputStep = (s: StepResult): OutputStep => ({
  name: s.step,
  status: s.status,
  exitCode: s.exitCode,
  attempts: s.attempts,
  durationMs: s.durationMs,
  reason: s.reason,
  message: s.message,
});

export function buildOutputDocument(
  report: RunReport | undefined,
  project: string,
  error?: string,
): OutputDocument {
  const steps = report?.steps ?? [];
  return {
    project: report?.project ?? project,
    cacheHit: report?.cacheHit ?? false,
    ...(report?.cache && { cache: report.cache }),
    counts: countSteps(steps),
    services: (report?.services ?? []).map((svc) => ({
      name: svc.name,
      status: svc.status,
      reason: svc.reason,
      message: svc.message,
      instances: svc.instances.map((inst) => ({
        name: inst.name,
        ordinal: inst.ordinal,
        status: inst.status,
        reason: inst.reason,
        message: inst.message,
        ports: inst.ports.map((p) => ({ ...p, address: `${p.hostIp}:${p.hostPort}` })),
        steps: steps.filter((s) => s.service === svc.name && s.instance === inst.name).map(outputStep),
      })),
    })),
    jobs: (report?.jobs ?? []).map((job) => ({
      name: job.name,
      instance: job.instance,
      status: job.status,
      reason: job.reason,
      message: job.message,
      exitCode: job.exitCode,
      attempts: job.attempts,
      durationMs: job.durationMs,
      steps: steps.filter((s) => s.service === job.name).map(outputStep),
    })),
    ...(error === undefined ? {} : { error }),
  };
}

const isAnyAddress = (ip: string): boolean => ip === '' || ip === '0.0.0.0' || ip === '::';

/**
 * Every service by name, with the ports its first instance published (a port number published for tcp
 * and udp keeps its first entry) and the address they are on: 127.0.0.1 unless the spec published on
 * another one. A service that published nothing has no ports.
 */
export function buildServicesOutput(doc: OutputDocument): ServicesOutput {
  const out: ServicesOutput = {};
  for (const svc of doc.services) {
    const ports: Record<string, string> = {};
    const published = svc.instances[0]?.ports ?? [];
    for (const p of published) ports[String(p.containerPort)] ??= String(p.hostPort);
    const hostIp = published[0]?.hostIp ?? '';
    out[svc.name] = { host: isAnyAddress(hostIp) ? '127.0.0.1' : hostIp, ports };
  }
  return out;
}

export function buildOutputs(doc: OutputDocument): ActionOutputs {
  return {
    result: JSON.stringify(doc),
    services: JSON.stringify(buildServicesOutput(doc)),
    ran: String(doc.counts.ran),
    skipped: String(doc.counts.skipped),
    failed: String(doc.counts.failed),
    'cache-hit': String(doc.cacheHit),
  };
}
