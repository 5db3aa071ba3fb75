// fileMissing without starting anything: a created, never started container of the sandbox image with the
// step's mounts, asked through the archive endpoint whether the path exists.
import type { ContainerRuntime, Labels, MountSpec } from '../runtime/types.js';
import type { VolumeMount } from '../spec/model.js';
import { mountsFor, type VolumeNames } from './container-spec.js';
import { HostPathRefusedError, resolveHostPaths, type HostPathGate } from './mount-check.js';
import { checkMountedVolumes } from './volumes.js';

export interface PathProbe {
  sandboxImage: string;
  labels: Labels;
  /** The step's mounts to look through, and the Docker volume behind each claim and emptyDir. */
  volumes: VolumeMount[];
  names: VolumeNames;
  /** Docker volumes among `names` that carry initsteps' labels: checked right after the create. */
  labelled: string[];
  gate: HostPathGate;
}

export async function pathExistsOnMounts(
  runtime: ContainerRuntime,
  probe: PathProbe,
  path: string,
  track: { created(id: string): void; removed(id: string): void } = { created() {}, removed() {} },
): Promise<boolean> {
  let mounts: MountSpec[];
  try {
    // Resolved now, like every create (mount-check.ts).
    mounts = mountsFor(await resolveHostPaths(probe.volumes, probe.gate), probe.names);
  } catch (e: unknown) {
    // Nothing refused is mounted to look. The path counts as missing, so the step runs, and its own
    // create is refused with the same message: the step's failure, not the run's.
    if (e instanceof HostPathRefusedError) return false;
    throw e;
  }
  const id = await runtime.createContainer({
    image: probe.sandboxImage,
    env: [],
    labels: probe.labels,
    network: { mode: 'none' },
    mounts,
    securityOpt: [],
    capAdd: [],
    capDrop: ['ALL'],
    privileged: false,
  });
  track.created(id);
  try {
    await checkMountedVolumes(runtime, id, mounts, probe.labelled);
    return await runtime.pathExists(id, path);
  } finally {
    await runtime.removeContainer(id);
    track.removed(id);
  }
}
