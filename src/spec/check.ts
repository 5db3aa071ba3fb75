// The generic half of validation: walks a YAML node tree against the field table (fields.ts) and returns
// plain values holding only what is valid, reporting every type, enum, format, unknown-field and
// missing-field problem at its node. Positions of everything kept are recorded on the side, so the
// rule checks and the resolver can point at a field without touching YAML nodes again.
import {
  type Alias,
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Node,
  visit,
  type YAMLMap,
} from 'yaml';
import type { SpecProblem } from '../errors.js';
import type { Field, ObjectField, RecordField } from './fields.js';
import { FORMATS } from './formats.js';
import type { SourcePos } from './model.js';
import { didYouMean } from './suggest.js';

export interface Loc {
  pos: SourcePos;
  path: string;
}

interface ObjectMeta {
  self: Loc;
  /** Every key written in the source (valid or not): its key node, its value node and the raw value. */
  keys: Map<string, { key: Loc; value: Loc; raw: unknown }>;
}
interface ArrayMeta {
  self: Loc;
  /** One per kept item, in order (the path keeps the source index). */
  items: Loc[];
}

const objectMeta = new WeakMap<object, ObjectMeta>();
const arrayMeta = new WeakMap<unknown[], ArrayMeta>();

const NOWHERE: Loc = { pos: { file: '', line: 1, col: 1 }, path: '' };

/** Where a checked map or list is. */
export const locOf = (value: object): Loc =>
  (objectMeta.get(value) ?? arrayMeta.get(value as unknown[]))?.self ?? NOWHERE;
/** Whether the source wrote this key (even with an invalid value that was dropped). */
export const has = (obj: object, key: string): boolean => objectMeta.get(obj)?.keys.has(key) ?? false;
/** Where a key's value is; the map itself when the key is absent. */
export const valueLoc = (obj: object, key: string): Loc =>
  objectMeta.get(obj)?.keys.get(key)?.value ?? locOf(obj);
/** Where a key is written (for unknown or misplaced fields); the map itself when absent. */
export const keyLoc = (obj: object, key: string): Loc =>
  objectMeta.get(obj)?.keys.get(key)?.key ?? locOf(obj);
/** The source value of a scalar key even when it failed validation (names stay known for cross references). */
export const rawValue = (obj: object, key: string): unknown => objectMeta.get(obj)?.keys.get(key)?.raw;
/** Where the i-th kept item of a checked list is. */
export const itemLoc = (arr: unknown[], i: number): Loc => arrayMeta.get(arr)?.items[i] ?? locOf(arr);

/** Stops a document walk that ran out of budget (an alias bomb). */
class Exhausted extends Error {}

const kindOf = (node: unknown): string => {
  if (node === null || node === undefined) return 'nothing (null)';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null || v === undefined) return 'nothing (null)';
    if (typeof v === 'number' || typeof v === 'bigint') return 'a number';
    if (typeof v === 'boolean') return 'a boolean';
    return 'a string';
  }
  return 'an unsupported YAML node';
};

const expected = (field: Field): string => {
  switch (field.type) {
    case 'string':
      return 'a string';
    case 'scalar':
      return field.booleans ? 'a string, number or boolean' : 'a string or number';
    case 'integer':
      return 'an integer';
    case 'boolean':
      return 'true or false';
    case 'object':
    case 'record':
      return 'a map';
    case 'array':
      return 'a list';
    case 'union':
      return field.variants.map(expected).join(' or ');
  }
};

const nodeKind = (field: Field): 'map' | 'seq' | 'scalar' =>
  field.type === 'object' || field.type === 'record' ? 'map' : field.type === 'array' ? 'seq' : 'scalar';

export class Walker {
  private budget: number;
  /** Alias targets being expanded right now: an alias inside its own anchor would recurse forever. */
  private readonly expanding = new Set<Node>();
  /** Each alias's node: the last anchor of that name before it, as YAML defines. */
  private readonly targets = new Map<Alias, Node>();

  constructor(
    private readonly file: string,
    doc: Document,
    private readonly lines: LineCounter,
    private readonly problems: SpecProblem[],
    /** Node visits allowed; a document without aliases needs fewer than its length in characters. */
    budget: number,
  ) {
    this.budget = budget;
    // Alias targets in one pass: yaml's Alias.resolve walks the whole document on every call.
    const anchors = new Map<string, Node>();
    visit(doc, {
      Node: (_key, node) => {
        if (isAlias(node)) {
          const target = anchors.get(node.source);
          if (target) this.targets.set(node, target);
        } else if (node.anchor) anchors.set(node.anchor, node);
      },
    });
  }

  /** Checks the document's contents; undefined when the walk had to stop (the problem is reported). */
  walk(field: Field, node: unknown): unknown {
    try {
      return this.check(field, node, '');
    } catch (e: unknown) {
      if (e instanceof Exhausted) return undefined;
      throw e;
    }
  }

  pos(node: unknown): SourcePos {
    const range = (node as { range?: [number, number, number] | null } | null)?.range;
    const { line, col } = range ? this.lines.linePos(range[0]) : { line: 1, col: 1 };
    return { file: this.file, line, col };
  }

  private report(node: unknown, path: string, message: string): void {
    this.problems.push({ pos: this.pos(node), path, message });
  }

  private spend(node: unknown, path: string): void {
    if (--this.budget >= 0) return;
    this.report(node, path, 'document too large after expanding aliases (possible alias bomb)');
    throw new Exhausted();
  }

  /** Follows aliases; undefined (reported) for an unknown or self-containing alias. */
  private deref(node: unknown, path: string): { node: unknown; release?: () => void } | undefined {
    this.spend(node, path);
    if (!isAlias(node)) return { node };
    const target = this.targets.get(node);
    if (!target) {
      this.report(node, path, `unknown alias *${node.source}`);
      return undefined;
    }
    if (this.expanding.has(target)) {
      this.report(node, path, `alias *${node.source} refers to a node that contains it`);
      return undefined;
    }
    this.expanding.add(target);
    return { node: target, release: () => this.expanding.delete(target) };
  }

  /** `owner` positions a missing value (`key:` with nothing after it). */
  check(field: Field, raw: unknown, path: string, owner?: unknown): unknown {
    const d = this.deref(raw, path);
    if (!d) return undefined;
    try {
      // Problems point at the use site of an alias, and at the key when the value is absent.
      return this.checkNode(field, d.node, isAlias(raw) ? raw : (raw ?? owner), path);
    } finally {
      d.release?.();
    }
  }

  private mismatch(field: Field, node: unknown, at: unknown, path: string): undefined {
    this.report(at, path, `expected ${expected(field)}, got ${kindOf(node)}`);
    return undefined;
  }

  private checkNode(field: Field, node: unknown, at: unknown, path: string): unknown {
    switch (field.type) {
      case 'union': {
        const kind = isMap(node) ? 'map' : isSeq(node) ? 'seq' : 'scalar';
        const variant =
          field.variants.find((v) => nodeKind(v) === kind) ??
          (isScalar(node) && node.value === null
            ? field.variants.find((v) => v.type === 'object' && v.nullable)
            : undefined);
        return variant ? this.checkNode(variant, node, at, path) : this.mismatch(field, node, at, path);
      }
      case 'object':
        if (isScalar(node) && node.value === null && field.nullable) return this.register({}, node, path);
        return isMap(node) ? this.object(field, node, path) : this.mismatch(field, node, at, path);
      case 'record':
        return isMap(node) ? this.object(field, node, path) : this.mismatch(field, node, at, path);
      case 'array': {
        if (!isSeq(node)) return this.mismatch(field, node, at, path);
        const out: unknown[] = [];
        const items: Loc[] = [];
        node.items.forEach((item, i) => {
          const itemPath = `${path}[${i}]`;
          const v = this.check(field.items, item, itemPath);
          if (v === undefined) return;
          out.push(v);
          items.push({ pos: this.pos(item), path: itemPath });
        });
        if (field.minItems !== undefined && node.items.length < field.minItems) {
          this.report(
            at,
            path,
            `must have at least ${field.minItems} item${field.minItems === 1 ? '' : 's'}`,
          );
          return undefined;
        }
        arrayMeta.set(out, { self: { pos: this.pos(at), path }, items });
        return out;
      }
      case 'boolean':
        return isScalar(node) && typeof node.value === 'boolean'
          ? node.value
          : this.mismatch(field, node, at, path);
      case 'integer': {
        const v = isScalar(node) ? node.value : undefined;
        if (typeof v !== 'number' || !Number.isInteger(v)) return this.mismatch(field, node, at, path);
        if (field.minimum !== undefined && v < field.minimum) {
          this.report(at, path, `must be at least ${field.minimum}, got ${v}`);
          return undefined;
        }
        if (field.maximum !== undefined && v > field.maximum) {
          this.report(at, path, `must be at most ${field.maximum}, got ${v}`);
          return undefined;
        }
        return v;
      }
      case 'scalar': {
        const v = isScalar(node) ? node.value : undefined;
        let text: string;
        if (typeof v === 'string') text = v;
        else if (typeof v === 'number' || typeof v === 'bigint')
          text = (node as { source?: string }).source ?? String(v);
        else if (typeof v === 'boolean' && field.booleans) text = String(v);
        else return this.mismatch(field, node, at, path);
        return this.format(field.format, text, at, path);
      }
      case 'string': {
        const v = isScalar(node) ? node.value : undefined;
        if (typeof v !== 'string') return this.mismatch(field, node, at, path);
        if (field.minLength !== undefined && v.length < field.minLength) {
          this.report(at, path, 'must not be empty');
          return undefined;
        }
        if (field.enum) return this.enumValue(field.enum, field, v, at, path);
        return this.format(field.format, v, at, path);
      }
    }
  }

  private enumValue(
    values: readonly string[],
    field: { caseInsensitive?: boolean; aliases?: Readonly<Record<string, string>> },
    v: string,
    at: unknown,
    path: string,
  ): string | undefined {
    const match = (s: string) => (field.caseInsensitive ? s.toLowerCase() === v.toLowerCase() : s === v);
    const hit =
      values.find(match) ?? Object.entries(field.aliases ?? {}).find(([alias]) => match(alias))?.[1];
    if (hit !== undefined) return hit;
    this.report(at, path, `"${v}" is not one of ${values.join(', ')}${didYouMean(v, values)}`);
    return undefined;
  }

  private format(
    name: keyof typeof FORMATS | undefined,
    text: string,
    at: unknown,
    path: string,
  ): string | undefined {
    const problem = name && FORMATS[name].check(text);
    if (!problem) return text;
    this.report(at, path, problem);
    return undefined;
  }

  private register(obj: Record<string, unknown>, node: unknown, path: string): Record<string, unknown> {
    objectMeta.set(obj, { self: { pos: this.pos(node), path }, keys: new Map() });
    return obj;
  }

  private object(field: ObjectField | RecordField, node: YAMLMap, path: string): Record<string, unknown> {
    const out = this.register({}, node, path);
    const keys = (objectMeta.get(out) as ObjectMeta).keys;
    for (const { key, value, merged } of this.pairs(node, path)) {
      const name =
        isScalar(key) && (typeof key.value === 'string' || typeof key.value === 'number')
          ? String(key.value)
          : undefined;
      if (name === undefined) {
        this.report(key ?? value ?? node, path, `expected a plain name as a key, got ${kindOf(key)}`);
        continue;
      }
      if (keys.has(name)) {
        // An explicit key wins over the same key from a `<<` merge; two explicit ones are a mistake.
        if (!merged) this.report(key, path ? `${path}.${name}` : name, `duplicate key \`${name}\``);
        continue;
      }
      const childPath = path ? `${path}.${name}` : name;
      const resolved = isAlias(value) ? this.targets.get(value) : value;
      keys.set(name, {
        key: { pos: this.pos(key), path: childPath },
        value: { pos: this.pos(value ?? key), path: childPath },
        raw: isScalar(resolved) ? resolved.value : undefined,
      });
      let child: Field | undefined;
      if (field.type === 'record') {
        child = field.values;
        const bad = field.keyFormat && FORMATS[field.keyFormat].check(name);
        if (bad) {
          this.report(key, childPath, bad);
          continue;
        }
      } else {
        child = field.fields[name];
        if (!child) {
          this.report(
            key,
            childPath,
            `unknown field \`${name}\`${didYouMean(name, Object.keys(field.fields))}`,
          );
          continue;
        }
      }
      const v = this.check(child, value ?? null, childPath, key);
      if (v !== undefined) out[name] = v;
    }
    if (field.type === 'object') {
      for (const req of field.required ?? []) {
        if (!keys.has(req)) this.report(node, path, `missing required field \`${req}\``);
      }
    }
    return out;
  }

  /** The map's pairs with `<<` merges expanded: own keys first, then merged ones in order. */
  private pairs(node: YAMLMap, path: string): { key: unknown; value: unknown; merged: boolean }[] {
    const own: { key: unknown; value: unknown; merged: boolean }[] = [];
    const merged: { key: unknown; value: unknown; merged: boolean }[] = [];
    for (const pair of node.items) {
      if (isScalar(pair.key) && typeof pair.key.value === 'symbol') {
        const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
        for (const s of sources) {
          const d = this.deref(s, path);
          if (!d) continue;
          try {
            if (isMap(d.node)) {
              for (const p of this.pairs(d.node, path)) {
                this.spend(s, path); // merged pairs cost like nodes: nested merges multiply them
                merged.push({ ...p, merged: true });
              }
            } else this.report(s, path, `\`<<\` merges maps only, got ${kindOf(d.node)}`);
          } finally {
            d.release?.();
          }
        }
      } else own.push({ key: pair.key, value: pair.value, merged: false });
    }
    return [...own, ...merged];
  }
}
