import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);

// src/engine/labels.ts
var LABEL = {
  project: "dev.initsteps.project",
  service: "dev.initsteps.service",
  instance: "dev.initsteps.instance",
  step: "dev.initsteps.step",
  role: "dev.initsteps.role",
  run: "dev.initsteps.run",
  /** Identity of a persistent volume, set once at creation: markers are keyed by it. */
  uid: "dev.initsteps.uid",
  /** A pod's other container or native sidecar: its name in the pod (docs/kubernetes.md#mapping). */
  container: "dev.initsteps.container",
  /** A native sidecar's place among the pod's sidecars: `down` removes them last first. */
  sidecarOrder: "dev.initsteps.sidecar-order",
  /** The spec's volume name, on Docker volumes. */
  volume: "dev.initsteps.volume",
  /** On run-scoped (emptyDir) volumes, which `down` removes even without --volumes. */
  ephemeral: "dev.initsteps.ephemeral",
  /** On the project's lock: the command holding it and its process (engine/project-lock.ts). */
  lockCommand: "dev.initsteps.lock.command",
  lockPid: "dev.initsteps.lock.pid",
  lockStartTime: "dev.initsteps.lock.start-time",
  lockHost: "dev.initsteps.lock.host",
  lockPidNamespace: "dev.initsteps.lock.pid-namespace",
  lockSince: "dev.initsteps.lock.since"
};
var networkName = (project) => `initsteps_${project}`;
var volumeName = (project, instance, volume) => `initsteps_${project}_${instance}_${volume}`;
var persistentVolumeName = (project, instance, mount) => mount.source.kind === "claim" && mount.source.claimName !== void 0 ? `initsteps_${project}_pvc_${mount.source.claimName}` : volumeName(project, instance, mount.name);
var lockName = (project) => `initsteps_${project}_lock`;
var mainName = (project, instance) => `initsteps_${project}_${instance}`;
var podContainerName = (project, instance, container) => `initsteps_${project}_${instance}.${container}`;
var sandboxName = (project, instance) => `initsteps_${project}_${instance}_sandbox`;

export {
  LABEL,
  networkName,
  volumeName,
  persistentVolumeName,
  lockName,
  mainName,
  podContainerName,
  sandboxName
};
