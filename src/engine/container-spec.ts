// A resolved ContainerSpec → what the runtime creates. Pure apart from `specForCreate`, which resolves
// hostPath real paths right before a create.
import type { ContainerSpec, EnvVar, SecurityContext, VolumeMount } from '../spec/model.js';
import type { CreateContainerSpec, Labels, MountSpec, NetworkSpec } from '../runtime/types.js';
import { resolveHostPaths, type HostPathGate } from './mount-check.js';

/**
 * Kubernetes command/args over Docker ENTRYPOINT/CMD (docs/spec.md): `command` replaces ENTRYPOINT verbatim
 * and drops the image CMD; `args` alone keeps the image ENTRYPOINT and replaces CMD.
 */
export function entrypointAndCmd(spec: Pick<ContainerSpec, 'command' | 'args'>): {
  entrypoint?: string[];
  cmd?: string[];
} {
  if (spec.command !== undefined) return { entrypoint: spec.command, cmd: spec.args ?? [] };
  if (spec.args !== undefined) return { cmd: spec.args };
  return {};
}

export const envList = (env: EnvVar[]): string[] => env.map((e) => `${e.name}=${e.value}`);

/**
 * Docker SecurityOpt for a seccomp profile. A Localhost profile is passed as the JSON the spec loader read
 * and checked, never the file again: a step that rewrites the file cannot loosen a later step's profile
 * (docs/spec.md#privileges).
 */
export function securityOpt(sc: SecurityContext): string[] {
  const seccomp = sc.seccompProfile;
  switch (seccomp?.type) {
    case 'Unconfined':
      return ['seccomp=unconfined'];
    case 'Localhost':
      if (seccomp.profile === undefined) {
        throw new Error(`seccomp profile ${seccomp.localhostProfile} was not read when the spec was loaded`);
      }
      return [`seccomp=${seccomp.profile}`];
    default:
      return [];
  }
}

/** Docker volume names for the instance's claim and emptyDir mounts, by spec volume name. */
export type VolumeNames = ReadonlyMap<string, string>;

/** The mounts; a `subPath` of a files volume is no mount: its files are copied in (volumes.ts). */
export function mountsFor(volumes: VolumeMount[], names: VolumeNames): MountSpec[] {
  return volumes.flatMap((v): MountSpec | MountSpec[] => {
    if (v.subPath !== undefined) return [];
    if (v.source.kind === 'hostPath') {
      return { type: 'bind', source: v.source.path, target: v.mountPath, readOnly: v.readOnly };
    }
    const source = names.get(v.name);
    if (source === undefined) throw new Error(`no Docker volume prepared for ${v.name}`);
    return { type: 'volume', source, target: v.mountPath, readOnly: v.readOnly };
  });
}

export interface CreateContext {
  image: string;
  labels: Labels;
  network: NetworkSpec;
  volumes: VolumeNames;
  name?: string;
}

export function toCreateSpec(spec: ContainerSpec, ctx: CreateContext): CreateContainerSpec {
  const sc = spec.securityContext;
  return {
    ...(ctx.name !== undefined && { name: ctx.name }),
    image: ctx.image,
    ...entrypointAndCmd(spec),
    env: envList(spec.env),
    ...(spec.user !== undefined && { user: spec.user }),
    ...(spec.workingDir !== undefined && { workingDir: spec.workingDir }),
    labels: ctx.labels,
    network: ctx.network,
    mounts: mountsFor(spec.volumes, ctx.volumes),
    securityOpt: securityOpt(sc),
    capAdd: sc.capAdd,
    capDrop: sc.capDrop,
    privileged: sc.privileged,
    ...(spec.resources.nanoCpus !== undefined && { nanoCpus: spec.resources.nanoCpus }),
    ...(spec.resources.memoryBytes !== undefined && { memoryBytes: spec.resources.memoryBytes }),
  };
}

/**
 * `toCreateSpec` with the hostPaths as they resolve now: call it right before each create (every attempt),
 * so an earlier step's changes to the workspace are seen. Throws, naming the volume, when a hostPath is
 * refused.
 */
export async function specForCreate(
  spec: ContainerSpec,
  ctx: CreateContext,
  gate: HostPathGate,
): Promise<CreateContainerSpec> {
  return toCreateSpec({ ...spec, volumes: await resolveHostPaths(spec.volumes, gate) }, ctx);
}
