// One pod of a workload → an instance (docs/kubernetes.md#mapping): its init containers the steps, those
// with `restartPolicy: Always` native sidecars, the first container the main, the others beside it.
import type {
  Backoff,
  ContainerSpec,
  EnvVar,
  PodContainer,
  PortMapping,
  PullPolicy,
  ResolvedInstance,
  ResolvedSidecar,
  ResolvedStep,
  RestartPolicy,
  RunIf,
  VolumeMount,
} from '../model.js';
import { container, podSecurity } from './container.js';
import type { LMap } from './located.js';
import { mainProbes, ports, probe, refuseProbes } from './probes.js';
import type { Reader } from './reader.js';
import {
  ANNOTATION,
  NOT_YET,
  mergeEnv,
  type Context,
  type MainProbes,
  type Meta,
  type PodContext,
  type Workload,
} from './shared.js';
import { podVolumes } from './volumes.js';

/** How the pod's init containers run and retry (docs/kubernetes.md#restarts). */
export interface StepPolicy {
  restartPolicy: RestartPolicy;
  timeoutMs: number;
  attempts: number;
  backoff?: Backoff;
}

export interface BuiltPod {
  instance: ResolvedInstance;
  template: ContainerSpec;
  ports: PortMapping[];
  probes: MainProbes;
  pullPolicy: PullPolicy;
}

/** A container's `imagePullPolicy`; initsteps' default is IfNotPresent (docs/kubernetes.md#mapping). */
const pullPolicyOf = (value: string | undefined): PullPolicy =>
  value === 'Always' || value === 'Never' ? value : 'IfNotPresent';

/** One pod: init containers → steps, the container → main. Undefined when it has no usable container. */
export function buildPod(
  t: Context,
  w: Workload,
  podName: string,
  ordinal: number,
  policy: StepPolicy,
): BuiltPod | undefined {
  const { r } = t;
  const pod = w.pod;
  const volumes = podVolumes(t, w, podName);
  const { podUser, podSeccomp } = podSecurity(r, t.options.allowPrivileged, pod);
  const containers = r.maps(pod, 'containers');
  const [main, ...more] = containers;
  if (!main) {
    r.problem(pod, 'missing required field `containers` (at least one container)');
    return undefined;
  }
  if (more[0] && w.job) {
    // A Job's pod completes when its containers exit; the job runs one (docs/kubernetes.md#mapping).
    r.problem(
      more[0],
      `a Job's pod with several containers is ${NOT_YET}: one container (a helper that runs beside it is a native sidecar: an init container with \`restartPolicy: Always\`)`,
    );
  }
  const ctx: PodContext = { w, podName, ordinal, volumes, podUser, podSeccomp };
  const initContainers = r.maps(pod, 'initContainers');
  const isSidecar = (c: LMap) => r.str(c, 'restartPolicy') === 'Always';
  checkRunIf(r, w.podMeta, initContainers, isSidecar);
  const steps: ResolvedStep[] = [];
  const sidecars: ResolvedSidecar[] = [];
  const sidecarPorts: PortMapping[] = [];
  for (const c of initContainers) {
    const index = steps.length;
    // A sidecar's ports are the pod's, as a container's (docs/kubernetes.md#native-sidecars).
    const spec = container(t, c, ctx, isSidecar(c));
    const restart = r.str(c, 'restartPolicy');
    if (restart !== undefined && restart !== 'Always') {
      r.problem(
        r.keyAt(c, 'restartPolicy'),
        `an init container's restartPolicy can only be Always (a native sidecar), got "${restart}"`,
      );
    }
    const pullPolicy = pullPolicyOf(r.str(c, 'imagePullPolicy'));
    if (restart === 'Always') {
      sidecarPorts.push(...ports(r, c));
      const startupProbe = probe(r, r.map(c, 'startupProbe'), c, 'startup');
      refuseProbes(r, c, ['livenessProbe', 'readinessProbe'], 'native sidecar');
      r.ignoreRest(c, 'init container');
      sidecars.push({
        ...spec,
        name: r.str(c, 'name') ?? `sidecar-${sidecars.length}`,
        afterSteps: index,
        pos: c.pos,
        pullPolicy,
        ...(startupProbe && { startupProbe }),
      });
      continue;
    }
    refuseProbes(r, c, ['startupProbe', 'livenessProbe', 'readinessProbe'], 'init container');
    r.ignoreRest(c, 'init container');
    const name = r.str(c, 'name') ?? `init-${index}`;
    steps.push({
      ...spec,
      name,
      index,
      pos: c.pos,
      runIf: runIf(r, w.podMeta, name, spec.volumes),
      timeoutMs: policy.timeoutMs,
      attempts: policy.attempts,
      ...(policy.backoff && { backoff: policy.backoff }),
      restartPolicy: policy.restartPolicy,
      pullPolicy,
    });
  }
  const mainSpec = container(t, main, ctx, true);
  const podPorts = ports(r, main);
  const probes = mainProbes(r, main, w.job !== undefined);
  const pullPolicy = pullPolicyOf(r.str(main, 'imagePullPolicy'));
  const mainName = r.str(main, 'name');
  r.ignoreRest(main, 'container');
  // The other containers share the sandbox: their ports are the pod's too (docs/kubernetes.md#mapping).
  const others: PodContainer[] = w.job
    ? []
    : more.map((c, i) => {
        const spec = container(t, c, ctx, true);
        podPorts.push(...ports(r, c));
        const readinessProbe = probe(r, r.map(c, 'readinessProbe'), c, 'readiness');
        refuseProbes(r, c, ['startupProbe', 'livenessProbe'], "pod's other container");
        const pulls = pullPolicyOf(r.str(c, 'imagePullPolicy'));
        const name = r.str(c, 'name') ?? `container-${i + 1}`;
        r.ignoreRest(c, 'container');
        return { ...spec, name, pullPolicy: pulls, ...(readinessProbe && { readinessProbe }) };
      });
  podPorts.push(...sidecarPorts);
  r.ignoreRest(pod, 'pod spec');
  const instanceEnv: EnvVar[] = [
    { name: 'INITSTEPS_SERVICE', value: w.meta.name, secret: false },
    { name: 'INITSTEPS_INSTANCE', value: podName, secret: false },
    { name: 'INITSTEPS_REPLICA_ORDINAL', value: String(ordinal), secret: false },
  ];
  const withInstance = <T extends ContainerSpec>(c: T): T => ({ ...c, env: mergeEnv(c.env, instanceEnv) });
  return {
    instance: {
      service: w.meta.name,
      name: podName,
      ordinal,
      steps: steps.map(withInstance),
      main: withInstance(mainSpec),
      ...(mainName !== undefined && { mainName }),
      ...(others.length > 0 && { containers: others.map(withInstance) }),
      ...(sidecars.length > 0 && { sidecars: sidecars.map(withInstance) }),
    },
    template: mainSpec,
    ports: podPorts,
    probes,
    pullPolicy,
  };
}

/** Every `initsteps.dev/run-if.<name>` annotation names an init container that is not a native sidecar. */
function checkRunIf(r: Reader, podMeta: Meta, initContainers: LMap[], isSidecar: (c: LMap) => boolean): void {
  const names = new Set(initContainers.filter((c) => !isSidecar(c)).map((c) => r.str(c, 'name')));
  const sidecarNames = new Set(initContainers.filter(isSidecar).map((c) => r.str(c, 'name')));
  for (const [annotation, { node }] of podMeta.annotations) {
    if (!annotation.startsWith(ANNOTATION.runIf)) continue;
    const target = annotation.slice(ANNOTATION.runIf.length);
    if (sidecarNames.has(target)) {
      r.problem(node, `${annotation}: "${target}" is a native sidecar, which starts on every pod start`);
    } else if (!names.has(target)) {
      r.problem(
        node,
        `${annotation}: no init container "${target}" in this pod${names.size > 0 ? ` (init containers: ${[...names].join(', ')})` : ''}`,
      );
    }
  }
}

/** The opt-in to the native markers (docs/kubernetes.md#mapping, the annotations); Kubernetes' own is `always`. */
function runIf(r: Reader, podMeta: Meta, container: string, mounts: VolumeMount[]): RunIf {
  const a = podMeta.annotations.get(`${ANNOTATION.runIf}${container}`);
  if (!a) return { type: 'always' };
  const value = a.value.trim();
  if (value === 'always') return { type: 'always' };
  if (value === 'freshVolume') return { type: 'freshVolume' };
  if (value.startsWith('fileMissing:')) {
    const file = value.slice('fileMissing:'.length).trim();
    const under = mounts.find(
      (m) => file === m.mountPath || file.startsWith(`${m.mountPath.replace(/\/$/, '')}/`),
    );
    if (!file.startsWith('/') || !under) {
      r.problem(
        a.node,
        `fileMissing:${file}: the path must be absolute and on a volume mounted in init container "${container}"`,
      );
    }
    return { type: 'fileMissing', path: file };
  }
  r.problem(a.node, `"${value}" is not one of freshVolume, fileMissing:<path>, always`);
  return { type: 'always' };
}
