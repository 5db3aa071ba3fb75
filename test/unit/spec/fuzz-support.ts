// Shared by the fuzz tests (10,500 documents, split in two files so vitest runs them on two workers): generators over
// the contract example and the property every load must satisfy.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import type { LoadResult } from '../../../src/spec/index.js';
import { load, specFile } from './helpers.js';

export const example = readFileSync(
  fileURLToPath(new URL('../../fixtures/spec/contract-example.yaml', import.meta.url)),
  'utf8',
);
export const exampleDocs = parseAllDocuments(example).map((d) => d.toJS() as unknown);
/** The first document (the `tb` service) without comments: a third of the file, so more runs per second. */
export const firstDocText = example
  .slice(0, example.indexOf('\n---\n') + 1)
  .replace(/^#.*\n/gm, '')
  .replace(/ +#.*$/gm, '');

/** Generous: the suites take a few seconds alone, but share two cores with other work. */
export const FUZZ_TIMEOUT_MS = 120_000;

type Json = unknown;
type Path = (string | number)[];

/** Every path to a node in a JSON tree (the root excluded). */
function paths(v: Json, at: Path = []): Path[] {
  if (v === null || typeof v !== 'object') return [];
  const entries: [string | number, Json][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
  return entries.flatMap(([k, child]) => [[...at, k], ...paths(child, [...at, k])]);
}

type Container = Record<string | number, Json>;
const parentOf = (root: Json, path: Path): Container =>
  path.slice(0, -1).reduce<Json>((node, k) => (node as Container)[k], root) as Container;

export interface Mutation {
  op: 'delete' | 'retype' | 'rename' | 'duplicate' | 'wrap';
  at: number;
  value: Json;
  name: string;
}

/** Applies mutations to a copy: delete, retype, rename (typo) or duplicate a key, wrap a value in a list. */
export function mutate(doc: Json, mutations: Mutation[]): Json {
  const root = structuredClone(doc);
  for (const m of mutations) {
    const all = paths(root);
    const path = all[m.at % Math.max(all.length, 1)];
    if (!path) break;
    const parent = parentOf(root, path);
    const key = path[path.length - 1] as string | number;
    switch (m.op) {
      case 'delete':
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
        break;
      case 'retype':
        parent[key] = m.value;
        break;
      case 'rename':
        if (!Array.isArray(parent)) {
          parent[`${String(key).slice(0, -1)}${m.name}`] = parent[key];
          delete parent[key];
        }
        break;
      case 'duplicate':
        if (Array.isArray(parent)) parent.push(structuredClone(parent[key]));
        else parent[m.name || 'extra'] = structuredClone(parent[key]);
        break;
      case 'wrap':
        parent[key] = [parent[key]];
        break;
    }
  }
  return root;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('delete', 'retype', 'rename', 'duplicate', 'wrap'),
  at: fc.nat(),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('', '0', '-1', 'Unconfined', '/x', '1h', '70000'),
  ),
  name: fc.string({ maxLength: 3 }),
});

const TOKENS = [
  '&a ',
  '*a',
  '<<: *a\n',
  ': ',
  '- ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '\t',
  '\0',
  '---\n',
  '!!binary ',
  '? ',
  '\n  ',
  '#',
  '%YAML 1.1\n',
  '\uFEFF',
  '|\n',
  '&a [*a]',
];
const ODD_CHARS = ['\u0085', '\u2028', '\uFFFD', '\uD800', '\u{1F600}', '\u00E9', '\r', '\x1B', '\x7F'];
// Not `unit: 'binary'`: its shrinker maps all of Unicode up front (seconds per run of the suite).
export const junk = fc.oneof(
  fc.constantFrom(...TOKENS, ...ODD_CHARS),
  fc.string({ unit: 'binary-ascii', maxLength: 8 }),
);

/** Loads the text (never throws: an exception fails the property) and checks every problem's position. */
export function loadPositioned(text: string, allowPrivileged: boolean): void {
  const r: LoadResult = load(text, { allowPrivileged });
  if (r.ok) return;
  if (r.problems.length === 0) throw new Error('ok: false without problems');
  const lines = text.split('\n').length;
  for (const p of r.problems) {
    const { file, line, col } = p.pos;
    const fine =
      file === specFile(0) &&
      Number.isInteger(line) &&
      line >= 1 &&
      line <= lines + 1 &&
      Number.isInteger(col) &&
      col >= 1 &&
      typeof p.message === 'string' &&
      p.message.length > 0;
    if (!fine) throw new Error(`badly positioned problem: ${JSON.stringify(p)}`);
  }
}
