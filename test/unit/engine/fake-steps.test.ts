// One instance's init steps on the fake runtime: attempts and backoff, timeouts (SIGTERM, then SIGKILL),
// OOM and start failures, images and pull policies, captured output, and readiness of the main container.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/engine/types.js';
import { loadLastRun } from '../../../src/engine/state.js';
import type { Probe } from '../../../src/spec/model.js';
import { project } from '../../support/model.js';
import {
  sleeper,
  BACKOFF_MS,
  expectLeft,
  fakeRuntime,
  KILL_GRACE_MS,
  runUp,
  serviceStatuses,
  stepOf,
  useStateDir,
  warnings,
} from './fake-harness.js';

const stateDir = useStateDir();

const ofType = <T extends RunEvent['type']>(events: RunEvent[], type: T) =>
  events.filter((e): e is Extract<RunEvent, { type: T }> => e.type === type);

/** What is left after a run whose instance tb-0 has no volumes: its sandbox (and main), the network. */
const leftAfterFailure = ['sandbox tb-0 (running)', 'network initsteps_p'];

describe('attempts and backoff', () => {
  const failing = () =>
    fakeRuntime({ script: (c) => (c.step === 'bad' ? { output: [], exitCode: 1 } : undefined) });
  const delays = (events: RunEvent[]) => ofType(events, 'step-retry').map((e) => e.delayMs);

  it("doubles the run's base between attempts, without a cap below 10 s", async () => {
    const p = project('p', [{ name: 'db', ...sleeper, steps: [{ name: 'bad', attempts: 4 }] }]);
    const run = await runUp(failing(), p);
    expect(delays(run.events)).toEqual([BACKOFF_MS, 2 * BACKOFF_MS, 4 * BACKOFF_MS]);
    expect(stepOf(run.report, 'db-0', 'bad')).toMatchObject({ status: 'Failed', attempts: 4 });
  });

  it("doubles the step's own base up to its cap, and waits that long", async () => {
    const backoff = { baseMs: 10, capMs: 25 };
    const p = project('p', [{ name: 'db', ...sleeper, steps: [{ name: 'bad', attempts: 5, backoff }] }]);
    const run = await runUp(failing(), p);
    expect(delays(run.events)).toEqual([10, 20, 25, 25]);
    // Timers may fire a millisecond early by Date.now().
    expect(run.ms).toBeGreaterThanOrEqual(80 - 5);
  });

  it('takes the run default for the part a step leaves out', async () => {
    const backoff = { capMs: BACKOFF_MS };
    const p = project('p', [{ name: 'db', ...sleeper, steps: [{ name: 'bad', attempts: 3, backoff }] }]);
    const run = await runUp(failing(), p, { backoffCapMs: 1 });
    expect(delays(run.events)).toEqual([BACKOFF_MS, BACKOFF_MS]);
    const ownCap = await runUp(failing(), p, { backoffBaseMs: 15 });
    expect(delays(ownCap.events)).toEqual([15, BACKOFF_MS]);
  });

  it('retries a failing step with doubling backoff until it succeeds, one container per attempt', async () => {
    const rt = fakeRuntime({
      script: (c) =>
        c.step === 'flaky' ? { output: [`try ${c.nth}`], exitCode: c.nth < 3 ? 7 : 0 } : undefined,
    });
    const p = project('p', [{ name: 'db', ...sleeper, steps: [{ name: 'flaky', command: ['x'] }] }]);
    const run = await runUp(rt, p);

    expect(stepOf(run.report, 'db-0', 'flaky')).toMatchObject({
      status: 'Succeeded',
      attempts: 3,
      exitCode: 0,
      logTail: ['try 1', 'try 2', 'try 3'],
    });
    expect(stepOf(run.report, 'db-0', 'flaky').reason).toBeUndefined();
    expect(ofType(run.events, 'step-start').map((e) => `${e.attempt}/${e.attempts}`)).toEqual([
      '1/3',
      '2/3',
      '3/3',
    ]);
    expect(ofType(run.events, 'step-retry')).toEqual([
      {
        type: 'step-retry',
        instance: 'db-0',
        step: 'flaky',
        attempt: 1,
        delayMs: BACKOFF_MS,
        detail: 'ExitNonZero exit code 7',
      },
      {
        type: 'step-retry',
        instance: 'db-0',
        step: 'flaky',
        attempt: 2,
        delayMs: 2 * BACKOFF_MS,
        detail: 'ExitNonZero exit code 7',
      },
    ]);
    // Timers may fire a millisecond early by Date.now().
    expect(run.ms).toBeGreaterThanOrEqual(BACKOFF_MS + 2 * BACKOFF_MS - 5);
    // Each attempt's container is gone before the next one is created.
    expect(rt.log('createContainer', 'removeContainer').filter((l) => l.includes('flaky'))).toEqual([
      'createContainer step db-0/flaky#1',
      'removeContainer step db-0/flaky#1',
      'createContainer step db-0/flaky#2',
      'removeContainer step db-0/flaky#2',
      'createContainer step db-0/flaky#3',
      'removeContainer step db-0/flaky#3',
    ]);
    expect(run.lines.filter((l) => l.includes('flaky'))).toEqual([
      '▶ init step "flaky" on db-0',
      'db-0/flaky | try 1',
      '↻ init step "flaky" on db-0: attempt 1 failed (ExitNonZero exit code 7); retrying in 0s',
      '▶ init step "flaky" on db-0 (attempt 2 of 3)',
      'db-0/flaky | try 2',
      '↻ init step "flaky" on db-0: attempt 2 failed (ExitNonZero exit code 7); retrying in 0s',
      '▶ init step "flaky" on db-0 (attempt 3 of 3)',
      'db-0/flaky | try 3',
      '✓ init step "flaky" on db-0 succeeded',
    ]);
    expect(serviceStatuses(run.report)).toEqual(['db: Running']);
  });

  it('fails the instance after the last attempt with the exact exit code; later steps and main do not run', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.step === 'format' ? { output: ['trying'], exitCode: 9 } : undefined),
    });
    const p = project('p', [
      {
        name: 'tb',
        ...sleeper,
        steps: [
          { name: 'format', command: ['x'] },
          { name: 'after', command: ['true'] },
        ],
      },
    ]);
    const { report, lines } = await runUp(rt, p);
    expect(stepOf(report, 'tb-0', 'format')).toMatchObject({
      status: 'Failed',
      reason: 'ExitNonZero',
      exitCode: 9,
      attempts: 3,
      message: 'exit code 9',
      logTail: ['trying', 'trying', 'trying'],
    });
    expect(stepOf(report, 'tb-0', 'after')).toMatchObject({
      status: 'Pending',
      attempts: 0,
      message: 'not run: init step "format" failed',
    });
    expect(report.services[0]).toMatchObject({
      status: 'Failed',
      reason: 'InitStepFailed',
      message: 'tb-0: init step "format" failed: ExitNonZero exit code 9',
      instances: [
        {
          name: 'tb-0',
          status: 'Failed',
          reason: 'InitStepFailed',
          message: 'init step "format" failed: ExitNonZero exit code 9',
        },
      ],
    });
    expect(lines).toContain('✗ init step "format" on tb-0 failed: ExitNonZero exit code 9 after 3 attempts');
    expect(lines.slice(-2)).toEqual([
      '✗ tb-0 is Failed: InitStepFailed: init step "format" failed: ExitNonZero exit code 9',
      '✗ tb is Failed: InitStepFailed: tb-0: init step "format" failed: ExitNonZero exit code 9',
    ]);
    expect(rt.log('createContainer')).toEqual([
      'createContainer sandbox tb-0',
      'createContainer step tb-0/format#1',
      'createContainer step tb-0/format#2',
      'createContainer step tb-0/format#3',
    ]);
    // The failed instance's sandbox stays for `down` or the action's post step, and the report says so.
    expectLeft(rt, leftAfterFailure);
    expect(report.created.containers.map((id) => rt.describe(id))).toEqual(['sandbox tb-0']);
  });

  it('makes one attempt with restartPolicy Never (attempts: 1)', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'once' ? { exitCode: 1 } : undefined) });
    const p = project('p', [{ name: 'tb', ...sleeper, steps: [{ name: 'once', attempts: 1 }] }]);
    const { report, events } = await runUp(rt, p);
    expect(stepOf(report, 'tb-0', 'once')).toMatchObject({ status: 'Failed', attempts: 1, exitCode: 1 });
    expect(ofType(events, 'step-retry')).toEqual([]);
  });

  it('reports OOMKilled when the container was killed at its memory limit', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'hog' ? { oomKilled: true } : undefined) });
    const p = project('p', [{ name: 'tb', ...sleeper, steps: [{ name: 'hog', attempts: 1 }] }]);
    const { report } = await runUp(rt, p);
    expect(stepOf(report, 'tb-0', 'hog')).toMatchObject({
      status: 'Failed',
      reason: 'OOMKilled',
      exitCode: 137,
      message: 'killed at the memory limit (exit code 137)',
    });
  });

  it('counts a container that cannot start as a RuntimeError attempt, and retries it', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.step === 'bad' && c.nth === 1 ? { startError: 'exec format error' } : undefined),
    });
    const p = project('p', [{ name: 'tb', ...sleeper, steps: [{ name: 'bad', attempts: 2 }] }]);
    const { report, events } = await runUp(rt, p);
    expect(stepOf(report, 'tb-0', 'bad')).toMatchObject({ status: 'Succeeded', attempts: 2 });
    expect(ofType(events, 'step-retry').map((e) => e.detail)).toEqual([
      'RuntimeError could not start: exec format error',
    ]);
    // The container that never started is removed all the same.
    expect(rt.log('removeContainer')).toContain('removeContainer step tb-0/bad#1');
    expectLeft(rt, ['sandbox tb-0 (running)', 'main tb-0 (running)', 'network initsteps_p']);
  });
});

describe('timeouts', () => {
  const hanging = (ignoresSigterm: boolean) =>
    fakeRuntime({
      script: (c) =>
        c.step === 'hang' ? { output: ['working'], runMs: 'forever', ignoresSigterm } : undefined,
    });
  const p = project('p', [{ name: 'tb', ...sleeper, steps: [{ name: 'hang', timeoutMs: 30, attempts: 2 }] }]);

  it('sends SIGTERM at the timeout; a step that exits on it is a Timeout, not killed', async () => {
    const rt = hanging(false);
    // A grace far longer than the test may take: waiting it out would fail the test.
    const { report, lines, ms } = await runUp(rt, p, { killGraceMs: 60_000 });
    expect(stepOf(report, 'tb-0', 'hang')).toMatchObject({
      status: 'Failed',
      reason: 'Timeout',
      attempts: 2,
      exitCode: 143,
      message: 'timed out after 30ms',
      logTail: ['working', 'working'],
    });
    expect(rt.log('killContainer')).toEqual([
      'killContainer step tb-0/hang#1 SIGTERM',
      'killContainer step tb-0/hang#2 SIGTERM',
    ]);
    expect(ms).toBeLessThan(3000);
    expect(lines).toContain(
      '✗ init step "hang" on tb-0 failed: Timeout after 2 attempts: timed out after 30ms',
    );
    expect(lines).toContain(
      '↻ init step "hang" on tb-0: attempt 1 failed (Timeout timed out after 30ms); retrying in 0s',
    );
    expectLeft(rt, leftAfterFailure);
  });

  it('sends SIGKILL after the grace when the step ignores SIGTERM', async () => {
    const rt = hanging(true);
    const { report, ms } = await runUp(rt, p);
    expect(stepOf(report, 'tb-0', 'hang')).toMatchObject({
      status: 'Failed',
      reason: 'Timeout',
      attempts: 2,
      exitCode: 137,
      message: 'timed out after 30ms',
    });
    expect(rt.log('killContainer')).toEqual([
      'killContainer step tb-0/hang#1 SIGTERM',
      'killContainer step tb-0/hang#1 SIGKILL',
      'killContainer step tb-0/hang#2 SIGTERM',
      'killContainer step tb-0/hang#2 SIGKILL',
    ]);
    // Timers may fire a millisecond early by Date.now().
    expect(ms).toBeGreaterThanOrEqual(2 * (30 + KILL_GRACE_MS) + BACKOFF_MS - 5);
    expectLeft(rt, leftAfterFailure);
  });
});

describe('images', () => {
  it('pulls an image once per run under pullPolicy Always, however many containers use it', async () => {
    const rt = fakeRuntime();
    const p = project('p', [
      {
        name: 'tb',
        ...sleeper,
        pullPolicy: 'Always',
        replicas: 2,
        steps: [{ name: 'a' }, { name: 'b' }],
      },
    ]);
    const { report } = await runUp(rt, p);
    expect(serviceStatuses(report)).toEqual(['tb: Running']);
    expect(rt.log('pullImage')).toEqual(['pullImage busybox:latest']);
  });

  it('pulls a missing image under IfNotPresent and reports the pull', async () => {
    const rt = fakeRuntime();
    const p = project('p', [{ name: 'tb', image: 'app:1', ...sleeper, steps: [{ name: 'a' }] }]);
    const { report, lines } = await runUp(rt, p);
    expect(serviceStatuses(report)).toEqual(['tb: Running']);
    expect(rt.log('pullImage')).toEqual(['pullImage app:1']);
    expect(lines.filter((l) => /^[⇣✓] pull/.test(l))).toEqual([
      '⇣ pulling 1 image: app:1',
      '⇣ pulling app:1',
      '✓ pulled app:1 in 0s',
      '⇣ pulls done in 0s',
    ]);
    // The pull comes before the first container of the image.
    const log = rt.log('pullImage', 'createContainer');
    expect(log.indexOf('pullImage app:1')).toBeLessThan(log.indexOf('createContainer step tb-0/a#1'));
  });

  it('does not pull a present image under IfNotPresent', async () => {
    const rt = fakeRuntime();
    const p = project('p', [{ name: 'tb', ...sleeper, steps: [{ name: 'a' }] }]);
    await runUp(rt, p);
    expect(rt.log('pullImage')).toEqual([]);
  });

  it('fails the step with ImageNotPresent under pullPolicy Never, without an attempt', async () => {
    const rt = fakeRuntime();
    const p = project('p', [
      {
        name: 'tb',
        ...sleeper,
        pullPolicy: 'Never',
        steps: [{ name: 'x', image: 'absent:never' }, { name: 'y' }],
      },
    ]);
    const { report, events } = await runUp(rt, p);
    expect(stepOf(report, 'tb-0', 'x')).toMatchObject({
      status: 'Failed',
      reason: 'ImageNotPresent',
      attempts: 0,
      message: 'image absent:never is not present and imagePullPolicy is Never',
    });
    expect(stepOf(report, 'tb-0', 'y').status).toBe('Pending');
    expect(report.services[0]).toMatchObject({ status: 'Failed', reason: 'InitStepFailed' });
    expect(ofType(events, 'step-start')).toEqual([]);
    expect(rt.log('pullImage')).toEqual([]);
    expect(rt.log('createContainer')).toEqual(['createContainer sandbox tb-0']);
  });

  it('fails the step with ImagePullFailed and the engine message when the pull fails', async () => {
    const rt = fakeRuntime({
      pull: (ref) => (ref === 'private/app:1' ? { error: 'pull access denied for private/app' } : undefined),
    });
    const p = project('p', [
      { name: 'tb', ...sleeper, steps: [{ name: 'x', image: 'private/app:1', attempts: 3 }] },
    ]);
    const { report } = await runUp(rt, p);
    expect(stepOf(report, 'tb-0', 'x')).toMatchObject({
      status: 'Failed',
      reason: 'ImagePullFailed',
      attempts: 0,
      message:
        'pulling private/app:1: pull access denied for private/app — registry docker.io refused the pull ' +
        '(no credentials for docker.io were found); log in before initsteps runs (`docker login`, in a ' +
        'workflow a docker/login-action step) and check the image name',
    });
    expect(rt.log('pullImage')).toEqual(['pullImage private/app:1']);
  });

  it('fails the instance with ImagePullFailed when the main image cannot be pulled', async () => {
    const rt = fakeRuntime({ pull: () => ({ error: 'manifest unknown' }) });
    const p = project('p', [
      { name: 'web', image: 'web:2', ...sleeper, steps: [{ name: 'a', image: 'busybox:latest' }] },
    ]);
    const { report } = await runUp(rt, p);
    expect(stepOf(report, 'web-0', 'a').status).toBe('Succeeded');
    expect(report.services[0]).toMatchObject({
      status: 'Failed',
      reason: 'ImagePullFailed',
      message:
        'web-0: main container: pulling web:2: manifest unknown — tag "2" of web is not in registry docker.io',
    });
    expect(rt.log('createContainer')).not.toContain('createContainer main web-0');
  });

  it('imports the sandbox image only when the engine does not have it', async () => {
    const rt = fakeRuntime();
    const p = project('p', [{ name: 'tb', ...sleeper }]);
    await runUp(rt, p);
    await runUp(rt, p);
    expect(rt.log('importImage')).toEqual([
      expect.stringMatching(/^importImage initsteps\/sandbox:[0-9a-f]{12}$/),
    ]);
  });
});

describe('output', () => {
  it('passes each line on with its stream, masks secrets and keeps the last 50 lines in the report', async () => {
    const many = Array.from({ length: 60 }, (_, i) => `line ${i + 1}`);
    const rt = fakeRuntime({
      script: (c) =>
        c.step === 'talk'
          ? {
              output: [
                'token is hunter2-secret',
                { stream: 'stderr', line: 'warning: hunter2-secret leaked' },
                ...many,
              ],
            }
          : undefined,
    });
    const p = project('p', [
      { name: 'tb', ...sleeper, secrets: { TOKEN: 'hunter2-secret' }, steps: [{ name: 'talk' }] },
    ]);
    const { report, events } = await runUp(rt, p);
    const out = ofType(events, 'step-output');
    expect(out.slice(0, 2)).toEqual([
      { type: 'step-output', instance: 'tb-0', step: 'talk', stream: 'stdout', line: 'token is ***' },
      { type: 'step-output', instance: 'tb-0', step: 'talk', stream: 'stderr', line: 'warning: *** leaked' },
    ]);
    expect(out).toHaveLength(62);
    expect(stepOf(report, 'tb-0', 'talk').logTail).toEqual(many.slice(-50));
    // The whole (masked) log goes to the state dir for `logs`.
    const last = await loadLastRun('p', stateDir());
    expect(last?.logs['tb-0/talk']).toEqual(['token is ***', 'warning: *** leaked', ...many]);
    expect(JSON.stringify(last)).not.toContain('hunter2-secret');
  });
});

describe("a Kubernetes pod's activeDeadlineSeconds", () => {
  it('kills the init step running when it passes; the main container never starts', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'slow' ? { runMs: 'forever' } : undefined) });
    const p = project('p', [
      { name: 'web', ...sleeper, activeDeadlineMs: 100, steps: [{ name: 'slow', timeoutMs: 60_000 }] },
    ]);
    const run = await runUp(rt, p);
    expect(stepOf(run.report, 'web-0', 'slow')).toMatchObject({
      status: 'Failed',
      reason: 'Timeout',
      message: 'activeDeadlineSeconds 0.1 exceeded',
    });
    expect(run.report.services[0]).toMatchObject({ status: 'Failed', reason: 'DeadlineExceeded' });
    expect(run.report.services[0]?.instances[0]?.message).toBe(
      'activeDeadlineSeconds 0.1 exceeded during init step "slow"',
    );
    expect(rt.log('createContainer').filter((l) => l.includes('main'))).toEqual([]);
  });

  it('starts no retry whose backoff would end past it', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'bad' ? { exitCode: 1 } : undefined) });
    const backoff = { baseMs: 60_000 };
    const p = project('p', [
      { name: 'web', ...sleeper, activeDeadlineMs: 5000, steps: [{ name: 'bad', attempts: 5, backoff }] },
    ]);
    const run = await runUp(rt, p);
    expect(stepOf(run.report, 'web-0', 'bad')).toMatchObject({ attempts: 1, exitCode: 1 });
    expect(run.report.services[0]?.instances[0]?.reason).toBe('DeadlineExceeded');
    expect(run.ms).toBeLessThan(4000);
  });

  it('fails a pod whose deadline passed while its main container started, probe or none', async () => {
    const rt = fakeRuntime({ pull: () => ({ delayMs: 200 }) });
    const p = project('p', [{ name: 'web', image: 'slow:1', ...sleeper, activeDeadlineMs: 50 }]);
    const run = await runUp(rt, p);
    expect(run.report.services[0]?.instances[0]).toMatchObject({
      status: 'Failed',
      reason: 'DeadlineExceeded',
      message: 'activeDeadlineSeconds 0.05 exceeded before it was ready',
    });
  });

  it('is over once the pod is ready: `up` returns without waiting for it', async () => {
    const p = project('p', [{ name: 'web', ...sleeper, activeDeadlineMs: 3000, steps: [{ name: 'quick' }] }]);
    const run = await runUp(fakeRuntime(), p);
    expect(serviceStatuses(run.report)).toEqual(['web: Running']);
    expect(run.ms).toBeLessThan(2500);
  });
});

describe('readiness of the main container', () => {
  const probe = (failureThreshold: number): Probe => ({
    check: { kind: 'exec', command: ['check'] },
    initialDelayMs: 0,
    periodMs: 10,
    timeoutMs: 1000,
    failureThreshold,
  });

  it('waits for an exec probe to pass', async () => {
    let checks = 0;
    const rt = fakeRuntime({
      script: (c) => (c.role === 'main' ? { exec: () => (++checks < 3 ? 1 : 0) } : undefined),
    });
    const p = project('p', [{ name: 'web', ...sleeper, readinessProbe: probe(10) }]);
    const { report } = await runUp(rt, p);
    expect(serviceStatuses(report)).toEqual(['web: Running']);
    expect(checks).toBe(3);
  });

  it('fails with ReadinessTimeout when the probe never passes', async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'main' ? { exec: () => 1 } : undefined) });
    const p = project('p', [{ name: 'web', ...sleeper, readinessProbe: probe(3) }]);
    const { report } = await runUp(rt, p);
    expect(report.services[0]).toMatchObject({ status: 'Failed', reason: 'ReadinessTimeout' });
    expect(report.services[0]?.instances[0]?.message).toMatch(
      /^readiness probe failed 3 times in \d+ s: exec \["check"\] exited with code 1$/,
    );
  });

  it("a pod's deadline cuts the wait short: DeadlineExceeded, whatever the probe's budget", async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'main' ? { exec: () => 1 } : undefined) });
    const p = project('p', [{ name: 'web', ...sleeper, readinessProbe: probe(1000), activeDeadlineMs: 150 }]);
    const run = await runUp(rt, p);
    expect(run.report.services[0]?.instances[0]).toMatchObject({
      status: 'Failed',
      reason: 'DeadlineExceeded',
      message: 'activeDeadlineSeconds 0.15 exceeded before it was ready',
    });
    expect(run.ms).toBeLessThan(5000);
  });

  it('fails with StartFailed when the main container exits', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.role === 'main' ? { runMs: 5, exitCode: 3, exec: () => 1 } : undefined),
    });
    const p = project('p', [{ name: 'web', ...sleeper, readinessProbe: probe(100) }]);
    const { report } = await runUp(rt, p);
    expect(report.services[0]?.instances[0]).toMatchObject({
      status: 'Failed',
      reason: 'StartFailed',
      message: 'main container exited with code 3',
    });
  });

  it('follows the image HEALTHCHECK when there is no probe', async () => {
    const healthy = fakeRuntime({
      healthchecks: ['busybox:latest'],
      script: (c) => (c.role === 'main' ? { health: 'healthy' } : undefined),
    });
    const p = project('p', [{ name: 'web', ...sleeper }]);
    expect(serviceStatuses((await runUp(healthy, p)).report)).toEqual(['web: Running']);
    const unhealthy = fakeRuntime({
      healthchecks: ['busybox:latest'],
      script: (c) => (c.role === 'main' ? { health: 'unhealthy' } : undefined),
    });
    expect((await runUp(unhealthy, p)).report.services[0]?.instances[0]).toMatchObject({
      status: 'Failed',
      reason: 'ReadinessTimeout',
      message: 'image HEALTHCHECK reports unhealthy',
    });
  });

  it('starts the main container in the sandbox once every step succeeded, with no warning', async () => {
    const rt = fakeRuntime();
    const p = project('p', [{ name: 'web', ...sleeper, steps: [{ name: 'a' }] }]);
    const { report, events } = await runUp(rt, p);
    expect(report.services[0]?.instances[0]?.status).toBe('Running');
    expect(warnings(events)).toEqual([]);
  });
});

describe('an instance that cannot start', () => {
  it('reports StartFailed when the sandbox cannot start, and runs none of its steps', async () => {
    const rt = fakeRuntime({
      fault: (method, target) =>
        method === 'startContainer' && target === 'sandbox tb-0' ? 'port is already allocated' : undefined,
    });
    const p = project('p', [{ name: 'tb', ...sleeper, steps: [{ name: 'a' }, { name: 'b' }] }]);
    const { report } = await runUp(rt, p);
    const why = 'could not start the instance sandbox: port is already allocated';
    expect(report.services[0]).toMatchObject({
      status: 'Failed',
      reason: 'StartFailed',
      message: `tb-0: ${why}`,
    });
    expect(report.steps.map((s) => [s.status, s.message])).toEqual([
      ['Pending', `not run: ${why}`],
      ['Pending', `not run: ${why}`],
    ]);
    expect(rt.log('createContainer')).toEqual(['createContainer sandbox tb-0']);
  });

  it('reports StartFailed when the main container cannot be created, naming a missing seccomp profile', async () => {
    const rt = fakeRuntime();
    const p = project('p', [
      {
        name: 'tb',
        ...sleeper,
        securityContext: {
          seccompProfile: { type: 'Localhost', localhostProfile: '/nonexistent/profile.json' },
        },
      },
    ]);
    const { report } = await runUp(rt, p);
    expect(report.services[0]?.instances[0]).toMatchObject({ status: 'Failed', reason: 'StartFailed' });
    expect(report.services[0]?.instances[0]?.message).toMatch(
      /^main container: .*\/nonexistent\/profile\.json/,
    );
    expectLeft(rt, ['sandbox tb-0 (running)', 'network initsteps_p']);
  });

  it('reports the ports the sandbox published', async () => {
    const rt = fakeRuntime();
    const p = project('p', [
      {
        name: 'web',
        ...sleeper,
        ports: [
          { containerPort: 80, hostIp: '127.0.0.1', protocol: 'tcp', hostPort: 8080 },
          { containerPort: 53, hostIp: '0.0.0.0', protocol: 'udp' },
        ],
      },
    ]);
    const { report } = await runUp(rt, p);
    const ports = report.services[0]?.instances[0]?.ports;
    expect(ports).toEqual([
      { containerPort: 80, hostIp: '127.0.0.1', protocol: 'tcp', hostPort: 8080 },
      { containerPort: 53, hostIp: '0.0.0.0', protocol: 'udp', hostPort: expect.any(Number) },
    ]);
    expect(ports?.[1]?.hostPort).toBeGreaterThan(0);
  });
});
