// Shared by the spec unit tests: load YAML text in a temp workspace, and «-marked expected positions.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { SpecProblem } from '../../../src/errors.js';
import { loadFromText, type LoadResult, type TextLoadOptions } from '../../../src/spec/index.js';
import type { ResolvedProject } from '../../../src/spec/model.js';

/** A workspace with a `seed` directory for hostPath cases; spec files "live" at its top. */
export const WS = mkdtempSync(path.join(tmpdir(), 'initsteps-spec-'));
mkdirSync(path.join(WS, 'seed'));

export const specFile = (i = 0): string => path.join(WS, `spec${i}.yaml`);

export function load(texts: string | string[], options: TextLoadOptions = {}): LoadResult {
  const list = Array.isArray(texts) ? texts : [texts];
  return loadFromText(
    list.map((text, i) => ({ file: specFile(i), text })),
    { workspace: WS, env: {}, ...options },
  );
}

export function resolved(text: string | string[], options: TextLoadOptions = {}): ResolvedProject {
  const r = load(text, options);
  if (!r.ok) expect.fail(`unexpected problems:\n${r.problems.map(show).join('\n')}`);
  return r.project;
}

export const show = (p: SpecProblem): string => `${p.pos.line}:${p.pos.col} ${p.path}: ${p.message}`;

/** A service document whose `spec:` block is `body` (indented here); `name` is metadata.name. */
export const service = (body: string, name = 'svc'): string =>
  `apiVersion: initsteps/v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${body
    .replace(/^\n/, '')
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n')}`;

export const MARK = '»';

/** Strips «» marks and returns the text plus each mark's 1-based line:col, in order. */
export function marks(marked: string): { text: string; at: string[] } {
  const at: string[] = [];
  let text = '';
  let line = 1;
  let col = 1;
  for (const ch of marked) {
    if (ch === MARK) {
      at.push(`${line}:${col}`);
      continue;
    }
    text += ch;
    if (ch === '\n') [line, col] = [line + 1, 1];
    else col++;
  }
  return { text, at };
}

/**
 * Loads marked text and asserts exactly one problem per mark, at the mark, with the message matching.
 * Marks and patterns pair up in order of position.
 */
export function expectProblems(
  marked: string | string[],
  patterns: RegExp[],
  options: TextLoadOptions = {},
): void {
  const docs = (Array.isArray(marked) ? marked : [marked]).map(marks);
  const r = load(
    docs.map((d) => d.text),
    options,
  );
  const got = r.ok ? [] : r.problems;
  const expected = docs.flatMap((d, i) => d.at.map((at) => ({ file: specFile(i), at })));
  expect(got.map(show), 'problem count').toHaveLength(patterns.length);
  expect(expected, 'marks vs patterns').toHaveLength(patterns.length);
  got.forEach((p, i) => {
    expect(`${p.pos.line}:${p.pos.col}`, show(p)).toBe(expected[i]?.at);
    expect(p.pos.file).toBe(expected[i]?.file);
    expect(p.message, show(p)).toMatch(patterns[i] as RegExp);
  });
}
