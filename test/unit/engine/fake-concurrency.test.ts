// One run per project, the run's state written as it goes, and volumes held by the sandbox, on the fake
// runtime (docs/spec.md, "One run per project"). The real engine and real processes: concurrency.test.ts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { down } from '../../../src/engine/down.js';
import { LABEL, lockName } from '../../../src/engine/labels.js';
import { findLeftovers } from '../../../src/engine/leftovers.js';
import { acquireProjectLock } from '../../../src/engine/project-lock.js';
import { thisProcess, type RunOwner } from '../../../src/engine/run-owner.js';
import { saveLastRun, type LastRun } from '../../../src/engine/state.js';
import { status } from '../../../src/engine/status.js';
import type { RunEvent } from '../../../src/engine/types.js';
import { CancelledError, LockTimeoutError } from '../../../src/errors.js';
import { claim, emptyDir, project } from '../../support/model.js';
import { expectLeft, fakeRuntime, runUp, sleeper, statuses, stepOf, useStateDir } from './fake-harness.js';

const stateDir = useStateDir();

/** db: a persistent volume, an emptyDir and one step that runs `stepMs`. */
const db = (stepMs = 0) => ({
  runtime: fakeRuntime({
    script: (c) => (c.step === 'initdb' ? { runMs: stepMs, writes: ['/data/PG_VERSION'] } : undefined),
  }),
  project: project('p', [
    {
      name: 'db',
      ...sleeper,
      volumes: [claim('data', '/data'), emptyDir('tmp', '/tmp')],
      steps: [{ name: 'initdb' }],
    },
  ]),
});

/** A process that has exited: its pid names nobody (or somebody else) now. */
async function deadOwner(): Promise<RunOwner> {
  const child = spawn('true');
  await new Promise((resolve) => child.once('exit', resolve));
  return { ...thisProcess(), pid: child.pid ?? 0, startTime: 'long-gone:1' };
}

function lockLabels(owner: RunOwner, runId: string): Record<string, string> {
  return {
    [LABEL.project]: 'p',
    [LABEL.role]: 'lock',
    [LABEL.run]: runId,
    [LABEL.lockCommand]: 'up',
    [LABEL.lockPid]: String(owner.pid),
    [LABEL.lockHost]: owner.host,
    [LABEL.lockSince]: '2025-01-01T00:00:00.000Z',
    ...(owner.startTime !== undefined && { [LABEL.lockStartTime]: owner.startTime }),
    ...(owner.pidNamespace !== undefined && { [LABEL.lockPidNamespace]: owner.pidNamespace }),
  };
}

const notices = (events: RunEvent[]): string[] =>
  events.flatMap((e) => (e.type === 'notice' ? [e.message] : []));

/** Resolves at the first event `pick` accepts. */
function eventOf(pick: (e: RunEvent) => boolean): { onEvent: (e: RunEvent) => void; seen: Promise<void> } {
  let seen = () => {};
  const promise = new Promise<void>((resolve) => (seen = resolve));
  return { onEvent: (e) => pick(e) && seen(), seen: promise };
}

describe('one run per project', () => {
  it('a second up waits for the first, says once whose run it waits for, and finds the volume initialized', async () => {
    const { runtime: rt, project: p } = db(300);
    const timeline: string[] = [];
    const tag = (who: string) => (e: RunEvent) => {
      if (e.type === 'step-start' || e.type === 'step-end' || e.type === 'service-status') timeline.push(who);
    };
    const first = runUp(rt, p, { runId: 'first', onEvent: tag('first') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await runUp(rt, p, { runId: 'second', onEvent: tag('second') });
    expect(statuses((await first).report)).toEqual(['db-0/initdb: Succeeded']);
    expect(statuses(second.report)).toEqual(['db-0/initdb: Skipped']);
    expect(notices(second.events)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^project p is locked by initsteps up \\(run first, pid ${process.pid} on host .+, since .+\\): waiting up to 10m for it$`,
        ),
      ),
    ]);
    // Not one event of the second run before the first one's last.
    expect(timeline.indexOf('second')).toBeGreaterThan(timeline.lastIndexOf('first'));
    expect(rt.log('createContainer').filter((l) => l.includes('initdb'))).toEqual([
      'createContainer step db-0/initdb#1',
    ]);
    expect(rt.objects().filter((o) => o.startsWith('lock'))).toEqual([]);
  });

  it('fails at once with lock timeout 0, naming the holder, and touches nothing', async () => {
    const { runtime: rt, project: p } = db();
    await rt.createLock(lockName('p'), lockLabels(thisProcess(), 'other'));
    const before = rt.calls.length;
    const error: unknown = await runUp(rt, p, { lockTimeoutMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect((error as Error).message).toMatch(
      /^project p is still locked by initsteps up \(run other, pid \d+ on host .+, since 2025-01-01T00:00:00\.000Z\) and the lock timeout is 0 \(--lock-timeout, action input lock-timeout\); if that run is gone, remove its lock: docker rm initsteps_p_lock$/,
    );
    expect(rt.log().slice(before)).toEqual(['createLock initsteps_p_lock', 'inspectLock initsteps_p_lock']);
    expect(rt.objects()).toEqual(['lock p (created)']);
  });

  it('takes over the lock of a run whose process is gone, and says so', async () => {
    const { runtime: rt, project: p } = db();
    await rt.createLock(lockName('p'), lockLabels(await deadOwner(), 'dead'));
    const run = await runUp(rt, p, { runId: 'r1' });
    expect(statuses(run.report)).toEqual(['db-0/initdb: Succeeded']);
    expect(notices(run.events)).toEqual([
      expect.stringMatching(
        /^project p: took over the lock of initsteps up \(run dead, pid \d+ on host .+\): that process is gone$/,
      ),
    ]);
    expect(rt.objects().filter((o) => o.startsWith('lock'))).toEqual([]);
  });

  it('waits for a holder it cannot check (another host) until the lock timeout', async () => {
    const { runtime: rt, project: p } = db();
    await rt.createLock(lockName('p'), lockLabels({ pid: 4242, host: 'elsewhere' }, 'other'));
    const began = Date.now();
    const events: RunEvent[] = [];
    const error: unknown = await runUp(rt, p, { lockTimeoutMs: 400, onEvent: (e) => events.push(e) }).catch(
      (e: unknown) => e,
    );
    expect(Date.now() - began).toBeGreaterThanOrEqual(400);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(notices(events)).toEqual([
      'project p is locked by initsteps up (run other, pid 4242 on host elsewhere, since 2025-01-01T00:00:00.000Z): waiting up to 400ms for it',
    ]);
  });

  it('a wait cancelled by a signal creates nothing', async () => {
    const { runtime: rt, project: p } = db();
    await rt.createLock(lockName('p'), lockLabels(thisProcess(), 'other'));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new CancelledError('SIGINT')), 150);
    await expect(runUp(rt, p, { signal: controller.signal })).rejects.toThrow(CancelledError);
    expect(rt.objects()).toEqual(['lock p (created)']);
  });

  it('two waiters that find the same dead holder: one takes the lock, the other waits for it', async () => {
    const rt = fakeRuntime();
    await rt.createLock(lockName('p'), lockLabels(await deadOwner(), 'dead'));
    const held: string[] = [];
    const take = async (runId: string) => {
      const lock = await acquireProjectLock(rt, { project: 'p', command: 'up', runId, onNotice: () => {} });
      held.push(`${runId} takes`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      held.push(`${runId} releases`);
      await lock.release(() => {});
    };
    await Promise.all([take('a'), take('b')]);
    expect(held).toEqual(['a takes', 'a releases', 'b takes', 'b releases']);
    expect(rt.objects()).toEqual([]);
  });

  it('releases the lock after the cleanup of a cancelled run', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'long' ? { runMs: 'forever' } : undefined) });
    const p = project('p', [{ name: 'tb', ...sleeper, steps: [{ name: 'long' }] }]);
    const controller = new AbortController();
    const started = eventOf((e) => e.type === 'step-start');
    void started.seen.then(() => controller.abort(new CancelledError('SIGTERM')));
    const run = await runUp(rt, p, { signal: controller.signal, onEvent: started.onEvent });
    expect(run.cancelled).toBeDefined();
    expect(rt.log().at(-1)).toBe('removeLock lock p');
    expectLeft(rt);
  });

  it('down waits for up, then removes everything, its lock too', async () => {
    const { runtime: rt, project: p } = db(300);
    const started = eventOf((e) => e.type === 'step-start');
    const upping = runUp(rt, p, { onEvent: started.onEvent });
    await started.seen;
    const waitLines: string[] = [];
    const res = await down(rt, { project: 'p', volumes: true, onNotice: (m) => waitLines.push(m) });
    expect(statuses((await upping).report)).toEqual(['db-0/initdb: Succeeded']);
    expect(waitLines).toEqual([expect.stringMatching(/^project p is locked by initsteps up \(run /)]);
    expect(res).toMatchObject({ containers: 2, volumes: 2, networks: 1, warnings: [] });
    expectLeft(rt);
  });

  it('down takes over and removes a stale lock', async () => {
    const rt = fakeRuntime();
    await rt.createLock(lockName('p'), lockLabels(await deadOwner(), 'dead'));
    await down(rt, { project: 'p', volumes: false });
    expectLeft(rt);
  });
});

describe('the run state, written as it goes', () => {
  const lastRunFile = () => join(stateDir(), 'projects', 'p', 'last-run.json');
  const readRecord = (): LastRun => JSON.parse(readFileSync(lastRunFile(), 'utf8')) as LastRun;

  it('status shows the run in progress and its running step', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'long' ? { runMs: 'forever' } : undefined) });
    const p = project('p', [{ name: 'tb', ...sleeper, steps: [{ name: 'first' }, { name: 'long' }] }]);
    const controller = new AbortController();
    const started = eventOf((e) => e.type === 'step-start' && e.step === 'long');
    const running = runUp(rt, p, { signal: controller.signal, onEvent: started.onEvent });
    await started.seen;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const st = await status(rt, 'p');
    expect(st.lastRun).toMatchObject({ state: 'running', owner: { pid: process.pid } });
    expect(st.lastRun?.finishedAt).toBeUndefined();
    expect(st.services[0]?.instances[0]?.steps.map((s) => `${s.step}: ${s.status}`)).toEqual([
      'first: Succeeded',
      'long: Running',
    ]);
    controller.abort(new CancelledError('SIGINT'));
    await running;
    expect((await status(rt, 'p')).lastRun).toMatchObject({ state: 'finished' });
  });

  it('a run killed mid-step: status says it stopped with the step Running; the next up runs that step again', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.step === 'long' && c.nth === 1 ? { runMs: 'forever' } : undefined),
    });
    const p = project('p', [
      { name: 'db', ...sleeper, volumes: [claim('data', '/data')], steps: [{ name: 'long' }] },
      { name: 'web', ...sleeper, steps: [{ name: 'quick' }] },
    ]);
    const controller = new AbortController();
    const started = eventOf((e) => e.type === 'step-start');
    const running = runUp(rt, p, { signal: controller.signal, onEvent: started.onEvent });
    await started.seen;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // What a SIGKILL of this process right now would leave: the record as written, its owner gone.
    const left = { ...readRecord(), owner: await deadOwner() };
    controller.abort(new CancelledError('SIGINT'));
    await running;
    await saveLastRun('p', left, stateDir());

    const st = await status(rt, 'p');
    expect(st.lastRun).toMatchObject({ state: 'stopped' });
    expect(
      st.services.flatMap((s) => s.instances.flatMap((i) => i.steps.map((r) => `${r.step}: ${r.status}`))),
      // web does not depend on db: it ran alongside (docs/spec.md, "Services").
    ).toEqual(['long: Running', 'quick: Succeeded']);

    // Another service alone: the killed run's step is kept as interrupted, not as running.
    await runUp(rt, p, { services: ['web'] });
    expect(stepOf(readRecord().report, 'db-0', 'long')).toMatchObject({
      status: 'Cancelled',
      message: `interrupted: run ${left.runId} stopped while the step ran`,
    });
    const again = await runUp(rt, p);
    expect(stepOf(again.report, 'db-0', 'long')).toMatchObject({ status: 'Succeeded', attempts: 1 });
  });

  it('keeps what the run created in the record as it goes', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'long' ? { runMs: 'forever' } : undefined) });
    const p = project('p', [
      { name: 'tb', ...sleeper, volumes: [emptyDir('tmp', '/tmp')], steps: [{ name: 'long' }] },
    ]);
    const controller = new AbortController();
    const started = eventOf((e) => e.type === 'step-start');
    const running = runUp(rt, p, { runId: 'r1', signal: controller.signal, onEvent: started.onEvent });
    await started.seen;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const created = readRecord().report.created;
    expect(created.volumes).toEqual(['initsteps_p_tb-0_tmp_r1']);
    expect(created.containers.map((id) => rt.describe(id))).toEqual(['sandbox tb-0', 'step tb-0/long#1']);
    controller.abort(new CancelledError('SIGINT'));
    await running;
  });
});

describe('a volume removed under the run', () => {
  /** db with a persistent and an emptyDir volume and two steps; `remove` runs when `first` has ended. */
  async function removedAfterFirst(remove: string[]) {
    const rt = fakeRuntime();
    const p = project('p', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data'), emptyDir('tmp', '/tmp')],
        steps: [{ name: 'first' }, { name: 'second', volumes: ['data'] }],
      },
    ]);
    const removals: Promise<void>[] = [];
    const onEvent = (e: RunEvent) => {
      // Something outside initsteps (a `docker volume prune`) between two steps.
      if (e.type === 'step-end' && e.result.step === 'first')
        removals.push(...remove.map((v) => rt.removeVolume(v)));
    };
    const run = await runUp(rt, p, { runId: 'r1', onEvent });
    await Promise.all(removals);
    return { rt, run };
  }

  it('the next step that mounts it fails naming it, and the unlabelled volume Docker made in its place is removed', async () => {
    const { rt, run } = await removedAfterFirst(['initsteps_p_db-0_data']);
    expect(stepOf(run.report, 'db-0', 'second')).toMatchObject({
      status: 'Failed',
      reason: 'RuntimeError',
      message:
        'volume(s) initsteps_p_db-0_data removed while the run was using them (by a tool outside initsteps?)',
    });
    expect(rt.volumeLabels('initsteps_p_db-0_data')).toBeUndefined();
    expect(rt.log('createContainer').filter((l) => l.startsWith('createContainer main'))).toEqual([]);
    expect(rt.problems).toEqual([]);
  });

  it('the main container that mounts it is not started: the instance fails, and the stand-in is removed', async () => {
    const { rt, run } = await removedAfterFirst(['initsteps_p_db-0_tmp_r1']);
    // `second` does not mount tmp: it runs; main does, and is refused.
    expect(statuses(run.report)).toEqual(['db-0/first: Succeeded', 'db-0/second: Succeeded']);
    expect(run.report.services[0]?.instances[0]).toMatchObject({
      status: 'Failed',
      reason: 'StartFailed',
      message: expect.stringContaining(
        'volume(s) initsteps_p_db-0_tmp_r1 removed while the run was using them',
      ),
    });
    expect(rt.volumeLabels('initsteps_p_db-0_tmp_r1')).toBeUndefined();
    expect(rt.log('startContainer').filter((l) => l.includes('main'))).toEqual([]);
    expect(run.report.created.containers.map((id) => rt.describe(id))).toEqual(['sandbox db-0']);
  });
});

describe('what a stopped run left', () => {
  it('lists the run objects still there and the down command that removes them', async () => {
    const rt = fakeRuntime();
    rt.seedVolume('initsteps_p_db-0_old', { [LABEL.project]: 'p', [LABEL.run]: 'earlier' });
    rt.seedVolume('initsteps_p_db-0_data', { [LABEL.project]: 'p', [LABEL.run]: 'r1' });
    rt.seedVolume('initsteps_p_db-0_tmp_r1', {
      [LABEL.project]: 'p',
      [LABEL.run]: 'r1',
      [LABEL.ephemeral]: 'true',
    });
    rt.seedNetwork('initsteps_p', { [LABEL.project]: 'p' });
    const sandbox = rt.seedContainer({
      labels: { [LABEL.project]: 'p', [LABEL.run]: 'r1', [LABEL.role]: 'sandbox', [LABEL.instance]: 'db-0' },
    });
    const left = await findLeftovers(rt, 'p', 'r1');
    expect(left).toEqual({
      objects: [
        `container ${sandbox.slice(0, 12)} (sandbox db-0)`,
        'network initsteps_p',
        'volume initsteps_p_db-0_data (persistent, created by this run)',
        'volume initsteps_p_db-0_tmp_r1',
      ],
      down: 'initsteps down --project p --volumes',
      caution:
        "--volumes also removes the project's other persistent volume(s) initsteps_p_db-0_old; to keep them, " +
        'run it without --volumes and then: docker volume rm initsteps_p_db-0_data',
    });
  });

  it('without a run id: what down removes, persistent volumes only with --volumes', async () => {
    const rt = fakeRuntime();
    rt.seedVolume('initsteps_p_db-0_data', { [LABEL.project]: 'p', [LABEL.run]: 'r1' });
    expect(await findLeftovers(rt, 'p')).toEqual({ objects: [], down: 'initsteps down --project p' });
    expect(await findLeftovers(rt, 'p', undefined, true)).toEqual({
      objects: ['volume initsteps_p_db-0_data (persistent)'],
      down: 'initsteps down --project p --volumes',
    });
  });
});
