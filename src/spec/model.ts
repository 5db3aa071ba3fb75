// The resolved model: the only thing stages after the spec loader consume.
// Every field here is final: inheritance (contract §2) is already applied, durations are
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
}

export type VolumeSource =
  { kind: 'claim'; capacityBytes?: number } | { kind: 'emptyDir' } | { kind: 'hostPath'; path: string };

export interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly: boolean;
  source: VolumeSource;
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

export type RunIf =
  | { type: 'freshVolume'; volume?: string }
  | { type: 'fileMissing'; path: string; volume?: string }
  | { type: 'always' };

/** What one container (or host process) runs: shared by init steps and the main container. */
export interface ContainerSpec {
  /** Undefined only for `runtime: process`. */
  image?: string;
  /** Kubernetes semantics: command replaces ENTRYPOINT, args replace CMD (contract §1 table). */
  command?: string[];
  args?: string[];
  workingDir?: string;
  user?: string;
  env: EnvVar[];
  volumes: VolumeMount[];
  securityContext: SecurityContext;
  resources: Resources;
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
  /** The service-level container spec before per-instance env (useful for hashing and display). */
  template: ContainerSpec;
  instances: ResolvedInstance[];
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
  /** In dependency order: every service comes after the services it depends on. */
  services: ResolvedService[];
}

export const isPersistent = (v: VolumeMount): boolean => v.source.kind === 'claim';
