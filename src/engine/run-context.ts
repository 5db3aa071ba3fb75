// What every piece of one `up` shares: the runtime, the project, the results, the observer, the abort
// signal, the labels, the images and the objects created so far.
import { randomBytes } from 'node:crypto';
import { stateDir } from '../markers/store.js';
import type { ContainerRuntime, Labels } from '../runtime/types.js';
import type { Probe, ResolvedInstance, ResolvedProject, ResolvedService } from '../spec/model.js';
import { createMasker, secretValues, type Masker } from '../spec/secrets.js';
import { RunImages, type PullSettings } from './images.js';
import { LABEL, type Role } from './labels.js';
import type { ReadinessTarget, StartedMain } from './readiness.js';
import { RunResults } from './results.js';
import { Sandboxes } from './sandboxes.js';
import { Tracked } from './tracked.js';
import type { CacheReport, RunObserver, VolumeCache } from './types.js';
import type { PreparedVolume } from './volumes.js';

export interface RunSettings {
  project: ResolvedProject;
  observer: RunObserver;
  signal?: AbortSignal;
  cache?: VolumeCache;
  /** The backoff between attempts where the spec sets none (retry.ts): base doubling to cap. Default 1000 ms. */
  backoffBaseMs?: number;
  /** Default 10 000 ms. */
  backoffCapMs?: number;
  runId?: string;
  /** Between SIGTERM and SIGKILL for a timed-out attempt. Default 2000 ms. */
  killGraceMs?: number;
  /** How pulls go: at once, retries, backoff, stall limit (defaults in images.ts). */
  pulls?: PullSettings;
  /**
   * Between a main container's stop signal and SIGKILL when the cache stops it for a snapshot (docs/cache.md,
   * "When it saves"). Default 30 s, Kubernetes' terminationGracePeriodSeconds.
   */
  stopGraceSeconds?: number;
}

/**
 * A main container this run started, by instance, with the rest of its pod: the cache's clean point stops
 * and starts them again (docs/cache.md, "When it saves").
 */
export interface RunningMain {
  containerId: string;
  started: StartedMain;
  /** A Kubernetes pod's other containers, in start order (their readiness is in `started.others`). */
  others: string[];
  /** Its native sidecars, in start order, with how to tell each has started again. */
  sidecars: { id: string; startupProbe?: Probe; target: ReadinessTarget }[];
}

export class RunContext {
  readonly project: ResolvedProject;
  readonly runId: string;
  readonly emit: RunObserver;
  readonly signal: AbortSignal | undefined;
  readonly cache: VolumeCache | undefined;
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
  readonly killGraceMs: number;
  readonly stopGraceSeconds: number;
  readonly stateDir = stateDir();
  readonly results: RunResults;
  readonly tracked: Tracked;
  readonly images: RunImages;
  /** Every `valueFrom` value of the project, hidden in captured output (docs/spec.md, "Secrets"). */
  readonly mask: Masker;
  /** Persistent volumes by instance, found or created once (engine/volumes.ts). */
  readonly persistentVolumes = new Map<string, Promise<Map<string, PreparedVolume>>>();
  /** Settles once the project's cache restore is done; instances wait for it before deciding steps. */
  cacheRestored: Promise<void> = Promise.resolve();
  /** What the cache did, for the report (engine/project-cache.ts). */
  cacheReport: CacheReport | undefined;
  readonly mains = new Map<string, RunningMain>();
  /** Stops a main's liveness watch (engine/main-probes.ts); all are stopped before `up` returns or cleans up. */
  readonly livenessWatches = new Set<() => Promise<void>>();
  /** The image of sandboxes and probe containers; set once a container instance is in the run. */
  sandboxImage = '';
  /** The project network, being created while the first instance prepares its volumes and restore. */
  network: Promise<void> = Promise.resolve();
  /** Every container instance's sandbox, started at the start of `up` (engine/sandboxes.ts). */
  readonly sandboxes: Sandboxes = new Sandboxes(this);

  constructor(
    readonly runtime: ContainerRuntime,
    o: RunSettings,
  ) {
    this.project = o.project;
    this.runId = o.runId ?? randomBytes(4).toString('hex');
    this.emit = o.observer;
    this.signal = o.signal;
    this.cache = o.cache;
    this.backoffBaseMs = o.backoffBaseMs ?? 1000;
    this.backoffCapMs = o.backoffCapMs ?? 10_000;
    this.killGraceMs = o.killGraceMs ?? 2000;
    this.stopGraceSeconds = o.stopGraceSeconds ?? 30;
    this.mask = createMasker(secretValues(o.project));
    this.results = new RunResults(o.observer);
    this.tracked = new Tracked(o.observer);
    this.images = new RunImages(runtime, o.observer, o.signal, o.pulls);
  }

  labels(s: ResolvedService, inst: ResolvedInstance, role: Role, step?: string): Labels {
    return {
      [LABEL.project]: this.project.name,
      [LABEL.service]: s.name,
      [LABEL.instance]: inst.name,
      [LABEL.role]: role,
      [LABEL.run]: this.runId,
      ...(step !== undefined && { [LABEL.step]: step }),
    };
  }

  warn(message: string): void {
    this.emit({ type: 'warning', message });
  }

  throwIfAborted(): void {
    this.signal?.throwIfAborted();
  }
}
