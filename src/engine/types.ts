// What a run reports: results, the live event stream, and the hooks the engine is given.
import type { RecordedProcess } from './host-process.js';
import type {
  ResolvedInstance,
  ResolvedProject,
  ResolvedService,
  Severity,
  SourcePos,
  VolumeMount,
} from '../spec/model.js';

/** `Started`: a native sidecar that started and keeps running (docs/kubernetes.md#native-sidecars). */
export type StepStatus = 'Pending' | 'Running' | 'Succeeded' | 'Started' | 'Failed' | 'Skipped' | 'Cancelled';
export type StepReason =
  | 'ExitNonZero'
  | 'Timeout'
  | 'OOMKilled'
  | 'ImagePullFailed'
  | 'ImageNotPresent'
  | 'RuntimeError'
  /** A native sidecar's startupProbe did not pass. */
  | 'StartupProbeFailed'
  | 'Cancelled';
export type ServiceStatus = 'Pending' | 'Initializing' | 'Running' | 'Failed';
export type ServiceReason =
  | 'InitStepFailed'
  | 'StartFailed'
  | 'ReadinessTimeout'
  /** After it was ready, its livenessProbe failed under restartPolicy Never (docs/kubernetes.md#probes). */
  | 'LivenessProbeFailed'
  | 'DependencyFailed'
  /** A Kubernetes pod's activeDeadlineSeconds passed before it was ready (docs/kubernetes.md#restarts). */
  | 'DeadlineExceeded'
  /** The main container's image could not be pulled, or is absent under policy Never (docs/images.md). */
  | 'ImagePullFailed'
  | 'ImageNotPresent';
/** A job (docs/spec.md, "Jobs"): `Running` while its own container (process) runs. */
export type JobStatus = 'Pending' | 'Initializing' | 'Running' | 'Succeeded' | 'Failed';
export type JobReason =
  'JobFailed' | 'DeadlineExceeded' | 'InitStepFailed' | 'StartFailed' | 'DependencyFailed' | 'Cancelled';

export interface StepResult {
  service: string;
  instance: string;
  step: string;
  pos: SourcePos;
  /** A native sidecar's row: it starts and keeps running rather than runs to completion. */
  sidecar?: true;
  status: StepStatus;
  exitCode?: number;
  attempts: number;
  durationMs: number;
  reason?: StepReason;
  /** Failure detail, or why a step was skipped ("volume already initialized"). */
  message?: string;
  /** Last lines of the step's output (secrets already masked). */
  logTail: string[];
  /** What a failed step's output names at file lines (docs/spec.md#problem-matchers); absent when nothing. */
  problems?: StepProblem[];
}

/**
 * A problem a failed step's output names (docs/spec.md#problem-matchers). Its text comes from the output:
 * masked like the log, untrusted, bounded in length.
 */
export interface StepProblem {
  severity: Severity;
  /** The built-in pattern (`psql`, `flyway`, ...) or the user matcher's owner. */
  owner: string;
  message: string;
  code?: string;
  /** Absolute path of the repository file it is in; absent when the output's file is not one (see `named`). */
  file?: string;
  /** The file as the output named it, when it maps to no file of the repository: the problem stays on the step. */
  named?: string;
  line?: number;
  col?: number;
}

export interface PublishedPort {
  containerPort: number;
  protocol: 'tcp' | 'udp';
  hostIp: string;
  hostPort: number;
}

export interface InstanceResult {
  name: string;
  ordinal: number;
  /** The main container's image reference (`runtime: container`). */
  image?: string;
  status: ServiceStatus;
  reason?: ServiceReason;
  message?: string;
  ports: PublishedPort[];
}

export interface ServiceResult {
  name: string;
  pos: SourcePos;
  status: ServiceStatus;
  reason?: ServiceReason;
  message?: string;
  instances: InstanceResult[];
}

export interface JobResult {
  name: string;
  /** Its one instance, `<name>-0`. */
  instance: string;
  /** The `metadata.name` node. */
  pos: SourcePos;
  /** Where a failure of its container is annotated: its `command`, else `args`, else the document. */
  failurePos: SourcePos;
  status: JobStatus;
  reason?: JobReason;
  /** Failure detail (the last attempt's reason when it is not a plain exit code). */
  message?: string;
  /** Of its container's last attempt. */
  exitCode?: number;
  /** Attempts of its container; 0 when it never ran. */
  attempts: number;
  /** From its start (after its dependencies, init steps included) to its end. */
  durationMs: number;
  /** Last lines of its container's output (secrets already masked). */
  logTail: string[];
  /** What its failed container's output named at file lines (docs/spec.md#problem-matchers). */
  problems?: StepProblem[];
}

/** One image of the run: how it was had and what it was. */
export interface ImageResult {
  ref: string;
  /** Present: the engine had it (and the policy did not ask for a pull); Pulled: by this run. */
  status: 'Present' | 'Pulled' | 'Failed';
  /** The content-addressed ID, `sha256:...`. */
  id?: string;
  /** The registry's digest of what ran (`sha256:...`); absent for an image built locally. */
  digest?: string;
  /** A pull's time, retries and their waits included. */
  pullMs?: number;
  /** Pull attempts made. */
  attempts?: number;
  reason?: 'ImagePullFailed' | 'ImageNotPresent';
  message?: string;
}

export interface RunReport {
  project: string;
  services: ServiceResult[];
  /** Jobs, apart from the services: they end `Succeeded` rather than `Running`. */
  jobs: JobResult[];
  /** Init steps of services and jobs alike. */
  steps: StepResult[];
  /** Every image of the selected services and steps (absent in a report of an older version). */
  images?: ImageResult[];
  /** True when the cache restored the entry of this run's exact key. */
  cacheHit: boolean;
  /** What the cache did; absent when there was no cache or nothing to cache. */
  cache?: CacheReport;
  /** Ids of everything this run created that `post`/`down` must remove (containers, networks, run-scoped volumes). */
  created: CreatedObjects;
}

export interface CreatedObjects {
  containers: string[];
  networks: string[];
  volumes: string[];
  /** `runtime: process` main processes (each leads its own process group), with their start times. */
  processes?: RecordedProcess[];
}

/** The live event stream; report/lines.ts turns these into the console lines docs/action.md shows. */
export type RunEvent =
  /** The run's pulls begin, all at once (docs/images.md): the images that need one. */
  | { type: 'image-pulls'; phase: 'start'; images: string[] }
  | { type: 'image-pulls'; phase: 'end'; durationMs: number; failed: number }
  | ImagePullEvent
  | {
      type: 'step-start';
      service: string;
      instance: string;
      step: string;
      attempt: number;
      attempts: number;
      sidecar?: true;
    }
  | { type: 'step-output'; instance: string; step: string; stream: 'stdout' | 'stderr'; line: string }
  | { type: 'step-retry'; instance: string; step: string; attempt: number; delayMs: number; detail: string }
  | { type: 'step-end'; result: StepResult }
  | {
      type: 'service-status';
      service: string;
      instance?: string;
      status: ServiceStatus;
      reason?: ServiceReason;
      message?: string;
    }
  | { type: 'main-output'; instance: string; stream: 'stdout' | 'stderr'; line: string }
  /** An attempt of a job's own container (process) begins. */
  | { type: 'job-start'; job: string; instance: string; attempt: number; attempts: number }
  | { type: 'job-output'; job: string; instance: string; stream: 'stdout' | 'stderr'; line: string }
  | { type: 'job-retry'; job: string; instance: string; attempt: number; delayMs: number; detail: string }
  /** The job ended: Succeeded or Failed (whatever the reason, a dependency's failure included). */
  | { type: 'job-end'; result: JobResult }
  | { type: 'warning'; message: string }
  /** Something the user chose or can change, not a problem (an instance the cache leaves out and why). */
  | { type: 'notice'; message: string }
  /** Emitted as soon as an object exists, so the action can record it for `post` before anything can fail. */
  | { type: 'created'; kind: 'container' | 'network' | 'volume'; id: string }
  /** A `runtime: process` main process was started (id: its pid); stop it in `post`. */
  | { type: 'created'; kind: 'process'; id: string; startTime?: string };

/** One image's pull: its start, its bytes every few seconds, each retry, and how it ended. */
export type ImagePullEvent =
  | { type: 'image-pull'; image: string; phase: 'start' }
  | {
      type: 'image-pull';
      image: string;
      phase: 'progress';
      doneBytes: number;
      totalBytes: number;
      elapsedMs: number;
    }
  | {
      type: 'image-pull';
      image: string;
      phase: 'retry';
      attempt: number;
      attempts: number;
      delayMs: number;
      detail: string;
    }
  | { type: 'image-pull'; image: string; phase: 'done'; durationMs: number; digest?: string }
  | { type: 'image-pull'; image: string; phase: 'failed'; message: string };

export type RunObserver = (event: RunEvent) => void;

/**
 * Between-run cache of initialized volumes (docs/cache.md): one entry per project run holding every
 * persistent volume of every selected instance. The engine calls `restore` once, before any step is
 * decided, and, when `up` succeeded, asks `wantsSave`; when it does, the engine stops the main containers
 * that mount persistent volumes (a clean point), calls `save`, and starts them again. Implementations warn
 * (through the observer) rather than throw; a failed restore leaves the volumes fresh.
 */
export interface VolumeCache {
  restore(ctx: CacheContext): Promise<CacheOutcome>;
  /** Whether `save` would store an entry: only then do the main containers stop for it. */
  wantsSave(ctx: CacheContext): Promise<boolean>;
  /**
   * Snapshot the volumes (their main containers are stopped); true when an entry was written.
   * `volumesRead` is called once the volumes are read and written to the snapshot, before it is stored:
   * the mains may start again from then on.
   */
  save(ctx: CacheContext, volumesRead?: () => void): Promise<boolean>;
  /**
   * Once the cache's own housekeeping is done (a restore's helper container is removed after the restore
   * resolved, so the services need not wait for it); `up` waits for it before it returns.
   */
  settled?(): Promise<void>;
}

export interface CacheContext {
  project: ResolvedProject;
  /** The selected services, in the project's order: the key covers all of them. */
  services: ResolvedService[];
  /** Every selected instance with persistent volumes: one entry holds all of their volumes. */
  instances: CachedInstance[];
  /**
   * The ID of every image the selected services involve, by reference, resolved by the engine after its
   * one pull per image; undefined when one of them could not be had.
   */
  imageIds: Record<string, string> | undefined;
}

export interface CachedInstance {
  service: ResolvedService;
  instance: ResolvedInstance;
  /**
   * Its persistent mounts with the Docker volume each is backed by, its identity label (absent on a
   * volume not created by initsteps) and `createdNow` when this run created it (so it is empty).
   */
  volumes: { mount: VolumeMount; volumeName: string; uid?: string; createdNow: boolean }[];
}

/**
 * What the restore found: `exact`, the entry of this run's key; `base`, the newest entry with the same
 * base key (docs/cache.md, "When it restores"); `miss`, nothing restored (`initialized`: not looked up,
 * the volumes hold an earlier run's work). `key` is this run's key when there is one.
 */
export type CacheOutcome =
  | { result: 'exact' | 'base'; key: string; matchedKey: string }
  | { result: 'miss'; key?: string; initialized?: true };

/** The report's account of the cache: the restore's outcome, and whether this run saved an entry. */
export type CacheReport = CacheOutcome & { saved: boolean };
