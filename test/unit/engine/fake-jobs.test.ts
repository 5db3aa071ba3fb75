// Jobs on the fake runtime (docs/spec.md, "Jobs"): init steps, then the job's own container to completion
// with attempts, timeouts and a deadline; what depends on a job waits for it to succeed; nothing of a job
// stays running.
import { describe, expect, it } from 'vitest';
import { jobLogKey, loadLastRun } from '../../../src/engine/state.js';
import { status } from '../../../src/engine/status.js';
import { LABEL } from '../../../src/engine/labels.js';
import type { JobResult, RunEvent, RunReport, VolumeCache } from '../../../src/engine/types.js';
import type { CreateContainerSpec } from '../../../src/runtime/types.js';
import { claim, project } from '../../support/model.js';
import {
  BACKOFF_MS,
  expectLeft,
  fakeRuntime,
  runUp,
  serviceStatuses,
  sleeper,
  statuses,
  stepOf,
  useStateDir,
  warnings,
} from './fake-harness.js';

const stateDir = useStateDir();

const jobOf = (report: RunReport, name: string): JobResult => {
  const r = report.jobs.find((j) => j.name === name);
  if (!r) throw new Error(`no result for job ${name}`);
  return r;
};

const jobStatuses = (r: RunReport): string[] =>
  r.jobs.map((j) => [`${j.name}: ${j.status}`, j.reason].filter(Boolean).join(' '));

/** db (a service), migrate (a job after db), app (a service after migrate). */
const dbMigrateApp = (job: { attempts?: number; activeDeadlineMs?: number; timeoutMs?: number } = {}) =>
  project('p', [
    { name: 'db', ...sleeper, volumes: [claim('data', '/data')], steps: [{ name: 'initdb' }] },
    { name: 'migrate', command: ['migrate', 'up'], dependsOn: ['db'], job },
    { name: 'app', ...sleeper, dependsOn: ['migrate'], steps: [{ name: 'warm' }] },
  ]);

describe('a job that succeeds', () => {
  it('runs its steps, then its container to completion, and leaves nothing of itself running', async () => {
    let created: CreateContainerSpec | undefined;
    const rt = fakeRuntime({
      script: (c) => {
        if (c.role !== 'job') return undefined;
        created = c.spec;
        return { output: ['applied 2 migrations'], runMs: 5 };
      },
    });
    const p = project('p', [
      {
        name: 'migrate',
        command: ['migrate', 'up'],
        volumes: [claim('state', '/state')],
        steps: [{ name: 'wait' }],
        job: {},
      },
    ]);
    const run = await runUp(rt, p);

    expect(statuses(run.report)).toEqual(['migrate-0/wait: Succeeded']);
    expect(run.report.services).toEqual([]);
    expect(jobOf(run.report, 'migrate')).toMatchObject({
      instance: 'migrate-0',
      status: 'Succeeded',
      exitCode: 0,
      attempts: 1,
      logTail: ['applied 2 migrations'],
      failurePos: { file: '/spec/initsteps.yaml', line: 8, col: 3 },
    });
    expect(jobOf(run.report, 'migrate').durationMs).toBeGreaterThan(0);
    expect(rt.log('createContainer', 'startContainer', 'removeContainer')).toEqual([
      'createContainer sandbox migrate-0',
      'startContainer sandbox migrate-0',
      'createContainer step migrate-0/wait#1',
      'startContainer step migrate-0/wait#1',
      'removeContainer step migrate-0/wait#1',
      'createContainer job migrate-0#1',
      'startContainer job migrate-0#1',
      'removeContainer job migrate-0#1',
      'removeContainer sandbox migrate-0',
    ]);
    // The job's container is the main spec: its command, the instance's labels and volumes, in the sandbox.
    expect(created?.entrypoint).toEqual(['migrate', 'up']);
    expect(created?.mounts.map((m) => m.target)).toEqual(['/state']);
    expect(created?.network).toMatchObject({ mode: 'container' });
    expect(created?.labels).toMatchObject({ [LABEL.role]: 'job', [LABEL.instance]: 'migrate-0' });

    expect(run.lines.filter((l) => !l.startsWith('•'))).toEqual([
      '▶ init step "wait" on migrate-0',
      '✓ init step "wait" on migrate-0 succeeded',
      '▶ job "migrate"',
      'migrate-0/migrate | applied 2 migrations',
      expect.stringMatching(/^✓ job "migrate" succeeded \(\d+(\.\d)?s\)$/),
    ]);
    // Nothing to remove afterwards but the network (and the volume, which stays).
    expect(run.report.created.containers).toEqual([]);
    expect(warnings(run.events)).toEqual([]);
    expectLeft(rt, ['volume initsteps_p_migrate-0_state', 'network initsteps_p']);

    // `status` and `logs` read it back from the last run.
    const last = await loadLastRun('p', stateDir());
    expect(last?.report.jobs.map((j) => j.status)).toEqual(['Succeeded']);
    expect(last?.logs[jobLogKey('migrate-0')]).toEqual(['applied 2 migrations']);
    const st = await status(rt, p);
    expect(st.services).toEqual([]);
    expect(st.jobs).toEqual([
      {
        name: 'migrate',
        last: expect.objectContaining({ status: 'Succeeded', exitCode: 0, attempts: 1 }) as unknown,
        steps: [expect.objectContaining({ step: 'wait', status: 'Succeeded' })],
      },
    ]);
  });

  it('runs again on every up, steps by their runIf', async () => {
    const rt = fakeRuntime();
    const p = project('p', [
      { name: 'migrate', volumes: [claim('state', '/state')], steps: [{ name: 'seed' }], job: {} },
    ]);
    await runUp(rt, p);
    const second = await runUp(rt, p);
    expect(statuses(second.report)).toEqual(['migrate-0/seed: Skipped']);
    expect(jobStatuses(second.report)).toEqual(['migrate: Succeeded']);
    expect(rt.log('createContainer').filter((l) => l.startsWith('createContainer job'))).toEqual([
      'createContainer job migrate-0#1',
      'createContainer job migrate-0#2',
    ]);
  });

  it('sits between services: the dependent starts after the job container is gone', async () => {
    const rt = fakeRuntime();
    const run = await runUp(rt, dbMigrateApp());
    expect(serviceStatuses(run.report)).toEqual(['db: Running', 'app: Running']);
    expect(jobStatuses(run.report)).toEqual(['migrate: Succeeded']);
    const log = rt.log('createContainer', 'startContainer', 'removeContainer');
    const at = (line: string) => {
      const i = log.indexOf(line);
      expect(i, `${line} in ${log.join(', ')}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at('startContainer main db-0')).toBeLessThan(at('createContainer job migrate-0#1'));
    expect(at('removeContainer job migrate-0#1')).toBeLessThan(at('createContainer step app-0/warm#1'));
    // The job's sandbox goes in the background (what depends on the job does not wait for it), before up returns.
    expect(at('removeContainer sandbox migrate-0')).toBeGreaterThan(at('removeContainer job migrate-0#1'));
    expectLeft(rt, [
      'sandbox db-0 (running)',
      'main db-0 (running)',
      'sandbox app-0 (running)',
      'main app-0 (running)',
      'volume initsteps_p_db-0_data',
      'network initsteps_p',
    ]);
  });

  it('is selected with what depends on it (`--services app`)', async () => {
    const rt = fakeRuntime();
    const run = await runUp(rt, dbMigrateApp(), { services: ['app'] });
    expect(jobStatuses(run.report)).toEqual(['migrate: Succeeded']);
    expect(serviceStatuses(run.report)).toEqual(['db: Running', 'app: Running']);
  });
});

describe('a job that fails', () => {
  it("retries its container with its own backoff, doubling up to the cap (a Kubernetes Job's)", async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'job' ? { exitCode: 1 } : undefined) });
    const job = { attempts: 4, backoff: { baseMs: 5, capMs: 8 } };
    const run = await runUp(rt, project('p', [{ name: 'migrate', job }]));
    expect(run.events.flatMap((e) => (e.type === 'job-retry' ? [e.delayMs] : []))).toEqual([5, 8, 8]);
    expect(jobOf(run.report, 'migrate')).toMatchObject({ reason: 'JobFailed', attempts: 4 });
  });

  it('is JobFailed after its attempts, with doubling backoff, and its dependents are DependencyFailed', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.role === 'job' ? { output: [`attempt ${c.nth}`], exitCode: 3 } : undefined),
    });
    const run = await runUp(rt, dbMigrateApp({ attempts: 3 }));

    expect(jobOf(run.report, 'migrate')).toMatchObject({
      status: 'Failed',
      reason: 'JobFailed',
      exitCode: 3,
      attempts: 3,
      logTail: ['attempt 1', 'attempt 2', 'attempt 3'],
    });
    expect(jobOf(run.report, 'migrate').message).toBeUndefined();
    expect(run.ms).toBeGreaterThanOrEqual(3 * BACKOFF_MS - 5);
    expect(serviceStatuses(run.report)).toEqual(['db: Running', 'app: Failed DependencyFailed']);
    expect(stepOf(run.report, 'app-0', 'warm')).toMatchObject({
      status: 'Pending',
      message: 'not run: dependency "migrate" failed',
    });
    expect(run.lines.filter((l) => l.includes('job'))).toEqual([
      '▶ job "migrate"',
      '↻ job "migrate": attempt 1 failed (ExitNonZero exit code 3); retrying in 0s',
      '▶ job "migrate" (attempt 2 of 3)',
      '↻ job "migrate": attempt 2 failed (ExitNonZero exit code 3); retrying in 0s',
      '▶ job "migrate" (attempt 3 of 3)',
      '✗ job "migrate" failed: JobFailed exit code 3 after 3 attempts',
    ]);
    // Nothing of app ran (its sandbox, if started ahead, is gone); every job container and the job's sandbox are gone.
    expect(
      rt
        .log('createContainer')
        .filter((l) => l.includes('app-0') && !l.startsWith('createContainer sandbox')),
    ).toEqual([]);
    expectLeft(rt, [
      'sandbox db-0 (running)',
      'main db-0 (running)',
      'volume initsteps_p_db-0_data',
      'network initsteps_p',
    ]);
  });

  it('is JobFailed with the reason of an attempt that timed out', async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'job' ? { runMs: 'forever' } : undefined) });
    const p = project('p', [{ name: 'migrate', job: { attempts: 2, timeoutMs: 30 } }]);
    const run = await runUp(rt, p);
    expect(jobOf(run.report, 'migrate')).toMatchObject({
      status: 'Failed',
      reason: 'JobFailed',
      attempts: 2,
      message: 'Timeout: timed out after 30ms',
    });
    expect(rt.log('killContainer')).toEqual([
      'killContainer job migrate-0#1 SIGTERM',
      'killContainer job migrate-0#2 SIGTERM',
    ]);
    expectLeft(rt, ['network initsteps_p']);
  });

  it('is InitStepFailed when a step fails; its container never runs', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'wait' ? { exitCode: 1 } : undefined) });
    const p = project('p', [
      { name: 'migrate', steps: [{ name: 'wait', attempts: 1 }], job: {} },
      { name: 'app', ...sleeper, dependsOn: ['migrate'] },
    ]);
    const run = await runUp(rt, p);
    expect(jobOf(run.report, 'migrate')).toMatchObject({
      status: 'Failed',
      reason: 'InitStepFailed',
      attempts: 0,
      message: 'init step "wait" failed: ExitNonZero exit code 1',
    });
    expect(serviceStatuses(run.report)).toEqual(['app: Failed DependencyFailed']);
    expect(rt.log('createContainer').filter((l) => l.includes('job'))).toEqual([]);
    expect(run.lines).toContain(
      '✗ job "migrate" failed: InitStepFailed: init step "wait" failed: ExitNonZero exit code 1',
    );
    expectLeft(rt, ['network initsteps_p']);
  });

  it('is DependencyFailed when a service it depends on failed', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'initdb' ? { exitCode: 1 } : undefined) });
    const run = await runUp(rt, dbMigrateApp());
    expect(jobOf(run.report, 'migrate')).toMatchObject({
      status: 'Failed',
      reason: 'DependencyFailed',
      message: 'dependency "db" failed',
      attempts: 0,
    });
    expect(serviceStatuses(run.report)).toEqual([
      'db: Failed InitStepFailed',
      'app: Failed DependencyFailed',
    ]);
    expect(run.lines).toContain('✗ job "migrate" failed: DependencyFailed: dependency "db" failed');
  });

  it('is StartFailed when its image cannot be had', async () => {
    const rt = fakeRuntime();
    const p = project('p', [{ name: 'migrate', image: 'missing:1', pullPolicy: 'Never', job: {} }]);
    const run = await runUp(rt, p);
    expect(jobOf(run.report, 'migrate')).toMatchObject({
      status: 'Failed',
      reason: 'StartFailed',
      attempts: 0,
      message: 'ImageNotPresent: image missing:1 is not present and imagePullPolicy is Never',
    });
    expectLeft(rt, ['network initsteps_p']);
  });
});

describe('activeDeadlineSeconds', () => {
  it('stops the job container when the deadline passes, whatever its attempts and timeout say', async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'job' ? { runMs: 'forever' } : undefined) });
    const p = project('p', [
      { name: 'migrate', job: { attempts: 5, timeoutMs: 60_000, activeDeadlineMs: 150 } },
    ]);
    const run = await runUp(rt, p);
    expect(run.ms).toBeLessThan(2000);
    expect(jobOf(run.report, 'migrate')).toMatchObject({
      status: 'Failed',
      reason: 'DeadlineExceeded',
      attempts: 1,
      message: 'activeDeadlineSeconds 0.15 exceeded',
    });
    expect(run.lines).toContain(
      '✗ job "migrate" failed: DeadlineExceeded after 1 attempt: activeDeadlineSeconds 0.15 exceeded',
    );
    expect(run.events.filter((e) => e.type === 'job-retry')).toEqual([]);
    expectLeft(rt, ['network initsteps_p']);
  });

  it('counts the init steps: a step running at the deadline fails, the job container never runs', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'slow' ? { runMs: 'forever' } : undefined) });
    const p = project('p', [
      { name: 'migrate', steps: [{ name: 'slow', timeoutMs: 60_000 }], job: { activeDeadlineMs: 100 } },
    ]);
    const run = await runUp(rt, p);
    expect(stepOf(run.report, 'migrate-0', 'slow')).toMatchObject({
      status: 'Failed',
      reason: 'Timeout',
      attempts: 1,
      message: 'activeDeadlineSeconds 0.1 exceeded',
    });
    expect(jobOf(run.report, 'migrate')).toMatchObject({
      status: 'Failed',
      reason: 'DeadlineExceeded',
      attempts: 0,
      message: 'activeDeadlineSeconds 0.1 exceeded during init step "slow"',
    });
    expect(rt.log('createContainer').filter((l) => l.includes('job'))).toEqual([]);
    expectLeft(rt, ['network initsteps_p']);
  });

  it('starts no retry whose doubled backoff would end past the deadline', async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'job' ? { exitCode: 2 } : undefined) });
    const job = { attempts: 5, backoff: { baseMs: 50, capMs: 10_000 }, activeDeadlineMs: 250 };
    const run = await runUp(rt, project('p', [{ name: 'migrate', job }]));
    // Waits 50 ms, then 100 ms; the next 200 ms would end past the deadline.
    expect(run.events.flatMap((e) => (e.type === 'job-retry' ? [e.delayMs] : []))).toEqual([50, 100]);
    expect(jobOf(run.report, 'migrate')).toMatchObject({ reason: 'DeadlineExceeded', attempts: 3 });
  });

  it('starts no retry whose backoff would end past the deadline', async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'job' ? { exitCode: 2 } : undefined) });
    const p = project('p', [{ name: 'migrate', job: { attempts: 3, activeDeadlineMs: BACKOFF_MS / 2 } }]);
    const run = await runUp(rt, p);
    expect(jobOf(run.report, 'migrate')).toMatchObject({
      reason: 'DeadlineExceeded',
      attempts: 1,
      exitCode: 2,
    });
    expect(rt.log('createContainer').filter((l) => l.includes('job'))).toEqual([
      'createContainer job migrate-0#1',
    ]);
  });
});

describe('the cache', () => {
  const withVolume = () =>
    project('p', [
      { name: 'migrate', volumes: [claim('state', '/state')], steps: [{ name: 'seed' }], job: {} },
    ]);

  it("puts a job's volumes in the project's entry, saved after the job's own container succeeded", async () => {
    const rt = fakeRuntime();
    const saved: string[] = [];
    const cache: VolumeCache = {
      restore: async () => ({ result: 'miss' }),
      wantsSave: async () => true,
      save: async (ctx) => {
        saved.push(
          `${ctx.instances.map((i) => i.instance.name).join(', ')} after ${rt.log('removeContainer').join(', ')}`,
        );
        return true;
      },
    };
    await runUp(rt, withVolume(), { cache });
    expect(saved).toEqual([
      'migrate-0 after removeContainer step migrate-0/seed#1, removeContainer job migrate-0#1, ' +
        'removeContainer sandbox migrate-0',
    ]);
  });

  it('saves nothing of a run whose job failed', async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'job' ? { exitCode: 1 } : undefined) });
    const saved: string[] = [];
    const cache: VolumeCache = {
      restore: async () => ({ result: 'miss' }),
      wantsSave: async () => true,
      save: async (ctx) => {
        saved.push(ctx.instances.map((i) => i.instance.name).join(', '));
        return true;
      },
    };
    const run = await runUp(rt, withVolume(), { cache });
    expect(jobStatuses(run.report)).toEqual(['migrate: Failed JobFailed']);
    expect(saved).toEqual([]);
  });
});

describe('cancellation', () => {
  it('kills the running job container, reports the job cancelled and leaves nothing', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.role === 'job' ? { output: ['working'], runMs: 'forever' } : undefined),
    });
    const controller = new AbortController();
    const onEvent = (e: RunEvent) => {
      if (e.type === 'job-output') controller.abort('SIGTERM');
    };
    const p = project('p', [{ name: 'migrate', job: {} }]);
    const run = await runUp(rt, p, { signal: controller.signal, onEvent });
    expect(run.cancelled?.signal).toBe('SIGTERM');
    expect(jobOf(run.report, 'migrate')).toMatchObject({
      status: 'Failed',
      reason: 'Cancelled',
      attempts: 1,
      logTail: ['working'],
    });
    expect(run.lines).toContain('✗ job "migrate" cancelled');
    expect(rt.log('killContainer')).toEqual(['killContainer job migrate-0#1 SIGKILL']);
    expectLeft(rt);
  });
});
