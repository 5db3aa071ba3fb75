// A workload → a service (a Job → a job) whose instances are its pods, one a replica
// (docs/kubernetes.md#mapping); its restart policy, deadlines and the annotated timeout and retries.
import { parseDuration } from '../duration.js';
import type {
  Backoff,
  ContainerSpec,
  JobSpec,
  PortMapping,
  PullPolicy,
  ResolvedInstance,
  ResolvedService,
} from '../model.js';
import { buildPod } from './pod.js';
import type { Reader } from './reader.js';
import { aliases } from './services.js';
import {
  ANNOTATION,
  K8S,
  NOT_YET,
  emptyContainer,
  type Context,
  type MainProbes,
  type Meta,
  type Workload,
} from './shared.js';

export function workloadService(t: Context, w: Workload): ResolvedService {
  const { r } = t;
  const pod = w.pod;
  const restart = r.str(pod, 'restartPolicy') ?? (w.job ? undefined : 'Always');
  if (restart !== undefined && !['Always', 'OnFailure', 'Never'].includes(restart)) {
    r.problem(r.keyAt(pod, 'restartPolicy'), `"${restart}" is not one of Always, OnFailure, Never`);
  }
  if (w.job && restart !== 'OnFailure' && restart !== 'Never') {
    r.problem(
      r.keyAt(pod, 'restartPolicy'),
      "a Job's pod template needs `restartPolicy: OnFailure` or `Never` (as in Kubernetes)",
    );
  }
  const podDeadline = r.int(pod, 'activeDeadlineSeconds', 1);
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (r.bool(pod, field) === true) {
      r.problem(
        r.keyAt(pod, field),
        `${field}: the pod would share the runner's ${field.slice(4)} namespace; ${NOT_YET} (every pod runs in its own sandbox)`,
      );
    }
  }
  const timeoutMs = timeout(r, w.podMeta);
  const retry = retries(r, w.podMeta, restart === 'Never');
  const instances: ResolvedInstance[] = [];
  let ports: PortMapping[] = [];
  let probes: MainProbes = {};
  let pullPolicy: PullPolicy = 'IfNotPresent';
  let template: ContainerSpec | undefined;
  for (let ordinal = 0; ordinal < w.replicas; ordinal++) {
    const podName = `${w.meta.name}-${ordinal}`;
    const built = buildPod(t, w, podName, ordinal, {
      restartPolicy: restart === 'Never' ? 'Never' : 'OnFailure',
      timeoutMs,
      ...retry,
    });
    if (!built) return placeholder(w);
    ports = built.ports;
    probes = built.probes;
    pullPolicy = built.pullPolicy;
    template ??= built.template;
    instances.push({ ...built.instance, aliases: aliases(t.objects.services, w, podName) });
  }
  if (w.replicas > 1) {
    for (const p of ports) {
      if (p.hostPort !== undefined) {
        r.problem(
          { pos: w.meta.namePos, path: 'metadata.name' },
          `hostPort ${p.hostPort} with ${w.replicas} replicas: one host port cannot serve them all`,
        );
      }
    }
  }
  const deadline = [w.job?.deadlineSeconds, podDeadline].filter((d): d is number => d !== undefined);
  const job: JobSpec | undefined = w.job && {
    restartPolicy: restart === 'Never' ? 'Never' : 'OnFailure',
    attempts: w.job.backoffLimit + 1,
    timeoutMs,
    ...(retry.backoff && { backoff: retry.backoff }),
    ...(deadline.length > 0 && { activeDeadlineMs: Math.min(...deadline) * 1000 }),
    pos: w.meta.namePos,
  };
  return {
    name: w.meta.name,
    pos: w.meta.namePos,
    file: w.obj.absFile,
    runtime: 'container',
    pullPolicy,
    replicas: w.replicas,
    podManagementPolicy: w.podManagementPolicy,
    ports: job ? [] : ports,
    dependsOn: [],
    ...(probes.readiness && !job && { readinessProbe: probes.readiness }),
    ...(probes.startup && { startupProbe: probes.startup }),
    ...(probes.liveness && { livenessProbe: probes.liveness }),
    // What a failing startup or liveness probe does (docs/kubernetes.md#probes).
    ...((probes.startup || probes.liveness) && {
      restartPolicy: restart === 'Never' ? 'Never' : restart === 'OnFailure' ? 'OnFailure' : 'Always',
    }),
    ...(podDeadline !== undefined && !job && { activeDeadlineMs: podDeadline * 1000 }),
    template: template ?? emptyContainer(),
    instances,
    ...(job && { job }),
    origin: { kind: w.obj.kind, name: w.meta.name, namespace: w.meta.namespace },
  };
}

/** A workload whose pod could not be read: its problems are reported; this keeps the names known. */
function placeholder(w: Workload): ResolvedService {
  return {
    name: w.meta.name,
    pos: w.meta.namePos,
    file: w.obj.absFile,
    runtime: 'container',
    pullPolicy: 'IfNotPresent',
    podManagementPolicy: 'OrderedReady',
    replicas: 0,
    ports: [],
    dependsOn: [],
    template: emptyContainer(),
    instances: [],
  };
}

function timeout(r: Reader, podMeta: Meta): number {
  const a = podMeta.annotations.get(ANNOTATION.timeout);
  if (!a) return K8S.timeoutMs;
  const ms = parseDuration(a.value);
  if (ms === undefined) r.problem(a.node, `${ANNOTATION.timeout}: "${a.value}" is not a duration (5m, 90s)`);
  return ms ?? K8S.timeoutMs;
}

/**
 * Init containers' attempts and the backoff between them (and between a Job's attempts). Kubernetes
 * retries a failing init container forever, 10 s doubling to 5 min; in CI a bounded count, 1 s doubling
 * to 10 s unless annotated (docs/kubernetes.md#restarts).
 */
function retries(r: Reader, podMeta: Meta, never: boolean): { attempts: number; backoff?: Backoff } {
  const duration = (name: string): number | undefined => {
    const a = podMeta.annotations.get(name);
    if (!a) return undefined;
    const ms = parseDuration(a.value);
    if (ms === undefined) r.problem(a.node, `${name}: "${a.value}" is not a duration (1s, 500ms)`);
    return ms;
  };
  const baseMs = duration(ANNOTATION.backoffBase);
  const capMs = duration(ANNOTATION.backoffCap);
  const backoff = {
    ...(baseMs !== undefined && { baseMs }),
    ...(capMs !== undefined && { capMs }),
  };
  const a = podMeta.annotations.get(ANNOTATION.attempts);
  let attempts: number = never ? 1 : K8S.stepAttempts;
  if (a) {
    const n = /^\d+$/.test(a.value.trim()) ? Number(a.value.trim()) : NaN;
    if (!(n >= 1 && n <= 100)) {
      r.problem(a.node, `${ANNOTATION.attempts}: "${a.value}" is not a whole number from 1 to 100`);
    } else if (never && n > 1) {
      r.problem(
        a.node,
        `${ANNOTATION.attempts}: ${n} contradicts restartPolicy Never (a failed init container fails the pod)`,
      );
    } else attempts = n;
  }
  return { attempts, ...(Object.keys(backoff).length > 0 && { backoff }) };
}
