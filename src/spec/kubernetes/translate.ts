// Kubernetes objects → the resolved model (docs/kubernetes.md): a Pod, Deployment, StatefulSet or Job
// becomes a service (a Job a job) whose instances are its pods, their init containers init steps that
// always run (those with `restartPolicy: Always` native sidecars), the first container the main and the
// others started beside it; Services become network aliases and service variables;
// ConfigMaps, Secrets and PersistentVolumeClaims are read where pods use them. What Docker cannot do is a
// problem at its field; what initsteps does not run is ignored with a notice (reader.ts).
import path from 'node:path';
import { existsSync, realpathSync } from 'node:fs';
import type { SpecProblem } from '../../errors.js';
import { parseDuration } from '../duration.js';
import type {
  Backoff,
  ContainerSpec,
  EnvVar,
  JobSpec,
  PortMapping,
  Probe,
  ProjectedFile,
  PodContainer,
  PodManagementPolicy,
  PullPolicy,
  ResolvedInstance,
  ResolvedService,
  ResolvedSidecar,
  ResolvedStep,
  RestartPolicy,
  RunIf,
  SecurityContext,
  SourcePos,
  VolumeMount,
  VolumeSource,
} from '../model.js';
import { parseCpu, parseMemory } from '../quantity.js';
import { GATED_CAPABILITIES } from '../rules.js';
import { DATA_KINDS, WORKLOAD_KINDS } from './classify.js';
import type { LMap, LNode } from './located.js';
import type { Reader } from './reader.js';

export interface KubeObject {
  file: string;
  absFile: string;
  node: LMap;
  apiVersion: string;
  kind: string;
}

export interface TranslateOptions {
  workspace: string;
  allowPrivileged: boolean;
  /** Names of the native services and jobs (one namespace with the workloads). */
  nativeNames: ReadonlyMap<string, SourcePos>;
}

/** Kubernetes' own defaults where they differ from the native ones (docs/kubernetes.md#mapping). */
const K8S = {
  backoffLimit: 6,
  namespace: 'default',
  fileMode: 0o644,
  stepAttempts: 3,
  timeoutMs: 5 * 60_000,
  probe: { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
} as const;

const ANNOTATION = {
  runIf: 'initsteps.dev/run-if.',
  dependsOn: 'initsteps.dev/depends-on',
  timeout: 'initsteps.dev/timeout',
  attempts: 'initsteps.dev/attempts',
  backoffBase: 'initsteps.dev/backoff-base',
  backoffCap: 'initsteps.dev/backoff-cap',
} as const;

const ALLOW_HINT = 'allow it with --allow-privileged (action input `allow-privileged: true`)';
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NOT_YET = 'not supported yet (docs/kubernetes.md#refused)';

/** The main container's probes (docs/kubernetes.md#probes). */
interface MainProbes {
  readiness?: Probe;
  startup?: Probe;
  liveness?: Probe;
}

interface Meta {
  name: string;
  namespace: string;
  labels: Map<string, string>;
  annotations: Map<string, { value: string; node: LNode }>;
  namePos: SourcePos;
}

interface Named<T> {
  obj: KubeObject;
  meta: Meta;
  data: T;
}

interface ServiceObject {
  selector: Map<string, string>;
  ports: { name?: string; port: number; targetPort?: LNode; node: LMap }[];
}

interface Workload {
  obj: KubeObject;
  meta: Meta;
  replicas: number;
  /** The pod template's metadata (a Pod's own) and spec. */
  podMeta: Meta;
  pod: LMap;
  serviceName?: string;
  /** A StatefulSet's own; a Deployment's pods start together, as Kubernetes creates them at once. */
  podManagementPolicy: PodManagementPolicy;
  claimTemplates: { name: string; capacityBytes?: number }[];
  job?: { backoffLimit: number; deadlineSeconds?: number };
}

const envName = (service: string): string => service.toUpperCase().replace(/-/g, '_');
/** A ConfigMap value or a field is taken as it is: `$` doubled so the engine's `$(VAR)` expansion keeps it. */
const literal = (value: string): string => value.replace(/\$/g, '$$$$');
const key = (ns: string, name: string) => `${ns}/${name}`;

export class Translator {
  private readonly configMaps = new Map<string, Named<Map<string, string>>>();
  private readonly secrets = new Map<string, Named<Map<string, string>>>();
  private readonly claims = new Map<string, Named<{ capacityBytes?: number }>>();
  private readonly services: Named<ServiceObject>[] = [];
  private readonly workloads: Workload[] = [];

  constructor(
    private readonly r: Reader,
    private readonly options: TranslateOptions,
  ) {}

  translate(objects: KubeObject[]): ResolvedService[] {
    for (const obj of objects) this.index(obj);
    const names = new Map<string, SourcePos>(this.options.nativeNames);
    const out: ResolvedService[] = [];
    for (const w of this.workloads) {
      const first = names.get(w.meta.name);
      if (first) {
        this.r.problem(
          { pos: w.meta.namePos, path: 'metadata.name' },
          `duplicate name "${w.meta.name}" (first declared at ${first.file}:${first.line}:${first.col}): workloads, services and jobs share one namespace`,
        );
        continue;
      }
      names.set(w.meta.name, w.meta.namePos);
      out.push(this.workload(w));
    }
    this.dependencies(out, names);
    return out;
  }

  // ---- reading the objects ----

  private meta(obj: KubeObject, map: LMap | undefined, requireName: boolean): Meta | undefined {
    if (!map) {
      if (requireName) this.r.problem(obj.node, 'missing required field `metadata`');
      return undefined;
    }
    const name = this.r.str(map, 'name');
    const nameNode = map.entries.get('name')?.value;
    if (requireName && name === undefined && !nameNode) this.r.problem(map, 'missing required field `name`');
    if (name !== undefined && (!DNS_LABEL.test(name) || name.length > 63) && requireName) {
      this.r.problem(
        nameNode ?? map,
        `"${name}" is not a DNS label (lowercase letters, digits and '-', at most 63)`,
      );
      return undefined;
    }
    const namespace = this.r.str(map, 'namespace') ?? K8S.namespace;
    const labels = new Map([...this.r.strings(map, 'labels')].map(([k, v]) => [k, v.value]));
    const annotations = this.r.strings(map, 'annotations');
    this.r.ignoreRest(map, 'metadata');
    if (requireName && name === undefined) return undefined;
    return { name: name ?? '', namespace, labels, annotations, namePos: nameNode?.pos ?? map.pos };
  }

  private index(obj: KubeObject): void {
    const r = this.r;
    const node = obj.node;
    r.entry(node, 'apiVersion');
    r.entry(node, 'kind');
    const expectedApi = WORKLOAD_KINDS[obj.kind] ?? DATA_KINDS[obj.kind];
    if (expectedApi !== undefined && expectedApi !== obj.apiVersion) {
      r.problem(
        r.keyAt(node, 'apiVersion'),
        `a ${obj.kind} is \`apiVersion: ${expectedApi}\` (got ${obj.apiVersion})`,
      );
      return;
    }
    if (expectedApi === undefined) {
      r.ignoreObject(`${obj.apiVersion} ${obj.kind}`, { pos: node.pos, path: '' });
      return;
    }
    const meta = this.meta(obj, r.map(node, 'metadata'), true);
    const spec = r.map(node, 'spec');
    if (!meta) return;
    const id = key(meta.namespace, meta.name);
    switch (obj.kind) {
      case 'ConfigMap': {
        const data = new Map([...r.strings(node, 'data')].map(([k, v]) => [k, v.value]));
        for (const [k, v] of r.strings(node, 'binaryData')) {
          const decoded = this.base64(v.value, v.node);
          if (decoded !== undefined) data.set(k, decoded);
        }
        this.configMaps.set(id, { obj, meta, data });
        break;
      }
      case 'Secret': {
        const data = new Map<string, string>();
        for (const [k, v] of r.strings(node, 'data')) {
          const decoded = this.base64(v.value, v.node);
          if (decoded !== undefined) data.set(k, decoded);
        }
        for (const [k, v] of r.strings(node, 'stringData'))
          data.set(k, Buffer.from(v.value).toString('base64'));
        this.secrets.set(id, { obj, meta, data });
        break;
      }
      case 'PersistentVolumeClaim': {
        const capacity = this.storage(spec);
        this.claims.set(id, { obj, meta, data: capacity !== undefined ? { capacityBytes: capacity } : {} });
        if (spec) r.ignoreRest(spec, 'PersistentVolumeClaim spec');
        break;
      }
      case 'Service':
        if (spec) this.services.push({ obj, meta, data: this.service(spec) });
        break;
      default:
        if (!spec) r.problem(node, 'missing required field `spec`');
        else this.indexWorkload(obj, meta, spec);
    }
    r.ignoreRest(node, obj.kind);
  }

  /** Secret `data` and ConfigMap `binaryData` values: base64, kept as base64 (files and env decode them). */
  private base64(value: string, node: LNode): string | undefined {
    const clean = value.replace(/\s+/g, '');
    if (/^[A-Za-z0-9+/]*={0,2}$/.test(clean) && clean.length % 4 === 0) return clean;
    this.r.problem(
      node,
      'not base64 (Secret `data` and ConfigMap `binaryData` are base64; use `stringData` or `data` for text)',
    );
    return undefined;
  }

  /** `resources.requests.storage` of a PVC or claim template spec. */
  private storage(spec: LMap | undefined): number | undefined {
    const resources = spec && this.r.map(spec, 'resources');
    const requests = resources && this.r.map(resources, 'requests');
    const text = requests && this.r.text(requests, 'storage');
    if (text === undefined || !requests) return undefined;
    const bytes = parseMemory(text);
    if (bytes === undefined)
      this.r.problem(requests.entries.get('storage')?.value ?? requests, `"${text}" is not a quantity`);
    return bytes;
  }

  private service(spec: LMap): ServiceObject {
    const r = this.r;
    const selector = new Map([...r.strings(spec, 'selector')].map(([k, v]) => [k, v.value]));
    const ports = r.maps(spec, 'ports').flatMap((p) => {
      const port = r.int(p, 'port', 1);
      const name = r.str(p, 'name');
      const targetPort = r.entry(p, 'targetPort');
      const protocol = r.str(p, 'protocol');
      if (protocol !== undefined && protocol !== 'TCP' && protocol !== 'UDP') {
        r.problem(r.keyAt(p, 'protocol'), `protocol ${protocol} is ${NOT_YET}: TCP and UDP are`);
      }
      r.ignoreRest(p, 'Service port');
      if (port === undefined) {
        if (!p.entries.has('port')) r.problem(p, 'missing required field `port`');
        return [];
      }
      return [{ ...(name !== undefined && { name }), port, ...(targetPort && { targetPort }), node: p }];
    });
    r.ignoreRest(spec, 'Service spec');
    return { selector, ports };
  }

  private indexWorkload(obj: KubeObject, meta: Meta, spec: LMap): void {
    const r = this.r;
    if (obj.kind === 'Pod') {
      this.workloads.push({
        obj,
        meta,
        replicas: 1,
        podMeta: meta,
        pod: spec,
        podManagementPolicy: 'OrderedReady',
        claimTemplates: [],
      });
      return;
    }
    const replicas = obj.kind === 'Job' ? 1 : (r.int(spec, 'replicas') ?? 1);
    r.entry(spec, 'selector'); // the template's labels are what Services select here
    const template = r.map(spec, 'template');
    const templateSpec = template && r.map(template, 'spec');
    if (!template || !templateSpec) {
      r.problem(template ?? spec, 'missing required field `template.spec`');
      return;
    }
    const podMeta = this.meta(obj, r.map(template, 'metadata'), false) ?? {
      ...meta,
      labels: new Map(),
      annotations: new Map(),
    };
    r.ignoreRest(template, 'pod template');
    const w: Workload = {
      obj,
      meta,
      replicas,
      podMeta: { ...podMeta, name: meta.name, namespace: meta.namespace },
      pod: templateSpec,
      podManagementPolicy: obj.kind === 'Deployment' ? 'Parallel' : 'OrderedReady',
      claimTemplates: [],
    };
    if (obj.kind === 'StatefulSet') {
      const serviceName = r.str(spec, 'serviceName');
      if (serviceName !== undefined) w.serviceName = serviceName;
      const policy = r.str(spec, 'podManagementPolicy');
      if (policy === 'OrderedReady' || policy === 'Parallel') w.podManagementPolicy = policy;
      else if (policy !== undefined) {
        r.problem(r.keyAt(spec, 'podManagementPolicy'), `"${policy}" is not one of OrderedReady, Parallel`);
      }
      for (const t of r.maps(spec, 'volumeClaimTemplates')) {
        const tMeta = r.map(t, 'metadata');
        const name = tMeta && r.str(tMeta, 'name');
        if (tMeta) r.ignoreRest(tMeta, 'volumeClaimTemplate metadata');
        const tSpec = r.map(t, 'spec');
        const capacity = this.storage(tSpec);
        if (tSpec) r.ignoreRest(tSpec, 'volumeClaimTemplate spec');
        r.ignoreRest(t, 'volumeClaimTemplate');
        if (name === undefined) r.problem(t, 'missing required field `metadata.name`');
        else w.claimTemplates.push({ name, ...(capacity !== undefined && { capacityBytes: capacity }) });
      }
    }
    if (obj.kind === 'Job') {
      const completions = r.int(spec, 'completions', 1);
      if (completions !== undefined && completions > 1) {
        r.problem(
          r.keyAt(spec, 'completions'),
          `completions ${completions}: a Job of more than one completion is ${NOT_YET}`,
        );
      }
      const parallelism = r.int(spec, 'parallelism', 0);
      if (parallelism !== undefined && parallelism > 1) {
        r.problem(
          r.keyAt(spec, 'parallelism'),
          `parallelism ${parallelism} is ${NOT_YET}: one pod at a time`,
        );
      }
      const deadline = r.int(spec, 'activeDeadlineSeconds', 1);
      w.job = {
        backoffLimit: r.int(spec, 'backoffLimit') ?? K8S.backoffLimit,
        ...(deadline !== undefined && { deadlineSeconds: deadline }),
      };
    }
    r.ignoreRest(spec, `${obj.kind} spec`);
    this.workloads.push(w);
  }

  // ---- a workload → a service ----

  private workload(w: Workload): ResolvedService {
    const r = this.r;
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
    const timeoutMs = this.timeout(w.podMeta);
    const retry = this.retry(w.podMeta, restart === 'Never');
    const instances: ResolvedInstance[] = [];
    let ports: PortMapping[] = [];
    let probes: MainProbes = {};
    let pullPolicy: PullPolicy = 'IfNotPresent';
    let template: ContainerSpec | undefined;
    for (let ordinal = 0; ordinal < w.replicas; ordinal++) {
      const podName = `${w.meta.name}-${ordinal}`;
      const built = this.pod(
        w,
        podName,
        ordinal,
        restart === 'Never' ? 'Never' : 'OnFailure',
        timeoutMs,
        retry,
      );
      if (!built) return this.placeholder(w);
      ports = built.ports;
      probes = built.probes;
      pullPolicy = built.pullPolicy;
      template ??= built.template;
      instances.push({ ...built.instance, aliases: this.aliases(w, podName) });
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
  private placeholder(w: Workload): ResolvedService {
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

  private timeout(podMeta: Meta): number {
    const a = podMeta.annotations.get(ANNOTATION.timeout);
    if (!a) return K8S.timeoutMs;
    const ms = parseDuration(a.value);
    if (ms === undefined)
      this.r.problem(a.node, `${ANNOTATION.timeout}: "${a.value}" is not a duration (5m, 90s)`);
    return ms ?? K8S.timeoutMs;
  }

  /**
   * Init containers' attempts and the backoff between them (and between a Job's attempts). Kubernetes
   * retries a failing init container forever, 10 s doubling to 5 min; in CI a bounded count, 1 s doubling
   * to 10 s unless annotated (docs/kubernetes.md#restarts).
   */
  private retry(podMeta: Meta, never: boolean): { attempts: number; backoff?: Backoff } {
    const r = this.r;
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

  /** Names the pod answers to: the Services that select it, and `<pod>.<serviceName>` for a StatefulSet. */
  private aliases(w: Workload, podName: string): string[] {
    const out: string[] = [];
    const ns = w.meta.namespace;
    const fqdn = (name: string) => [
      name,
      `${name}.${ns}`,
      `${name}.${ns}.svc`,
      `${name}.${ns}.svc.cluster.local`,
    ];
    for (const svc of this.services) {
      if (!this.selects(svc, w)) continue;
      out.push(...fqdn(svc.meta.name));
      if (w.serviceName === svc.meta.name) out.push(...fqdn(`${podName}.${svc.meta.name}`));
    }
    return [...new Set(out)].filter((a) => a !== w.meta.name && a !== podName);
  }

  private selects(svc: Named<ServiceObject>, w: Workload): boolean {
    const sel = svc.data.selector;
    return (
      svc.meta.namespace === w.meta.namespace &&
      sel.size > 0 &&
      [...sel].every(([k, v]) => w.podMeta.labels.get(k) === v)
    );
  }

  /** `<NAME>_SERVICE_HOST` / `_PORT` / `_PORT_<PORT NAME>` of every Service of the namespace, as the kubelet sets them. */
  private serviceEnv(ns: string): EnvVar[] {
    const out: EnvVar[] = [];
    for (const svc of this.services) {
      if (svc.meta.namespace !== ns) continue;
      const n = envName(svc.meta.name);
      out.push({ name: `${n}_SERVICE_HOST`, value: svc.meta.name, secret: false });
      const [first] = svc.data.ports;
      if (first) out.push({ name: `${n}_SERVICE_PORT`, value: String(first.port), secret: false });
      for (const p of svc.data.ports) {
        if (p.name !== undefined) {
          out.push({ name: `${n}_SERVICE_PORT_${envName(p.name)}`, value: String(p.port), secret: false });
        }
      }
    }
    return out;
  }

  /** One pod: init containers → steps, the container → main. Undefined when it has no usable container. */
  private pod(
    w: Workload,
    podName: string,
    ordinal: number,
    restartPolicy: RestartPolicy,
    timeoutMs: number,
    retry: { attempts: number; backoff?: Backoff },
  ):
    | {
        instance: ResolvedInstance;
        template: ContainerSpec;
        ports: PortMapping[];
        probes: MainProbes;
        pullPolicy: PullPolicy;
      }
    | undefined {
    const r = this.r;
    const pod = w.pod;
    const volumes = this.podVolumes(w, podName);
    const podSecurity = r.map(pod, 'securityContext');
    const podUser = podSecurity ? this.user(podSecurity) : undefined;
    const podSeccomp = podSecurity ? this.seccomp(podSecurity) : undefined;
    if (podSecurity) r.ignoreRest(podSecurity, 'pod securityContext');
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
    const names = new Set(initContainers.filter((c) => !isSidecar(c)).map((c) => r.str(c, 'name')));
    const sidecarNames = new Set(initContainers.filter(isSidecar).map((c) => r.str(c, 'name')));
    for (const [annotation, { node }] of w.podMeta.annotations) {
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
    const steps: ResolvedStep[] = [];
    const sidecars: ResolvedSidecar[] = [];
    const sidecarPorts: PortMapping[] = [];
    for (const c of initContainers) {
      const index = steps.length;
      // A sidecar's ports are the pod's, as a container's (docs/kubernetes.md#native-sidecars).
      const spec = this.container(c, ctx, isSidecar(c));
      const policy = r.str(c, 'restartPolicy');
      if (policy !== undefined && policy !== 'Always') {
        r.problem(
          r.keyAt(c, 'restartPolicy'),
          `an init container's restartPolicy can only be Always (a native sidecar), got "${policy}"`,
        );
      }
      const pullPolicy = pullPolicyOf(r.str(c, 'imagePullPolicy'));
      if (policy === 'Always') {
        sidecarPorts.push(...this.ports(c));
        const startupProbe = this.probe(r.map(c, 'startupProbe'), c, 'startup');
        this.refuseProbes(c, ['livenessProbe', 'readinessProbe'], 'native sidecar');
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
      this.refuseProbes(c, ['startupProbe', 'livenessProbe', 'readinessProbe'], 'init container');
      r.ignoreRest(c, 'init container');
      const name = r.str(c, 'name') ?? `init-${index}`;
      steps.push({
        ...spec,
        name,
        index,
        pos: c.pos,
        runIf: this.runIf(w, name, spec.volumes),
        timeoutMs,
        attempts: retry.attempts,
        ...(retry.backoff && { backoff: retry.backoff }),
        restartPolicy,
        pullPolicy,
      });
    }
    const mainSpec = this.container(main, ctx, true);
    const ports = this.ports(main);
    const probes = this.mainProbes(w, main);
    const pullPolicy = pullPolicyOf(r.str(main, 'imagePullPolicy'));
    const mainName = r.str(main, 'name');
    r.ignoreRest(main, 'container');
    // The other containers share the sandbox: their ports are the pod's too (docs/kubernetes.md#mapping).
    const others: PodContainer[] = w.job
      ? []
      : more.map((c, i) => {
          const spec = this.container(c, ctx, true);
          ports.push(...this.ports(c));
          const readinessProbe = this.probe(r.map(c, 'readinessProbe'), c, 'readiness');
          this.refuseProbes(c, ['startupProbe', 'livenessProbe'], "pod's other container");
          const pulls = pullPolicyOf(r.str(c, 'imagePullPolicy'));
          const name = r.str(c, 'name') ?? `container-${i + 1}`;
          r.ignoreRest(c, 'container');
          return { ...spec, name, pullPolicy: pulls, ...(readinessProbe && { readinessProbe }) };
        });
    ports.push(...sidecarPorts);
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
      ports,
      probes,
      pullPolicy,
    };
  }

  private refuseProbes(
    c: LMap,
    probes: string[],
    role: 'init container' | 'native sidecar' | "pod's other container",
  ): void {
    for (const p of probes) {
      this.r.refuse(
        c,
        p,
        role === 'init container'
          ? `a ${p} on an init container is not valid in Kubernetes`
          : `${p} on a ${role} is ${NOT_YET}: ${role === 'native sidecar' ? 'its startupProbe' : 'its readinessProbe'} is run`,
      );
    }
  }

  /**
   * The main container's probes; a Job's container runs to completion here, so a startup or liveness
   * probe there is refused (a readinessProbe is ignored, as before: nothing waits for a job to be ready).
   */
  private mainProbes(w: Workload, main: LMap): MainProbes {
    const r = this.r;
    const readiness = this.probe(r.map(main, 'readinessProbe'), main, 'readiness');
    if (w.job) {
      for (const p of ['startupProbe', 'livenessProbe']) {
        r.refuse(
          main,
          p,
          `a ${p} on a Job's container is ${NOT_YET}: the job's container runs to completion`,
        );
      }
      return { ...(readiness && { readiness }) };
    }
    const startup = this.probe(r.map(main, 'startupProbe'), main, 'startup');
    const liveness = this.probe(r.map(main, 'livenessProbe'), main, 'liveness');
    return { ...(readiness && { readiness }), ...(startup && { startup }), ...(liveness && { liveness }) };
  }

  /** The opt-in to the native markers (docs/kubernetes.md#init-containers); Kubernetes' own is `always`. */
  private runIf(w: Workload, container: string, mounts: VolumeMount[]): RunIf {
    const a = w.podMeta.annotations.get(`${ANNOTATION.runIf}${container}`);
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
        this.r.problem(
          a.node,
          `fileMissing:${file}: the path must be absolute and on a volume mounted in init container "${container}"`,
        );
      }
      return { type: 'fileMissing', path: file };
    }
    this.r.problem(a.node, `"${value}" is not one of freshVolume, fileMissing:<path>, always`);
    return { type: 'always' };
  }

  // ---- containers ----

  private container(c: LMap, ctx: PodContext, isMain: boolean): ContainerSpec {
    const r = this.r;
    const name = r.str(c, 'name');
    if (name === undefined && !c.entries.has('name')) r.problem(c, 'missing required field `name`');
    const image = r.str(c, 'image');
    if (image === undefined && !c.entries.has('image')) r.problem(c, 'missing required field `image`');
    const command = this.texts(c, 'command');
    const args = this.texts(c, 'args');
    const workingDir = r.str(c, 'workingDir');
    const security = r.map(c, 'securityContext');
    const sc = this.securityContext(security, ctx, name ?? '?');
    const user = (security && this.user(security)) ?? ctx.podUser;
    if (security) r.ignoreRest(security, 'container securityContext');
    const env = mergeEnv(this.serviceEnv(ctx.w.meta.namespace), [
      ...this.envFrom(c, ctx),
      ...this.env(c, ctx),
    ]);
    const volumes = this.mounts(c, ctx);
    const res = r.map(c, 'resources');
    const limits = res && r.map(res, 'limits');
    const cpu = limits && r.text(limits, 'cpu');
    const memory = limits && r.text(limits, 'memory');
    const nanoCpus = cpu !== undefined ? parseCpu(cpu) : undefined;
    const memoryBytes = memory !== undefined ? parseMemory(memory) : undefined;
    if (cpu !== undefined && nanoCpus === undefined)
      r.problem(limits?.entries.get('cpu')?.value ?? c, `"${cpu}" is not a CPU quantity`);
    if (memory !== undefined && memoryBytes === undefined)
      r.problem(limits?.entries.get('memory')?.value ?? c, `"${memory}" is not a quantity`);
    if (limits) r.ignoreRest(limits, 'resources.limits');
    if (res) r.ignoreRest(res, 'container resources');
    if (!isMain) r.entry(c, 'ports'); // an init container's ports publish nothing in Kubernetes either
    return {
      ...(image !== undefined && { image }),
      ...(command && { command }),
      ...(args && { args }),
      ...(workingDir !== undefined && { workingDir }),
      ...(user !== undefined && { user }),
      env,
      volumes,
      securityContext: sc,
      resources: {
        ...(nanoCpus !== undefined && { nanoCpus }),
        ...(memoryBytes !== undefined && { memoryBytes }),
      },
    };
  }

  private texts(c: LMap, field: string): string[] | undefined {
    const list = this.r.list(c, field);
    if (!list) return undefined;
    return list.items.flatMap((item) => {
      const t = this.r.textOf(item);
      return t === undefined ? [] : [t];
    });
  }

  private user(sc: LMap): string | undefined {
    const uid = this.r.int(sc, 'runAsUser');
    const gid = this.r.int(sc, 'runAsGroup');
    return uid === undefined ? undefined : gid === undefined ? String(uid) : `${uid}:${gid}`;
  }

  private seccomp(sc: LMap): SecurityContext['seccompProfile'] | undefined {
    const profile = this.r.map(sc, 'seccompProfile');
    if (!profile) return undefined;
    const type = this.r.str(profile, 'type');
    this.r.ignoreRest(profile, 'seccompProfile');
    if (type === 'RuntimeDefault' || type === undefined) return undefined;
    if (type === 'Unconfined') {
      if (!this.options.allowPrivileged) {
        this.r.problem(this.r.keyAt(profile, 'type'), `seccompProfile type Unconfined; ${ALLOW_HINT}`);
      }
      return { type: 'Unconfined' };
    }
    this.r.problem(
      this.r.keyAt(profile, 'type'),
      `seccompProfile type ${type} is ${NOT_YET}: RuntimeDefault and Unconfined are`,
    );
    return undefined;
  }

  private securityContext(sc: LMap | undefined, ctx: PodContext, container: string): SecurityContext {
    const r = this.r;
    const out: SecurityContext = {
      ...(ctx.podSeccomp && { seccompProfile: ctx.podSeccomp }),
      capAdd: [],
      capDrop: [],
      privileged: false,
    };
    if (!sc) return out;
    const seccomp = this.seccomp(sc);
    if (seccomp) out.seccompProfile = seccomp;
    if (r.bool(sc, 'privileged') === true) {
      if (!this.options.allowPrivileged) {
        r.problem(r.keyAt(sc, 'privileged'), `container "${container}": privileged; ${ALLOW_HINT}`);
      }
      out.privileged = true;
    }
    const caps = r.map(sc, 'capabilities');
    if (caps) {
      const names = (field: string) =>
        (r.list(caps, field)?.items ?? []).flatMap((i) => {
          const t = r.textOf(i);
          return t === undefined ? [] : [{ t, node: i }];
        });
      for (const { t, node } of names('add')) {
        if (GATED_CAPABILITIES.has(t.toUpperCase().replace(/^CAP_/, '')) && !this.options.allowPrivileged) {
          r.problem(
            node,
            `container "${container}": capability ${t} reaches past the container; ${ALLOW_HINT}`,
          );
        }
        out.capAdd.push(t);
      }
      out.capDrop = names('drop').map((n) => n.t);
      r.ignoreRest(caps, 'capabilities');
    }
    return out;
  }

  private envFrom(c: LMap, ctx: PodContext): EnvVar[] {
    const r = this.r;
    return r.maps(c, 'envFrom').flatMap((item) => {
      const prefix = r.str(item, 'prefix') ?? '';
      const cm = r.map(item, 'configMapRef');
      const sec = r.map(item, 'secretRef');
      r.ignoreRest(item, 'envFrom');
      const ref = cm ?? sec;
      if (!ref) {
        r.problem(item, 'expected `configMapRef` or `secretRef`');
        return [];
      }
      const found = this.lookup(ref, sec !== undefined, ctx);
      return [...(found ?? new Map<string, string>())].map(([k, v]) => ({
        name: `${prefix}${k}`,
        value: sec ? Buffer.from(v, 'base64').toString('utf8') : literal(v),
        secret: sec !== undefined,
      }));
    });
  }

  /** The data of the ConfigMap or Secret a `*Ref` / volume names; undefined (reported unless optional) when absent. */
  private lookup(
    ref: LMap,
    secret: boolean,
    ctx: PodContext,
    nameField = 'name',
  ): Map<string, string> | undefined {
    const r = this.r;
    const name = r.str(ref, nameField);
    const optional = r.bool(ref, 'optional') ?? false;
    if (name === undefined) {
      r.problem(ref, `missing required field \`${nameField}\``);
      return undefined;
    }
    const found = (secret ? this.secrets : this.configMaps).get(key(ctx.w.meta.namespace, name));
    if (!found && !optional) {
      r.problem(
        ref.entries.get(nameField)?.value ?? ref,
        `no ${secret ? 'Secret' : 'ConfigMap'} "${name}" in namespace ${ctx.w.meta.namespace} among the input files`,
      );
    }
    return found?.data;
  }

  private env(c: LMap, ctx: PodContext): EnvVar[] {
    const r = this.r;
    return r.maps(c, 'env').flatMap((item) => {
      const name = r.str(item, 'name');
      const value = r.text(item, 'value');
      const from = r.map(item, 'valueFrom');
      r.ignoreRest(item, 'env');
      if (name === undefined) {
        r.problem(item, 'missing required field `name`');
        return [];
      }
      if (!from) return [{ name, value: value ?? '', secret: false }];
      const resolved = this.valueFrom(from, ctx);
      return resolved ? [{ name, ...resolved }] : [];
    });
  }

  private valueFrom(from: LMap, ctx: PodContext): Omit<EnvVar, 'name'> | undefined {
    const r = this.r;
    const cm = r.map(from, 'configMapKeyRef');
    const sec = r.map(from, 'secretKeyRef');
    const field = r.map(from, 'fieldRef');
    r.refuse(from, 'resourceFieldRef', `resourceFieldRef is ${NOT_YET}`);
    r.ignoreRest(from, 'valueFrom');
    const ref = cm ?? sec;
    if (ref) {
      const data = this.lookup(ref, sec !== undefined, ctx);
      const k = r.str(ref, 'key');
      r.ignoreRest(ref, sec ? 'secretKeyRef' : 'configMapKeyRef');
      if (!data || k === undefined) return undefined;
      const v = data.get(k);
      if (v === undefined) {
        if (!(r.bool(ref, 'optional') ?? false)) {
          r.problem(
            ref.entries.get('key')?.value ?? ref,
            `no key "${k}" in ${sec ? 'Secret' : 'ConfigMap'} "${r.str(ref, 'name') ?? ''}"`,
          );
        }
        return undefined;
      }
      return sec
        ? { value: Buffer.from(v, 'base64').toString('utf8'), secret: true }
        : { value: literal(v), secret: false };
    }
    if (field) {
      const fieldPath = r.str(field, 'fieldPath');
      r.ignoreRest(field, 'fieldRef');
      // Known once the instance's sandbox is on the network: the engine fills it in (docs/kubernetes.md#env).
      if (fieldPath === 'status.podIP') return { value: '', secret: false, podField: fieldPath };
      const value = fieldPath === undefined ? undefined : this.fieldValue(fieldPath, ctx);
      if (value === undefined) {
        r.problem(
          field.entries.get('fieldPath')?.value ?? field,
          `fieldPath ${fieldPath ?? '(missing)'} is ${NOT_YET}: metadata.name, metadata.namespace, metadata.labels['<key>'], metadata.annotations['<key>'], status.podIP are`,
        );
        return undefined;
      }
      return { value: literal(value), secret: false };
    }
    r.problem(from, 'expected `configMapKeyRef`, `secretKeyRef` or `fieldRef`');
    return undefined;
  }

  private fieldValue(fieldPath: string, ctx: PodContext): string | undefined {
    if (fieldPath === 'metadata.name') return ctx.podName;
    if (fieldPath === 'metadata.namespace') return ctx.w.meta.namespace;
    const m = /^metadata\.(labels|annotations)\['([^']+)'\]$/.exec(fieldPath);
    if (!m) return undefined;
    const source = m[1] === 'labels' ? ctx.w.podMeta.labels : ctx.w.podMeta.annotations;
    const v = source.get(m[2] ?? '');
    return v === undefined ? '' : typeof v === 'string' ? v : v.value;
  }

  // ---- volumes ----

  private podVolumes(w: Workload, podName: string): Map<string, { source: VolumeSource; readOnly: boolean }> {
    const r = this.r;
    const out = new Map<string, { source: VolumeSource; readOnly: boolean }>();
    for (const t of w.claimTemplates) {
      out.set(t.name, {
        source: { kind: 'claim', ...(t.capacityBytes !== undefined && { capacityBytes: t.capacityBytes }) },
        readOnly: false,
      });
    }
    const ctx: PodContext = { w, podName, ordinal: 0, volumes: out };
    for (const v of r.maps(w.pod, 'volumes')) {
      const name = r.str(v, 'name');
      if (name === undefined) {
        r.problem(v, 'missing required field `name`');
        continue;
      }
      const source = this.volumeSource(v, ctx);
      r.ignoreRest(v, 'volume');
      if (source) out.set(name, source);
    }
    return out;
  }

  private volumeSource(v: LMap, ctx: PodContext): { source: VolumeSource; readOnly: boolean } | undefined {
    const r = this.r;
    const emptyDir = v.entries.has('emptyDir');
    r.entry(v, 'emptyDir');
    if (emptyDir) return { source: { kind: 'emptyDir' }, readOnly: false };
    const cm = r.map(v, 'configMap');
    const sec = r.map(v, 'secret');
    if (cm || sec) {
      const ref = (cm ?? sec) as LMap;
      const data = this.lookup(ref, sec !== undefined, ctx, sec ? 'secretName' : 'name');
      const files = this.files(ref, data ?? new Map(), sec !== undefined);
      r.ignoreRest(ref, sec ? 'secret volume' : 'configMap volume');
      return { source: { kind: 'files', files, secret: sec !== undefined }, readOnly: true };
    }
    const claim = r.map(v, 'persistentVolumeClaim');
    if (claim) {
      const claimName = r.str(claim, 'claimName');
      const readOnly = r.bool(claim, 'readOnly') ?? false;
      r.ignoreRest(claim, 'persistentVolumeClaim');
      if (claimName === undefined) {
        r.problem(claim, 'missing required field `claimName`');
        return undefined;
      }
      const pvc = this.claims.get(key(ctx.w.meta.namespace, claimName));
      if (!pvc) {
        r.problem(
          claim.entries.get('claimName')?.value ?? claim,
          `no PersistentVolumeClaim "${claimName}" among the input files`,
        );
        return undefined;
      }
      return { source: { kind: 'claim', claimName, ...pvc.data }, readOnly };
    }
    const host = r.map(v, 'hostPath');
    if (host) {
      const p = r.str(host, 'path');
      r.ignoreRest(host, 'hostPath');
      if (p === undefined) {
        r.problem(host, 'missing required field `path`');
        return undefined;
      }
      const abs = path.resolve(path.dirname(ctx.w.obj.absFile), p);
      const node = host.entries.get('path')?.value ?? host;
      if (!existsSync(abs)) r.problem(node, `hostPath ${p} does not exist (${abs})`);
      else if (!this.options.allowPrivileged) {
        const rel = path.relative(this.options.workspace, abs);
        if (rel.startsWith('..') || path.isAbsolute(rel)) {
          r.problem(node, `hostPath ${p} is outside the workspace ${this.options.workspace}; ${ALLOW_HINT}`);
        }
      }
      return { source: { kind: 'hostPath', path: abs }, readOnly: false };
    }
    const downward = r.map(v, 'downwardAPI');
    if (downward) {
      const mode = r.int(downward, 'defaultMode') ?? K8S.fileMode;
      const files = r.maps(downward, 'items').flatMap((item): ProjectedFile[] => {
        const p = r.str(item, 'path');
        const field = r.map(item, 'fieldRef');
        const fieldPath = field && r.str(field, 'fieldPath');
        if (field) r.ignoreRest(field, 'fieldRef');
        const itemMode = r.int(item, 'mode');
        r.ignoreRest(item, 'downwardAPI item');
        const value = fieldPath === undefined ? undefined : this.downward(fieldPath, ctx);
        if (p === undefined || value === undefined) {
          r.problem(
            item,
            `a downwardAPI item needs a \`path\` and a \`fieldRef\` of metadata.name, metadata.namespace, metadata.labels or metadata.annotations (${NOT_YET} otherwise)`,
          );
          return [];
        }
        return [{ path: p, contentBase64: Buffer.from(value).toString('base64'), mode: itemMode ?? mode }];
      });
      r.ignoreRest(downward, 'downwardAPI volume');
      return { source: { kind: 'files', files, secret: false }, readOnly: true };
    }
    const kinds = [...v.entries.keys()].filter((k) => k !== 'name');
    r.problem(
      v,
      `volume type ${kinds.join(', ') || '(none)'} is ${NOT_YET}: emptyDir, configMap, secret, persistentVolumeClaim, hostPath and downwardAPI are`,
    );
    for (const k of kinds) r.entry(v, k);
    return undefined;
  }

  /** A downwardAPI file: a field, or all labels/annotations as `key="value"` lines (Kubernetes' format). */
  private downward(fieldPath: string, ctx: PodContext): string | undefined {
    if (fieldPath === 'metadata.labels' || fieldPath === 'metadata.annotations') {
      const source =
        fieldPath === 'metadata.labels'
          ? [...ctx.w.podMeta.labels]
          : [...ctx.w.podMeta.annotations].map(([k, v]) => [k, v.value] as const);
      return source.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n');
    }
    return this.fieldValue(fieldPath, ctx);
  }

  private files(ref: LMap, data: Map<string, string>, secret: boolean): ProjectedFile[] {
    const r = this.r;
    const mode = r.int(ref, 'defaultMode') ?? K8S.fileMode;
    const encode = (v: string) => (secret ? v : Buffer.from(v).toString('base64'));
    const items = r.maps(ref, 'items');
    if (items.length === 0) {
      return [...data].map(([k, v]) => ({ path: k, contentBase64: encode(v), mode }));
    }
    return items.flatMap((item) => {
      const k = r.str(item, 'key');
      const p = r.str(item, 'path');
      const itemMode = r.int(item, 'mode');
      r.ignoreRest(item, 'volume item');
      const v = k === undefined ? undefined : data.get(k);
      if (k === undefined || p === undefined) {
        r.problem(item, 'an item needs `key` and `path`');
        return [];
      }
      if (p.startsWith('/') || p.split('/').includes('..')) {
        r.problem(
          item.entries.get('path')?.value ?? item,
          `path ${p} must be relative and must not contain '..'`,
        );
        return [];
      }
      if (v === undefined) {
        if (data.size > 0 || !(r.bool(ref, 'optional') ?? false))
          r.problem(item.entries.get('key')?.value ?? item, `no key "${k}"`);
        return [];
      }
      return [{ path: p, contentBase64: encode(v), mode: itemMode ?? mode }];
    });
  }

  private mounts(c: LMap, ctx: PodContext): VolumeMount[] {
    const r = this.r;
    return r.maps(c, 'volumeMounts').flatMap((m) => {
      const name = r.str(m, 'name');
      const mountPath = r.str(m, 'mountPath');
      const readOnly = r.bool(m, 'readOnly') ?? false;
      const subPath = r.str(m, 'subPath');
      r.refuse(m, 'subPathExpr', `subPathExpr is ${NOT_YET}`);
      r.ignoreRest(m, 'volumeMount');
      if (name === undefined || mountPath === undefined) {
        r.problem(m, 'a volumeMount needs `name` and `mountPath`');
        return [];
      }
      const volume = ctx.volumes.get(name);
      if (!volume) {
        r.problem(
          m.entries.get('name')?.value ?? m,
          `no volume "${name}" in the pod${ctx.volumes.size > 0 ? ` (volumes: ${[...ctx.volumes.keys()].join(', ')})` : ''}`,
        );
        return [];
      }
      const mount = { name, mountPath, readOnly: readOnly || volume.readOnly, source: volume.source };
      if (subPath === undefined || subPath === '') return [mount];
      const sub = this.subPath(mount, subPath, m.entries.get('subPath')?.value ?? m);
      return sub ? [sub] : [];
    });
  }

  /**
   * A mount of part of a volume (docs/kubernetes.md#volumes): a hostPath's subdirectory or file is bound
   * itself; the files of a configMap, secret or downwardAPI volume under `subPath` are copied into the
   * container; Docker Engine before 25 cannot mount part of a named volume, so other volumes refuse it.
   */
  private subPath(mount: VolumeMount, subPath: string, node: LNode): VolumeMount | undefined {
    const r = this.r;
    if (subPath.startsWith('/') || subPath.split('/').includes('..')) {
      r.problem(node, `subPath ${subPath} must be a relative path without '..'`);
      return undefined;
    }
    const clean = path.posix.normalize(subPath).replace(/\/$/, '');
    const { source } = mount;
    switch (source.kind) {
      case 'hostPath': {
        const joined = path.join(source.path, clean);
        if (!existsSync(joined)) {
          r.problem(node, `subPath ${subPath} does not exist in hostPath ${source.path}`);
          return undefined;
        }
        // A symlink in the host directory must not lead the bind mount out of it.
        const inside = path.relative(realpathSync(source.path), realpathSync(joined));
        if (inside.startsWith('..') || path.isAbsolute(inside)) {
          r.problem(node, `subPath ${subPath} resolves outside hostPath ${source.path}`);
          return undefined;
        }
        return { ...mount, source: { kind: 'hostPath', path: joined } };
      }
      case 'files': {
        const found = source.files.some((f) => f.path === clean || f.path.startsWith(`${clean}/`));
        if (!found) {
          r.problem(
            node,
            `subPath ${subPath}: no file or directory of that name in volume "${mount.name}" (${source.files.map((f) => f.path).join(', ') || 'no files'})`,
          );
          return undefined;
        }
        return { ...mount, subPath: clean };
      }
      default:
        r.problem(
          node,
          `subPath on ${source.kind === 'emptyDir' ? 'an emptyDir' : 'a persistentVolumeClaim'} volume: Docker Engine before 25 (API 1.45) cannot mount part of a volume; mount the whole volume`,
        );
        return undefined;
    }
  }

  // ---- ports and probes ----

  private ports(c: LMap): PortMapping[] {
    const r = this.r;
    return r.maps(c, 'ports').flatMap((p) => {
      const containerPort = r.int(p, 'containerPort', 1);
      const hostPort = r.int(p, 'hostPort', 1);
      const hostIp = r.str(p, 'hostIP');
      const protocol = r.str(p, 'protocol') ?? 'TCP';
      r.entry(p, 'name');
      r.ignoreRest(p, 'container port');
      if (protocol !== 'TCP' && protocol !== 'UDP') {
        r.problem(r.keyAt(p, 'protocol'), `protocol ${protocol} is ${NOT_YET}: TCP and UDP are`);
        return [];
      }
      if (containerPort === undefined) return [];
      return [
        {
          containerPort,
          hostIp: hostIp ?? '127.0.0.1',
          ...(hostPort !== undefined && { hostPort }),
          protocol: protocol === 'UDP' ? 'udp' : 'tcp',
        } satisfies PortMapping,
      ];
    });
  }

  /** A named port of the container (`port: http`) as its number. */
  portNumber(node: LNode | undefined, container: LMap): number | undefined {
    if (node === undefined) return undefined;
    if (node.kind === 'scalar' && typeof node.value === 'number') return node.value;
    if (node.kind === 'scalar' && typeof node.value === 'string') {
      for (const p of container.entries.get('ports')?.value.kind === 'seq'
        ? (container.entries.get('ports')?.value as { items: LNode[] }).items
        : []) {
        if (p.kind !== 'map') continue;
        const name = p.entries.get('name')?.value;
        const num = p.entries.get('containerPort')?.value;
        if (
          name?.kind === 'scalar' &&
          name.value === node.value &&
          num?.kind === 'scalar' &&
          typeof num.value === 'number'
        ) {
          return num.value;
        }
      }
      this.r.problem(node, `no container port named "${String(node.value)}"`);
      return undefined;
    }
    this.r.problem(node, 'expected a port number or name');
    return undefined;
  }

  /**
   * A probe of the main container (docs/kubernetes.md#probes). As Kubernetes validates them: a startup or
   * liveness probe has `successThreshold` 1; `terminationGracePeriodSeconds` is theirs, not readiness's.
   */
  private probe(
    raw: LMap | undefined,
    container: LMap,
    kind: 'readiness' | 'startup' | 'liveness',
  ): Probe | undefined {
    const r = this.r;
    if (!raw) return undefined;
    const d = K8S.probe;
    const exec = r.map(raw, 'exec');
    const http = r.map(raw, 'httpGet');
    const tcp = r.map(raw, 'tcpSocket');
    const grpc = r.map(raw, 'grpc');
    let check: Probe['check'] | undefined;
    if (exec) {
      check = { kind: 'exec', command: this.texts(exec, 'command') ?? [] };
      r.ignoreRest(exec, 'exec probe');
    } else if (http) {
      const port = this.portNumber(r.entry(http, 'port'), container);
      const scheme = (r.str(http, 'scheme') ?? 'HTTP').toLowerCase();
      const host = r.str(http, 'host');
      check =
        port === undefined
          ? undefined
          : {
              kind: 'httpGet',
              port,
              path: r.str(http, 'path') ?? '/',
              scheme: scheme === 'https' ? 'https' : 'http',
              ...(host !== undefined && { host }),
            };
      r.ignoreRest(http, 'httpGet probe');
    } else if (tcp) {
      const port = this.portNumber(r.entry(tcp, 'port'), container);
      const host = r.str(tcp, 'host');
      check =
        port === undefined ? undefined : { kind: 'tcpSocket', port, ...(host !== undefined && { host }) };
      r.ignoreRest(tcp, 'tcpSocket probe');
    } else if (grpc) {
      // Kubernetes' grpc port is a number (no named port), and the call has no TLS.
      const port = r.int(grpc, 'port', 1);
      if (port === undefined && !r.has(grpc, 'port')) r.problem(grpc, 'a grpc probe needs `port`');
      check = port === undefined ? undefined : { kind: 'grpc', port, service: r.str(grpc, 'service') ?? '' };
      r.ignoreRest(grpc, 'grpc probe');
    } else {
      r.problem(raw, `a ${kind}Probe needs one of exec, httpGet, tcpSocket, grpc`);
    }
    const successThreshold = r.int(raw, 'successThreshold', 1);
    if (kind !== 'readiness' && successThreshold !== undefined && successThreshold !== 1) {
      r.problem(
        r.keyAt(raw, 'successThreshold'),
        `a ${kind}Probe's successThreshold must be 1 (as in Kubernetes)`,
      );
    }
    const grace = r.int(raw, 'terminationGracePeriodSeconds', 1);
    if (kind === 'readiness' && grace !== undefined) {
      r.problem(
        r.keyAt(raw, 'terminationGracePeriodSeconds'),
        'terminationGracePeriodSeconds is for a startupProbe or livenessProbe (as in Kubernetes): a failing readiness probe stops nothing',
      );
    }
    const probe = check && {
      check,
      initialDelayMs: (r.int(raw, 'initialDelaySeconds') ?? 0) * 1000,
      periodMs: (r.int(raw, 'periodSeconds', 1) ?? d.periodSeconds) * 1000,
      timeoutMs: (r.int(raw, 'timeoutSeconds', 1) ?? d.timeoutSeconds) * 1000,
      failureThreshold: r.int(raw, 'failureThreshold', 1) ?? d.failureThreshold,
      ...(kind === 'readiness' &&
        successThreshold !== undefined &&
        successThreshold > 1 && { successThreshold }),
      ...(kind !== 'readiness' && grace !== undefined && { terminationGraceSeconds: grace }),
    };
    r.ignoreRest(raw, 'probe');
    return probe;
  }

  // ---- Services' ports, and the order pods start in ----

  /**
   * Services check their ports against what they select (`port` ≠ `targetPort` is refused: Docker's
   * network does no port remapping); a workload depends on the workloads behind every Service its
   * containers name (docs/kubernetes.md#start-order), and on those its `initsteps.dev/depends-on` names.
   */
  private dependencies(services: ResolvedService[], names: ReadonlyMap<string, SourcePos>): void {
    const r = this.r;
    const byName = new Map(services.map((s) => [s.name, s]));
    const behind = new Map<string, string[]>();
    for (const svc of this.services) {
      const selected = this.workloads.filter((w) => this.selects(svc, w));
      behind.set(
        key(svc.meta.namespace, svc.meta.name),
        selected.map((w) => w.meta.name),
      );
      for (const p of svc.data.ports) {
        for (const w of selected) {
          const main = w.pod.entries.get('containers')?.value;
          const container = main?.kind === 'seq' ? main.items[0] : undefined;
          if (container?.kind !== 'map' || p.targetPort === undefined) continue;
          const target = this.portNumber(p.targetPort, container);
          if (target !== undefined && target !== p.port) {
            r.problem(
              p.targetPort,
              `targetPort ${target} ≠ port ${p.port}: Docker's network has no port remapping, so "${svc.meta.name}:${p.port}" would not reach the pod; ${NOT_YET} (use the same number)`,
            );
          }
        }
      }
    }
    const edges = new Map<string, string[]>();
    for (const w of this.workloads) {
      const s = byName.get(w.meta.name);
      if (!s) continue;
      const first = s.instances[0];
      const text = [
        s.template,
        ...(first?.steps ?? []),
        ...(first?.containers ?? []),
        ...(first?.sidecars ?? []),
      ]
        .flatMap((c) => [
          ...(c.command ?? []),
          ...(c.args ?? []),
          ...c.env.filter((e) => !/_SERVICE_(HOST|PORT)/.test(e.name)).map((e) => e.value),
        ])
        .join('\n');
      const deps: string[] = [];
      for (const svc of this.services) {
        if (svc.meta.namespace !== w.meta.namespace) continue;
        const n = svc.meta.name;
        const word = new RegExp(
          `(^|[^a-z0-9-])${n.replace(/-/g, '\\-')}([^a-z0-9-]|$)|\\$\\(${envName(n)}_SERVICE_`,
        );
        if (word.test(text)) deps.push(...(behind.get(key(svc.meta.namespace, n)) ?? []));
      }
      const explicit = w.meta.annotations.get(ANNOTATION.dependsOn);
      for (const d of explicit?.value
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean) ?? []) {
        if (names.has(d)) deps.push(d);
        else
          r.problem(
            explicit?.node ?? w.obj.node,
            `${ANNOTATION.dependsOn}: no workload, service or job "${d}"`,
          );
      }
      edges.set(
        w.meta.name,
        [...new Set(deps)].filter((d) => d !== w.meta.name),
      );
    }
    // An edge that would close a cycle is dropped: mentions are a guess, a cycle would start nothing.
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      from === to ||
      (!seen.has(from) &&
        (seen.add(from), (byName.get(from)?.dependsOn ?? []).some((d) => reaches(d, to, seen))));
    for (const [name, deps] of edges) {
      const s = byName.get(name);
      if (!s) continue;
      for (const d of deps) if (!reaches(d, name)) s.dependsOn.push(d);
    }
  }
}

interface PodContext {
  w: Workload;
  podName: string;
  ordinal: number;
  volumes: Map<string, { source: VolumeSource; readOnly: boolean }>;
  podUser?: string | undefined;
  podSeccomp?: SecurityContext['seccompProfile'] | undefined;
}

/** A container's `imagePullPolicy`; initsteps' default is IfNotPresent (docs/kubernetes.md#mapping). */
const pullPolicyOf = (value: string | undefined): PullPolicy =>
  value === 'Always' || value === 'Never' ? value : 'IfNotPresent';

const emptyContainer = (): ContainerSpec => ({
  env: [],
  volumes: [],
  securityContext: { capAdd: [], capDrop: [], privileged: false },
  resources: {},
});

/** Later entries over earlier ones, in place (Kubernetes: `env` over `envFrom`, both over service variables). */
function mergeEnv(parent: EnvVar[], child: EnvVar[]): EnvVar[] {
  const byName = new Map(parent.map((e) => [e.name, e]));
  for (const e of child) {
    byName.delete(e.name);
    byName.set(e.name, e);
  }
  return [...byName.values()];
}

export type { SpecProblem };
