// Startup and liveness probes of a main container on the fake runtime (docs/kubernetes.md#probes): the
// startup probe gates readiness and liveness, a failing one restarts the container per restartPolicy,
// liveness is watched until `up` returns (before and after the instance is ready), and nothing after.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { Probe } from '../../../src/spec/model.js';
import { project, type ServiceInput } from '../../support/model.js';
import type { FakeRuntime } from '../../support/fake-runtime.js';
import {
  expectLeft,
  fakeRuntime,
  runUp,
  serviceStatuses,
  sleeper,
  useStateDir,
  warnings,
} from './fake-harness.js';

useStateDir();

/** An exec probe running `[name]`, checked every 20 ms. */
const probe = (name: string, failureThreshold = 2): Probe => ({
  check: { kind: 'exec', command: [name] },
  initialDelayMs: 0,
  periodMs: 20,
  timeoutMs: 1000,
  failureThreshold,
});

/**
 * A fake whose main container answers each probe by the function of that name (given how often it was
 * started and how often that probe ran in this start); the probes run are recorded in order.
 */
function probed(answers: Record<string, (starts: number, nth: number) => boolean>): {
  rt: FakeRuntime;
  ran: string[];
} {
  const ran: string[] = [];
  const counts = new Map<string, number>();
  const rt = fakeRuntime({
    script: (c) =>
      c.role === 'main'
        ? {
            exec: ([name = ''], starts) => {
              const key = `${c.instance} ${starts} ${name}`;
              const nth = (counts.get(key) ?? 0) + 1;
              counts.set(key, nth);
              ran.push(`${c.instance}#${starts} ${name}`);
              return answers[name]?.(starts, nth) ? 0 : 1;
            },
          }
        : undefined,
  });
  return { rt, ran };
}

const db = (more: Partial<ServiceInput>): ServiceInput => ({ name: 'db', ...sleeper, ...more });

/** The main container's stop and start calls. */
const mainCalls = (rt: FakeRuntime): string[] =>
  rt.log('startContainer', 'stopContainer').filter((l) => l.includes('main'));

describe('startupProbe', () => {
  it('gates readiness and liveness until it passed', async () => {
    const { rt, ran } = probed({ startup: (_s, nth) => nth >= 3, ready: () => true, live: () => true });
    const p = project('p', [
      db({ startupProbe: probe('startup', 5), readinessProbe: probe('ready'), livenessProbe: probe('live') }),
    ]);
    const run = await runUp(rt, p);
    expect(serviceStatuses(run.report)).toEqual(['db: Running']);
    const passed = ran.indexOf('db-0#1 startup', ran.lastIndexOf('db-0#1 startup'));
    expect(ran.slice(0, passed + 1)).toEqual(['db-0#1 startup', 'db-0#1 startup', 'db-0#1 startup']);
    expect(ran.slice(passed + 1)).toContain('db-0#1 ready');
    expect(mainCalls(rt)).toEqual(['startContainer main db-0']);
  });

  it('failing failureThreshold times restarts the container, which then starts', async () => {
    const { rt } = probed({ startup: (starts) => starts >= 2 });
    const p = project('p', [db({ startupProbe: probe('startup') })]);
    const run = await runUp(rt, p, { stopGraceSeconds: 7 });
    expect(serviceStatuses(run.report)).toEqual(['db: Running']);
    expect(mainCalls(rt)).toEqual([
      'startContainer main db-0',
      'stopContainer main db-0 grace 7s',
      'startContainer main db-0',
    ]);
    expect(warnings(run.events)).toEqual([
      expect.stringMatching(
        /^db-0: startup probe failed 2 times in 0 s: exec \["startup"\] exited with code 1; restarting its main container \(restart 1\)$/,
      ),
    ]);
  });

  it('fails the instance after 3 starts under Always, after one under Never', async () => {
    const always = probed({});
    const run = await runUp(always.rt, project('p', [db({ startupProbe: probe('startup') })]));
    expect(serviceStatuses(run.report)).toEqual(['db: Failed StartFailed']);
    expect(run.report.services[0]?.instances[0]?.message).toMatch(
      /^startup probe failed 2 times .*\(started 3 times\)$/,
    );
    expect(mainCalls(always.rt).filter((l) => l.startsWith('start'))).toHaveLength(3);

    const never = probed({});
    const p = project('p', [db({ startupProbe: probe('startup'), restartPolicy: 'Never' })]);
    const once = await runUp(never.rt, p);
    expect(once.report.services[0]?.instances[0]?.message).toMatch(/\(restartPolicy Never\)$/);
    expect(mainCalls(never.rt)).toEqual(['startContainer main db-0']);
  });

  it("a pod's activeDeadlineSeconds ends its restarts: DeadlineExceeded, nothing watched after", async () => {
    const { rt } = probed({});
    const slow = { ...probe('startup', 1000), periodMs: 10 };
    const p = project('p', [db({ startupProbe: slow, activeDeadlineMs: 150 })]);
    const began = Date.now();
    const run = await runUp(rt, p);
    expect(Date.now() - began).toBeLessThan(5000);
    expect(serviceStatuses(run.report)).toEqual(['db: Failed DeadlineExceeded']);
    expect(run.report.services[0]?.instances[0]?.message).toMatch(
      /activeDeadlineSeconds .* before it was ready/,
    );
    const calls = mainCalls(rt).length;
    await sleep(100);
    expect(mainCalls(rt)).toHaveLength(calls);
  });

  it('uses the probe’s own terminationGracePeriodSeconds for the restart', async () => {
    const { rt } = probed({ startup: (starts) => starts >= 2 });
    const p = project('p', [db({ startupProbe: { ...probe('startup'), terminationGraceSeconds: 3 } })]);
    await runUp(rt, p);
    expect(mainCalls(rt)).toContain('stopContainer main db-0 grace 3s');
  });
});

describe('livenessProbe', () => {
  it('failing before the instance is ready restarts the container as part of its start', async () => {
    const { rt } = probed({ ready: (starts) => starts >= 2, live: (starts) => starts >= 2 });
    const p = project('p', [db({ readinessProbe: probe('ready', 100), livenessProbe: probe('live') })]);
    const run = await runUp(rt, p);
    expect(serviceStatuses(run.report)).toEqual(['db: Running']);
    expect(mainCalls(rt)).toHaveLength(3);
    expect(warnings(run.events)).toEqual([
      expect.stringMatching(
        /^db-0: liveness probe failed 2 times: .*; restarting its main container \(restart 1\)$/,
      ),
    ]);
  });

  it('failing after the instance is ready, while up still runs, restarts it with a warning', async () => {
    // db is ready at once; app, which depends on it, takes 500 ms, meanwhile db's liveness fails once.
    const began = Date.now();
    const { rt } = probed({
      live: (starts, nth) => starts >= 2 || nth < 3,
      ready: () => Date.now() - began > 500,
    });
    const p = project('p', [
      db({ livenessProbe: probe('live') }),
      { name: 'app', ...sleeper, dependsOn: ['db'], readinessProbe: probe('ready', 100) },
    ]);
    const run = await runUp(rt, p);
    expect(serviceStatuses(run.report)).toEqual(['db: Running', 'app: Running']);
    expect(mainCalls(rt).filter((l) => l.endsWith('db-0') || l.includes('db-0 '))).toEqual([
      'startContainer main db-0',
      'stopContainer main db-0 grace 30s',
      'startContainer main db-0',
    ]);
    expect(warnings(run.events)).toEqual([
      expect.stringMatching(
        /^db-0: liveness probe failed 2 times: .*; restarting its main container \(restart 1\)$/,
      ),
    ]);
  });

  it('under restartPolicy Never, a failure after ready stops the container and fails the instance', async () => {
    const began = Date.now();
    const { rt } = probed({ live: (_s, nth) => nth < 3, ready: () => Date.now() - began > 500 });
    const p = project('p', [
      db({ livenessProbe: probe('live'), restartPolicy: 'Never' }),
      { name: 'app', ...sleeper, dependsOn: ['db'], readinessProbe: probe('ready', 100) },
    ]);
    const run = await runUp(rt, p);
    expect(serviceStatuses(run.report)).toEqual(['db: Failed LivenessProbeFailed', 'app: Running']);
    expect(run.report.services[0]?.instances[0]?.message).toMatch(
      /^liveness probe failed 2 times: .*; restartPolicy Never: its main container was stopped$/,
    );
    expect(mainCalls(rt)).toContain('stopContainer main db-0 grace 30s');
    expectLeft(rt, [
      'sandbox db-0 (running)',
      'main db-0 (exited)',
      'sandbox app-0 (running)',
      'main app-0 (running)',
      'network initsteps_p',
    ]);
  });

  it('is not watched once up has returned', async () => {
    const { rt, ran } = probed({ live: () => true });
    const run = await runUp(rt, project('p', [db({ livenessProbe: probe('live') })]));
    expect(serviceStatuses(run.report)).toEqual(['db: Running']);
    const checks = ran.length;
    await sleep(100);
    expect(ran.length).toBe(checks);
    expectLeft(rt, ['sandbox db-0 (running)', 'main db-0 (running)', 'network initsteps_p']);
  });

  it('an exit is not the probe’s: the instance fails to start as without one, no restart', async () => {
    const rt = fakeRuntime({
      script: (c) =>
        c.role === 'main' ? { runMs: 30, exitCode: 4, exec: ([n]) => (n === 'live' ? 0 : 1) } : undefined,
    });
    const p = project('p', [db({ livenessProbe: probe('live'), readinessProbe: probe('ready', 100) })]);
    const run = await runUp(rt, p);
    expect(serviceStatuses(run.report)).toEqual(['db: Failed StartFailed']);
    expect(run.report.services[0]?.instances[0]?.message).toBe('main container exited with code 4');
    expect(mainCalls(rt)).toEqual(['startContainer main db-0']);
  });
});
