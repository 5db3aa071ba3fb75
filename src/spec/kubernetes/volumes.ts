// A pod's volumes and a container's mounts of them (docs/kubernetes.md#volumes): emptyDir, claims,
// hostPath, and the files projected from ConfigMaps, Secrets and the downward API.
import path from 'node:path';
import { existsSync, realpathSync } from 'node:fs';
import type { ProjectedFile, VolumeMount, VolumeSource } from '../model.js';
import { fieldValue } from './env.js';
import type { LMap, LNode } from './located.js';
import { lookup } from './objects.js';
import type { Reader } from './reader.js';
import {
  ALLOW_HINT,
  K8S,
  NOT_YET,
  key,
  type Context,
  type PodContext,
  type PodVolumes,
  type Workload,
} from './shared.js';

export function podVolumes(t: Context, w: Workload, podName: string): PodVolumes {
  const { r } = t;
  const out: PodVolumes = new Map();
  for (const tpl of w.claimTemplates) {
    out.set(tpl.name, {
      source: { kind: 'claim', ...(tpl.capacityBytes !== undefined && { capacityBytes: tpl.capacityBytes }) },
      readOnly: false,
    });
  }
  const pod: PodContext = { w, podName, ordinal: 0, volumes: out };
  for (const v of r.maps(w.pod, 'volumes')) {
    const name = r.str(v, 'name');
    if (name === undefined) {
      r.problem(v, 'missing required field `name`');
      continue;
    }
    const source = volumeSource(t, v, pod);
    r.ignoreRest(v, 'volume');
    if (source) out.set(name, source);
  }
  return out;
}

export function mounts(r: Reader, c: LMap, volumes: PodVolumes): VolumeMount[] {
  return r.maps(c, 'volumeMounts').flatMap((m) => {
    const name = r.str(m, 'name');
    const mountPath = r.str(m, 'mountPath');
    const readOnly = r.bool(m, 'readOnly') ?? false;
    const sub = r.str(m, 'subPath');
    r.refuse(m, 'subPathExpr', `subPathExpr is ${NOT_YET}`);
    r.ignoreRest(m, 'volumeMount');
    if (name === undefined || mountPath === undefined) {
      r.problem(m, 'a volumeMount needs `name` and `mountPath`');
      return [];
    }
    const volume = volumes.get(name);
    if (!volume) {
      r.problem(
        m.entries.get('name')?.value ?? m,
        `no volume "${name}" in the pod${volumes.size > 0 ? ` (volumes: ${[...volumes.keys()].join(', ')})` : ''}`,
      );
      return [];
    }
    const mount = { name, mountPath, readOnly: readOnly || volume.readOnly, source: volume.source };
    if (sub === undefined || sub === '') return [mount];
    const part = subPath(r, mount, sub, m.entries.get('subPath')?.value ?? m);
    return part ? [part] : [];
  });
}

function volumeSource(
  t: Context,
  v: LMap,
  pod: PodContext,
): { source: VolumeSource; readOnly: boolean } | undefined {
  const { r, options } = t;
  const emptyDir = v.entries.has('emptyDir');
  r.entry(v, 'emptyDir');
  if (emptyDir) return { source: { kind: 'emptyDir' }, readOnly: false };
  const cm = r.map(v, 'configMap');
  const sec = r.map(v, 'secret');
  if (cm || sec) {
    const ref = (cm ?? sec) as LMap;
    const data = lookup(
      r,
      t.objects,
      ref,
      sec !== undefined,
      pod.w.meta.namespace,
      sec ? 'secretName' : 'name',
    );
    const projected = files(r, ref, data ?? new Map(), sec !== undefined);
    r.ignoreRest(ref, sec ? 'secret volume' : 'configMap volume');
    return { source: { kind: 'files', files: projected, secret: sec !== undefined }, readOnly: true };
  }
  const claim = r.map(v, 'persistentVolumeClaim');
  if (claim) {
    const claimName = r.str(claim, 'claimName');
    const readOnly = r.bool(claim, 'readOnly') ?? false;
    r.ignoreRest(claim, 'persistentVolumeClaim');
    if (claimName === undefined) {
      r.problem(claim, 'missing required field `claimName`');
      return undefined;
    }
    const pvc = t.objects.claims.get(key(pod.w.meta.namespace, claimName));
    if (!pvc) {
      r.problem(
        claim.entries.get('claimName')?.value ?? claim,
        `no PersistentVolumeClaim "${claimName}" among the input files`,
      );
      return undefined;
    }
    return { source: { kind: 'claim', claimName, ...pvc.data }, readOnly };
  }
  const host = r.map(v, 'hostPath');
  if (host) {
    const p = r.str(host, 'path');
    r.ignoreRest(host, 'hostPath');
    if (p === undefined) {
      r.problem(host, 'missing required field `path`');
      return undefined;
    }
    const abs = path.resolve(path.dirname(pod.w.obj.absFile), p);
    const node = host.entries.get('path')?.value ?? host;
    if (!existsSync(abs)) r.problem(node, `hostPath ${p} does not exist (${abs})`);
    else if (!options.allowPrivileged) {
      const rel = path.relative(options.workspace, abs);
      if (rel.startsWith('..') || path.isAbsolute(rel)) {
        r.problem(node, `hostPath ${p} is outside the workspace ${options.workspace}; ${ALLOW_HINT}`);
      }
    }
    return { source: { kind: 'hostPath', path: abs }, readOnly: false };
  }
  const downward = r.map(v, 'downwardAPI');
  if (downward) {
    const mode = r.int(downward, 'defaultMode') ?? K8S.fileMode;
    const projected = r.maps(downward, 'items').flatMap((item): ProjectedFile[] => {
      const p = r.str(item, 'path');
      const field = r.map(item, 'fieldRef');
      const fieldPath = field && r.str(field, 'fieldPath');
      if (field) r.ignoreRest(field, 'fieldRef');
      const itemMode = r.int(item, 'mode');
      r.ignoreRest(item, 'downwardAPI item');
      const value = fieldPath === undefined ? undefined : downwardFile(fieldPath, pod);
      if (p === undefined || value === undefined) {
        r.problem(
          item,
          `a downwardAPI item needs a \`path\` and a \`fieldRef\` of metadata.name, metadata.namespace, metadata.labels or metadata.annotations (${NOT_YET} otherwise)`,
        );
        return [];
      }
      return [{ path: p, contentBase64: Buffer.from(value).toString('base64'), mode: itemMode ?? mode }];
    });
    r.ignoreRest(downward, 'downwardAPI volume');
    return { source: { kind: 'files', files: projected, secret: false }, readOnly: true };
  }
  const kinds = [...v.entries.keys()].filter((k) => k !== 'name');
  r.problem(
    v,
    `volume type ${kinds.join(', ') || '(none)'} is ${NOT_YET}: emptyDir, configMap, secret, persistentVolumeClaim, hostPath and downwardAPI are`,
  );
  for (const k of kinds) r.entry(v, k);
  return undefined;
}

/** A downwardAPI file: a field, or all labels/annotations as `key="value"` lines (Kubernetes' format). */
function downwardFile(fieldPath: string, pod: PodContext): string | undefined {
  if (fieldPath === 'metadata.labels' || fieldPath === 'metadata.annotations') {
    const source =
      fieldPath === 'metadata.labels'
        ? [...pod.w.podMeta.labels]
        : [...pod.w.podMeta.annotations].map(([k, v]) => [k, v.value] as const);
    return source.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('\n');
  }
  return fieldValue(fieldPath, pod);
}

/** The files of a configMap or secret volume: every key, or the `items` named. */
function files(r: Reader, ref: LMap, data: Map<string, string>, secret: boolean): ProjectedFile[] {
  const mode = r.int(ref, 'defaultMode') ?? K8S.fileMode;
  const encode = (v: string) => (secret ? v : Buffer.from(v).toString('base64'));
  const items = r.maps(ref, 'items');
  if (items.length === 0) {
    return [...data].map(([k, v]) => ({ path: k, contentBase64: encode(v), mode }));
  }
  return items.flatMap((item) => {
    const k = r.str(item, 'key');
    const p = r.str(item, 'path');
    const itemMode = r.int(item, 'mode');
    r.ignoreRest(item, 'volume item');
    const v = k === undefined ? undefined : data.get(k);
    if (k === undefined || p === undefined) {
      r.problem(item, 'an item needs `key` and `path`');
      return [];
    }
    if (p.startsWith('/') || p.split('/').includes('..')) {
      r.problem(
        item.entries.get('path')?.value ?? item,
        `path ${p} must be relative and must not contain '..'`,
      );
      return [];
    }
    if (v === undefined) {
      if (data.size > 0 || !(r.bool(ref, 'optional') ?? false))
        r.problem(item.entries.get('key')?.value ?? item, `no key "${k}"`);
      return [];
    }
    return [{ path: p, contentBase64: encode(v), mode: itemMode ?? mode }];
  });
}

/**
 * A mount of part of a volume (docs/kubernetes.md#volumes): a hostPath's subdirectory or file is bound
 * itself; the files of a configMap, secret or downwardAPI volume under `subPath` are copied into the
 * container; Docker Engine before 25 cannot mount part of a named volume, so other volumes refuse it.
 */
function subPath(r: Reader, mount: VolumeMount, sub: string, node: LNode): VolumeMount | undefined {
  if (sub.startsWith('/') || sub.split('/').includes('..')) {
    r.problem(node, `subPath ${sub} must be a relative path without '..'`);
    return undefined;
  }
  const clean = path.posix.normalize(sub).replace(/\/$/, '');
  const { source } = mount;
  switch (source.kind) {
    case 'hostPath': {
      const joined = path.join(source.path, clean);
      if (!existsSync(joined)) {
        r.problem(node, `subPath ${sub} does not exist in hostPath ${source.path}`);
        return undefined;
      }
      // A symlink in the host directory must not lead the bind mount out of it.
      const inside = path.relative(realpathSync(source.path), realpathSync(joined));
      if (inside.startsWith('..') || path.isAbsolute(inside)) {
        r.problem(node, `subPath ${sub} resolves outside hostPath ${source.path}`);
        return undefined;
      }
      return { ...mount, source: { kind: 'hostPath', path: joined } };
    }
    case 'files': {
      const found = source.files.some((f) => f.path === clean || f.path.startsWith(`${clean}/`));
      if (!found) {
        r.problem(
          node,
          `subPath ${sub}: no file or directory of that name in volume "${mount.name}" (${source.files.map((f) => f.path).join(', ') || 'no files'})`,
        );
        return undefined;
      }
      return { ...mount, subPath: clean };
    }
    default:
      r.problem(
        node,
        `subPath on ${source.kind === 'emptyDir' ? 'an emptyDir' : 'a persistentVolumeClaim'} volume: Docker Engine before 25 (API 1.45) cannot mount part of a volume; mount the whole volume`,
      );
      return undefined;
  }
}
