// fileMissing without starting anything: a created, never started container of the sandbox image with the
// step's mounts, asked through the archive endpoint whether the path exists.
import type { ContainerRuntime, Labels, MountSpec } from '../runtime/types.js';

export async function pathExistsOnMounts(
  runtime: ContainerRuntime,
  sandboxImage: string,
  labels: Labels,
  mounts: MountSpec[],
  path: string,
  track: { created(id: string): void; removed(id: string): void } = { created() {}, removed() {} },
): Promise<boolean> {
  const id = await runtime.createContainer({
    image: sandboxImage,
    env: [],
    labels,
    network: { mode: 'none' },
    mounts,
    securityOpt: [],
    capAdd: [],
    capDrop: ['ALL'],
    privileged: false,
  });
  track.created(id);
  try {
    return await runtime.pathExists(id, path);
  } finally {
    await runtime.removeContainer(id);
    track.removed(id);
  }
}
