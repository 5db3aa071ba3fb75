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
  | { kind: 'httpGet'; port: number; path: string; scheme: 'http' | 'https'; host?: string };

export interface Probe {
  check: ProbeCheck;
  initialDelayMs: number;
  periodMs: number;
  timeoutMs: number;
  failureThreshold: number;
}

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
  /** Position in the service's initSteps list. */
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
}

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
