// A file named in a step's output, back to the host (docs/spec.md#problem-matchers): in a container through
// the step's hostPath mounts (a relative path from its workingDir), on the host from the process's directory.
// A path on a volume, in the image, or relative with no known working directory maps nowhere.
import path from 'node:path';
import type { VolumeMount } from '../spec/model.js';

/** Where the step ran, as far as its paths are concerned. */
export type OutputPlace =
  { kind: 'container'; volumes: readonly VolumeMount[]; workingDir?: string } | { kind: 'host'; cwd: string };

/** The host path a file named in the output stands for; undefined when it is on no host directory. */
export function hostPathOf(name: string, place: OutputPlace): string | undefined {
  if (name === '' || name.includes('\0')) return undefined;
  if (place.kind === 'host') return path.resolve(place.cwd, name);
  let p = name;
  if (!path.posix.isAbsolute(p)) {
    if (place.workingDir === undefined) return undefined;
    p = path.posix.join(place.workingDir, p);
  }
  p = path.posix.normalize(p);
  // The innermost mount holds the path: a volume mounted inside a host directory hides that part of it.
  let best: { mount: VolumeMount; at: string } | undefined;
  for (const mount of place.volumes) {
    const at = path.posix.normalize(mount.mountPath).replace(/(.)\/+$/, '$1');
    const inside = p === at || p.startsWith(at === '/' ? '/' : `${at}/`);
    if (inside && (best === undefined || at.length > best.at.length)) best = { mount, at };
  }
  const source = best?.mount.source;
  if (best === undefined || source?.kind !== 'hostPath') return undefined;
  const rel = path.posix.relative(best.at, p);
  return rel === '' ? source.path : path.join(source.path, ...rel.split('/'));
}

/** The path relative to the workspace, `/`-separated, when it lies inside it (by its name alone). */
export function workspaceRelative(file: string, workspace: string): string | undefined {
  const rel = path.relative(workspace, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}
