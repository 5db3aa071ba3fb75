// The file layer and hostile input: every failure is a positioned problem, nothing throws or hangs.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject, MAX_SPEC_BYTES } from '../../../src/spec/index.js';
import { load, service, show, WS } from './helpers.js';

const write = (name: string, content: string | Buffer): string => {
  const file = path.join(WS, name);
  writeFileSync(file, content);
  return file;
};

const problemsOf = async (files: string[]) => {
  const r = await loadProject({ files, workspace: WS, env: {} });
  return r.ok ? [] : r.problems;
};

describe('loadProject on files', () => {
  it('missing file, directory, binary, invalid UTF-8, oversized, empty', async () => {
    mkdirSync(path.join(WS, 'a-dir'), { recursive: true });
    const files = [
      path.join(WS, 'missing.yaml'),
      path.join(WS, 'a-dir'),
      write('binary.yaml', Buffer.from([0x6b, 0x3a, 0x20, 0x00, 0x01, 0xff])),
      write('latin1.yaml', Buffer.from([0x6b, 0x3a, 0x20, 0xe9, 0x0a])),
      write('huge.yaml', Buffer.alloc(MAX_SPEC_BYTES + 1, 0x20)),
      write('empty.yaml', ''),
    ];
    const got = await problemsOf(files);
    expect(got.map((p) => [path.basename(p.pos.file), p.pos.line, p.pos.col, p.message])).toEqual([
      ['missing.yaml', 1, 1, 'file not found'],
      ['a-dir', 1, 1, 'is a directory, not a spec file'],
      ['binary.yaml', 1, 4, 'not a text file (contains NUL bytes)'],
      ['latin1.yaml', 1, 1, 'not a text file (invalid UTF-8)'],
      ['huge.yaml', 1, 1, 'file is larger than 2 MB'],
      ['empty.yaml', 1, 1, 'empty file: expected at least one Service document'],
    ]);
  });

  it('checks readable files even when another one is missing', async () => {
    const bad = write('bad.yaml', service('image: x\nreplicas: 0'));
    const got = await problemsOf([path.join(WS, 'nope.yaml'), bad]);
    expect(got.map((p) => p.message)).toEqual(['file not found', 'must be at least 1, got 0']);
  });

  it('finds the workspace by walking up to .git, else the spec directory', async () => {
    const repo = path.join(WS, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(path.join(repo, 'deploy'), { recursive: true });
    const inRepo = path.join(repo, 'deploy', 's.yaml');
    writeFileSync(inRepo, service('image: x'));
    const r = await loadProject({ files: [inRepo], env: {} });
    expect(r.ok && [r.project.workspace, r.project.name]).toEqual([repo, 'repo']);

    const loose = path.join(WS, 'loose');
    mkdirSync(loose, { recursive: true });
    writeFileSync(path.join(loose, 's.yaml'), service('image: x'));
    const r2 = await loadProject({ files: [path.join(loose, 's.yaml')], env: {} });
    // WS itself is in the OS temp dir, which has no .git above it.
    expect(r2.ok && r2.project.workspace).toBe(loose);
  });

  it('no files', async () => {
    const r = await loadProject({ files: [] });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual(['no spec files given']);
  });
});

describe('hostile text', () => {
  it('an alias bomb stops with one problem, quickly', () => {
    // Each level merges the previous one four times: 4^39 pairs if nothing stopped the expansion.
    let bomb = 'x0: &a0 {A: "1", B: "2"}\n';
    for (let i = 1; i < 40; i++)
      bomb += `x${i}: &a${i} {<<: [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]}\n`;
    const text = `x-bomb:\n  ${bomb.trimEnd().replace(/\n/g, '\n  ')}\n${service('image: x\nenv: {<<: *a39}')}`;
    const started = Date.now();
    const r = load(text);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.ok ? [] : r.problems.map(show)).toEqual([
      '1:1 x-bomb: unknown field `x-bomb`',
      expect.stringMatching(
        /^\d+:\d+ spec.env: document too large after expanding aliases \(possible alias bomb\)$/,
      ),
    ]);
  });

  it('deep nesting becomes a problem, not a stack overflow', () => {
    const r = load(`a: ${'['.repeat(20000)}${']'.repeat(20000)}`);
    expect(r.ok).toBe(false);
    if (!r.ok) for (const p of r.problems) expect(p.pos.line).toBeGreaterThanOrEqual(1);
  });

  it('a self-referencing alias', () => {
    const r = load(service('image: x\ncommand: &c [a, *c]'));
    expect(r.ok ? [] : r.problems.map(show)).toEqual([
      '7:19 spec.command[1]: expected a string, number or boolean, got a list',
    ]);
  });

  it('positions of parse errors', () => {
    const r = load('apiVersion: v1\nkind: Service: x\n');
    expect(r.ok ? [] : r.problems.map(show)).toEqual([
      '2:7 : Nested mappings are not allowed in compact mappings',
    ]);
  });
});
