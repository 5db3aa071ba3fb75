// Reads Kubernetes objects (located.ts trees) field by field: a wrong type is a problem at its node, and
// every field that was not read is ignored with one notice per field kind listing where
// (docs/kubernetes.md, "Ignored"). Refusals are problems at the field, said once per place.
import type { SpecProblem } from '../../errors.js';
import type { SourcePos } from '../model.js';
import type { LMap, LNode, LScalar, LSeq } from './located.js';

const kindOf = (n: LNode): string =>
  n.kind === 'map'
    ? 'a map'
    : n.kind === 'seq'
      ? 'a list'
      : n.value === null || n.value === undefined
        ? 'nothing (null)'
        : `a ${typeof n.value === 'bigint' ? 'number' : typeof n.value}`;

const at = (p: SourcePos): string => `${p.file}:${p.line}:${p.col}`;

export class Reader {
  private readonly read = new WeakMap<LMap, Set<string>>();
  /** Ignored fields by kind (`pod spec: nodeSelector`): every place, first one first. */
  private readonly ignoredFields = new Map<string, { pos: SourcePos; path: string }[]>();

  constructor(readonly problems: SpecProblem[]) {}

  problem(node: { pos: SourcePos; path: string }, message: string): void {
    this.problems.push({ pos: node.pos, path: node.path, message });
  }

  /** The entry for `key`, marked as read. */
  entry(map: LMap, key: string): LNode | undefined {
    let seen = this.read.get(map);
    if (!seen) this.read.set(map, (seen = new Set()));
    seen.add(key);
    const v = map.entries.get(key)?.value;
    // `key:` with nothing after it is absent in Kubernetes too.
    return v?.kind === 'scalar' && v.value === null ? undefined : v;
  }

  /** Where a key is written, for refusals that name the field itself. */
  keyAt(map: LMap, key: string): { pos: SourcePos; path: string } {
    const e = map.entries.get(key);
    return { pos: e?.key ?? map.pos, path: e?.value.path ?? (map.path ? `${map.path}.${key}` : key) };
  }

  has(map: LMap, key: string): boolean {
    return this.entry(map, key) !== undefined;
  }

  map(map: LMap, key: string): LMap | undefined {
    const v = this.entry(map, key);
    if (v === undefined || v.kind === 'map') return v;
    this.problem(v, `expected a map, got ${kindOf(v)}`);
    return undefined;
  }

  list(map: LMap, key: string): LSeq | undefined {
    const v = this.entry(map, key);
    if (v === undefined || v.kind === 'seq') return v;
    this.problem(v, `expected a list, got ${kindOf(v)}`);
    return undefined;
  }

  /** The map items of a list; others are reported. */
  maps(map: LMap, key: string): LMap[] {
    return (this.list(map, key)?.items ?? []).filter((item): item is LMap => {
      if (item.kind === 'map') return true;
      this.problem(item, `expected a map, got ${kindOf(item)}`);
      return false;
    });
  }

  scalar(map: LMap, key: string): LScalar | undefined {
    const v = this.entry(map, key);
    if (v === undefined || v.kind === 'scalar') return v;
    this.problem(v, `expected a scalar, got ${kindOf(v)}`);
    return undefined;
  }

  str(map: LMap, key: string): string | undefined {
    const v = this.scalar(map, key);
    if (v === undefined) return undefined;
    if (typeof v.value === 'string') return v.value;
    this.problem(v, `expected a string, got ${kindOf(v)}`);
    return undefined;
  }

  /** A string, or a number or boolean kept as its text (Kubernetes' int-or-string, ConfigMap values). */
  text(map: LMap, key: string): string | undefined {
    const v = this.scalar(map, key);
    return v === undefined ? undefined : this.textOf(v);
  }

  textOf(v: LNode): string | undefined {
    if (v.kind === 'scalar') {
      if (typeof v.value === 'string') return v.value;
      if (typeof v.value === 'number' || typeof v.value === 'boolean') return v.source ?? String(v.value);
    }
    this.problem(v, `expected a string, got ${kindOf(v)}`);
    return undefined;
  }

  /**
   * An integer. Kubernetes reads YAML 1.1, where `0644` is octal (a file mode); the YAML 1.2 parser reads
   * it as decimal, so the source text decides.
   */
  int(map: LMap, key: string, min = 0): number | undefined {
    const v = this.scalar(map, key);
    if (v === undefined) return undefined;
    const octal = v.source !== undefined && /^0[0-7]+$/.test(v.source) ? parseInt(v.source, 8) : undefined;
    const n = octal ?? v.value;
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      this.problem(v, `expected an integer, got ${kindOf(v)}`);
      return undefined;
    }
    if (n < min) {
      this.problem(v, `must be at least ${min}, got ${n}`);
      return undefined;
    }
    return n;
  }

  bool(map: LMap, key: string): boolean | undefined {
    const v = this.scalar(map, key);
    if (v === undefined) return undefined;
    if (typeof v.value === 'boolean') return v.value;
    this.problem(v, `expected true or false, got ${kindOf(v)}`);
    return undefined;
  }

  /** A map of strings (labels, annotations, ConfigMap data); other values are reported. */
  strings(map: LMap, key: string): Map<string, { value: string; node: LNode }> {
    const out = new Map<string, { value: string; node: LNode }>();
    const m = this.map(map, key);
    if (!m) return out;
    for (const [k] of m.entries) {
      const node = this.entry(m, k);
      const value = node === undefined ? '' : this.textOf(node);
      if (value !== undefined) out.set(k, { value, node: node ?? m });
    }
    return out;
  }

  /** Refuses a field that is written (and not empty), saying why, at its key. */
  refuse(map: LMap, key: string, why: string): void {
    if (this.entry(map, key) !== undefined) this.problem(this.keyAt(map, key), why);
  }

  /**
   * Every field of `map` that was not read is ignored: remembered under `<what>: <field>` for one notice
   * per kind. Call once the map's known fields were read.
   */
  ignoreRest(map: LMap, what: string): void {
    const seen = this.read.get(map);
    for (const [key, e] of map.entries) {
      if (!seen?.has(key)) this.ignore(`${what}: ${key}`, { pos: e.key, path: e.value.path });
    }
  }

  /** A whole object of a kind initsteps does not run (a ServiceAccount, an Ingress). */
  ignoreObject(kind: string, place: { pos: SourcePos; path: string }): void {
    this.ignore(`object: ${kind}`, place);
  }

  private ignore(kind: string, place: { pos: SourcePos; path: string }): void {
    const places = this.ignoredFields.get(kind) ?? [];
    // A pod template is read once per replica: each place counts once.
    if (!places.some((p) => at(p.pos) === at(place.pos))) places.push(place);
    this.ignoredFields.set(kind, places);
  }

  /** The notices: one per ignored field kind, at its first place, listing the others. */
  notices(): SpecProblem[] {
    return [...this.ignoredFields].map(([kind, [first, ...more]]) => ({
      pos: first?.pos ?? { file: '', line: 1, col: 1 },
      path: first?.path ?? '',
      message: `ignored: ${kind} (initsteps does not run it; docs/kubernetes.md#ignored)${
        more.length > 0 ? `; also at ${more.map((m) => at(m.pos)).join(', ')}` : ''
      }`,
    }));
  }
}
