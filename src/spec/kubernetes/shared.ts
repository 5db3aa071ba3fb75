// What the translation's modules share: the objects as indexed, a pod being built, Kubernetes' defaults
// and the annotations initsteps reads (docs/kubernetes.md).
import type {
  ContainerSpec,
  EnvVar,
  PodManagementPolicy,
  Probe,
  SecurityContext,
  SourcePos,
  VolumeSource,
} from '../model.js';
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
export const K8S = {
  backoffLimit: 6,
  namespace: 'default',
  fileMode: 0o644,
  stepAttempts: 3,
  timeoutMs: 5 * 60_000,
  probe: { periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
} as const;

export const ANNOTATION = {
  runIf: 'initsteps.dev/run-if.',
  dependsOn: 'initsteps.dev/depends-on',
  timeout: 'initsteps.dev/timeout',
  attempts: 'initsteps.dev/attempts',
  backoffBase: 'initsteps.dev/backoff-base',
  backoffCap: 'initsteps.dev/backoff-cap',
} as const;

export const ALLOW_HINT = 'allow it with --allow-privileged (action input `allow-privileged: true`)';
export const NOT_YET = 'not supported yet (docs/kubernetes.md#refused)';

/** The main container's probes (docs/kubernetes.md#probes). */
export interface MainProbes {
  readiness?: Probe;
  startup?: Probe;
  liveness?: Probe;
}

export interface Meta {
  name: string;
  namespace: string;
  labels: Map<string, string>;
  annotations: Map<string, { value: string; node: LNode }>;
  namePos: SourcePos;
}

export interface Named<T> {
  obj: KubeObject;
  meta: Meta;
  data: T;
}

export interface ServiceObject {
  selector: Map<string, string>;
  ports: { name?: string; port: number; targetPort?: LNode; node: LMap }[];
}

export interface Workload {
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

/** The input files' objects by kind, ConfigMaps, Secrets and claims by `namespace/name` (objects.ts). */
export interface KubeObjects {
  configMaps: Map<string, Named<Map<string, string>>>;
  secrets: Map<string, Named<Map<string, string>>>;
  claims: Map<string, Named<{ capacityBytes?: number }>>;
  services: Named<ServiceObject>[];
  workloads: Workload[];
}

/** What building a pod reads beside the pod itself. */
export interface Context {
  r: Reader;
  options: TranslateOptions;
  objects: KubeObjects;
}

export type PodVolumes = Map<string, { source: VolumeSource; readOnly: boolean }>;

/** One pod being built (one replica of a workload). */
export interface PodContext {
  w: Workload;
  podName: string;
  ordinal: number;
  volumes: PodVolumes;
  podUser?: string | undefined;
  podSeccomp?: SecurityContext['seccompProfile'] | undefined;
}

export const envName = (service: string): string => service.toUpperCase().replace(/-/g, '_');
/** A ConfigMap value or a field is taken as it is: `$` doubled so the engine's `$(VAR)` expansion keeps it. */
export const literal = (value: string): string => value.replace(/\$/g, '$$$$');
export const key = (ns: string, name: string) => `${ns}/${name}`;

export const emptyContainer = (): ContainerSpec => ({
  env: [],
  volumes: [],
  securityContext: { capAdd: [], capDrop: [], privileged: false },
  resources: {},
});

/** Later entries over earlier ones, in place (Kubernetes: `env` over `envFrom`, both over service variables). */
export function mergeEnv(parent: EnvVar[], child: EnvVar[]): EnvVar[] {
  const byName = new Map(parent.map((e) => [e.name, e]));
  for (const e of child) {
    byName.delete(e.name);
    byName.set(e.name, e);
  }
  return [...byName.values()];
}

/** A list of strings (`command`, `args`); an item that is no text is reported by the reader and left out. */
export function texts(r: Reader, c: LMap, field: string): string[] | undefined {
  const list = r.list(c, field);
  if (!list) return undefined;
  return list.items.flatMap((item) => {
    const t = r.textOf(item);
    return t === undefined ? [] : [t];
  });
}
