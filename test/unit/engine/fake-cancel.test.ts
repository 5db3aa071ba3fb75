// Cancellation and fatal errors on the fake runtime: the running step is killed and reported Cancelled, and
// what the run created is removed in order (step and main containers before their sandbox, containers
// before the volumes they use, the network last) so nothing is left behind.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { down } from '../../../src/engine/down.js';
import type { RunEvent } from '../../../src/engine/types.js';
import { CancelledError } from '../../../src/errors.js';
import { claim, emptyDir, project } from '../../support/model.js';
import type { FakeRuntime } from '../../support/fake-runtime.js';
import { sleeper, expectLeft, fakeRuntime, runUp, stepOf, useStateDir, warnings } from './fake-harness.js';

const stateDir = useStateDir();

/** db (a volume, one quick step) and tb after it (a volume, an emptyDir, a long step then another). */
const twoServices = () =>
  project('p', [
    { name: 'db', ...sleeper, volumes: [claim('data', '/data')], steps: [{ name: 'quick' }] },
    {
      name: 'tb',
      ...sleeper,
      dependsOn: ['db'],
      volumes: [claim('data', '/data'), emptyDir('scratch', '/scratch')],
      steps: [{ name: 'long' }, { name: 'later' }],
    },
  ]);

const longRunning = () =>
  fakeRuntime({
    script: (c) => (c.step === 'long' ? { output: ['started'], runMs: 'forever' } : undefined),
  });

/** The removals of the run, in order, from the first call after `from` (the project's lock: fake-lock.test.ts). */
const removals = (rt: FakeRuntime, from = 0): string[] =>
  rt.calls
    .slice(from)
    .filter((c) => c.method.startsWith('remove') && c.method !== 'removeLock')
    .map((c) => `${c.method} ${c.target}`);

/** `before` comes earlier than every entry of `after` in `log`. */
function expectBefore(log: string[], before: string, after: string[]): void {
  const at = log.indexOf(before);
  expect(at, `${before} in ${log.join(', ')}`).toBeGreaterThanOrEqual(0);
  for (const a of after) {
    expect(log.indexOf(a), `${a} in ${log.join(', ')}`).toBeGreaterThan(at);
  }
}

const markerFiles = (dir: string): string[] => {
  try {
    return readdirSync(join(dir, 'markers'));
  } catch {
    return [];
  }
};

describe('cancel mid-step', () => {
  it('kills the running step, reports it Cancelled and removes everything the run created, in order', async () => {
    const rt = longRunning();
    const controller = new AbortController();
    let markersBeforeCancel: string[] = [];
    let callsBeforeCancel = 0;
    const onEvent = (e: RunEvent) => {
      if (e.type === 'step-output' && e.step === 'long') {
        markersBeforeCancel = markerFiles(stateDir());
        callsBeforeCancel = rt.calls.length;
        controller.abort('SIGTERM');
      }
    };
    const run = await runUp(rt, twoServices(), { signal: controller.signal, onEvent, runId: 'r1' });

    expect(run.cancelled?.signal).toBe('SIGTERM');
    expect(run.ms).toBeLessThan(1000);
    const { report } = run;
    expect(stepOf(report, 'tb-0', 'long')).toMatchObject({
      status: 'Cancelled',
      reason: 'Cancelled',
      message: 'run cancelled',
      attempts: 1,
      exitCode: 137,
      logTail: ['started'],
    });
    expect(stepOf(report, 'tb-0', 'later')).toMatchObject({ status: 'Pending', attempts: 0 });
    expect(stepOf(report, 'db-0', 'quick').status).toBe('Succeeded');
    expect(run.lines).toContain('✗ init step "long" on tb-0 cancelled: run cancelled');
    // Cancelled, not timed out: straight to SIGKILL.
    expect(rt.log('killContainer')).toEqual(['killContainer step tb-0/long#1 SIGKILL']);
    // A cancelled attempt is not retried.
    expect(run.events.filter((e) => e.type === 'step-retry')).toEqual([]);

    const removed = removals(rt, callsBeforeCancel);
    expect([...removed].sort()).toEqual(
      [
        'removeContainer step tb-0/long#1',
        'removeContainer main db-0',
        'removeContainer sandbox db-0',
        'removeContainer sandbox tb-0',
        // The persistent volumes this run created go too (a cancelled run leaves nothing), as does the emptyDir.
        'removeVolume initsteps_p_db-0_data',
        'removeVolume initsteps_p_tb-0_data',
        'removeVolume initsteps_p_tb-0_scratch_r1',
        'removeNetwork initsteps_p',
      ].sort(),
    );
    expectBefore(removed, 'removeContainer step tb-0/long#1', ['removeContainer sandbox tb-0']);
    expectBefore(removed, 'removeContainer main db-0', ['removeContainer sandbox db-0']);
    for (const c of removed.filter((r) => r.startsWith('removeContainer'))) {
      expectBefore(removed, c, ['removeVolume initsteps_p_tb-0_data', 'removeNetwork initsteps_p']);
    }
    expect(removed.at(-1)).toBe('removeNetwork initsteps_p');
    expect(warnings(run.events)).toEqual([]);
    expectLeft(rt);
    // Nothing is left for the action's post step either, and the markers of the removed volumes are gone.
    expect(report.created).toMatchObject({ containers: [], networks: [], volumes: [] });
    expect(markersBeforeCancel).toHaveLength(1);
    expect(markerFiles(stateDir())).toEqual([]);
  });

  it('keeps the started services when asked to (keepOnCancel), but never a step container', async () => {
    const rt = longRunning();
    const controller = new AbortController();
    const onEvent = (e: RunEvent) => {
      if (e.type === 'step-output' && e.step === 'long') controller.abort();
    };
    const run = await runUp(rt, twoServices(), {
      signal: controller.signal,
      onEvent,
      keepOnCancel: true,
      runId: 'r1',
    });
    expect(run.cancelled?.signal).toBe('SIGINT');
    expect(stepOf(run.report, 'tb-0', 'long').status).toBe('Cancelled');
    const kept = [
      'sandbox db-0 (running)',
      'main db-0 (running)',
      'sandbox tb-0 (running)',
      'volume initsteps_p_db-0_data',
      'volume initsteps_p_tb-0_data',
      'volume initsteps_p_tb-0_scratch_r1',
      'network initsteps_p',
    ];
    expectLeft(rt, kept);
    // The report lists what is left, for the action's post step.
    expect(run.report.created.containers.map((id) => rt.describe(id)).sort()).toEqual(
      ['main db-0', 'sandbox db-0', 'sandbox tb-0'].sort(),
    );
    expect(run.report.created.volumes).toEqual(['initsteps_p_tb-0_scratch_r1']);
    expect(run.report.created.networks).toHaveLength(1);

    const result = await down(rt, { project: 'p', volumes: true });
    expect(result).toMatchObject({ containers: 3, volumes: 3, networks: 1, warnings: [] });
    expectLeft(rt);
  });

  it('cancels during the backoff: the step is Cancelled after the attempt that failed', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'flaky' ? { exitCode: 4 } : undefined) });
    const controller = new AbortController();
    const onEvent = (e: RunEvent) => {
      if (e.type === 'step-retry') controller.abort('SIGINT');
    };
    const p = project('p', [{ name: 'tb', ...sleeper, steps: [{ name: 'flaky', attempts: 3 }] }]);
    const run = await runUp(rt, p, { signal: controller.signal, onEvent, backoffBaseMs: 60_000 });
    expect(run.ms).toBeLessThan(1000);
    expect(run.cancelled?.signal).toBe('SIGINT');
    expect(stepOf(run.report, 'tb-0', 'flaky')).toMatchObject({
      status: 'Cancelled',
      reason: 'Cancelled',
      message: 'run cancelled',
      attempts: 1,
    });
    expect(rt.log('createContainer')).toEqual([
      'createContainer sandbox tb-0',
      'createContainer step tb-0/flaky#1',
    ]);
    expectLeft(rt);
  });

  it('cancels a pull that is under way', async () => {
    const rt = fakeRuntime({ pull: () => ({ delayMs: 60_000 }) });
    const controller = new AbortController();
    const onEvent = (e: RunEvent) => {
      if (e.type === 'image-pull') controller.abort('SIGTERM');
    };
    const p = project('p', [{ name: 'tb', image: 'big:1', ...sleeper, steps: [{ name: 'a' }] }]);
    const run = await runUp(rt, p, { signal: controller.signal, onEvent });
    expect(run.ms).toBeLessThan(1000);
    expect(run.cancelled?.signal).toBe('SIGTERM');
    expect(rt.hasImage('big:1')).toBe(false);
    // Pulls begin with the run, before any instance is prepared.
    expect(rt.log('createContainer')).toEqual([]);
    expectLeft(rt);
  });

  it('starts nothing when cancelled before it began, and reports every step Pending', async () => {
    const rt = fakeRuntime();
    const run = await runUp(rt, twoServices(), { signal: AbortSignal.abort('SIGTERM') });
    expect(run.cancelled?.signal).toBe('SIGTERM');
    expect(run.report.steps.map((s) => s.status)).toEqual(['Pending', 'Pending', 'Pending']);
    expect(rt.log('createContainer', 'createVolume', 'ensureNetwork')).toEqual([]);
    expectLeft(rt);
  });

  it('reports a run-level timeout as the timeout kind', async () => {
    const rt = longRunning();
    const controller = new AbortController();
    const onEvent = (e: RunEvent) => {
      // What the CLI's --timeout aborts with.
      if (e.type === 'step-output') controller.abort(new CancelledError('timeout'));
    };
    const run = await runUp(rt, twoServices(), { signal: controller.signal, onEvent });
    expect(run.cancelled?.signal).toBe('timeout');
    expect(stepOf(run.report, 'tb-0', 'long').status).toBe('Cancelled');
    expectLeft(rt);
  });
});

describe('a fatal error', () => {
  it('removes what the run created but the persistent volumes, and throws', async () => {
    const rt = fakeRuntime({
      fault: (method) => (method === 'ensureNetwork' ? 'Cannot connect to the Docker daemon' : undefined),
    });
    const p = project('p', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data'), emptyDir('tmp', '/tmp')],
        steps: [{ name: 'a' }],
      },
    ]);
    await expect(runUp(rt, p, { runId: 'r1' })).rejects.toThrow('Cannot connect to the Docker daemon');
    expect(removals(rt)).toEqual(['removeVolume initsteps_p_db-0_tmp_r1']);
    expectLeft(rt, ['volume initsteps_p_db-0_data']);
  });
});
