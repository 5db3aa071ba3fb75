// A YAML node tree as plain values that remember where they were written: Kubernetes objects have far more
// fields than initsteps runs, so they are read field by field (reader.ts) rather than walked against a
// table. Aliases and `<<` merges are expanded here, under a budget of node visits as the native walker
// (check.ts) does, so an alias bomb stops with a positioned problem.
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, visit } from 'yaml';
import type { SpecProblem } from '../../errors.js';
import type { SourcePos } from '../model.js';

export interface LMap {
  kind: 'map';
  pos: SourcePos;
  path: string;
  /** Keys in source order (own keys first, then merged ones); `key` is where the key is written. */
  entries: Map<string, { key: SourcePos; value: LNode }>;
}
export interface LSeq {
  kind: 'seq';
  pos: SourcePos;
  path: string;
  items: LNode[];
}
export interface LScalar {
  kind: 'scalar';
  pos: SourcePos;
  path: string;
  value: unknown;
  /** The text as written (`0644`, `"8080"`), for Kubernetes' YAML 1.1 readings of numbers. */
  source?: string;
}
export type LNode = LMap | LSeq | LScalar;

class Exhausted extends Error {}

/** Converts one parsed document; undefined when it had to stop (reported). */
export function locate(
  file: string,
  doc: Document,
  lines: LineCounter,
  problems: SpecProblem[],
  budget: number,
): LNode | undefined {
  const anchors = new Map<string, Node>();
  const targets = new Map<unknown, Node>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target) targets.set(node, target);
      } else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  const expanding = new Set<Node>();
  const pos = (node: unknown): SourcePos => {
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    return { file, ...(range ? lines.linePos(range[0]) : { line: 1, col: 1 }) };
  };
  const report = (node: unknown, path: string, message: string) =>
    problems.push({ pos: pos(node), path, message });

  const convert = (raw: unknown, path: string, at: unknown): LNode | undefined => {
    if (--budget < 0) {
      report(at, path, 'document too large after expanding aliases (possible alias bomb)');
      throw new Exhausted();
    }
    let node: unknown = raw;
    if (isAlias(raw)) {
      const target = targets.get(raw);
      if (!target) {
        report(raw, path, `unknown alias *${raw.source}`);
        return undefined;
      }
      if (expanding.has(target)) {
        report(raw, path, `alias *${raw.source} refers to a node that contains it`);
        return undefined;
      }
      node = target;
      expanding.add(target);
    }
    try {
      // Positions are those of the use site of an alias: that is the line a reader looks at.
      const where = pos(isAlias(raw) ? raw : (raw ?? at));
      if (isMap(node)) {
        const out: LMap = { kind: 'map', pos: where, path, entries: new Map() };
        mapInto(out, node, path);
        return out;
      }
      if (isSeq(node)) {
        const items: LNode[] = [];
        node.items.forEach((item, i) => {
          const v = convert(item, `${path}[${i}]`, item);
          if (v) items.push(v);
        });
        return { kind: 'seq', pos: where, path, items };
      }
      if (isScalar(node)) {
        const source = (node as { source?: unknown }).source;
        return {
          kind: 'scalar',
          pos: where,
          path,
          value: node.value,
          ...(typeof source === 'string' && { source }),
        };
      }
      return { kind: 'scalar', pos: where, path, value: null };
    } finally {
      if (isAlias(raw)) expanding.delete(node as Node);
    }
  };

  const mapInto = (out: LMap, node: { items: { key: unknown; value: unknown }[] }, path: string) => {
    const merged: { key: unknown; value: unknown }[] = [];
    for (const pair of node.items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'symbol') {
        for (const s of isSeq(pair.value) ? pair.value.items : [pair.value]) {
          const src = convert(s, path, s);
          if (src?.kind === 'map') {
            for (const [k, e] of src.entries) if (!out.entries.has(k)) merged.push({ key: k, value: e });
          } else if (src) report(s, path, '`<<` merges maps only');
        }
        continue;
      }
      const name =
        isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number')
          ? String(pair.key.value)
          : undefined;
      if (name === undefined) {
        report(pair.key ?? pair.value ?? node, path, 'expected a plain name as a key');
        continue;
      }
      const childPath = path ? `${path}.${name}` : name;
      if (out.entries.has(name)) {
        report(pair.key, childPath, `duplicate key \`${name}\``);
        continue;
      }
      const value = convert(pair.value ?? null, childPath, pair.value ?? pair.key);
      if (value) out.entries.set(name, { key: pos(pair.key), value });
    }
    // An explicit key wins over the same key from a `<<` merge.
    for (const m of merged) {
      const name = m.key as string;
      const entry = m.value as { key: SourcePos; value: LNode };
      if (!out.entries.has(name)) out.entries.set(name, entry);
    }
  };

  try {
    return convert(doc.contents, '', doc.contents);
  } catch (e: unknown) {
    if (e instanceof Exhausted) return undefined;
    throw e;
  }
}
