// An instance's Docker volumes for one run: persistent ones (claimTemplate) found or created with an
// identity label that markers are keyed by, emptyDir ones created for this run only.
import { randomUUID } from 'node:crypto';
import type { ResolvedInstance, ResolvedService, VolumeMount } from '../spec/model.js';
import { LABEL, volumeName } from './labels.js';
import type { RunContext } from './run-context.js';

export interface PreparedVolume {
  mount: VolumeMount;
  dockerName: string;
  /** Identity label of a persistent volume (absent on a volume created outside initsteps). */
  uid?: string;
  /** This run created it. */
  createdNow: boolean;
}

/** Every mount of the instance's main container and steps, by spec volume name. */
function instanceMounts(inst: ResolvedInstance): VolumeMount[] {
  const mounts = new Map<string, VolumeMount>();
  for (const m of [...inst.main.volumes, ...inst.steps.flatMap((st) => st.volumes)]) {
    if (!mounts.has(m.name)) mounts.set(m.name, m);
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
    const base = volumeName(ctx.project.name, inst.name, mount.name);
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
  for (const mount of instanceMounts(inst).filter((m) => m.source.kind === 'emptyDir')) {
    const name = `${volumeName(ctx.project.name, inst.name, mount.name)}_${ctx.runId}`;
    const labels = {
      ...ctx.labels(s, inst, 'volume'),
      [LABEL.volume]: mount.name,
      [LABEL.ephemeral]: 'true',
    };
    await ctx.runtime.createVolume(name, labels);
    ctx.tracked.add('volume', name);
    prepared.set(mount.name, { mount, dockerName: name, createdNow: true });
  }
  return prepared;
}

export const dockerNames = (volumes: Map<string, PreparedVolume>): Map<string, string> =>
  new Map([...volumes].map(([name, v]) => [name, v.dockerName]));
