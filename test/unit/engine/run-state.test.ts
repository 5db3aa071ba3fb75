// The run's record as it goes: writes throttled but never lost, in order, the last one at the end; the
// captured output bounded in all.
import { describe, expect, it } from 'vitest';
import { boundLogs, RunStateWriter, STATE_WRITE_INTERVAL_MS } from '../../../src/engine/run-state.js';
import type { LastRun } from '../../../src/engine/state.js';
import type { RunEvent } from '../../../src/engine/types.js';

const record = (runId: string): LastRun => ({
  runId,
  startedAt: '2025-01-01T00:00:00.000Z',
  report: {
    project: 'p',
    services: [],
    jobs: [],
    steps: [],
    cacheHit: false,
    created: { containers: [], networks: [], volumes: [] },
  },
  logs: {},
  processes: [],
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function writer(): { state: RunStateWriter; writes: { runId: string }[]; warnings: string[] } {
  const writes: { runId: string }[] = [];
  const warnings: string[] = [];
  const state = new RunStateWriter(
    'p',
    '/nowhere',
    (m) => warnings.push(m),
    async (_project, run) => {
      await sleep(5);
      writes.push({ runId: run.runId });
    },
  );
  return { state, writes, warnings };
}

const stepEnd = { type: 'step-end' } as RunEvent;

describe('RunStateWriter', () => {
  it('writes at the start, at most every 250 ms while events come, and once more at the end', async () => {
    const { state, writes } = writer();
    const taken: number[] = [];
    await state.start(() => {
      taken.push(Date.now());
      return record(`snapshot ${taken.length}`);
    });
    const observe = state.observe(() => {});
    const began = Date.now();
    let lastEvent = began;
    while (Date.now() - began < 600) {
      observe(stepEnd);
      lastEvent = Date.now();
      await sleep(10);
    }
    await sleep(STATE_WRITE_INTERVAL_MS + 50);
    await state.finish(record('final'));
    // ~60 events in 600 ms: the start, two or three throttled writes, the end.
    expect(taken.length).toBeGreaterThanOrEqual(2);
    expect(taken.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < taken.length; i++) {
      expect((taken[i] ?? 0) - (taken[i - 1] ?? 0)).toBeGreaterThanOrEqual(STATE_WRITE_INTERVAL_MS - 5);
    }
    // The last event was recorded by a write after it (never lost to the throttle), all in order.
    expect(taken.at(-1)).toBeGreaterThanOrEqual(lastEvent);
    expect(writes.map((w) => w.runId)).toEqual([...taken.map((_, i) => `snapshot ${i + 1}`), 'final']);
  });

  it('does not write for output lines, pulls, warnings or notices', async () => {
    const { state, writes } = writer();
    await state.start(() => record('r'));
    const observe = state.observe(() => {});
    for (const type of ['step-output', 'main-output', 'image-pull', 'warning', 'notice'] as const) {
      observe({ type } as RunEvent);
    }
    await sleep(STATE_WRITE_INTERVAL_MS + 50);
    expect(writes).toHaveLength(1);
  });

  it('passes every event on', () => {
    const seen: RunEvent['type'][] = [];
    const { state } = writer();
    const observe = state.observe((e) => seen.push(e.type));
    observe({ type: 'notice', message: 'x' });
    observe(stepEnd);
    expect(seen).toEqual(['notice', 'step-end']);
  });

  it('warns once when a write in the middle of the run fails, and the run goes on', async () => {
    const warnings: string[] = [];
    const state = new RunStateWriter(
      'p',
      '/ro',
      (m) => warnings.push(m),
      async () => {
        throw new Error('EROFS: read-only file system');
      },
    );
    await state.start(() => record('r'));
    state.observe(() => {})(stepEnd);
    await sleep(STATE_WRITE_INTERVAL_MS + 50);
    expect(warnings).toEqual(["could not record the run's progress in /ro: EROFS: read-only file system"]);
    await expect(state.finish(record('final'))).rejects.toThrow('EROFS');
  });
});

describe('boundLogs', () => {
  it('keeps logs that fit as they are', () => {
    const logs = { 'a/s': ['x', 'y'], 'b/s': ['z'] };
    expect(boundLogs(logs, 3)).toBe(logs);
  });

  it('past the budget, keeps each log its last lines within an equal share', () => {
    const logs = { 'a/s': ['1111', '2222', '3333'], 'b/s': ['z'] };
    expect(boundLogs(logs, 10)).toEqual({ 'a/s': ['3333'], 'b/s': ['z'] });
  });

  it('keeps the end of a last line longer than the share', () => {
    expect(boundLogs({ 'a/s': ['x'.repeat(100) + 'END'] }, 5)).toEqual({ 'a/s': ['xxEND'] });
  });
});
