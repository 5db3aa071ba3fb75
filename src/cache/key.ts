// The cache key: `initsteps-<format>-<project>-<instance>-<sha256>` over everything that decides what an
// instance's init sequence leaves in its volumes (docs/cache.md lists it). Exact keys only: a restore
// of a volume initialized from other inputs would be wrong state, not a head start.
import { createHash, scrypt } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { instanceImages } from '../engine/images.js';
import type { CacheContext } from '../engine/types.js';
import type { ContainerSpec, EnvVar, VolumeMount } from '../spec/model.js';

/** Bumped whenever the archive layout or the key's inputs change meaning: old entries then never match. */
export const CACHE_FORMAT_VERSION = 1;

/** An image the key needs is not in the engine yet (it is pulled later in the run), so there is no key. */
export class ImageNotPresentError extends Error {
  override readonly name = 'ImageNotPresentError';
  constructor(readonly image: string) {
    super(`image ${image} is not present`);
  }
}

/** The image's content-addressed ID (`sha256:...`), undefined when the engine does not have it. */
export type ImageIdLookup = (ref: string) => Promise<string | undefined>;

export interface CacheKey {
  key: string;
  /** The canonical document the hash is taken over (secret values only as scrypt digests). */
  inputs: unknown;
}

const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

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

interface HostPathDigest {
  path: string;
  sha256: string;
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

export async function computeCacheKey(ctx: CacheContext, imageId: ImageIdLookup): Promise<CacheKey> {
  const { project, service, instance } = ctx;
  const workspace = project.workspace;

  // A secret reaches the template, the main container and every step: derive each digest once.
  const digests = new Map<string, Promise<string>>();
  const digest = (v: EnvVar): Promise<string> => {
    const id = `${v.name}\0${v.value}`;
    const known = digests.get(id) ?? secretDigest(service.name, v.name, v.value);
    digests.set(id, known);
    return known;
  };
  const env = async (vars: EnvVar[]) =>
    Promise.all(
      vars.map(async (v) =>
        v.secret ? { name: v.name, secretScrypt: await digest(v) } : { name: v.name, value: v.value },
      ),
    );
  const mount = (m: VolumeMount) =>
    m.source.kind === 'hostPath'
      ? { ...m, source: { kind: 'hostPath', path: portablePath(workspace, m.source.path) } }
      : m;
  // Problem matchers only read a failed step's output: they change nothing in a volume.
  const container = async ({ problemMatchers: _matchers, ...c }: ContainerSpec) => ({
    ...c,
    env: await env(c.env),
    volumes: c.volumes.map(mount),
  });

  const images: Record<string, string> = {};
  for (const ref of instanceImages(ctx.service, ctx.instance)) {
    const id = await imageId(ref);
    if (id === undefined) throw new ImageNotPresentError(ref);
    images[ref] = id;
  }

  const hostPaths: HostPathDigest[] = [];
  const seen = new Set<string>();
  for (const m of [
    ...instance.main.volumes,
    ...instance.steps.flatMap((s) => s.volumes),
    ...service.template.volumes,
  ]) {
    if (m.source.kind !== 'hostPath' || seen.has(m.source.path)) continue;
    seen.add(m.source.path);
    hostPaths.push({
      path: portablePath(workspace, m.source.path),
      sha256: await hashHostPath(m.source.path),
    });
  }
  hostPaths.sort((a, b) => (a.path < b.path ? -1 : 1));

  // Source positions and the spec file's location are left out: they move when unrelated lines change.
  const inputs = {
    format: CACHE_FORMAT_VERSION,
    service: {
      name: service.name,
      runtime: service.runtime,
      pullPolicy: service.pullPolicy,
      replicas: service.replicas,
      ports: service.ports,
      dependsOn: service.dependsOn,
      readinessProbe: service.readinessProbe,
      template: await container(service.template),
      // A job's volumes hold what its own container did too (saved after it ran): never a service's entry.
      ...(service.job && { kind: 'Job' }),
    },
    instance: {
      name: instance.name,
      ordinal: instance.ordinal,
      main: await container(instance.main),
      steps: await Promise.all(
        // A step's pull policy says how its image is had, not what it is: the image IDs are in the key.
        instance.steps.map(
          async ({ pos: _pos, problemMatchers: _matchers, pullPolicy: _pullPolicy, ...step }) => ({
            ...step,
            ...(await container(step)),
          }),
        ),
      ),
    },
    images,
    hostPaths,
  };
  const hash = sha256(canonicalJson(inputs));
  return { key: `initsteps-${CACHE_FORMAT_VERSION}-${project.name}-${instance.name}-${hash}`, inputs };
}
