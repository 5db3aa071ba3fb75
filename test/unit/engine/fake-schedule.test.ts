// How `up` schedules services and instances on the fake runtime: independent services together,
// dependents as soon as their own dependencies are ready, ordinals one after another (each ready first)
// unless podManagementPolicy is Parallel, and a fatal error in one service stopping the others.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/engine/types.js';
import type { Probe } from '../../../src/spec/model.js';
import { claim, project } from '../../support/model.js';
import {
  expectLeft,
  fakeRuntime,
  runUp,
  serviceStatuses,
  sleeper,
  statuses,
  useStateDir,
} from './fake-harness.js';

useStateDir();

/** `start x/step`, `end x/step`, `ready x`: the order things happened in. */
const timeline = (events: RunEvent[]): string[] =>
  events.flatMap((e) => {
    if (e.type === 'step-start') return [`start ${e.instance}/${e.step}`];
    if (e.type === 'step-end') return [`end ${e.result.instance}/${e.result.step}`];
    if (e.type === 'service-status' && e.instance !== undefined && e.status === 'Running')
      return [`ready ${e.instance}`];
    return [];
  });
const at = (t: string[], entry: string): number => {
  const i = t.indexOf(entry);
  if (i === -1) throw new Error(`no "${entry}" in ${t.join(', ')}`);
  return i;
};

/** Steps named `slow*` run `ms` before they exit 0. */
const slowSteps = (ms: number) =>
  fakeRuntime({ script: (c) => (c.step?.startsWith('slow') ? { runMs: ms } : undefined) });

describe('services', () => {
  it('initializes services whose dependencies do not connect at the same time', async () => {
    const rt = slowSteps(150);
    const p = project('p', [
      { name: 'a', ...sleeper, steps: [{ name: 'slow' }] },
      { name: 'b', ...sleeper, steps: [{ name: 'slow' }] },
      { name: 'c', ...sleeper, steps: [{ name: 'slow' }] },
    ]);
    const run = await runUp(rt, p);
    const t = timeline(run.events);
    const lastStart = Math.max(...['a-0', 'b-0', 'c-0'].map((i) => at(t, `start ${i}/slow`)));
    const firstEnd = Math.min(...['a-0', 'b-0', 'c-0'].map((i) => at(t, `end ${i}/slow`)));
    expect(lastStart).toBeLessThan(firstEnd);
    expect(run.ms).toBeLessThan(400); // one step's time, not three
    expect(serviceStatuses(run.report)).toEqual(['a: Running', 'b: Running', 'c: Running']);
  });

  it('starts a dependent once its own dependencies are ready, not after unrelated services', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.step === 'slow' ? { runMs: 300 } : c.step === 'quick' ? { runMs: 20 } : undefined),
    });
    const p = project('p', [
      { name: 'slowpoke', ...sleeper, steps: [{ name: 'slow' }] },
      { name: 'db', ...sleeper, steps: [{ name: 'quick' }] },
      { name: 'cache', ...sleeper, steps: [{ name: 'quick' }] },
      { name: 'app', ...sleeper, dependsOn: ['db', 'cache'], steps: [{ name: 'quick' }] },
    ]);
    const run = await runUp(rt, p);
    const t = timeline(run.events);
    expect(at(t, 'start app-0/quick')).toBeGreaterThan(at(t, 'ready db-0'));
    expect(at(t, 'start app-0/quick')).toBeGreaterThan(at(t, 'ready cache-0'));
    expect(at(t, 'start app-0/quick')).toBeLessThan(at(t, 'end slowpoke-0/slow'));
  });

  it('fails dependents of a failed service with DependencyFailed while the others go on', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'broken' ? { exitCode: 1 } : undefined) });
    const p = project('p', [
      { name: 'db', ...sleeper, steps: [{ name: 'broken', attempts: 1 }] },
      { name: 'other', ...sleeper, steps: [{ name: 'a' }] },
      { name: 'app', ...sleeper, dependsOn: ['db'], steps: [{ name: 'a' }] },
    ]);
    const run = await runUp(rt, p);
    expect(serviceStatuses(run.report)).toEqual([
      'db: Failed InitStepFailed',
      'other: Running',
      'app: Failed DependencyFailed',
    ]);
    expect(statuses(run.report)).toContain('app-0/a: Pending');
  });

  it('stops the other services when one hits a fatal error, and removes what the run created', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.step === 'slow' ? { runMs: 'forever' } : undefined),
      fault: (method, target) =>
        method === 'listVolumes' && target.includes('broken-0')
          ? 'Cannot connect to the Docker daemon'
          : undefined,
    });
    const p = project('p', [
      { name: 'busy', ...sleeper, volumes: [claim('data', '/data')], steps: [{ name: 'slow' }] },
      { name: 'broken', ...sleeper },
    ]);
    const began = Date.now();
    await expect(runUp(rt, p, { runId: 'r1' })).rejects.toThrow('Cannot connect to the Docker daemon');
    expect(Date.now() - began).toBeLessThan(1000);
    // busy's running step was killed; busy's persistent volume was created by this run: removed too.
    expectLeft(rt, ['volume initsteps_p_busy-0_data']);
  });
});

describe('instances of a service', () => {
  const probe = (ms: number): Probe => ({
    check: { kind: 'exec', command: ['ready'] },
    initialDelayMs: ms,
    periodMs: 10,
    timeoutMs: 1000,
    failureThreshold: 3,
  });

  it('initializes ordinal n only once n-1 is ready (OrderedReady, the default)', async () => {
    const rt = slowSteps(30);
    const p = project('p', [
      { name: 'pg', ...sleeper, replicas: 3, readinessProbe: probe(50), steps: [{ name: 'slow' }] },
    ]);
    const run = await runUp(rt, p);
    expect(timeline(run.events)).toEqual([
      'start pg-0/slow',
      'end pg-0/slow',
      'ready pg-0',
      'start pg-1/slow',
      'end pg-1/slow',
      'ready pg-1',
      'start pg-2/slow',
      'end pg-2/slow',
      'ready pg-2',
    ]);
  });

  it('goes on with the next ordinal when one fails, as before', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.instance === 'pg-0' && c.step === 'a' ? { exitCode: 2 } : undefined),
    });
    const p = project('p', [{ name: 'pg', ...sleeper, replicas: 2, steps: [{ name: 'a', attempts: 1 }] }]);
    const run = await runUp(rt, p);
    expect(run.report.services[0]?.instances.map((i) => `${i.name}: ${i.status}`)).toEqual([
      'pg-0: Failed',
      'pg-1: Running',
    ]);
  });

  it('initializes every instance at once under podManagementPolicy Parallel', async () => {
    const rt = slowSteps(150);
    const p = project('p', [
      {
        name: 'web',
        ...sleeper,
        replicas: 3,
        podManagementPolicy: 'Parallel',
        readinessProbe: probe(20),
        steps: [{ name: 'slow' }],
      },
    ]);
    const run = await runUp(rt, p);
    const t = timeline(run.events);
    expect(t.slice(0, 3).sort()).toEqual(['start web-0/slow', 'start web-1/slow', 'start web-2/slow']);
    expect(run.ms).toBeLessThan(450);
    expect(serviceStatuses(run.report)).toEqual(['web: Running']);
  });
});
