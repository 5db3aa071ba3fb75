import { expect, it } from 'vitest';
import { STATE, StateRecorder, readState } from '../../../src/action/state.js';
import { FakeCore } from './fake-core.js';

const id = (c: string): string => c.repeat(64);

it('round-trips what main records, each kind once', () => {
  const core = new FakeCore();
  const rec = new StateRecorder(core);
  rec.begin('demo', 'r1', false);
  rec.record({ type: 'created', kind: 'container', id: id('c') });
  rec.record({ type: 'created', kind: 'container', id: id('c') });
  rec.record({ type: 'created', kind: 'volume', id: 'initsteps_demo_db-0_scratch_r1' });
  rec.record({ type: 'created', kind: 'process', id: '4242', startTime: '0b1d-e5:17' });
  expect(readState(core)).toEqual({
    project: 'demo',
    runId: 'r1',
    cleanup: false,
    created: {
      containers: [id('c')],
      networks: [],
      volumes: ['initsteps_demo_db-0_scratch_r1'],
      processes: [{ pid: 4242, startTime: '0b1d-e5:17' }],
    },
  });
  expect(core.saves.filter(([n]) => n === STATE.created)).toHaveLength(3);
  expect(core.warnings).toEqual([]);
});

it('has nothing when main stopped before knowing its project', () => {
  expect(readState(new FakeCore())).toBeUndefined();
});

it('survives a torn or odd created value', () => {
  const core = new FakeCore({ project: 'demo', 'run-id': 'r1', created: '{"containers":["c1"' });
  expect(readState(core)?.created).toEqual({ containers: [], networks: [], volumes: [], processes: [] });
  const odd = new FakeCore({
    project: 'demo',
    'run-id': 'r1',
    created: `{"containers":["${id('a')}",3],"processes":["x",7,{"pid":8}]}`,
  });
  expect(readState(odd)).toMatchObject({
    cleanup: true,
    created: { containers: [id('a')], processes: [{ pid: 8 }] },
  });
});

it('takes from a forged state only what has the shape main records, with a warning', () => {
  const core = new FakeCore({
    project: 'demo',
    'run-id': 'r1',
    created: JSON.stringify({
      // Names and prefixes Docker would resolve; a path; a filter.
      containers: [id('b'), 'initsteps_other_web-0', 'abc123', '../x', id('b')],
      networks: ['bridge', 'host', id('d')],
      volumes: ['/home/runner/work', 'data', '-v'],
      // kill(-0) is our own group, kill(-1) every process we may signal; our own pid and parent's.
      processes: [0, 1, -1, 2.5, 1e12, process.pid, process.ppid, 31337]
        .map((pid) => ({ pid }))
        .concat([
          { pid: 31338, startTime: '$(rm -rf /)' } as { pid: number },
          { pid: 31339, startTime: 'ab-12:345' } as { pid: number },
        ]),
    }),
  });
  expect(readState(core)?.created).toEqual({
    containers: [id('b')],
    networks: [id('d')],
    volumes: ['data'],
    processes: [{ pid: 31337 }, { pid: 31339, startTime: 'ab-12:345' }],
  });
  expect(core.warnings.map((w) => w.message)).toEqual([
    'post state: ignored 16 recorded object(s): not of the shape main records, repeated or too many',
  ]);
});

it('ignores an oversized created value and a project or run id main never records', () => {
  const big = new FakeCore({
    project: 'demo',
    'run-id': 'r1',
    created: JSON.stringify({ containers: Array.from({ length: 3000 }, () => id('e')) }),
  });
  expect(readState(big)?.created.containers).toEqual([]);
  expect(big.warnings[0]?.message).toMatch(/^post state: ignoring the recorded objects \(\d+ characters/);

  for (const [project, runId] of [
    ['../../etc', 'r1'],
    ['demo', 'r1\n::error::x'],
    ['x'.repeat(300), 'r1'],
  ]) {
    const core = new FakeCore({ project: project ?? '', 'run-id': runId ?? '' });
    expect(readState(core)).toBeUndefined();
    expect(core.warnings.map((w) => w.message)).toEqual([
      'post state: the project or run id is not one main records: nothing is cleaned up',
    ]);
  }
});
