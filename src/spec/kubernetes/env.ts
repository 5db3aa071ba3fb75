// A container's environment (docs/kubernetes.md#env): the Services' variables, then `envFrom`, then `env`
// with its `valueFrom` (ConfigMap and Secret keys, the pod's own fields).
import type { EnvVar } from '../model.js';
import type { LMap } from './located.js';
import { lookup } from './objects.js';
import { serviceEnv } from './services.js';
import { NOT_YET, literal, mergeEnv, type Context, type PodContext } from './shared.js';

/** Later over earlier as Kubernetes sets them: `env` over `envFrom`, both over the service variables. */
export function containerEnv(t: Context, c: LMap, pod: PodContext): EnvVar[] {
  return mergeEnv(serviceEnv(t.objects.services, pod.w.meta.namespace), [
    ...envFrom(t, c, pod),
    ...env(t, c, pod),
  ]);
}

/** A field of the pod (`metadata.name`, a label...); undefined for a field path not supported. */
export function fieldValue(fieldPath: string, pod: PodContext): string | undefined {
  if (fieldPath === 'metadata.name') return pod.podName;
  if (fieldPath === 'metadata.namespace') return pod.w.meta.namespace;
  const m = /^metadata\.(labels|annotations)\['([^']+)'\]$/.exec(fieldPath);
  if (!m) return undefined;
  const source = m[1] === 'labels' ? pod.w.podMeta.labels : pod.w.podMeta.annotations;
  const v = source.get(m[2] ?? '');
  return v === undefined ? '' : typeof v === 'string' ? v : v.value;
}

function envFrom(t: Context, c: LMap, pod: PodContext): EnvVar[] {
  const { r } = t;
  return r.maps(c, 'envFrom').flatMap((item) => {
    const prefix = r.str(item, 'prefix') ?? '';
    const cm = r.map(item, 'configMapRef');
    const sec = r.map(item, 'secretRef');
    r.ignoreRest(item, 'envFrom');
    const ref = cm ?? sec;
    if (!ref) {
      r.problem(item, 'expected `configMapRef` or `secretRef`');
      return [];
    }
    const found = lookup(r, t.objects, ref, sec !== undefined, pod.w.meta.namespace);
    return [...(found ?? new Map<string, string>())].map(([k, v]) => ({
      name: `${prefix}${k}`,
      value: sec ? Buffer.from(v, 'base64').toString('utf8') : literal(v),
      secret: sec !== undefined,
    }));
  });
}

function env(t: Context, c: LMap, pod: PodContext): EnvVar[] {
  const { r } = t;
  return r.maps(c, 'env').flatMap((item) => {
    const name = r.str(item, 'name');
    const value = r.text(item, 'value');
    const from = r.map(item, 'valueFrom');
    r.ignoreRest(item, 'env');
    if (name === undefined) {
      r.problem(item, 'missing required field `name`');
      return [];
    }
    if (!from) return [{ name, value: value ?? '', secret: false }];
    const resolved = valueFrom(t, from, pod);
    return resolved ? [{ name, ...resolved }] : [];
  });
}

function valueFrom(t: Context, from: LMap, pod: PodContext): Omit<EnvVar, 'name'> | undefined {
  const { r } = t;
  const cm = r.map(from, 'configMapKeyRef');
  const sec = r.map(from, 'secretKeyRef');
  const field = r.map(from, 'fieldRef');
  r.refuse(from, 'resourceFieldRef', `resourceFieldRef is ${NOT_YET}`);
  r.ignoreRest(from, 'valueFrom');
  const ref = cm ?? sec;
  if (ref) {
    const data = lookup(r, t.objects, ref, sec !== undefined, pod.w.meta.namespace);
    const k = r.str(ref, 'key');
    r.ignoreRest(ref, sec ? 'secretKeyRef' : 'configMapKeyRef');
    if (!data || k === undefined) return undefined;
    const v = data.get(k);
    if (v === undefined) {
      if (!(r.bool(ref, 'optional') ?? false)) {
        r.problem(
          ref.entries.get('key')?.value ?? ref,
          `no key "${k}" in ${sec ? 'Secret' : 'ConfigMap'} "${r.str(ref, 'name') ?? ''}"`,
        );
      }
      return undefined;
    }
    return sec
      ? { value: Buffer.from(v, 'base64').toString('utf8'), secret: true }
      : { value: literal(v), secret: false };
  }
  if (field) {
    const fieldPath = r.str(field, 'fieldPath');
    r.ignoreRest(field, 'fieldRef');
    // Known once the instance's sandbox is on the network: the engine fills it in (docs/kubernetes.md#env).
    if (fieldPath === 'status.podIP') return { value: '', secret: false, podField: fieldPath };
    const value = fieldPath === undefined ? undefined : fieldValue(fieldPath, pod);
    if (value === undefined) {
      r.problem(
        field.entries.get('fieldPath')?.value ?? field,
        `fieldPath ${fieldPath ?? '(missing)'} is ${NOT_YET}: metadata.name, metadata.namespace, metadata.labels['<key>'], metadata.annotations['<key>'], status.podIP are`,
      );
      return undefined;
    }
    return { value: literal(value), secret: false };
  }
  r.problem(from, 'expected `configMapKeyRef`, `secretKeyRef` or `fieldRef`');
  return undefined;
}
