// When a step runs (docs/spec.md, the runIf table) and how markers follow volume identity across runs.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { up } from '../../src/engine/up.js';
import type { RunReport } from '../../src/engine/types.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import type { ResolvedProject } from '../../src/spec/model.js';
import { claim, project, type ServiceInput } from '../support/model.js';
import { connect, projectsRemovedAfterAll, recorder } from '../support/engine.js';

let runtime: ContainerRuntime;
beforeAll(async () => {
  runtime = await connect();
});
const newProjectName = projectsRemovedAfterAll(() => runtime);

function newProject(tag: string, services: ServiceInput[]): ResolvedProject {
  const name = newProjectName(tag);
  return project(name, services);
}

const runUp = (p: ResolvedProject): Promise<RunReport> =>
  up(runtime, { project: p, observer: recorder().observer, backoffBaseMs: 10 });

/** `instance/step: status` for every step of the report, in order. */
const statuses = (r: RunReport): string[] => r.steps.map((s) => `${s.instance}/${s.step}: ${s.status}`);

const sleeper = { command: ['sleep', '3600'] };

describe('runIf freshVolume (default)', () => {
  it('runs on a fresh volume, skips on the next start, runs again when the volume is recreated', async () => {
    const p = newProject('fresh', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data')],
        steps: [
          { name: 'format', command: ['touch', '/data/formatted'] },
          { name: 'seed', command: ['test', '-f', '/data/formatted'] },
        ],
      },
    ]);
    expect(statuses(await runUp(p))).toEqual(['db-0/format: Succeeded', 'db-0/seed: Succeeded']);
    const restart = await runUp(p);
    expect(statuses(restart)).toEqual(['db-0/format: Skipped', 'db-0/seed: Skipped']);
    expect(restart.steps[0]?.message).toBe('volume already initialized');
    expect(restart.services[0]?.status).toBe('Running');

    // Remove the volume behind initsteps' back: the stale marker file must not make the new one look initialized.
    const volume = `initsteps_${p.name}_db-0_data`;
    execFileSync('docker', ['rm', '-f', `initsteps_${p.name}_db-0`, `initsteps_${p.name}_db-0_sandbox`]);
    execFileSync('docker', ['volume', 'rm', volume]);
    expect(statuses(await runUp(p))).toEqual(['db-0/format: Succeeded', 'db-0/seed: Succeeded']);
  });

  it('always counts a step without a persistent volume as fresh', async () => {
    const p = newProject('novol', [
      { name: 'svc', ...sleeper, steps: [{ name: 'hello', command: ['true'] }] },
    ]);
    await runUp(p);
    expect(statuses(await runUp(p))).toEqual(['svc-0/hello: Succeeded']);
  });

  it('keys markers by step: after a partial failure the failed step runs again, the done one skips', async () => {
    const services = (fail: boolean): ServiceInput[] => [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data')],
        steps: [
          { name: 'one', command: ['true'] },
          { name: 'two', command: ['sh', '-c', fail ? 'exit 3' : 'true'], attempts: 1 },
        ],
      },
    ];
    const name = newProjectName('partial');
    const first = await runUp(project(name, services(true)));
    expect(statuses(first)).toEqual(['db-0/one: Succeeded', 'db-0/two: Failed']);
    const second = await runUp(project(name, services(false)));
    expect(statuses(second)).toEqual(['db-0/one: Skipped', 'db-0/two: Succeeded']);
  });

  it('restricts the check to runIf.volume', async () => {
    const services = (extra: boolean): ServiceInput[] => [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data'), ...(extra ? [claim('extra', '/extra')] : [])],
        steps: [{ name: 'init', command: ['true'], runIf: { type: 'freshVolume', volume: 'data' } }],
      },
    ];
    const name = newProjectName('restrict');
    await runUp(project(name, services(false)));
    // A new fresh volume that is not the one named in runIf does not make the step run.
    const again = await runUp(project(name, services(true)));
    expect(statuses(again)).toEqual(['db-0/init: Skipped']);
  });

  it('runs only the new instances when replicas go from 1 to 3', async () => {
    const services = (replicas: number): ServiceInput[] => [
      {
        name: 'tb',
        ...sleeper,
        replicas,
        volumes: [claim('data', '/data')],
        steps: [{ name: 'format', command: ['true'] }],
      },
    ];
    const name = newProjectName('scale');
    await runUp(project(name, services(1)));
    const scaled = await runUp(project(name, services(3)));
    expect(statuses(scaled)).toEqual([
      'tb-0/format: Skipped',
      'tb-1/format: Succeeded',
      'tb-2/format: Succeeded',
    ]);
    expect(scaled.services[0]?.instances.map((i) => i.status)).toEqual(['Running', 'Running', 'Running']);
  });
});

describe('runIf fileMissing', () => {
  it('runs while the file is missing and skips once an earlier step or run created it', async () => {
    const p = newProject('file', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data')],
        steps: [
          { name: 'create', command: ['touch', '/data/ready'], runIf: { type: 'always' } },
          { name: 'if-missing', command: ['true'], runIf: { type: 'fileMissing', path: '/data/ready' } },
          {
            name: 'if-other-missing',
            command: ['true'],
            runIf: { type: 'fileMissing', path: '/data/other' },
          },
        ],
      },
    ]);
    const r = await runUp(p);
    expect(statuses(r)).toEqual([
      'db-0/create: Succeeded',
      'db-0/if-missing: Skipped',
      'db-0/if-other-missing: Succeeded',
    ]);
    expect(r.steps[1]?.message).toBe('/data/ready exists');
  });

  it('looks only at the volume named in runIf.volume', async () => {
    // Both volumes mount at paths under /v; the file exists on "b" only, the check is restricted to "a".
    const p = newProject('filevol', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('a', '/v/a'), claim('b', '/v/b')],
        steps: [
          { name: 'mark-b', command: ['sh', '-c', 'touch /v/b/flag'] },
          {
            name: 'check-a',
            command: ['true'],
            runIf: { type: 'fileMissing', path: '/v/b/flag', volume: 'a' },
          },
          {
            name: 'check-b',
            command: ['true'],
            runIf: { type: 'fileMissing', path: '/v/b/flag', volume: 'b' },
          },
        ],
      },
    ]);
    expect(statuses(await runUp(p))).toEqual([
      'db-0/mark-b: Succeeded',
      'db-0/check-a: Succeeded',
      'db-0/check-b: Skipped',
    ]);
  });
});

describe('runIf always', () => {
  it('runs on every start', async () => {
    const p = newProject('always', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data')],
        steps: [{ name: 'migrate', command: ['true'], runIf: { type: 'always' } }],
      },
    ]);
    await runUp(p);
    expect(statuses(await runUp(p))).toEqual(['db-0/migrate: Succeeded']);
  });
});
