// Host paths are resolved again right before each container create. Validation resolved them at load,
// but an earlier step can since have replaced a workspace directory with a symlink to `/`; Docker would
// follow it. So each create gets the real path resolved here, checked to be still inside the workspace
// unless the run allows privileged specs (docs/spec.md, "Volumes").
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../errors.js';
import type { ResolvedProject, VolumeMount } from '../spec/model.js';

/** A host path that no longer resolves, or resolves outside the workspace: the container is not created. */
export class HostPathRefusedError extends Error {
  override readonly name = 'HostPathRefusedError';
}

export type HostPathGate = Pick<ResolvedProject, 'workspace' | 'allowPrivileged'>;

const isWithin = (root: string, p: string): boolean => {
  const rel = path.relative(root, p);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
};

async function realPath(p: string, what: string): Promise<string> {
  try {
    return await realpath(p);
  } catch (e: unknown) {
    throw new HostPathRefusedError(`${what} ${p} cannot be resolved: ${errorMessage(e)}`);
  }
}

/**
 * `p` resolved to its real path now; outside the workspace's real path it is refused unless the gate is
 * open. `what` names it in the refusal ("hostPath volume \"seed\"").
 */
export async function resolveHostPath(p: string, what: string, gate: HostPathGate): Promise<string> {
  const real = await realPath(p, what);
  if (gate.allowPrivileged) return real;
  const workspace = await realPath(gate.workspace, 'workspace');
  if (!isWithin(workspace, real)) {
    throw new HostPathRefusedError(
      `${what} (${p}) resolves to ${real}, outside the workspace ${workspace}; ` +
        'allow it with --allow-privileged (action input `allow-privileged: true`)',
    );
  }
  return real;
}

/** The mounts with each hostPath source replaced by its real path, checked as above. */
export function resolveHostPaths(
  volumes: readonly VolumeMount[],
  gate: HostPathGate,
): Promise<VolumeMount[]> {
  return Promise.all(
    volumes.map(async (v) =>
      v.source.kind === 'hostPath'
        ? {
            ...v,
            source: {
              kind: 'hostPath' as const,
              path: await resolveHostPath(v.source.path, `hostPath volume "${v.name}"`, gate),
            },
          }
        : v,
    ),
  );
}
