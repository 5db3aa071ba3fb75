// What a run reports: results, the live event stream, and the hooks the engine is given.
import type { RecordedProcess } from './host-process.js';
import type {
  ResolvedInstance,
  ResolvedProject,
  ResolvedService,
  SourcePos,
  VolumeMount,
} from '../spec/model.js';

export type StepStatus = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Skipped' | 'Cancelled';
export type StepReason =
  | 'ExitNonZero'
  | 'Timeout'
  | 'OOMKilled'
  | 'ImagePullFailed'
  | 'ImageNotPresent'
  | 'RuntimeError'
  | 'Cancelled';
export type ServiceStatus = 'Pending' | 'Initializing' | 'Running' | 'Failed';
export type ServiceReason = 'InitStepFailed' | 'StartFailed' | 'ReadinessTimeout' | 'DependencyFailed';

export interface StepResult {
  service: string;
  instance: string;
  step: string;
  pos: SourcePos;
  status: StepStatus;
  exitCode?: number;
  attempts: number;
  durationMs: number;
  reason?: StepReason;
  /** Failure detail, or why a step was skipped ("volume already initialized"). */
  message?: string;
  /** Last lines of the step's output (secrets already masked). */
  logTail: string[];
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

export interface RunReport {
  project: string;
  services: ServiceResult[];
  steps: StepResult[];
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
  | { type: 'image-pull'; image: string; progress: string }
  | { type: 'step-start'; service: string; instance: string; step: string; attempt: number; attempts: number }
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
  | { type: 'warning'; message: string }
  /** Something the user chose or can change, not a problem (an instance the cache leaves out and why). */
  | { type: 'notice'; message: string }
  /** Emitted as soon as an object exists, so the action can record it for `post` before anything can fail. */
  | { type: 'created'; kind: 'container' | 'network' | 'volume'; id: string }
  /** A `runtime: process` main process was started (id: its pid); stop it in `post`. */
  | { type: 'created'; kind: 'process'; id: string; startTime?: string };

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
  /** Snapshot the volumes (their main containers are stopped); true when an entry was written. */
  save(ctx: CacheContext): Promise<boolean>;
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
