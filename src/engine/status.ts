// `status`: what runs now (from the engine, by label) joined with the last run's step results (state dir);
// jobs, which leave nothing running, as the last run ended them.
import type { ResolvedProject } from '../spec/model.js';
import type { ContainerRuntime } from '../runtime/types.js';
import { recordedProcessState, type RecordedState } from './host-process.js';
import { LABEL } from './labels.js';
import { ownerState, type OwnerState, type RunOwner } from './run-owner.js';
import { loadLastRun, type LastRun } from './state.js';
import type { JobResult, PublishedPort, ServiceResult, StepResult } from './types.js';

export interface InstanceStatus {
  name: string;
  /**
   * The main container's state (`running`, `exited`, ...); for a host process `running`, `exited` (its pid
   * is gone or another process's now) or `unknown` (nothing tells whether the pid is still it); or `absent`.
   */
  state: string;
  ports: PublishedPort[];
  /** The last run's result for each of its init steps. */
  steps: StepResult[];
}

export interface ServiceStatusInfo {
  name: string;
  /** The last run's service status, when there was one. */
  lastStatus?: ServiceResult['status'];
  lastReason?: ServiceResult['reason'];
  instances: InstanceStatus[];
}

export interface JobStatusInfo {
  name: string;
  /** How the last run ended it; undefined when no run has tried it yet. */
  last?: Pick<JobResult, 'status' | 'reason' | 'message' | 'exitCode' | 'attempts' | 'durationMs'>;
  /** The last run's result for each of its init steps. */
  steps: StepResult[];
}

/**
 * Whether the last run finished, goes on (its process is alive), stopped without finishing (its process
 * is gone: killed), or cannot be told (it runs on another host, or in another pid namespace).
 */
export type LastRunState = 'finished' | 'running' | 'stopped' | 'unknown';

export interface ProjectStatus {
  project: string;
  lastRun?: {
    runId: string;
    startedAt: string;
    finishedAt?: string;
    state: LastRunState;
    /** The process that ran it. */
    owner?: RunOwner;
  };
  services: ServiceStatusInfo[];
  jobs: JobStatusInfo[];
}

const PROCESS_STATE = {
  running: 'running',
  gone: 'exited',
  replaced: 'exited',
  unverifiable: 'unknown',
} satisfies Record<RecordedState, string>;

export async function status(
  runtime: ContainerRuntime,
  project: ResolvedProject | string,
  onWarning: (message: string) => void = () => undefined,
): Promise<ProjectStatus> {
  const name = typeof project === 'string' ? project : project.name;
  const last = await loadLastRun(name, undefined, onWarning);
  const containers = await runtime.listContainers({ [LABEL.project]: name });

  // Services and instances: the spec's (when given), the last run's, and whatever is found running.
  const instancesBy = new Map<string, Set<string>>();
  const add = (service: string, instance: string) => {
    const set = instancesBy.get(service) ?? new Set<string>();
    set.add(instance);
    instancesBy.set(service, set);
  };
  const specJobs = typeof project === 'string' ? [] : project.services.filter((s) => s.job);
  if (typeof project !== 'string') {
    for (const s of project.services) if (!s.job) for (const i of s.instances) add(s.name, i.name);
  }
  for (const s of last?.report.services ?? []) for (const i of s.instances) add(s.name, i.name);
  for (const c of containers) {
    const service = c.labels[LABEL.service];
    const instance = c.labels[LABEL.instance];
    if (service !== undefined && instance !== undefined && c.labels[LABEL.role] === 'main')
      add(service, instance);
  }

  const services: ServiceStatusInfo[] = [];
  for (const [service, instances] of instancesBy) {
    const lastService = last?.report.services.find((s) => s.name === service);
    services.push({
      name: service,
      ...(lastService && { lastStatus: lastService.status }),
      ...(lastService?.reason && { lastReason: lastService.reason }),
      instances: [...instances].sort(byOrdinal).map((instance) => {
        const of = (role: string) =>
          containers.find((c) => c.labels[LABEL.instance] === instance && c.labels[LABEL.role] === role);
        const proc = last?.processes.find((p) => p.instance === instance);
        const main = of('main');
        const state = main?.state ?? (proc ? PROCESS_STATE[recordedProcessState(proc)] : 'absent');
        const lastPorts = lastService?.instances.find((i) => i.name === instance)?.ports ?? [];
        return {
          name: instance,
          state,
          ports: of('sandbox')?.ports ?? (proc ? lastPorts : []),
          steps: (last?.report.steps ?? []).filter((s) => s.instance === instance),
        };
      }),
    });
  }
  const lastJobs = last?.report.jobs ?? [];
  const jobNames = [...new Set([...specJobs.map((s) => s.name), ...lastJobs.map((j) => j.name)])];
  const jobs = jobNames.map((job): JobStatusInfo => {
    const r = lastJobs.find((j) => j.name === job);
    const ended = r && {
      status: r.status,
      reason: r.reason,
      message: r.message,
      exitCode: r.exitCode,
      attempts: r.attempts,
      durationMs: r.durationMs,
    };
    return {
      name: job,
      ...(ended && { last: ended }),
      steps: (last?.report.steps ?? []).filter((s) => s.service === job),
    };
  });
  return {
    project: name,
    ...(last && {
      lastRun: {
        runId: last.runId,
        startedAt: last.startedAt,
        ...(last.finishedAt !== undefined && { finishedAt: last.finishedAt }),
        state: runState(last),
        ...(last.owner && { owner: last.owner }),
      },
    }),
    services,
    jobs,
  };
}

function runState(last: LastRun): LastRunState {
  if (last.finishedAt !== undefined) return 'finished';
  if (!last.owner) return 'unknown';
  return OWNER_STATE[ownerState(last.owner)];
}

const OWNER_STATE = { alive: 'running', gone: 'stopped', unknown: 'unknown' } as const satisfies Record<
  OwnerState,
  LastRunState
>;

/** tb-2 before tb-10. */
function byOrdinal(a: string, b: string): number {
  const n = (s: string) => Number(/-(\d+)$/.exec(s)?.[1] ?? 0);
  return a.replace(/-\d+$/, '').localeCompare(b.replace(/-\d+$/, '')) || n(a) - n(b);
}
