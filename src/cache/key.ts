// The cache key of a project run, `initsteps-<format>-<project>-<base>-<full>` (docs/cache.md, "The
// key"): two sha256 over canonical documents of the selected services. `full` covers everything that
// decides what the persistent volumes hold once `up` is done; `base` leaves out the work that runs on every
// `up` anyway (steps that always run, main containers of instances that keep no state), so an entry with
// the same base is a state that work can bring forward.
import { createHash, scrypt } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { instanceImages } from '../engine/images.js';
import { runsOnEveryUp } from '../plan/plan.js';
import {
  instanceContainers,
  isPersistent,
  type ContainerSpec,
  type EnvVar,
  type ProjectedFile,
  type ResolvedInstance,
  type ResolvedProject,
  type ResolvedService,
  type ResolvedStep,
  type VolumeMount,
} from '../spec/model.js';

/** Bumped whenever the archive layout or the key's inputs change meaning: old entries then never match. */
export const CACHE_FORMAT_VERSION = 2;

/**
 * The longest project name a key can carry: the Actions cache takes keys of up to 512 characters, and
 * `initsteps-2-` plus two `-<sha256>` take 142 of them.
 */
export const MAX_KEY_PROJECT_CHARS = 360;

/** An image the key needs is not in the engine, so there is no key. */
export class ImageNotPresentError extends Error {
  override readonly name = 'ImageNotPresentError';
  constructor(readonly image: string) {
    super(`image ${image} is not present`);
  }
}

/** The project cannot have a key (its name is too long for one). */
export class NoCacheKeyError extends Error {
  override readonly name = 'NoCacheKeyError';
}

/** The image's content-addressed ID (`sha256:...`), undefined when the engine does not have it. */
export type ImageIdLookup = (ref: string) => Promise<string | undefined>;

export interface KeyInput {
  project: ResolvedProject;
  /** The selected services, in the project's order. */
  services: ResolvedService[];
}

export interface ProjectKey {
  /** `initsteps-<format>-<project>-<base>-<full>`: the exact entry of this run. */
  key: string;
  /** `initsteps-<format>-<project>-<base>-`: every entry a base restore may use starts with it. */
  basePrefix: string;
  /** The canonical documents the two hashes are taken over (secret values only as scrypt digests). */
  inputs: { base: unknown; full: unknown };
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const basePrefixText = (project: string, base: string): string =>
  `initsteps-${CACHE_FORMAT_VERSION}-${project}-${base}-`;

/**
 * Whether `key` is an entry of the base `basePrefix` names: the prefix and one full hash, nothing else (the
 * Actions cache matches restore keys as plain prefixes, and a project named `app-<hash>` must not count).
 */
export const isEntryOfBase = (key: string, basePrefix: string): boolean =>
  key.startsWith(basePrefix) && /^[0-9a-f]{64}$/.test(key.slice(basePrefix.length));

/**
 * Secret values enter the key through scrypt: the key never carries a value, and guessing a weak secret
 * back from a published key costs a slow hash per guess. Salted per service and name so equal values in
 * two places do not give equal digests.
 */
function secretDigest(service: string, name: string, value: string): Promise<string> {
  return new Promise((resolve, reject) => {
    scrypt(value, `initsteps-cache-secret/${service}/${name}`, 32, { N: 16384, r: 8, p: 1 }, (err, key) =>
      err ? reject(err) : resolve(key.toString('hex')),
    );
  });
}

/** Workspace-relative, `/`-separated: the same checkout in another directory gives the same key. */
function portablePath(workspace: string, path: string): string {
  const rel = relative(workspace, path);
  return rel.startsWith('..') ? path : rel.split(sep).join('/') || '.';
}

/**
 * Hash a hostPath's tree: every entry's relative path, kind, executable bit and content (symlinks by
 * their target, not followed), in sorted order. Other mode bits follow the checkout's umask, so they
 * would make two checkouts of the same commit miss each other's entries.
 */
export async function hashHostPath(root: string): Promise<string> {
  const hash = createHash('sha256');
  const visit = async (abs: string, rel: string): Promise<void> => {
    let st;
    try {
      st = await lstat(abs);
    } catch (e: unknown) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      hash.update(`${rel}\0missing\n`);
      return;
    }
    if (st.isSymbolicLink()) {
      hash.update(`${rel}\0symlink\0${await readlink(abs)}\n`);
    } else if (st.isDirectory()) {
      hash.update(`${rel}\0dir\n`);
      const names = (await readdir(abs)).sort();
      for (const name of names) await visit(join(abs, name), rel === '' ? name : `${rel}/${name}`);
    } else if (st.isFile()) {
      const content = createHash('sha256');
      for await (const chunk of createReadStream(abs)) content.update(chunk as Buffer);
      const exec = (st.mode & 0o111) !== 0 ? 'x' : '-';
      hash.update(`${rel}\0file\0${exec}\0${st.size}\0${content.digest('hex')}\n`);
    } else {
      hash.update(`${rel}\0special\n`);
    }
  };
  await visit(root, '');
  return hash.digest('hex');
}

/** JSON with object keys sorted at every level, so the hash does not depend on construction order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
    );
  });
}

/**
 * Whether the instance's main container is work that runs on every `up`: an instance without a
 * persistent volume keeps no state of its own, and its main container starts again on every `up`, so
 * whatever it writes elsewhere (a service that migrates its database when it starts) is redone on top
 * of a restored state, as a step with `runIf: always` is.
 */
export const mainRunsOnEveryUp = (inst: ResolvedInstance): boolean =>
  !instanceContainers(inst).some((c) => c.volumes.some(isPersistent));

/**
 * The parts of an instance the base key covers: its main container unless it runs every time (a job's own
 * container always does), with a Kubernetes pod's other containers and sidecars alike, and its other steps.
 */
function baseParts(
  s: ResolvedService,
  inst: ResolvedInstance,
): { main?: ContainerSpec; running: ContainerSpec[]; steps: ResolvedStep[] } {
  const keepsState = !s.job && !mainRunsOnEveryUp(inst);
  return {
    ...(keepsState && { main: inst.main }),
    // Source positions move when unrelated lines change: not part of a key.
    running: keepsState
      ? [...(inst.containers ?? []), ...(inst.sidecars ?? []).map(({ pos: _pos, ...c }) => c)]
      : [],
    steps: inst.steps.filter((s) => !runsOnEveryUp(s)),
  };
}

export async function computeProjectKey(input: KeyInput, imageId: ImageIdLookup): Promise<ProjectKey> {
  const { project, services } = input;
  if (project.name.length > MAX_KEY_PROJECT_CHARS) {
    throw new NoCacheKeyError(
      `the project name is longer than ${MAX_KEY_PROJECT_CHARS} characters, too long for a cache key`,
    );
  }
  const workspace = project.workspace;

  // A secret reaches the template, the main container and every step: derive each digest once.
  const digests = new Map<string, Promise<string>>();
  const env = (service: string, vars: EnvVar[]) =>
    Promise.all(
      vars.map(async (v) => {
        if (!v.secret) return { name: v.name, value: v.value };
        const id = `${service}\0${v.name}\0${v.value}`;
        const known = digests.get(id) ?? secretDigest(service, v.name, v.value);
        digests.set(id, known);
        return { name: v.name, secretScrypt: await known };
      }),
    );
  // A Kubernetes Secret's files are secret values too (docs/kubernetes.md#volumes): digested like env.
  const secretFile = (service: string, volume: string, file: ProjectedFile) => {
    const id = `${service}\0${volume}/${file.path}\0${file.contentBase64}`;
    const known = digests.get(id) ?? secretDigest(service, `${volume}/${file.path}`, file.contentBase64);
    digests.set(id, known);
    return known;
  };
  const mount = async (service: string, m: VolumeMount) => {
    const { source } = m;
    if (source.kind === 'hostPath') {
      return { ...m, source: { kind: 'hostPath', path: portablePath(workspace, source.path) } };
    }
    if (source.kind === 'files' && source.secret) {
      const files = await Promise.all(
        source.files.map(async ({ contentBase64, ...f }) => ({
          ...f,
          secretScrypt: await secretFile(service, m.name, { contentBase64, ...f }),
        })),
      );
      return { ...m, source: { ...source, files } };
    }
    return m;
  };
  // Problem matchers only read a failed step's output: they change nothing in a volume.
  const container = async (service: string, { problemMatchers: _matchers, ...c }: ContainerSpec) => ({
    ...c,
    env: await env(service, c.env),
    volumes: await Promise.all(c.volumes.map((m) => mount(service, m))),
  });
  // Source positions are left out (they move when unrelated lines change), and so is the index: the
  // order of the list says it, and the base key leaves steps out of it.
  // A step's pull policy says how its image is had, not what it is: the image IDs are in the key.
  const step = async (
    service: string,
    { pos: _pos, index: _index, pullPolicy: _pullPolicy, problemMatchers: _matchers, ...s }: ResolvedStep,
  ) => ({
    ...s,
    ...(await container(service, s)),
  });
  const serviceFields = (s: ResolvedService) => ({
    name: s.name,
    runtime: s.runtime,
    pullPolicy: s.pullPolicy,
    replicas: s.replicas,
    ports: s.ports,
    dependsOn: s.dependsOn,
    readinessProbe: s.readinessProbe,
    startupProbe: s.startupProbe,
    livenessProbe: s.livenessProbe,
    restartPolicy: s.restartPolicy,
    // A job's own container runs on every up: never the same entry as a service's.
    ...(s.job && { kind: 'Job' }),
  });

  const hostPathDigests = new Map<string, Promise<string>>();
  const hostPaths = async (mounts: VolumeMount[]) => {
    const paths = [...new Set(mounts.flatMap((m) => (m.source.kind === 'hostPath' ? [m.source.path] : [])))];
    const digested = await Promise.all(
      paths.map(async (path) => {
        const known = hostPathDigests.get(path) ?? hashHostPath(path);
        hostPathDigests.set(path, known);
        return { path: portablePath(workspace, path), sha256: await known };
      }),
    );
    return digested.sort((a, b) => (a.path < b.path ? -1 : 1));
  };
  const images = async (refs: (string | undefined)[]) => {
    const ids: Record<string, string> = {};
    for (const ref of [...new Set(refs)].sort()) {
      if (ref === undefined || ref === '') continue;
      const id = await imageId(ref);
      if (id === undefined) throw new ImageNotPresentError(ref);
      ids[ref] = id;
    }
    return ids;
  };

  const instances = services.flatMap((s) => s.instances);
  const full = {
    format: CACHE_FORMAT_VERSION,
    services: await Promise.all(
      services.map(async (s) => ({
        ...serviceFields(s),
        template: await container(s.name, s.template),
        instances: await Promise.all(
          s.instances.map(async (inst) => ({
            name: inst.name,
            ordinal: inst.ordinal,
            main: await container(s.name, inst.main),
            steps: await Promise.all(inst.steps.map((st) => step(s.name, st))),
            // A Kubernetes pod's other containers and sidecars may write to its volumes too.
            ...(inst.containers && {
              containers: await Promise.all(inst.containers.map((c) => container(s.name, c))),
            }),
            ...(inst.sidecars && {
              sidecars: await Promise.all(inst.sidecars.map(({ pos: _pos, ...c }) => container(s.name, c))),
            }),
          })),
        ),
      })),
    ),
    images: await images(services.flatMap((s) => s.instances.flatMap((i) => instanceImages(s, i)))),
    hostPaths: await hostPaths([
      ...services.flatMap((s) => s.template.volumes),
      ...instances.flatMap((i) => instanceContainers(i).flatMap((c) => c.volumes)),
    ]),
  };

  const parts = services.flatMap((s) => s.instances.map((inst) => baseParts(s, inst)));
  const base = {
    format: CACHE_FORMAT_VERSION,
    services: await Promise.all(
      services.map(async (s) => ({
        ...serviceFields(s),
        instances: await Promise.all(
          s.instances.map(async (inst) => {
            const { main, running, steps } = baseParts(s, inst);
            return {
              name: inst.name,
              ordinal: inst.ordinal,
              ...(main && { main: await container(s.name, main) }),
              // A pod's other containers and sidecars: only present when it has some, so other keys stay.
              ...(running.length > 0 && {
                running: await Promise.all(running.map((c) => container(s.name, c))),
              }),
              steps: await Promise.all(steps.map((st) => step(s.name, st))),
            };
          }),
        ),
      })),
    ),
    images: await images(
      parts.flatMap((p) => [p.main?.image, ...[...p.running, ...p.steps].map((c) => c.image)]),
    ),
    hostPaths: await hostPaths(
      parts.flatMap((p) => [p.main, ...p.running, ...p.steps].flatMap((c) => c?.volumes ?? [])),
    ),
  };

  const baseHash = sha256(canonicalJson(base));
  return {
    key: `${basePrefixText(project.name, baseHash)}${sha256(canonicalJson(full))}`,
    basePrefix: basePrefixText(project.name, baseHash),
    inputs: { base, full },
  };
}
