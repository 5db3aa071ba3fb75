// The resolved model: the only thing stages after the spec loader consume.
// Every field here is final: inheritance (docs/spec.md) is already applied, durations are
// milliseconds, quantities are numbers, paths are absolute.

/** A position in a spec file; line and col are 1-based. */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';
export type RuntimeKind = 'container' | 'process';
export type SeccompType = 'Unconfined' | 'RuntimeDefault' | 'Localhost';
export type RestartPolicy = 'OnFailure' | 'Never';
/** Kubernetes' StatefulSet names: instances one after another (each ready first), or all at once. */
export type PodManagementPolicy = 'OrderedReady' | 'Parallel';

export interface SecurityContext {
  seccompProfile?: {
    type: SeccompType;
    localhostProfile?: string;
    /**
     * A Localhost profile's JSON as validation read and checked it (docs/spec.md#privileges). Docker gets
     * these contents: the file is not read again, so a step that rewrites it cannot loosen a later step.
     */
    profile?: string;
  };
  capAdd: string[];
  capDrop: string[];
  privileged: boolean;
}

export interface Resources {
  /** CPU limit in nano-CPUs (Docker's NanoCpus); "500m" = 5e8. */
  nanoCpus?: number;
  memoryBytes?: number;
}

export interface EnvVar {
  name: string;
  value: string;
  /** Came from `valueFrom.env`: masked in every log, summary and annotation. */
  secret: boolean;
  /**
   * A Kubernetes `fieldRef` known only once the instance's sandbox exists (docs/kubernetes.md#env): the
   * engine sets `value` before it expands references. Only the Kubernetes translator sets it.
   */
  podField?: PodField;
}

/** `status.podIP`: the instance's address on the project network. */
export type PodField = 'status.podIP';

/** A file of a Kubernetes configMap, secret or downwardAPI volume (docs/kubernetes.md#volumes). */
export interface ProjectedFile {
  /** Relative to the mount. */
  path: string;
  contentBase64: string;
  mode: number;
}

export type VolumeSource =
  /** `claimName`: a Kubernetes PersistentVolumeClaim, one volume shared by every instance that mounts it. */
  | { kind: 'claim'; capacityBytes?: number; claimName?: string }
  | { kind: 'emptyDir' }
  | { kind: 'hostPath'; path: string }
  /** Written into a run-scoped volume before anything mounts it; `secret`: its contents are masked. */
  | { kind: 'files'; files: ProjectedFile[]; secret: boolean };

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly: boolean;
  source: VolumeSource;
  /**
   * Only with a `files` source (a Kubernetes `subPath`): its files under this relative path are copied into
   * the container at `mountPath` before it starts, instead of a mount (docs/kubernetes.md#volumes).
   */
  subPath?: string;
}

export interface PortMapping {
  containerPort: number;
  /** Defaults to 127.0.0.1. */
  hostIp: string;
  /** Undefined: a random free host port. */
  hostPort?: number;
  protocol: 'tcp' | 'udp';
}

export type ProbeCheck =
  | { kind: 'exec'; command: string[] }
  | { kind: 'tcpSocket'; port: number; host?: string }
  | { kind: 'httpGet'; port: number; path: string; scheme: 'http' | 'https'; host?: string }
  /** gRPC's health checking protocol (grpc.health.v1.Health/Check) over plain HTTP/2; `service` '' is the server's. */
  | { kind: 'grpc'; port: number; service: string };

export interface Probe {
  check: ProbeCheck;
  initialDelayMs: number;
  periodMs: number;
  timeoutMs: number;
  failureThreshold: number;
  /** Consecutive passes that make a readiness probe pass (Kubernetes' successThreshold); absent: 1. */
  successThreshold?: number;
  /**
   * A startup or liveness probe: the grace between the stop signal and SIGKILL when its failure restarts the
   * main container (Kubernetes' probe-level terminationGracePeriodSeconds); absent: the run's stop grace.
   */
  terminationGraceSeconds?: number;
}

/** The pod's restartPolicy for a service's main container (docs/kubernetes.md#probes). */
export type MainRestartPolicy = 'Always' | 'OnFailure' | 'Never';
/**
 * The wait between attempts (docs/spec.md, "Init steps"): `baseMs` after the first failed attempt, doubling
 * after each further one, at most `capMs`. A part left out is the run's default (1 s, 10 s).
 */
export interface Backoff {
  baseMs?: number;
  capMs?: number;
}

export type RunIf =
  | { type: 'freshVolume'; volume?: string }
  | { type: 'fileMissing'; path: string; volume?: string }
  | { type: 'always' };

export type Severity = 'error' | 'warning' | 'notice';

/** One line pattern of a problem matcher; the numbers are capture groups (GitHub's shape). */
export interface MatcherPattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  code?: number;
  message?: number;
  fromPath?: number;
  loop: boolean;
}

/** A user's problem matcher (docs/spec.md#problem-matchers), validated: the regexps compile, the groups exist. */
export interface ProblemMatcher {
  owner: string;
  severity?: Severity;
  patterns: MatcherPattern[];
}

/** What one container (or host process) runs: shared by init steps and the main container. */
export interface ContainerSpec {
  /** Undefined only for `runtime: process`. */
  image?: string;
  /** Kubernetes semantics: command replaces ENTRYPOINT, args replace CMD (docs/spec.md, the command/args table). */
  command?: string[];
  args?: string[];
  workingDir?: string;
  user?: string;
  env: EnvVar[];
  volumes: VolumeMount[];
  securityContext: SecurityContext;
  resources: Resources;
  /**
   * Read the output of a failed run for problems at file lines (docs/spec.md#problem-matchers); a step's
   * list has its own first, then the service's. Absent when none is declared (the built-in ones still apply).
   */
  problemMatchers?: ProblemMatcher[];
}

export interface ResolvedStep extends ContainerSpec {
  name: string;
  /** Position among the instance's init steps (native sidecars not counted). */
  index: number;
  /** The step's node in the spec (for annotations). */
  pos: SourcePos;
  runIf: RunIf;
  /** Per attempt. */
  timeoutMs: number;
  /** Attempts in all (3 for OnFailure unless `retries` says otherwise, 1 for Never). */
  attempts: number;
  restartPolicy: RestartPolicy;
  /** Absent: the run's default backoff. */
  backoff?: Backoff;
  /** The step's own imagePullPolicy, else the service's. */
  pullPolicy: PullPolicy;
}

/**
 * A Kubernetes native sidecar (docs/kubernetes.md#native-sidecars): an init container with `restartPolicy:
 * Always`. It starts in its place among the init steps, the next one waits until it has started (its
 * startup probe passed), and it runs for the pod's life, stopped after the main containers.
 */
export interface ResolvedSidecar extends ContainerSpec {
  name: string;
  /** How many init steps run before it starts (its place among the pod's init containers). */
  afterSteps: number;
  /** The init container's node (for annotations). */
  pos: SourcePos;
  pullPolicy: PullPolicy;
  startupProbe?: Probe;
}

/** A pod's container after the first (docs/kubernetes.md#several-containers): started with the main. */
export interface PodContainer extends ContainerSpec {
  name: string;
  pullPolicy: PullPolicy;
  readinessProbe?: Probe;
}

export interface ResolvedInstance {
  service: string;
  /** `<service>-<ordinal>`. */
  name: string;
  ordinal: number;
  /** Env includes INITSTEPS_SERVICE, INITSTEPS_INSTANCE, INITSTEPS_REPLICA_ORDINAL. */
  steps: ResolvedStep[];
  main: ContainerSpec;
  /** More names the instance answers to on the project network (Kubernetes Services, StatefulSet pods). */
  aliases?: string[];
  /** The main container's name in its pod, when it has one (a Kubernetes pod's first container). */
  mainName?: string;
  /** A Kubernetes pod's other containers, each started after the main in the same sandbox. */
  containers?: PodContainer[];
  /** A Kubernetes pod's native sidecars, in the order of its init containers. */
  sidecars?: ResolvedSidecar[];
}

/** One entry of an instance's init sequence: an init step, or a native sidecar that starts there. */
export type InitEntry = { kind: 'step'; step: ResolvedStep } | { kind: 'sidecar'; sidecar: ResolvedSidecar };

/** The instance's steps and sidecars in the order they run (a sidecar before the step it precedes). */
export function initSequence(inst: ResolvedInstance): InitEntry[] {
  const sidecars = inst.sidecars ?? [];
  const at = (n: number): InitEntry[] =>
    sidecars.filter((c) => c.afterSteps === n).map((sidecar) => ({ kind: 'sidecar', sidecar }));
  return [
    ...inst.steps.flatMap((step, i): InitEntry[] => [...at(i), { kind: 'step', step }]),
    ...at(inst.steps.length),
  ];
}

/** Every container of an instance: its steps, its main, and a pod's native sidecars and other containers. */
export const instanceContainers = (inst: ResolvedInstance): ContainerSpec[] => [
  inst.main,
  ...inst.steps,
  ...(inst.sidecars ?? []),
  ...(inst.containers ?? []),
];

/** What makes a document a Job (docs/spec.md, "Jobs"): its container runs to completion on every `up`. */
export interface JobSpec {
  restartPolicy: RestartPolicy;
  /** Attempts of the job's container in all (as for a step). */
  attempts: number;
  /** Per attempt. */
  timeoutMs: number;
  /** Absent: the run's default backoff. */
  backoff?: Backoff;
  /** The whole job, init steps and retries included, from when it starts; undefined: no deadline. */
  activeDeadlineMs?: number;
  /** Where a failure of the job's container is annotated: its `command`, else `args`, else the document. */
  pos: SourcePos;
}

export interface ResolvedService {
  name: string;
  /** The `metadata.name` node. */
  pos: SourcePos;
  /** Absolute path of the spec file that declared it. */
  file: string;
  runtime: RuntimeKind;
  /** The main container's; each step carries its own. */
  pullPolicy: PullPolicy;
  replicas: number;
  podManagementPolicy: PodManagementPolicy;
  ports: PortMapping[];
  dependsOn: string[];
  readinessProbe?: Probe;
  /** Readiness and liveness wait until it passed; failing, it restarts the main container (docs/kubernetes.md#probes). */
  startupProbe?: Probe;
  /** Watched while `up` runs; failing, it restarts the main container (docs/kubernetes.md#probes). */
  livenessProbe?: Probe;
  /** What a failing startup or liveness probe does to the main container; absent: `Always` (a native service). */
  restartPolicy?: MainRestartPolicy;
  /**
   * A Kubernetes pod's `activeDeadlineSeconds` (docs/kubernetes.md#restarts): each instance's init steps and
   * start, until ready, from when the instance starts. A job's deadline is `job.activeDeadlineMs`.
   */
  activeDeadlineMs?: number;
  /** The service-level container spec before per-instance env (useful for hashing and display). */
  template: ContainerSpec;
  instances: ResolvedInstance[];
  /**
   * Set for a `kind: Job` document: one instance, no ports and no probe; its `main` runs to completion.
   * Jobs sit in `ResolvedProject.services` with the services (one namespace, one dependency order).
   */
  job?: JobSpec;
  /** The Kubernetes object it was translated from (docs/kubernetes.md); absent for a native document. */
  origin?: { kind: string; name: string; namespace: string };
}

export interface ResolvedProject {
  /** Docker-safe project name (labels, network and volume names). */
  name: string;
  /** Directory that bounds hostPath mounts (the spec's repository / GITHUB_WORKSPACE). */
  workspace: string;
  files: string[];
  /**
   * Loaded with allow-privileged. The engine applies the same gate again when it creates containers (a
   * hostPath is resolved anew then); absent means not allowed.
   */
  allowPrivileged?: boolean;
  /** Services and jobs in dependency order: each comes after what it depends on. */
  services: ResolvedService[];
}

export const isPersistent = (v: VolumeMount): boolean => v.source.kind === 'claim';
