// Jobs on the real engine (docs/spec.md, "Jobs"): a job's container runs to completion after its init
// steps, reaches a service by its name, is retried, stopped at its deadline, gone when it ends; what
// depends on it waits for it to succeed, and is DependencyFailed when it does not.
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LABEL } from '../../src/engine/labels.js';
import type { JobResult, RunEvent, RunReport } from '../../src/engine/types.js';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { loadFromText } from '../../src/spec/index.js';
import type { ResolvedProject } from '../../src/spec/model.js';
import { claim, project, type ServiceInput } from '../support/model.js';
import { connect, projectsRemovedAfterAll, recorder, stepOf } from '../support/engine.js';

let runtime: ContainerRuntime;
beforeAll(async () => {
  runtime = await connect();
});
const newProjectName = projectsRemovedAfterAll(() => runtime);

const newProject = (tag: string, services: ServiceInput[]): ResolvedProject =>
  project(newProjectName(tag), services);

async function runUp(p: ResolvedProject): Promise<{ report: RunReport; events: RunEvent[] }> {
  const rec = recorder();
  const report = await up(runtime, {
    project: p,
    observer: rec.observer,
    backoffBaseMs: 50,
    killGraceMs: 500,
  });
  return { report, events: rec.events };
}

const jobOf = (report: RunReport, name: string): JobResult => {
  const r = report.jobs.find((j) => j.name === name);
  if (!r) throw new Error(`no result for job ${name}`);
  return r;
};

/** Containers of the instance that still exist (a job leaves none). */
const containersOf = async (p: ResolvedProject, instance: string) =>
  runtime.listContainers({ [LABEL.project]: p.name, [LABEL.instance]: instance });

/** A web server on 8080 serving /www, which its init step fills. */
const web: ServiceInput = {
  name: 'web',
  command: ['httpd', '-f', '-p', '8080', '-h', '/www'],
  volumes: [claim('www', '/www')],
  steps: [{ name: 'page', command: ['sh', '-c', 'echo "hello from web" > /www/index.html'] }],
  readinessProbe: {
    check: { kind: 'tcpSocket', port: 8080 },
    initialDelayMs: 0,
    periodMs: 100,
    timeoutMs: 1000,
    failureThreshold: 100,
  },
};

describe('a job', () => {
  it('runs after the service it needs, reaches it by name, and its dependent waits for it', async () => {
    const p = newProject('ok', [
      web,
      {
        name: 'fetch',
        command: ['sh', '-c', 'wget -qO- http://web:8080/ && sleep 1'],
        dependsOn: ['web'],
        steps: [{ name: 'before', command: ['echo', 'init of the job'] }],
        job: { restartPolicy: 'Never', attempts: 1 },
      },
      {
        name: 'app',
        command: ['sleep', '3600'],
        dependsOn: ['fetch'],
        steps: [{ name: 'after', command: ['true'] }],
      },
    ]);
    const { report, events } = await runUp(p);

    expect(jobOf(report, 'fetch')).toMatchObject({
      status: 'Succeeded',
      exitCode: 0,
      attempts: 1,
      logTail: ['hello from web'],
    });
    expect(stepOf(report, 'fetch-0', 'before').status).toBe('Succeeded');
    expect(jobOf(report, 'fetch').durationMs).toBeGreaterThanOrEqual(1000);
    expect(report.services.map((s) => `${s.name}: ${s.status}`)).toEqual(['web: Running', 'app: Running']);
    // app's first step starts only after the job ended.
    const jobEnd = events.findIndex((e) => e.type === 'job-end');
    const appStart = events.findIndex((e) => e.type === 'step-start' && e.instance === 'app-0');
    expect(jobEnd).toBeGreaterThanOrEqual(0);
    expect(appStart).toBeGreaterThan(jobEnd);
    // Nothing of the job is left: neither its container nor its sandbox.
    expect(await containersOf(p, 'fetch-0')).toEqual([]);
    expect(report.created.containers).toHaveLength(4); // web's and app's sandbox and main
  });

  it('fails with its exit code after one attempt (restartPolicy Never); its dependent is DependencyFailed', async () => {
    const p = newProject('fail', [
      { name: 'migrate', command: ['sh', '-c', 'echo "relation missing" >&2; exit 3'], job: { attempts: 1 } },
      {
        name: 'app',
        command: ['sleep', '3600'],
        dependsOn: ['migrate'],
        steps: [{ name: 'warm', command: ['true'] }],
      },
    ]);
    const { report } = await runUp(p);
    expect(jobOf(report, 'migrate')).toMatchObject({
      status: 'Failed',
      reason: 'JobFailed',
      exitCode: 3,
      attempts: 1,
      logTail: ['relation missing'],
    });
    expect(report.services[0]).toMatchObject({ name: 'app', status: 'Failed', reason: 'DependencyFailed' });
    expect(stepOf(report, 'app-0', 'warm')).toMatchObject({ status: 'Pending', attempts: 0 });
    expect(await containersOf(p, 'migrate-0')).toEqual([]);
    expect(await containersOf(p, 'app-0')).toEqual([]);
  });

  it('is retried in a new container each attempt until it succeeds', async () => {
    // Counted on its volume: fails twice, then succeeds.
    const p = newProject('retry', [
      {
        name: 'migrate',
        volumes: [claim('state', '/state')],
        command: ['sh', '-c', 'echo x >> /state/n; n=$(wc -l < /state/n); echo "try $n"; test $n -ge 3'],
        job: { attempts: 3 },
      },
    ]);
    const { report, events } = await runUp(p);
    expect(jobOf(report, 'migrate')).toMatchObject({
      status: 'Succeeded',
      attempts: 3,
      logTail: ['try 1', 'try 2', 'try 3'],
    });
    expect(events.filter((e) => e.type === 'job-retry')).toHaveLength(2);
  });

  it('is stopped at its deadline, init steps included, whatever its attempts', async () => {
    const p = newProject('deadline', [
      {
        name: 'migrate',
        command: ['sleep', '30'],
        steps: [{ name: 'wait', command: ['sleep', '1'] }],
        job: { attempts: 3, activeDeadlineMs: 2500 },
      },
    ]);
    const started = Date.now();
    const { report } = await runUp(p);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(stepOf(report, 'migrate-0', 'wait').status).toBe('Succeeded');
    expect(jobOf(report, 'migrate')).toMatchObject({
      status: 'Failed',
      reason: 'DeadlineExceeded',
      attempts: 1,
      message: 'activeDeadlineSeconds 2.5 exceeded',
    });
    expect(await containersOf(p, 'migrate-0')).toEqual([]);
  });

  it('runs on the host in the spec directory with runtime process', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'initsteps-job-')));
    writeFileSync(join(dir, 'migrate.sh'), 'echo "migrating in $(pwd) as $INITSTEPS_INSTANCE"\n');
    const loaded = loadFromText(
      [
        {
          file: join(dir, 'initsteps.yaml'),
          text: [
            'apiVersion: initsteps/v1',
            'kind: Job',
            'metadata: {name: migrate}',
            'spec:',
            '  runtime: process',
            '  command: [sh, migrate.sh]',
          ].join('\n'),
        },
      ],
      { workspace: dir, project: newProjectName('proc'), env: {} },
    );
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const { report } = await runUp(loaded.project);
    rmSync(dir, { recursive: true, force: true });
    expect(jobOf(report, 'migrate')).toMatchObject({
      status: 'Succeeded',
      logTail: [`migrating in ${dir} as migrate-0`],
    });
    expect(report.created.processes).toEqual([]);
  });
});
