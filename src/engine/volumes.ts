// An instance's Docker volumes for one run: persistent ones (claimTemplate) found or created with an
// identity label that markers are keyed by, emptyDir ones created for this run only, and the files of a
// Kubernetes configMap, secret or downwardAPI volume written into a run-scoped volume (docs/kubernetes.md#volumes).
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import type { ContainerRuntime, MountSpec } from '../runtime/types.js';
import {
  instanceContainers,
  type ProjectedFile,
  type ResolvedInstance,
  type ResolvedService,
  type VolumeMount,
} from '../spec/model.js';
import { LABEL, persistentVolumeName, volumeName } from './labels.js';
import type { RunContext } from './run-context.js';

const FILES_ROOT = '/files';

/**
 * A tar of the files, root-owned, with their modes, and the directories above them unless `parents` is
 * false: then Docker creates a missing parent 0755 and leaves an existing one as it is (the container's
 * own `/etc` keeps its mode).
 */
function filesTar(files: ProjectedFile[], parents = true): Readable {
  const tar = pack();
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; parents && i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      tar.entry({ name: dir, type: 'directory', mode: 0o755, uid: 0, gid: 0 });
    }
    tar.entry({ name: f.path, mode: f.mode, uid: 0, gid: 0 }, Buffer.from(f.contentBase64, 'base64'));
  }
  tar.finalize();
  return Readable.from(tar);
}

/** Writes the files into the volume through a created (never started) helper container, then removes it. */
async function writeFiles(ctx: RunContext, volume: string, files: ProjectedFile[]): Promise<void> {
  const helper = await ctx.runtime.createContainer({
    image: ctx.sandboxImage,
    env: [],
    labels: { [LABEL.project]: ctx.project.name, [LABEL.role]: 'volume', [LABEL.run]: ctx.runId },
    network: { mode: 'none' },
    mounts: [{ type: 'volume', source: volume, target: FILES_ROOT, readOnly: false }],
    securityOpt: [],
    capAdd: [],
    capDrop: ['ALL'],
    privileged: false,
  });
  ctx.tracked.add('container', helper);
  try {
    await ctx.runtime.putArchive(helper, FILES_ROOT, filesTar(files));
  } finally {
    await ctx.runtime.removeContainer(helper);
    ctx.tracked.forget('container', helper);
  }
}

/**
 * The files of configMap, secret and downwardAPI volumes mounted with a `subPath`, copied into the created
 * (not yet started) container at their mountPath: Docker Engine before 25 cannot mount part of a volume
 * (docs/kubernetes.md#volumes). One tar at `/`, so a mountPath's missing parents are created.
 */
export async function copySubPaths(
  runtime: ContainerRuntime,
  id: string,
  mounts: VolumeMount[],
): Promise<void> {
  const files = mounts.flatMap((m) => {
    const { subPath, source } = m;
    if (subPath === undefined || source.kind !== 'files') return [];
    const target = m.mountPath.replace(/^\/+/, '').replace(/\/+$/, '');
    return source.files.flatMap((f): ProjectedFile[] => {
      if (f.path === subPath) return [{ ...f, path: target }];
      if (!f.path.startsWith(`${subPath}/`)) return [];
      return [{ ...f, path: `${target}/${f.path.slice(subPath.length + 1)}` }];
    });
  });
  if (files.length > 0) await runtime.putArchive(id, '/', filesTar(files, false));
}

export interface PreparedVolume {
  mount: VolumeMount;
  dockerName: string;
  /** Identity label of a persistent volume (absent on a volume created outside initsteps). */
  uid?: string;
  /** This run created it. */
  createdNow: boolean;
}

/** Every mount of the instance's containers and steps, by spec volume name (a subPath copy is none). */
function instanceMounts(inst: ResolvedInstance): VolumeMount[] {
  const mounts = new Map<string, VolumeMount>();
  for (const m of instanceContainers(inst).flatMap((c) => c.volumes)) {
    if (!mounts.has(m.name) && m.subPath === undefined) mounts.set(m.name, m);
  }
  return [...mounts.values()];
}

/**
 * The instance's persistent volumes, found or created once per run: the cache restores into all of a
 * project's volumes before its instances open (docs/cache.md), and the instance then uses the same ones.
 */
export function persistentVolumes(
  ctx: RunContext,
  s: ResolvedService,
  inst: ResolvedInstance,
): Promise<Map<string, PreparedVolume>> {
  let pending = ctx.persistentVolumes.get(inst.name);
  if (!pending) {
    pending = preparePersistent(ctx, s, inst);
    pending.catch(() => undefined); // awaited by the cache's restore and by the instance
    ctx.persistentVolumes.set(inst.name, pending);
  }
  return pending;
}

async function preparePersistent(
  ctx: RunContext,
  s: ResolvedService,
  inst: ResolvedInstance,
): Promise<Map<string, PreparedVolume>> {
  const prepared = new Map<string, PreparedVolume>();
  for (const mount of instanceMounts(inst).filter((m) => m.source.kind === 'claim')) {
    const base = persistentVolumeName(ctx.project.name, inst.name, mount);
    let info = await ctx.runtime.inspectVolume(base);
    let createdNow = false;
    if (!info) {
      const fresh = randomUUID();
      const labels = { ...ctx.labels(s, inst, 'volume'), [LABEL.volume]: mount.name };
      info = await ctx.runtime.createVolume(base, { ...labels, [LABEL.uid]: fresh });
      createdNow = info.labels[LABEL.uid] === fresh;
      if (createdNow) ctx.tracked.newVolumes.push({ name: base, uid: fresh });
    }
    const uid = info.labels[LABEL.uid];
    if (uid === undefined) {
      ctx.warn(`volume ${base} was not created by initsteps (no ${LABEL.uid} label): its steps always run`);
    }
    prepared.set(mount.name, { mount, dockerName: base, createdNow, ...(uid !== undefined && { uid }) });
  }
  return prepared;
}

/** Every volume the instance's main container and steps mount, by spec volume name. */
export async function prepareVolumes(
  ctx: RunContext,
  s: ResolvedService,
  inst: ResolvedInstance,
): Promise<Map<string, PreparedVolume>> {
  const prepared = new Map(await persistentVolumes(ctx, s, inst));
  for (const mount of instanceMounts(inst)) {
    if (mount.source.kind !== 'emptyDir' && mount.source.kind !== 'files') continue;
    const name = `${volumeName(ctx.project.name, inst.name, mount.name)}_${ctx.runId}`;
    const labels = {
      ...ctx.labels(s, inst, 'volume'),
      [LABEL.volume]: mount.name,
      [LABEL.ephemeral]: 'true',
    };
    await ctx.runtime.createVolume(name, labels);
    ctx.tracked.add('volume', name);
    if (mount.source.kind === 'files') await writeFiles(ctx, name, mount.source.files);
    prepared.set(mount.name, { mount, dockerName: name, createdNow: true });
  }
  return prepared;
}

export const dockerNames = (volumes: Map<string, PreparedVolume>): Map<string, string> =>
  new Map([...volumes].map(([name, v]) => [name, v.dockerName]));

/** Volumes that carried initsteps' labels when they were prepared (a volume made outside initsteps does not). */
export const labelledVolumes = (volumes: Map<string, PreparedVolume>): string[] =>
  [...volumes.values()]
    .filter((v) => v.uid !== undefined || v.mount.source.kind === 'emptyDir')
    .map((v) => v.dockerName);

/** A volume was removed between its preparation and a container's creation (see checkMountedVolumes). */
export class VolumeGoneError extends Error {
  override readonly name = 'VolumeGoneError';
}

/**
 * Docker creates a named volume that does not exist, without labels, when a container mounting it is
 * created (a `docker volume prune` between two steps, another tool). Right after creating container
 * `id` with `mounts`, those of the `labelled` volumes that lack the project label are such stand-ins: the
 * volume prepared is gone. The container and the stand-ins are removed, and the error names them, so no
 * unlabelled volume is ever left behind and nothing runs on an empty volume believed initialized.
 */
export async function checkMountedVolumes(
  runtime: ContainerRuntime,
  id: string,
  mounts: MountSpec[],
  labelled: string[],
): Promise<void> {
  const mounted = new Set(mounts.flatMap((m) => (m.type === 'volume' ? [m.source] : [])));
  const gone: string[] = [];
  for (const name of labelled.filter((n) => mounted.has(n))) {
    const info = await runtime.inspectVolume(name);
    if (info?.labels[LABEL.project] === undefined) gone.push(name);
  }
  if (gone.length === 0) return;
  await runtime.removeContainer(id);
  for (const name of gone) await runtime.removeVolume(name).catch(() => undefined);
  throw new VolumeGoneError(
    `volume(s) ${gone.join(', ')} removed while the run was using them (by a tool outside initsteps?)`,
  );
}
