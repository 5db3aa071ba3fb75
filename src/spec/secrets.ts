// Pure: the project's secret values (`valueFrom.env`, EnvVar.secret, a Kubernetes secret volume's files), and hiding them in any text the
// way the runner shows them: `***`. Masking applies to raw strings, before they are serialised or escaped: a mask over JSON or HTML would
// turn `true` or `0` into a bare `***` (no longer JSON) and miss a value once `&`, `<` or `\` was escaped.
import { instanceContainers, type ContainerSpec, type ResolvedProject } from './model.js';

export const MASK = '***';

export type Masker = (text: string) => string;

/** Every distinct secret value in the project: service templates, every container of each instance. */
export function secretValues(project: ResolvedProject): string[] {
  const values = new Set<string>();
  const add = (spec: ContainerSpec): void => {
    for (const e of spec.env) if (e.secret && e.value !== '') values.add(e.value);
    for (const v of spec.volumes) {
      if (v.source.kind !== 'files' || !v.source.secret) continue;
      for (const f of v.source.files) {
        const text = Buffer.from(f.contentBase64, 'base64').toString('utf8');
        if (text.trim() !== '') values.add(text);
      }
    }
  };
  for (const service of project.services) {
    add(service.template);
    for (const instance of service.instances) instanceContainers(instance).forEach(add);
  }
  return [...values];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A masker for these values. A multi-line value is also masked line by line, since logs are read (and
 * tails are cut) per line. Longer values are matched first so one secret containing another is hidden whole.
 */
export function createMasker(values: Iterable<string>): Masker {
  const parts = new Set<string>();
  for (const v of values) {
    if (v === '') continue;
    parts.add(v);
    for (const line of v.split(/\r?\n/)) if (line.trim() !== '') parts.add(line);
  }
  if (parts.size === 0) return (text) => text;
  const pattern = new RegExp(
    [...parts]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|'),
    'g',
  );
  return (text) => text.replace(pattern, MASK);
}

/** Plain data with every string value masked; keys, numbers, booleans and the shape are kept. */
export function maskStrings<T>(value: T, mask: Masker): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
