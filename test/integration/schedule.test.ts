// Services and instances on a real engine: independent services initialize together, a dependent starts
// once its own dependencies are ready, ordinals one after another (each ready first), and
// podManagementPolicy Parallel starting a service's instances together.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/engine/types.js';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import type { Probe } from '../../src/spec/model.js';
import { connect, projectsRemovedAfterAll, recorder } from '../support/engine.js';
import { project, type ServiceInput } from '../support/model.js';

let runtime: ContainerRuntime;
beforeAll(async () => {
  runtime = await connect();
});
const newProjectName = projectsRemovedAfterAll(() => runtime);

const sleeper = { command: ['sleep', '3600'] };
const sleepStep = (name: string, seconds: number) => ({ name, command: ['sleep', String(seconds)] });

/** When each step started and ended and each instance became ready, in ms from the run's start. */
async function timeline(
  services: ServiceInput[],
): Promise<{ at: (what: string) => number; order: string[] }> {
  const rec = recorder();
  const began = Date.now();
  const times = new Map<string, number>();
  const order: string[] = [];
  const observer = (e: RunEvent) => {
    rec.observer(e);
    const what =
      e.type === 'step-start'
        ? `start ${e.instance}/${e.step}`
        : e.type === 'step-end'
          ? `end ${e.result.instance}/${e.result.step}`
          : e.type === 'service-status' && e.instance !== undefined && e.status === 'Running'
            ? `ready ${e.instance}`
            : undefined;
    if (what === undefined) return;
    times.set(what, Date.now() - began);
    order.push(what);
  };
  const report = await up(runtime, { project: project(newProjectName('sched'), services), observer });
  expect(report.services.map((s) => `${s.name}: ${s.status}`)).toEqual(
    services.map((s) => `${s.name}: Running`),
  );
  return {
    order,
    at: (what) => {
      const t = times.get(what);
      if (t === undefined) throw new Error(`no "${what}" in ${order.join(', ')}`);
      return t;
    },
  };
}

describe('services', () => {
  it('initializes independent services together; a dependent waits only for its own dependencies', async () => {
    const t = await timeline([
      { name: 'a', ...sleeper, steps: [sleepStep('init', 1)] },
      { name: 'b', ...sleeper, steps: [sleepStep('init', 1)] },
      { name: 'c', ...sleeper, steps: [sleepStep('init', 3)] },
      { name: 'app', ...sleeper, dependsOn: ['a', 'b'], steps: [sleepStep('init', 1)] },
    ]);
    // a, b and c start within the same moment (not one step's second apart).
    const starts = ['a-0', 'b-0', 'c-0'].map((i) => t.at(`start ${i}/init`));
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(800);
    // app starts after a and b are ready, while c's longer step still runs.
    expect(t.at('start app-0/init')).toBeGreaterThanOrEqual(Math.max(t.at('ready a-0'), t.at('ready b-0')));
    expect(t.at('start app-0/init')).toBeLessThan(t.at('end c-0/init'));
  });
});

describe('instances', () => {
  const probe: Probe = {
    check: { kind: 'exec', command: ['test', '-f', '/tmp/ready'] },
    initialDelayMs: 0,
    periodMs: 1000,
    timeoutMs: 1000,
    failureThreshold: 5,
  };
  // The main container becomes ready half a second after it starts.
  const slowReady = {
    command: ['sh', '-c', 'sleep 0.5; touch /tmp/ready; exec sleep 3600'],
    readinessProbe: probe,
  };

  it('initializes ordinal n once n-1 is ready (OrderedReady)', async () => {
    const t = await timeline([{ name: 'pg', ...slowReady, replicas: 3, steps: [sleepStep('init', 0)] }]);
    expect(t.order).toEqual([
      'start pg-0/init',
      'end pg-0/init',
      'ready pg-0',
      'start pg-1/init',
      'end pg-1/init',
      'ready pg-1',
      'start pg-2/init',
      'end pg-2/init',
      'ready pg-2',
    ]);
  });

  it('initializes all instances together under podManagementPolicy Parallel', async () => {
    const t = await timeline([
      {
        name: 'web',
        ...slowReady,
        replicas: 3,
        podManagementPolicy: 'Parallel',
        steps: [sleepStep('init', 1)],
      },
    ]);
    const starts = ['web-0', 'web-1', 'web-2'].map((i) => t.at(`start ${i}/init`));
    const ends = ['web-0', 'web-1', 'web-2'].map((i) => t.at(`end ${i}/init`));
    expect(Math.max(...starts)).toBeLessThan(Math.min(...ends));
  });
});
