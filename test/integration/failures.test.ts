// How steps and services fail: attempts and backoff, timeouts, OOM, images, readiness, dependencies.
import { beforeAll, describe, expect, it } from 'vitest';
import { up } from '../../src/engine/up.js';
import type { RunEvent, RunReport } from '../../src/engine/types.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import type { ResolvedProject } from '../../src/spec/model.js';
import { claim, project, type ServiceInput } from '../support/model.js';
import { connect, projectsRemovedAfterAll, recorder, stepOf } from '../support/engine.js';

let runtime: ContainerRuntime;
beforeAll(async () => {
  runtime = await connect();
});
const newProjectName = projectsRemovedAfterAll(() => runtime);

function newProject(tag: string, services: ServiceInput[]): ResolvedProject {
  const name = newProjectName(tag);
  return project(name, services);
}

async function runUp(
  p: ResolvedProject,
  backoffBaseMs = 10,
): Promise<{ report: RunReport; events: RunEvent[] }> {
  const rec = recorder();
  const report = await up(runtime, { project: p, observer: rec.observer, backoffBaseMs, killGraceMs: 500 });
  return { report, events: rec.events };
}

const sleeper = { command: ['sleep', '3600'] };

describe('attempts', () => {
  it('retries a failing step with doubling backoff until it succeeds', async () => {
    // Fails on the first two attempts (counted on the volume), succeeds on the third.
    const p = newProject('retry', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data')],
        steps: [
          {
            name: 'flaky',
            command: ['sh', '-c', 'echo x >> /data/n; test $(wc -l < /data/n) -ge 3 || exit 7'],
          },
        ],
      },
    ]);
    const started = Date.now();
    const { report, events } = await runUp(p, 200);
    const r = stepOf(report, 'db-0', 'flaky');
    expect(r).toMatchObject({ status: 'Succeeded', attempts: 3, exitCode: 0 });
    const retries = events.filter((e) => e.type === 'step-retry');
    expect(retries.map((e) => e.type === 'step-retry' && e.delayMs)).toEqual([200, 400]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect(report.services[0]?.status).toBe('Running');
  });

  it('fails the instance after the last attempt with the exact exit code; later steps do not run', async () => {
    const p = newProject('exhaust', [
      {
        name: 'tb',
        ...sleeper,
        steps: [
          { name: 'format', command: ['sh', '-c', 'echo trying; exit 9'] },
          { name: 'after', command: ['true'] },
        ],
      },
    ]);
    const { report, events } = await runUp(p);
    expect(stepOf(report, 'tb-0', 'format')).toMatchObject({
      status: 'Failed',
      reason: 'ExitNonZero',
      exitCode: 9,
      attempts: 3,
      logTail: ['trying', 'trying', 'trying'],
    });
    expect(stepOf(report, 'tb-0', 'after')).toMatchObject({ status: 'Pending', attempts: 0 });
    expect(report.services[0]).toMatchObject({ status: 'Failed', reason: 'InitStepFailed' });
    expect(events.filter((e) => e.type === 'step-start')).toHaveLength(3);
    // The main container was never started.
    const mains = await runtime.listContainers({
      'dev.initsteps.project': p.name,
      'dev.initsteps.role': 'main',
    });
    expect(mains).toEqual([]);
  });

  it('makes one attempt with restartPolicy Never', async () => {
    const p = newProject('never', [
      { name: 'tb', ...sleeper, steps: [{ name: 'once', command: ['false'], attempts: 1 }] },
    ]);
    const { report } = await runUp(p);
    expect(stepOf(report, 'tb-0', 'once')).toMatchObject({ status: 'Failed', attempts: 1, exitCode: 1 });
  });
});

describe('limits', () => {
  it('kills an attempt at its timeout (SIGTERM, then SIGKILL) and reports Timeout', async () => {
    const p = newProject('timeout', [
      {
        name: 'tb',
        ...sleeper,
        steps: [{ name: 'hang', command: ['sleep', '60'], timeoutMs: 500, attempts: 2 }],
      },
    ]);
    const started = Date.now();
    const { report } = await runUp(p);
    expect(stepOf(report, 'tb-0', 'hang')).toMatchObject({
      status: 'Failed',
      reason: 'Timeout',
      attempts: 2,
    });
    // Two attempts of 0.5 s plus at most the grace (0.5 s) each: well under the step's sleep.
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('reports OOMKilled when the step exceeds its memory limit', async () => {
    const p = newProject('oom', [
      {
        name: 'tb',
        ...sleeper,
        steps: [
          {
            name: 'hog',
            // Holds 64 MiB in a shell variable under an 8 MiB limit.
            command: ['sh', '-c', 'x=$(head -c 67108864 /dev/zero | tr "\\0" a); echo ${#x}'],
            resources: { memoryBytes: 8 * 1024 * 1024 },
            attempts: 1,
          },
        ],
      },
    ]);
    const { report } = await runUp(p);
    expect(stepOf(report, 'tb-0', 'hog')).toMatchObject({
      status: 'Failed',
      reason: 'OOMKilled',
      exitCode: 137,
    });
  });
});

describe('images', () => {
  it('fails with ImageNotPresent under policy Never when the image is missing', async () => {
    const p = newProject('nopull', [
      {
        name: 'tb',
        ...sleeper,
        pullPolicy: 'Never',
        steps: [{ name: 'x', image: 'initsteps-test/absent:never', command: ['true'] }],
      },
    ]);
    const { report } = await runUp(p);
    expect(stepOf(report, 'tb-0', 'x')).toMatchObject({
      status: 'Failed',
      reason: 'ImageNotPresent',
      attempts: 0,
    });
    expect(report.services[0]).toMatchObject({ status: 'Failed', reason: 'InitStepFailed' });
  });

  it('fails with ImagePullFailed and the daemon message when a pull fails', async () => {
    const p = newProject('pullfail', [
      {
        name: 'tb',
        ...sleeper,
        steps: [{ name: 'x', image: 'localhost:1/initsteps/absent:1', command: ['true'] }],
      },
    ]);
    const { report } = await runUp(p);
    const r = stepOf(report, 'tb-0', 'x');
    expect(r).toMatchObject({ status: 'Failed', reason: 'ImagePullFailed' });
    expect(r.message).toMatch(/connection refused/);
  });

  it('uses a present image under policy Never', async () => {
    const p = newProject('present', [
      { name: 'tb', ...sleeper, pullPolicy: 'Never', steps: [{ name: 'x', command: ['true'] }] },
    ]);
    const { report } = await runUp(p);
    expect(report.services[0]?.status).toBe('Running');
  });
});

describe('services', () => {
  it('fails with ReadinessTimeout when the probe never passes', async () => {
    const p = newProject('ready', [
      {
        name: 'web',
        ...sleeper,
        readinessProbe: {
          check: { kind: 'tcpSocket', port: 8080 },
          initialDelayMs: 0,
          periodMs: 100,
          timeoutMs: 500,
          failureThreshold: 3,
        },
      },
    ]);
    const { report } = await runUp(p);
    expect(report.services[0]).toMatchObject({ status: 'Failed', reason: 'ReadinessTimeout' });
    expect(report.services[0]?.instances[0]?.message).toMatch(/readiness probe failed 3 times/);
  });

  it('fails with StartFailed when the main container exits', async () => {
    const p = newProject('exits', [{ name: 'web', command: ['sh', '-c', 'exit 4'] }]);
    const { report } = await runUp(p);
    // Either the start itself or the first readiness look sees it gone.
    expect(report.services[0]).toMatchObject({ status: 'Failed', reason: 'StartFailed' });
  });

  it('fails dependents of a failed service with DependencyFailed without running their steps', async () => {
    const p = newProject('deps', [
      { name: 'db', ...sleeper, steps: [{ name: 'broken', command: ['false'], attempts: 1 }] },
      { name: 'app', ...sleeper, dependsOn: ['db'], steps: [{ name: 'migrate', command: ['true'] }] },
      { name: 'web', ...sleeper, dependsOn: ['app'] },
    ]);
    const { report, events } = await runUp(p);
    expect(report.services.map((s) => [s.name, s.status, s.reason])).toEqual([
      ['db', 'Failed', 'InitStepFailed'],
      ['app', 'Failed', 'DependencyFailed'],
      ['web', 'Failed', 'DependencyFailed'],
    ]);
    expect(stepOf(report, 'app-0', 'migrate')).toMatchObject({
      status: 'Pending',
      message: 'not run: dependency "db" failed',
    });
    expect(events.some((e) => e.type === 'step-start' && e.service === 'app')).toBe(false);
  });
});
