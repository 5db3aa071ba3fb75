// Whole runs on the fake runtime: an instance's lifecycle, runs after runs (markers keyed by service/step,
// restart after a partial failure, scaling, leftovers of an earlier run), dependencies, `--services`, and
// what `plan`, `down` and the action's post step see afterwards.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { down } from '../../../src/engine/down.js';
import { removeCreated } from '../../../src/engine/tracked.js';
import { readFacts } from '../../../src/engine/facts.js';
import { LABEL } from '../../../src/engine/labels.js';
import { status } from '../../../src/engine/status.js';
import { UsageError } from '../../../src/errors.js';
import { getMarkers, setMarkers } from '../../../src/markers/store.js';
import { planProject } from '../../../src/plan/plan.js';
import { claim, emptyDir, project, type ServiceInput } from '../../support/model.js';
import type { FakeRuntime } from '../../support/fake-runtime.js';
import {
  sleeper,
  expectLeft,
  fakeRuntime,
  runUp,
  serviceStatuses,
  statuses,
  stepOf,
  useStateDir,
  warnings,
} from './fake-harness.js';

const stateDir = useStateDir();

/** Marker keys on the Docker volume `name`, by its identity label. */
async function markerKeys(rt: FakeRuntime, name: string): Promise<string[]> {
  const uid = rt.volumeLabels(name)?.[LABEL.uid];
  if (uid === undefined) throw new Error(`volume ${name} has no uid`);
  return (await getMarkers(uid, stateDir())).map((m) => m.key).sort();
}

/** The calls from index `from` on (of the given methods), as `log` renders them. */
const since = (rt: FakeRuntime, from: number, ...methods: string[]): string[] =>
  rt.calls
    .slice(from)
    .filter((c) => methods.length === 0 || methods.includes(c.method))
    .map((c) => [c.method, c.target, c.detail].filter(Boolean).join(' '));

describe('one instance', () => {
  it('prepares volumes and the sandbox, runs the steps one at a time, then starts main in the sandbox', async () => {
    const rt = fakeRuntime();
    const p = project('p', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data'), emptyDir('tmp', '/tmp')],
        steps: [{ name: 'format' }, { name: 'seed' }],
      },
    ]);
    const run = await runUp(rt, p, { runId: 'r1' });
    expect(statuses(run.report)).toEqual(['db-0/format: Succeeded', 'db-0/seed: Succeeded']);
    expect(serviceStatuses(run.report)).toEqual(['db: Running']);
    expect(rt.log('createContainer', 'startContainer', 'attach', 'removeContainer')).toEqual([
      'createContainer sandbox db-0',
      'startContainer sandbox db-0',
      'createContainer step db-0/format#1',
      'attach step db-0/format#1',
      'startContainer step db-0/format#1',
      'removeContainer step db-0/format#1',
      'createContainer step db-0/seed#1',
      'attach step db-0/seed#1',
      'startContainer step db-0/seed#1',
      'removeContainer step db-0/seed#1',
      'createContainer main db-0',
      'startContainer main db-0',
    ]);
    const log = rt.log();
    expect(log.indexOf('ensureNetwork initsteps_p')).toBeLessThan(
      log.indexOf('createContainer sandbox db-0'),
    );
    // The sandbox mounts nothing: the volumes are created alongside it, before the first step.
    for (const before of ['createVolume initsteps_p_db-0_data', 'createVolume initsteps_p_db-0_tmp_r1']) {
      expect(log.indexOf(before), before).toBeLessThan(log.indexOf('createContainer step db-0/format#1'));
    }
    // Everything the run created was announced as it was created, and the report lists what is left.
    const announced = run.events.flatMap((e) => (e.type === 'created' ? [`${e.kind} ${e.id}`] : []));
    expect(announced.map((a) => a.replace(/ (c\d+)$/, (_, id: string) => ` ${rt.describe(id)}`))).toEqual([
      'network n00000000001',
      'container sandbox db-0',
      'volume initsteps_p_db-0_tmp_r1',
      'container step db-0/format#1',
      'container step db-0/seed#1',
      'container main db-0',
    ]);
    expect(run.report.created.containers.map((id) => rt.describe(id))).toEqual(['sandbox db-0', 'main db-0']);
    expect(run.report.created).toMatchObject({
      networks: ['n00000000001'],
      volumes: ['initsteps_p_db-0_tmp_r1'],
      processes: [],
    });
    // The persistent volume carries the project, instance, volume and identity labels.
    expect(rt.volumeLabels('initsteps_p_db-0_data')).toMatchObject({
      [LABEL.project]: 'p',
      [LABEL.service]: 'db',
      [LABEL.instance]: 'db-0',
      [LABEL.role]: 'volume',
      [LABEL.volume]: 'data',
      [LABEL.uid]: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(await markerKeys(rt, 'initsteps_p_db-0_data')).toEqual(['db/format', 'db/seed']);
    expect(warnings(run.events)).toEqual([]);

    // The action's post step removes what the report lists; the persistent volume stays.
    const problems: string[] = [];
    await removeCreated(rt, run.report.created, (m) => problems.push(m));
    expect(problems).toEqual([]);
    expectLeft(rt, ['volume initsteps_p_db-0_data']);
  });

  it('skips a fileMissing step when an earlier step created the file, checking without starting anything', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.step === 'init' ? { writes: ['/data/ready/flag'] } : undefined),
    });
    const p = project('p', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data')],
        steps: [
          { name: 'init' },
          { name: 'check', runIf: { type: 'fileMissing', path: '/data/ready/flag' } },
          { name: 'other', runIf: { type: 'fileMissing', path: '/data/absent' } },
        ],
      },
    ]);
    const run = await runUp(rt, p);
    expect(statuses(run.report)).toEqual([
      'db-0/init: Succeeded',
      'db-0/check: Skipped',
      'db-0/other: Succeeded',
    ]);
    expect(stepOf(run.report, 'db-0', 'check').message).toBe('/data/ready/flag exists');
    expect(run.lines).toContain('↷ init step "check" on db-0: skipped (/data/ready/flag exists)');
    // One created, never started container per check, removed right after it.
    const checks = rt.log('createContainer', 'startContainer', 'pathExists', 'removeContainer');
    expect(checks.filter((l) => l.includes('pathcheck'))).toEqual([
      'createContainer pathcheck',
      'pathExists pathcheck',
      'removeContainer pathcheck',
      'createContainer pathcheck',
      'pathExists pathcheck',
      'removeContainer pathcheck',
    ]);
    expect(rt.volumeFiles('initsteps_p_db-0_data')).toEqual(['ready/flag']);
    expectLeft(rt, [
      'sandbox db-0 (running)',
      'main db-0 (running)',
      'volume initsteps_p_db-0_data',
      'network initsteps_p',
    ]);
  });
});

describe('runs after runs', () => {
  it('skips what a volume was initialized for: markers keyed by service/step, on the volume identity', async () => {
    const rt = fakeRuntime();
    const p = project('p', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data')],
        steps: [{ name: 'format' }, { name: 'seed' }],
      },
    ]);
    await runUp(rt, p);
    const again = await runUp(rt, p);
    expect(statuses(again.report)).toEqual(['db-0/format: Skipped', 'db-0/seed: Skipped']);
    expect(again.report.steps.map((s) => [s.message, s.attempts])).toEqual([
      ['volume already initialized', 0],
      ['volume already initialized', 0],
    ]);
    expect(serviceStatuses(again.report)).toEqual(['db: Running']);
    expect(rt.log('createContainer').filter((l) => l.startsWith('createContainer step'))).toEqual([
      'createContainer step db-0/format#1',
      'createContainer step db-0/seed#1',
    ]);
  });

  it('after a partial failure, the next up runs the failed step only', async () => {
    let fail = true;
    const rt = fakeRuntime({ script: (c) => (c.step === 'two' && fail ? { exitCode: 3 } : undefined) });
    const p = project('p', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data')],
        steps: [{ name: 'one' }, { name: 'two', attempts: 1 }, { name: 'three' }],
      },
    ]);
    const first = await runUp(rt, p);
    expect(statuses(first.report)).toEqual([
      'db-0/one: Succeeded',
      'db-0/two: Failed',
      'db-0/three: Pending',
    ]);
    expect(serviceStatuses(first.report)).toEqual(['db: Failed InitStepFailed']);
    expect(await markerKeys(rt, 'initsteps_p_db-0_data')).toEqual(['db/one']);

    fail = false;
    const from = rt.calls.length;
    const second = await runUp(rt, p);
    expect(statuses(second.report)).toEqual([
      'db-0/one: Skipped',
      'db-0/two: Succeeded',
      'db-0/three: Succeeded',
    ]);
    expect(serviceStatuses(second.report)).toEqual(['db: Running']);
    expect(await markerKeys(rt, 'initsteps_p_db-0_data')).toEqual(['db/one', 'db/three', 'db/two']);
    // The first run's sandbox goes before the new one is created; only the steps not done run.
    expect(since(rt, from, 'createContainer', 'removeContainer')).toEqual([
      'removeContainer sandbox db-0',
      'createContainer sandbox db-0',
      'createContainer step db-0/two#2',
      'removeContainer step db-0/two#2',
      'createContainer step db-0/three#1',
      'removeContainer step db-0/three#1',
      'createContainer main db-0',
    ]);
    expect(since(rt, from, 'createVolume')).toEqual([]);
    expectLeft(rt, [
      'sandbox db-0 (running)',
      'main db-0 (running)',
      'volume initsteps_p_db-0_data',
      'network initsteps_p',
    ]);
  });

  it('removes what an earlier run left of an instance before starting it, and nothing of other projects', async () => {
    const rt = fakeRuntime();
    const old = (role: string, extra: Record<string, string> = {}) => ({
      [LABEL.project]: 'p',
      [LABEL.service]: 'db',
      [LABEL.instance]: 'db-0',
      [LABEL.role]: role,
      [LABEL.run]: 'old',
      ...extra,
    });
    // A crashed run: its sandbox, main, a step still joined to the sandbox, its emptyDir; its initialized volume.
    rt.seedNetwork('initsteps_p', { [LABEL.project]: 'p', [LABEL.role]: 'network' });
    rt.seedVolume('initsteps_p_db-0_data', {
      ...old('volume'),
      [LABEL.volume]: 'data',
      [LABEL.uid]: 'uid-1',
    });
    await setMarkers(
      'uid-1',
      [{ volumeUid: 'uid-1', key: 'db/format', at: new Date(0).toISOString() }],
      stateDir(),
    );
    rt.seedVolume('initsteps_p_db-0_tmp_old', {
      ...old('volume'),
      [LABEL.volume]: 'tmp',
      [LABEL.ephemeral]: 'true',
    });
    const sandbox = rt.seedContainer({ name: 'initsteps_p_db-0_sandbox', labels: old('sandbox') });
    rt.seedContainer({
      name: 'initsteps_p_db-0',
      labels: old('main'),
      network: { mode: 'container', container: sandbox },
    });
    rt.seedContainer({
      labels: old('step', { [LABEL.step]: 'seed' }),
      network: { mode: 'container', container: sandbox },
      mounts: ['initsteps_p_db-0_data', 'initsteps_p_db-0_tmp_old'],
    });
    // Another project's container, labelled alike but for the project.
    rt.seedContainer({ labels: { ...old('main'), [LABEL.project]: 'q' } });

    const p = project('p', [
      {
        name: 'db',
        ...sleeper,
        volumes: [claim('data', '/data'), emptyDir('tmp', '/tmp')],
        steps: [{ name: 'format' }, { name: 'seed' }],
      },
    ]);
    const run = await runUp(rt, p, { runId: 'r2' });
    expect(statuses(run.report)).toEqual(['db-0/format: Skipped', 'db-0/seed: Succeeded']);
    expect(serviceStatuses(run.report)).toEqual(['db: Running']);
    const removed = rt.log('removeContainer', 'removeVolume');
    expect([...removed].sort()).toEqual(
      [
        'removeContainer old main db-0',
        'removeContainer old sandbox db-0',
        'removeContainer old step db-0',
        'removeVolume initsteps_p_db-0_tmp_old',
        'removeContainer step db-0/seed#1',
      ].sort(),
    );
    expect(removed.indexOf('removeVolume initsteps_p_db-0_tmp_old')).toBeGreaterThan(
      removed.indexOf('removeContainer old step db-0'),
    );
    // The existing network is used, not created again (and so not the run's to remove).
    expect(run.report.created.networks).toEqual([]);
    expect(warnings(run.events)).toEqual([]);
    expectLeft(rt, [
      'sandbox db-0 (running)',
      'main db-0 (running)',
      'old main db-0 (running)',
      'volume initsteps_p_db-0_data',
      'volume initsteps_p_db-0_tmp_r2',
      'network initsteps_p',
    ]);
  });

  it('warns about a volume initsteps did not create, and always runs its steps', async () => {
    const rt = fakeRuntime();
    rt.seedVolume('initsteps_p_db-0_data', {});
    const p = project('p', [
      { name: 'db', ...sleeper, volumes: [claim('data', '/data')], steps: [{ name: 'format' }] },
    ]);
    const first = await runUp(rt, p);
    const second = await runUp(rt, p);
    expect(statuses(first.report)).toEqual(['db-0/format: Succeeded']);
    expect(statuses(second.report)).toEqual(['db-0/format: Succeeded']);
    expect(warnings(second.events)).toEqual([
      'volume initsteps_p_db-0_data was not created by initsteps (no dev.initsteps.uid label): its steps always run',
    ]);
  });
});

describe('scaling', () => {
  const scaled = (replicas: number) =>
    project('p', [
      {
        name: 'tb',
        ...sleeper,
        replicas,
        volumes: [claim('data', '/data')],
        steps: [{ name: 'format' }],
      },
    ]);

  it('1 → 3 runs the steps of the new instances only; 3 → 1 stops the extra instances and keeps their volumes', async () => {
    const rt = fakeRuntime();
    await runUp(rt, scaled(1));
    const up3 = await runUp(rt, scaled(3));
    expect(statuses(up3.report)).toEqual([
      'tb-0/format: Skipped',
      'tb-1/format: Succeeded',
      'tb-2/format: Succeeded',
    ]);
    expect(up3.report.services[0]?.instances.map((i) => `${i.name} ${i.status}`)).toEqual([
      'tb-0 Running',
      'tb-1 Running',
      'tb-2 Running',
    ]);
    const volumes = [
      'volume initsteps_p_tb-0_data',
      'volume initsteps_p_tb-1_data',
      'volume initsteps_p_tb-2_data',
    ];
    expectLeft(rt, [
      ...['tb-0', 'tb-1', 'tb-2'].flatMap((i) => [`sandbox ${i} (running)`, `main ${i} (running)`]),
      ...volumes,
      'network initsteps_p',
    ]);

    const from = rt.calls.length;
    const up1 = await runUp(rt, scaled(1));
    expect(statuses(up1.report)).toEqual(['tb-0/format: Skipped']);
    expect(serviceStatuses(up1.report)).toEqual(['tb: Running']);
    expect(since(rt, from, 'removeVolume')).toEqual([]);
    expectLeft(rt, ['sandbox tb-0 (running)', 'main tb-0 (running)', ...volumes, 'network initsteps_p']);
    // Three back to one: the volumes kept their markers, so scaling up again runs nothing.
    const again = await runUp(rt, scaled(3));
    expect(statuses(again.report)).toEqual([
      'tb-0/format: Skipped',
      'tb-1/format: Skipped',
      'tb-2/format: Skipped',
    ]);
  });
});

describe('dependencies and --services', () => {
  const services: ServiceInput[] = [
    { name: 'db', ...sleeper, steps: [{ name: 'migrate', attempts: 1 }] },
    { name: 'cache', ...sleeper, steps: [{ name: 'warm' }] },
    { name: 'app', ...sleeper, dependsOn: ['db'], replicas: 2, steps: [{ name: 'build' }] },
    { name: 'web', ...sleeper, dependsOn: ['app', 'cache'], steps: [{ name: 'assets' }] },
  ];

  it("starts a dependent's sandbox while its dependency initializes; its steps wait for the dependency", async () => {
    const rt = fakeRuntime();
    const run = await runUp(rt, project('p', services));
    expect(serviceStatuses(run.report)).toEqual([
      'db: Running',
      'cache: Running',
      'app: Running',
      'web: Running',
    ]);
    const log = rt.log('createContainer', 'startContainer');
    const at = (line: string) => log.indexOf(line);
    expect(at('createContainer sandbox web-0')).toBeGreaterThan(-1);
    expect(at('createContainer sandbox web-0')).toBeLessThan(at('startContainer main db-0'));
    expect(at('startContainer main db-0')).toBeLessThan(at('createContainer step app-0/build#1'));
    expect(at('startContainer main app-1')).toBeLessThan(at('createContainer step web-0/assets#1'));
  });

  it('fails the dependents of a failed service with DependencyFailed and starts nothing of them', async () => {
    const rt = fakeRuntime({ script: (c) => (c.step === 'migrate' ? { exitCode: 2 } : undefined) });
    const { report, lines } = await runUp(rt, project('p', services));
    expect(serviceStatuses(report)).toEqual([
      'db: Failed InitStepFailed',
      'cache: Running',
      'app: Failed DependencyFailed',
      'web: Failed DependencyFailed',
    ]);
    expect(report.services[2]).toMatchObject({
      message: 'dependency "db" failed',
      instances: [
        { name: 'app-0', status: 'Failed', reason: 'DependencyFailed', message: 'dependency "db" failed' },
        { name: 'app-1', status: 'Failed', reason: 'DependencyFailed', message: 'dependency "db" failed' },
      ],
    });
    expect(report.services[3]?.message).toBe('dependency "app" failed');
    expect(stepOf(report, 'app-1', 'build')).toMatchObject({
      status: 'Pending',
      message: 'not run: dependency "db" failed',
    });
    expect(stepOf(report, 'web-0', 'assets')).toMatchObject({
      status: 'Pending',
      message: 'not run: dependency "app" failed',
    });
    expect(lines).toContain('✗ app is Failed: DependencyFailed: dependency "db" failed');
    // Their sandboxes may have been started ahead (engine/sandboxes.ts); they are gone, and nothing ran in them.
    expect(
      rt
        .log('createContainer')
        .filter((l) => / (app|web)-\d/.test(l) && !l.startsWith('createContainer sandbox')),
    ).toEqual([]);
    expect(rt.objects().filter((o) => / (app|web)-\d/.test(o))).toEqual([]);
  });

  it("removes a dependent's sandbox that failed to start ahead once its dependency failed", async () => {
    const rt = fakeRuntime({
      script: (c) => (c.step === 'migrate' ? { exitCode: 2 } : undefined),
      fault: (method, target) =>
        method === 'startContainer' && target === 'sandbox app-1' ? 'port is already allocated' : undefined,
    });
    const { report } = await runUp(rt, project('p', services));
    expect(serviceStatuses(report)).toEqual([
      'db: Failed InitStepFailed',
      'cache: Running',
      'app: Failed DependencyFailed',
      'web: Failed DependencyFailed',
    ]);
    expect(rt.objects().filter((o) => / (app|web)-\d/.test(o))).toEqual([]);
  });

  it('--services runs the named services and their dependencies only, and the state keeps the others', async () => {
    const rt = fakeRuntime();
    const p = project('p', services);
    const first = await runUp(rt, p, { services: ['app'] });
    expect(serviceStatuses(first.report)).toEqual(['db: Running', 'app: Running']);
    expect(statuses(first.report)).toEqual([
      'db-0/migrate: Succeeded',
      'app-0/build: Succeeded',
      'app-1/build: Succeeded',
    ]);
    expect(rt.log('createContainer').filter((l) => / (cache|web)-\d/.test(l))).toEqual([]);

    const from = rt.calls.length;
    const second = await runUp(rt, p, { services: ['cache'] });
    expect(serviceStatuses(second.report)).toEqual(['cache: Running']);
    // The services already running are not touched.
    expect(
      since(rt, from, 'removeContainer', 'createContainer').filter((l) => / (db|app)-\d/.test(l)),
    ).toEqual([]);
    const st = await status(rt, p);
    expect(st.services.map((s) => `${s.name}: ${s.lastStatus ?? '-'}`)).toEqual([
      'db: Running',
      'cache: Running',
      'app: Running',
      'web: -',
    ]);
    expect(
      st.services.find((s) => s.name === 'app')?.instances.map((i) => i.steps.map((r) => r.status)),
    ).toEqual([['Succeeded'], ['Succeeded']]);
  });

  it('refuses an unknown service before touching the engine', async () => {
    const rt = fakeRuntime();
    await expect(runUp(rt, project('p', services), { services: ['nope'] })).rejects.toThrow(UsageError);
    expect(rt.calls).toEqual([]);
  });
});

describe('plan and down on what up left', () => {
  const p = project('p', [
    {
      name: 'db',
      ...sleeper,
      volumes: [claim('data', '/data'), emptyDir('tmp', '/tmp')],
      steps: [
        { name: 'one' },
        { name: 'two', attempts: 1 },
        { name: 'ready', runIf: { type: 'fileMissing', path: '/data/ready' } },
      ],
    },
  ]);
  const plan = async (rt: FakeRuntime) =>
    planProject(p, await readFacts(rt, p, stateDir())).map(
      (e) => `${e.instance}/${e.step}: ${e.action} (${e.reason})`,
    );

  it('plan answers from the volumes and markers as they are, and leaves nothing behind', async () => {
    let fail = true;
    const rt = fakeRuntime({
      script: (c) =>
        c.step === 'one'
          ? { writes: ['/data/ready'] }
          : c.step === 'two' && fail
            ? { exitCode: 1 }
            : undefined,
    });
    expect(await plan(rt)).toEqual([
      'db-0/one: run (fresh volume data)',
      'db-0/two: run (fresh volume data)',
      'db-0/ready: run (/data/ready is missing)',
    ]);
    expectLeft(rt);

    await runUp(rt, p);
    const before = rt.objects();
    expect(await plan(rt)).toEqual([
      'db-0/one: skip (volume already initialized)',
      'db-0/two: run (fresh volume data)',
      'db-0/ready: skip (/data/ready exists)',
    ]);
    expect(rt.objects()).toEqual(before);
    expect(rt.problems).toEqual([]);

    fail = false;
    const second = await runUp(rt, p);
    expect(statuses(second.report)).toEqual([
      'db-0/one: Skipped',
      'db-0/two: Succeeded',
      'db-0/ready: Skipped',
    ]);
  });

  it('down removes the containers (sandboxes last), the run-scoped volumes and the network; --volumes the rest', async () => {
    const rt = fakeRuntime();
    await runUp(rt, p, { runId: 'r1' });
    const from = rt.calls.length;
    expect(await down(rt, { project: 'p', volumes: false })).toEqual({
      containers: 2,
      volumes: 1,
      networks: 1,
      processes: 0,
      warnings: [],
      notes: [],
    });
    expect(since(rt, from, 'removeContainer', 'removeVolume', 'removeNetwork')).toEqual([
      'removeContainer main db-0',
      'removeContainer sandbox db-0',
      'removeVolume initsteps_p_db-0_tmp_r1',
      'removeNetwork initsteps_p',
    ]);
    expectLeft(rt, ['volume initsteps_p_db-0_data']);
    expect(readdirSync(join(stateDir(), 'markers'))).toHaveLength(1);
    // The step results stay for `status` and `logs`.
    expect((await status(rt, p)).services[0]?.lastStatus).toBe('Running');

    expect(await down(rt, { project: 'p', volumes: true })).toMatchObject({
      containers: 0,
      volumes: 1,
      networks: 0,
    });
    expectLeft(rt);
    expect(readdirSync(join(stateDir(), 'markers'))).toEqual([]);
    expect((await status(rt, p)).lastRun).toBeUndefined();
  });
});
