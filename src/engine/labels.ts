// Names and labels of every Docker object a run creates: `down`, `status` and cleanup find them by label.
import type { VolumeMount } from '../spec/model.js';

export const LABEL = {
  project: 'dev.initsteps.project',
  service: 'dev.initsteps.service',
  instance: 'dev.initsteps.instance',
  step: 'dev.initsteps.step',
  role: 'dev.initsteps.role',
  run: 'dev.initsteps.run',
  /** Identity of a persistent volume, set once at creation: markers are keyed by it. */
  uid: 'dev.initsteps.uid',
  /** A pod's other container or native sidecar: its name in the pod (docs/kubernetes.md#mapping). */
  container: 'dev.initsteps.container',
  /** A native sidecar's place among the pod's sidecars: `down` removes them last first. */
  sidecarOrder: 'dev.initsteps.sidecar-order',
  /** The spec's volume name, on Docker volumes. */
  volume: 'dev.initsteps.volume',
  /** On run-scoped (emptyDir) volumes, which `down` removes even without --volumes. */
  ephemeral: 'dev.initsteps.ephemeral',
  /** On the project's lock: the command holding it and its process (engine/project-lock.ts). */
  lockCommand: 'dev.initsteps.lock.command',
  lockPid: 'dev.initsteps.lock.pid',
  lockStartTime: 'dev.initsteps.lock.start-time',
  lockHost: 'dev.initsteps.lock.host',
  lockPidNamespace: 'dev.initsteps.lock.pid-namespace',
  lockSince: 'dev.initsteps.lock.since',
} as const;

/** `container`: a Kubernetes pod's container after the first (the main); `sidecar`: a native sidecar. */
export type Role =
  'sandbox' | 'step' | 'sidecar' | 'main' | 'container' | 'job' | 'volume' | 'network' | 'lock';

export const networkName = (project: string): string => `initsteps_${project}`;
export const volumeName = (project: string, instance: string, volume: string): string =>
  `initsteps_${project}_${instance}_${volume}`;
/**
 * The Docker volume behind a persistent mount: per instance, except a Kubernetes PersistentVolumeClaim, which
 * every instance mounting it shares (docs/kubernetes.md#volumes).
 */
export const persistentVolumeName = (project: string, instance: string, mount: VolumeMount): string =>
  mount.source.kind === 'claim' && mount.source.claimName !== undefined
    ? `initsteps_${project}_pvc_${mount.source.claimName}`
    : volumeName(project, instance, mount.name);

/** The project's lock (a container that never starts): no instance name ends in `_lock`. */
export const lockName = (project: string): string => `initsteps_${project}_lock`;
export const mainName = (project: string, instance: string): string => `initsteps_${project}_${instance}`;
/** A pod's other container or sidecar: a pod's container names are DNS labels, so the `.` keeps them apart. */
export const podContainerName = (project: string, instance: string, container: string): string =>
  `initsteps_${project}_${instance}.${container}`;
export const sandboxName = (project: string, instance: string): string =>
  `initsteps_${project}_${instance}_sandbox`;
