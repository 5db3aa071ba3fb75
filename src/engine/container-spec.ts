// A resolved ContainerSpec → what the runtime creates. Pure apart from `specForCreate`, which reads what
// the host holds right before a create: hostPath real paths and a Localhost seccomp profile.
import { readFile, stat } from 'node:fs/promises';
import { errorMessage } from '../errors.js';
import type { ContainerSpec, EnvVar, SecurityContext, VolumeMount } from '../spec/model.js';
import type { CreateContainerSpec, Labels, MountSpec, NetworkSpec } from '../runtime/types.js';
import { resolveHostPath, resolveHostPaths, type HostPathGate } from './mount-check.js';

/**
 * Kubernetes command/args over Docker ENTRYPOINT/CMD (contract §1): `command` replaces ENTRYPOINT verbatim
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

/** Docker SecurityOpt for a seccomp profile; a Localhost profile is passed as its JSON contents. */
export function securityOpt(sc: SecurityContext, localhostProfile?: string): string[] {
  switch (sc.seccompProfile?.type) {
    case 'Unconfined':
      return ['seccomp=unconfined'];
    case 'Localhost':
      if (localhostProfile === undefined) throw new Error('Localhost seccomp profile contents missing');
      return [`seccomp=${localhostProfile}`];
    default:
      return [];
  }
}

/** Seccomp profiles are a few KB; anything far bigger is not one. */
const MAX_PROFILE_BYTES = 1024 * 1024;

/**
 * A Localhost profile's contents, read now from its real path (held to the workspace like a hostPath).
 * A file that vanished, cannot be read or is not JSON is an error naming it, so the step or main
 * container that needs it fails with that message rather than the run.
 */
export async function readSeccompProfile(
  sc: SecurityContext,
  gate: HostPathGate,
): Promise<string | undefined> {
  const file = sc.seccompProfile?.type === 'Localhost' ? sc.seccompProfile.localhostProfile : undefined;
  if (file === undefined) return undefined;
  const real = await resolveHostPath(file, 'seccomp profile', gate);
  let text: string;
  try {
    // A FIFO or device would block or never end: only a regular file of a profile's size is read.
    const st = await stat(real);
    if (!st.isFile()) throw new Error(`${real} is not a regular file`);
    if (st.size > MAX_PROFILE_BYTES) throw new Error(`larger than ${MAX_PROFILE_BYTES / 1024 / 1024} MB`);
    text = await readFile(real, 'utf8');
  } catch (e: unknown) {
    throw new Error(`seccomp profile ${file} cannot be read: ${errorMessage(e)}`);
  }
  try {
    JSON.parse(text);
  } catch (e: unknown) {
    throw new Error(`seccomp profile ${file} is not valid JSON: ${errorMessage(e)}`);
  }
  return text;
}

/** Docker volume names for the instance's claim and emptyDir mounts, by spec volume name. */
export type VolumeNames = ReadonlyMap<string, string>;

export function mountsFor(volumes: VolumeMount[], names: VolumeNames): MountSpec[] {
  return volumes.map((v) => {
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
  localhostProfile?: string;
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
    securityOpt: securityOpt(sc, ctx.localhostProfile),
    capAdd: sc.capAdd,
    capDrop: sc.capDrop,
    privileged: sc.privileged,
    ...(spec.resources.nanoCpus !== undefined && { nanoCpus: spec.resources.nanoCpus }),
    ...(spec.resources.memoryBytes !== undefined && { memoryBytes: spec.resources.memoryBytes }),
  };
}

/**
 * `toCreateSpec` with what the host holds now: call it right before each create (every attempt), so an
 * earlier step's changes to the workspace are seen. Throws, naming the volume or file, when a hostPath
 * or the seccomp profile is refused or unreadable.
 */
export async function specForCreate(
  spec: ContainerSpec,
  ctx: Omit<CreateContext, 'localhostProfile'>,
  gate: HostPathGate,
): Promise<CreateContainerSpec> {
  const volumes = await resolveHostPaths(spec.volumes, gate);
  const localhostProfile = await readSeccompProfile(spec.securityContext, gate);
  return toCreateSpec(
    { ...spec, volumes },
    { ...ctx, ...(localhostProfile !== undefined && { localhostProfile }) },
  );
}
