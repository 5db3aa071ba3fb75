import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readState } from '../../../src/action/state.js';
import { actionCachePostHook, parsePending } from '../../../src/cache/action.js';
import { ActionsCacheStore } from '../../../src/cache/stores.js';
import { FakeCore } from '../action/fake-core.js';

let dir: string;
let store: ActionsCacheStore;
let sentinel: string;
const env = () => ({ RUNNER_TEMP: join(dir, 'temp') });
const key = (n: number): string => `initsteps-2-app-${'b'.repeat(64)}-${String(n).repeat(64)}`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'initsteps-cache-action-'));
  store = new ActionsCacheStore(env());
  sentinel = join(dir, 'workspace', 'sentinel');
  mkdirSync(join(sentinel, '..'), { recursive: true });
  writeFileSync(sentinel, 'keep me');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const stage = (k: string): string => {
  const file = store.stagingFile(k);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, 'snapshot');
  return file;
};

/** Forged entries: what a step that could set post's state would name. */
const forged = () => [
  { key: key(1), file: sentinel },
  { key: 'k', file: '/home/runner/work/r/r/x' },
  { key: `${key(2)}/../../..`, file: join(dir, 'workspace', 'snapshot.tar') },
  { key: key(3) },
  { key: key(4), file: `${store.root}/${key(4)}/../${key(4)}/snapshot.tar` },
  'initsteps',
  null,
];

describe('parsePending', () => {
  it("keeps only this store's staging file of a well-formed key, each key once, and warns about the rest", () => {
    const warnings: string[] = [];
    const good = { key: key(5), file: store.stagingFile(key(5)) };
    const pending = parsePending(JSON.stringify([...forged(), good, good]), store, (m) => warnings.push(m));
    expect(pending).toEqual([good]);
    expect(warnings).toHaveLength(forged().length + 1);
    for (const w of warnings) {
      expect(w).toMatch(
        /^cache: ignoring .* \(not a snapshot this run staged\): nothing of it is uploaded or removed$/,
      );
    }
  });

  it('ignores a value that is not a bounded JSON list', () => {
    for (const raw of [
      '{"key":"k"',
      '{"key":"k"}',
      JSON.stringify(Array(300).fill({})),
      'x'.repeat(70_000),
    ]) {
      const warnings: string[] = [];
      expect(parsePending(raw, store, (m) => warnings.push(m))).toEqual([]);
      expect(warnings).toHaveLength(1);
    }
    expect(parsePending('', store, () => expect.fail('no warning for no state'))).toEqual([]);
  });
});

describe('actionCachePostHook with a forged cache-pending state', () => {
  it('uploads nothing and removes nothing outside its staging root', async () => {
    const staged = stage(key(6));
    const core = new FakeCore({
      project: 'demo',
      'run-id': 'r1',
      'cache-pending': JSON.stringify(forged()),
    });
    const state = readState(core);
    if (!state) throw new Error('no state');
    await actionCachePostHook({ state, env: env(), core });
    expect(readFileSync(sentinel, 'utf8')).toBe('keep me');
    // Not named by the state: this run's other staged snapshot is not touched either.
    expect(existsSync(staged)).toBe(true);
    expect(core.log.filter((l) => !l.startsWith('::warning::'))).toEqual([]);
    expect(core.warnings.map((w) => w.message).every((m) => m.startsWith('cache: ignoring'))).toBe(true);
  });

  it('still uploads what main staged next to the forged entries (here: the service is absent, a warning)', async () => {
    const file = stage(key(7));
    const core = new FakeCore({ 'cache-pending': JSON.stringify([...forged(), { key: key(7), file }]) });
    const state = {
      project: 'demo',
      runId: 'r1',
      cleanup: true,
      created: { containers: [], networks: [], volumes: [] },
    };
    await actionCachePostHook({ state, env: env(), core });
    expect(core.log.filter((l) => !l.startsWith('::warning::'))).toEqual([
      'initsteps: saving 1 volume snapshot(s) to the Actions cache',
    ]);
    expect(core.warnings.at(-1)?.message).toMatch(
      /^cache: saving initsteps-2-app-b{64}-7{64} failed .*not available/,
    );
    expect(existsSync(join(file, '..'))).toBe(false);
    expect(readFileSync(sentinel, 'utf8')).toBe('keep me');
  });
});
