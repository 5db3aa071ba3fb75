import { expect, it } from 'vitest';
import { STATE, StateRecorder, readState } from '../../../src/action/state.js';
import { FakeCore } from './fake-core.js';

it('round-trips what main records, each kind once', () => {
  const core = new FakeCore();
  const rec = new StateRecorder(core);
  rec.begin('demo', 'r1', false);
  rec.record({ type: 'created', kind: 'container', id: 'c1' });
  rec.record({ type: 'created', kind: 'container', id: 'c1' });
  rec.record({ type: 'created', kind: 'volume', id: 'v1' });
  rec.record({ type: 'created', kind: 'process', id: '4242', startTime: 'boot:17' });
  expect(readState(core)).toEqual({
    project: 'demo',
    runId: 'r1',
    cleanup: false,
    created: {
      containers: ['c1'],
      networks: [],
      volumes: ['v1'],
      processes: [{ pid: 4242, startTime: 'boot:17' }],
    },
  });
  expect(core.saves.filter(([n]) => n === STATE.created)).toHaveLength(3);
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
    created: '{"containers":["c1",3],"processes":["x",7,{"pid":8},{"pid":"9"},{"pid":10,"startTime":11}]}',
  });
  expect(readState(odd)).toMatchObject({
    cleanup: true,
    created: { containers: ['c1'], processes: [{ pid: 8 }, { pid: 10 }] },
  });
});
