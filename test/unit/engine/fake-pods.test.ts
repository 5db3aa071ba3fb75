// Kubernetes pods on the fake runtime (docs/kubernetes.md#native-sidecars, #several-containers): native
// sidecars start in their place among the init steps and stay; a pod's other containers start with the main
// and the instance is ready when all are; the main containers stop before the sidecars, last started first.
import { describe, expect, it } from 'vitest';
import { down } from '../../../src/engine/down.js';
import { LABEL } from '../../../src/engine/labels.js';
import type { VolumeCache } from '../../../src/engine/types.js';
import type { PodContainer, Probe, ResolvedProject, ResolvedSidecar } from '../../../src/spec/model.js';
import type { FakeRuntime } from '../../support/fake-runtime.js';
import { claim, emptyDir, project, type ServiceInput } from '../../support/model.js';
import { resolved, service } from '../spec/helpers.js';
import {
  expectLeft,
  fakeRuntime,
  runUp,
  serviceStatuses,
  sleeper,
  statuses,
  stepOf,
  useStateDir,
} from './fake-harness.js';

useStateDir();

/** A job leaves its (run-scoped) volume until `down`, and nothing else but the network. */
function expectOnlyVolumes(rt: FakeRuntime): void {
  expect(rt.problems).toEqual([]);
  expect(rt.objects().filter((o) => !o.startsWith('volume initsteps_p_web-0_shared'))).toEqual([
    'network initsteps_p',
  ]);
}

const exec = (failureThreshold = 3): Probe => ({
  check: { kind: 'exec', command: ['ready'] },
  initialDelayMs: 0,
  periodMs: 10,
  timeoutMs: 1000,
  failureThreshold,
});

const sidecar = (name: string, afterSteps: number, more: Partial<ResolvedSidecar> = {}): ResolvedSidecar => ({
  name,
  afterSteps,
  pos: { file: '/spec/pod.yaml', line: 20 + afterSteps, col: 7 },
  pullPolicy: 'IfNotPresent',
  image: 'busybox:latest',
  command: ['proxy'],
  env: [],
  volumes: [emptyDir('shared', '/shared')],
  securityContext: { capAdd: [], capDrop: [], privileged: false },
  resources: {},
  ...more,
});

const container = (name: string, more: Partial<PodContainer> = {}): PodContainer => ({
  name,
  pullPolicy: 'IfNotPresent',
  image: 'busybox:latest',
  command: ['serve'],
  env: [],
  volumes: [emptyDir('shared', '/shared')],
  securityContext: { capAdd: [], capDrop: [], privileged: false },
  resources: {},
  ...more,
});

/** A project of one service (or job) whose instances get these sidecars and other containers. */
function pod(
  input: Omit<ServiceInput, 'name'> & { name?: string },
  sidecars: ResolvedSidecar[],
  containers: PodContainer[] = [],
): ResolvedProject {
  const p = project('p', [
    {
      name: 'web',
      ...sleeper,
      volumes: [emptyDir('shared', '/shared')],
      steps: [
        { name: 'init1', runIf: { type: 'always' } },
        { name: 'init2', runIf: { type: 'always' } },
      ],
      ...input,
    },
  ]);
  for (const inst of p.services[0]?.instances ?? []) {
    inst.mainName = 'app';
    if (sidecars.length > 0) inst.sidecars = sidecars;
    if (containers.length > 0) inst.containers = containers;
  }
  return p;
}

describe('a pod at the cache clean point', () => {
  it('stops its containers, then its sidecars last first; starts the sidecars in order, then the containers', async () => {
    const rt = fakeRuntime();
    const saved: string[] = [];
    const cache: VolumeCache = {
      restore: async () => ({ result: 'miss', key: 'k' }),
      wantsSave: async () => true,
      save: async () => {
        saved.push(...rt.objects({ [LABEL.instance]: 'web-0' }).filter((o) => !o.startsWith('volume')));
        return true;
      },
    };
    const volumes = [claim('data', '/data'), emptyDir('shared', '/shared')];
    const run = await runUp(
      rt,
      pod({ volumes }, [sidecar('first', 0), sidecar('second', 1)], [container('metrics')]),
      { cache },
    );
    expect(serviceStatuses(run.report)).toEqual(['web: Running']);
    // While the volumes were read, nothing of the pod but its sandbox ran.
    expect(saved.filter((o) => o.endsWith('(running)'))).toEqual(['sandbox web-0 (running)']);
    const stops = rt.log('stopContainer');
    expect(stops.slice(0, 2).sort()).toEqual([
      'stopContainer container web-0/metrics grace 30s',
      'stopContainer main web-0 grace 30s',
    ]);
    expect(stops.slice(2)).toEqual([
      'stopContainer sidecar web-0/second grace 30s',
      'stopContainer sidecar web-0/first grace 30s',
    ]);
    expect(rt.log('startContainer').slice(-4)).toEqual([
      'startContainer sidecar web-0/first',
      'startContainer sidecar web-0/second',
      'startContainer main web-0',
      'startContainer container web-0/metrics',
    ]);
    expect(rt.objects({ [LABEL.instance]: 'web-0' }).filter((o) => o.endsWith('(running)'))).toHaveLength(5);
  });
});

describe('native sidecars and several containers', () => {
  it('start in order: init1, the sidecar (started), init2, then the main and the other container', async () => {
    const rt = fakeRuntime();
    const run = await runUp(rt, pod({}, [sidecar('proxy', 1)], [container('metrics')]));

    expect(serviceStatuses(run.report)).toEqual(['web: Running']);
    expect(statuses(run.report)).toEqual([
      'web-0/init1: Succeeded',
      'web-0/proxy: Started',
      'web-0/init2: Succeeded',
    ]);
    expect(stepOf(run.report, 'web-0', 'proxy')).toMatchObject({ sidecar: true, attempts: 1 });
    expect(rt.log('startContainer')).toEqual([
      'startContainer sandbox web-0',
      'startContainer step web-0/init1#1',
      'startContainer sidecar web-0/proxy',
      'startContainer step web-0/init2#1',
      'startContainer main web-0',
      'startContainer container web-0/metrics',
    ]);
    expect(run.lines).toContain('▶ sidecar "proxy" on web-0');
    expect(run.lines).toContain('✓ sidecar "proxy" on web-0 started (keeps running)');
    expect(rt.objects().filter((o) => !o.startsWith('volume') && !o.startsWith('network'))).toEqual([
      'sandbox web-0 (running)',
      'sidecar web-0/proxy (running)',
      'main web-0 (running)',
      'container web-0/metrics (running)',
    ]);
  });

  it("a volume only a sidecar or another container mounts is the pod's too", async () => {
    const mounts: Record<string, string[]> = {};
    const rt = fakeRuntime({
      script: (c) => {
        if (c.role === 'sidecar' || c.role === 'container') {
          mounts[c.role] = c.spec.mounts.map((m) => `${m.target} ${m.source}`);
        }
        return undefined;
      },
    });
    await runUp(
      rt,
      pod(
        {},
        [sidecar('proxy', 0, { volumes: [emptyDir('status', '/status')] })],
        [container('metrics', { volumes: [emptyDir('cache', '/cache')] })],
      ),
    );
    expect(mounts['sidecar']).toEqual([expect.stringMatching(/^\/status initsteps_p_web-0_status_/)]);
    expect(mounts['container']).toEqual([expect.stringMatching(/^\/cache initsteps_p_web-0_cache_/)]);
  });

  it('`down` removes the main containers first, then the sidecars last started first, then the sandbox', async () => {
    const rt = fakeRuntime();
    await runUp(rt, pod({}, [sidecar('log', 0), sidecar('proxy', 1)], [container('metrics')]));
    rt.calls.length = 0;
    await down(rt, { project: 'p', volumes: true });
    expect(rt.log('removeContainer')).toEqual([
      'removeContainer main web-0',
      'removeContainer container web-0/metrics',
      'removeContainer sidecar web-0/proxy',
      'removeContainer sidecar web-0/log',
      'removeContainer sandbox web-0',
    ]);
    expectLeft(rt);
  });

  it("the next init step waits for the sidecar's startupProbe", async () => {
    let checks = 0;
    const rt = fakeRuntime({
      script: (c) => (c.role === 'sidecar' ? { exec: () => (++checks < 3 ? 1 : 0) } : undefined),
    });
    const run = await runUp(rt, pod({}, [sidecar('proxy', 1, { startupProbe: exec(5) })]));
    expect(statuses(run.report)).toEqual([
      'web-0/init1: Succeeded',
      'web-0/proxy: Started',
      'web-0/init2: Succeeded',
    ]);
    const log = rt.log('exec', 'createContainer');
    expect(log.filter((l) => l === 'exec sidecar web-0/proxy')).toHaveLength(3);
    expect(log.lastIndexOf('exec sidecar web-0/proxy')).toBeLessThan(
      log.indexOf('createContainer step web-0/init2#1'),
    );
  });

  it('a sidecar whose startupProbe never passes fails as a step; what follows does not run', async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'sidecar' ? { exec: () => 1 } : undefined) });
    const run = await runUp(rt, pod({}, [sidecar('proxy', 1, { startupProbe: exec(2) })]));
    expect(statuses(run.report)).toEqual([
      'web-0/init1: Succeeded',
      'web-0/proxy: Failed',
      'web-0/init2: Pending',
    ]);
    expect(stepOf(run.report, 'web-0', 'proxy')).toMatchObject({
      reason: 'StartupProbeFailed',
      message: expect.stringMatching(/^sidecar "proxy": startup probe failed 2 times/) as unknown,
    });
    expect(stepOf(run.report, 'web-0', 'init2').message).toBe('not run: sidecar "proxy" did not start');
    expect(run.report.services[0]?.instances[0]).toMatchObject({
      status: 'Failed',
      reason: 'InitStepFailed',
      message: expect.stringMatching(/^sidecar "proxy" did not start: StartupProbeFailed/) as unknown,
    });
    expect(rt.log('createContainer').some((l) => l.includes('main web-0'))).toBe(false);
  });

  it('a sidecar that cannot start, or exits before its probe passes, is a failed step', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.role === 'sidecar' ? { startError: 'no such file: proxy' } : undefined),
    });
    const run = await runUp(rt, pod({}, [sidecar('proxy', 0)]));
    expect(stepOf(run.report, 'web-0', 'proxy')).toMatchObject({
      status: 'Failed',
      reason: 'RuntimeError',
      message: 'no such file: proxy',
    });
    expect(statuses(run.report)).toEqual([
      'web-0/proxy: Failed',
      'web-0/init1: Pending',
      'web-0/init2: Pending',
    ]);

    const exits = fakeRuntime({
      script: (c) => (c.role === 'sidecar' ? { runMs: 5, exitCode: 3, exec: () => 1 } : undefined),
    });
    const second = await runUp(exits, pod({}, [sidecar('proxy', 0, { startupProbe: exec(50) })]));
    expect(stepOf(second.report, 'web-0', 'proxy')).toMatchObject({
      status: 'Failed',
      reason: 'ExitNonZero',
      exitCode: 3,
      message: 'sidecar "proxy" exited with code 3',
    });
  });

  it('the instance is ready when every container is; one that fails is named', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.role === 'container' ? { exec: () => 1 } : undefined),
    });
    const run = await runUp(rt, pod({}, [], [container('metrics', { readinessProbe: exec(2) })]));
    expect(run.report.services[0]?.instances[0]).toMatchObject({
      status: 'Failed',
      reason: 'ReadinessTimeout',
      message: expect.stringMatching(/^container "metrics": readiness probe failed 2 times/) as unknown,
    });

    const broken = fakeRuntime({
      script: (c) => (c.role === 'container' ? { startError: 'exec: "serve": not found' } : undefined),
    });
    const second = await runUp(broken, pod({}, [], [container('metrics')]));
    expect(second.report.services[0]?.instances[0]).toMatchObject({
      status: 'Failed',
      reason: 'StartFailed',
      message: 'container "metrics": exec: "serve": not found',
    });
  });
});

describe('a job with native sidecars', () => {
  it('completes while they run; then they stop, last started first, and nothing is left', async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'job' ? { runMs: 5 } : undefined) });
    const run = await runUp(
      rt,
      pod({ command: ['migrate'], job: {} }, [sidecar('log', 0), sidecar('proxy', 1)]),
    );
    expect(run.report.jobs.map((j) => j.status)).toEqual(['Succeeded']);
    expect(statuses(run.report)).toEqual([
      'web-0/log: Started',
      'web-0/init1: Succeeded',
      'web-0/proxy: Started',
      'web-0/init2: Succeeded',
    ]);
    const log = rt.log('startContainer', 'stopContainer', 'removeContainer');
    expect(log.slice(log.indexOf('startContainer job web-0#1'))).toEqual([
      'startContainer job web-0#1',
      'removeContainer job web-0#1',
      'stopContainer sidecar web-0/proxy grace 1s',
      'removeContainer sidecar web-0/proxy',
      'stopContainer sidecar web-0/log grace 1s',
      'removeContainer sidecar web-0/log',
      'removeContainer sandbox web-0',
    ]);
    expect(run.report.created.containers).toEqual([]);
    expectOnlyVolumes(rt);
  });

  it('stops its sidecars when it fails too', async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'job' ? { exitCode: 2 } : undefined) });
    const run = await runUp(rt, pod({ job: { attempts: 1 } }, [sidecar('proxy', 2)]));
    expect(run.report.jobs.map((j) => [j.status, j.reason])).toEqual([['Failed', 'JobFailed']]);
    expectOnlyVolumes(rt);
  });
});

describe('native sidecars of a native spec (docs/spec.md#native-sidecars)', () => {
  const spec = (kind: 'Service' | 'Job') =>
    service(
      `image: busybox:latest
command: [serve]
volumes: [{name: shared, mountPath: /shared, emptyDir: {}}]
initSteps:
  - {name: init1, runIf: {type: always}}
  - name: proxy
    restartPolicy: Always
    command: [proxy]
    startupProbe: {exec: {command: [ready]}, periodSeconds: 1, failureThreshold: 5}
  - {name: init2, runIf: {type: always}}`,
      'web',
    ).replace('kind: Service', `kind: ${kind}`);

  it("run as a pod's: started in place, the next step after its startupProbe, kept with the main", async () => {
    let checks = 0;
    const rt = fakeRuntime({
      script: (c) => (c.role === 'sidecar' ? { exec: () => (++checks < 2 ? 1 : 0) } : undefined),
    });
    const run = await runUp(rt, resolved(spec('Service'), { project: 'p' }));
    expect(serviceStatuses(run.report)).toEqual(['web: Running']);
    expect(statuses(run.report)).toEqual([
      'web-0/init1: Succeeded',
      'web-0/proxy: Started',
      'web-0/init2: Succeeded',
    ]);
    const log = rt.log('startContainer', 'exec');
    expect(log.filter((l) => l.startsWith('startContainer'))).toEqual([
      'startContainer sandbox web-0',
      'startContainer step web-0/init1#1',
      'startContainer sidecar web-0/proxy',
      'startContainer step web-0/init2#1',
      'startContainer main web-0',
    ]);
    expect(log.lastIndexOf('exec sidecar web-0/proxy')).toBeLessThan(
      log.indexOf('startContainer step web-0/init2#1'),
    );
    expect(rt.objects().filter((o) => o.startsWith('sidecar'))).toEqual(['sidecar web-0/proxy (running)']);
  });

  it("on a job, stopped after the job's container", async () => {
    const rt = fakeRuntime({ script: (c) => (c.role === 'job' ? { runMs: 5 } : undefined) });
    const run = await runUp(rt, resolved(spec('Job'), { project: 'p' }));
    expect(run.report.jobs.map((j) => j.status)).toEqual(['Succeeded']);
    const log = rt.log('startContainer', 'stopContainer', 'removeContainer');
    expect(log.slice(log.indexOf('startContainer job web-0#1'))).toEqual([
      'startContainer job web-0#1',
      'removeContainer job web-0#1',
      'stopContainer sidecar web-0/proxy grace 1s',
      'removeContainer sidecar web-0/proxy',
      'removeContainer sandbox web-0',
    ]);
    expectOnlyVolumes(rt);
  });
});
