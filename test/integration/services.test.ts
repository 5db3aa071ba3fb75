// Services after their init steps: readiness (probes, image HEALTHCHECK), the cache hooks' place in the
// sequence, scale-down, and removing what a run created (the action's post step).
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeCreated } from '../../src/engine/tracked.js';
import type { CacheContext, RunReport, VolumeCache } from '../../src/engine/types.js';
import { up } from '../../src/engine/up.js';
import { DockerUnavailableError } from '../../src/errors.js';
import { setMarkers } from '../../src/markers/store.js';
import { markerKey } from '../../src/plan/plan.js';
import { connectDocker } from '../../src/runtime/docker.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import type { Probe, ProbeCheck, ResolvedProject } from '../../src/spec/model.js';
import { claim, emptyDir, project, type ServiceInput } from '../support/model.js';
import { connect, projectName, recorder, removeProject } from '../support/engine.js';

let runtime: ContainerRuntime;
const used: string[] = [];
const images: string[] = [];
beforeAll(async () => {
  runtime = await connect();
});
afterAll(async () => {
  for (const p of used) await removeProject(runtime, p);
  for (const i of images) execFileSync('docker', ['rmi', '-f', i]);
});

function newProject(tag: string, services: ServiceInput[]): ResolvedProject {
  const name = projectName(tag);
  used.push(name);
  return project(name, services);
}

const runUp = (p: ResolvedProject, cache?: VolumeCache): Promise<RunReport> =>
  up(runtime, { project: p, observer: recorder().observer, backoffBaseMs: 10, ...(cache && { cache }) });

const probe = (check: ProbeCheck, failureThreshold = 50): Probe => ({
  check,
  initialDelayMs: 0,
  periodMs: 100,
  timeoutMs: 1000,
  failureThreshold,
});

/** busybox httpd serving a file, listening on 8080 only once the `sleep` is over. */
const slowHttpd = [
  'sh',
  '-c',
  'mkdir -p /www && echo ok > /www/health && sleep 0.5 && exec httpd -f -p 8080 -h /www',
];

describe('readiness', () => {
  it('httpGet on a port that is not published reaches the instance by its address on the project network', async () => {
    const p = newProject('http', [
      {
        name: 'web',
        command: slowHttpd,
        readinessProbe: probe({ kind: 'httpGet', port: 8080, path: '/health', scheme: 'http' }),
      },
    ]);
    const report = await runUp(p);
    expect(report.services[0]?.status).toBe('Running');
    expect(report.services[0]?.instances[0]?.ports).toEqual([]);
  });

  it('httpGet fails on an error status', async () => {
    const p = newProject('http404', [
      {
        name: 'web',
        command: slowHttpd,
        readinessProbe: probe({ kind: 'httpGet', port: 8080, path: '/missing', scheme: 'http' }, 15),
      },
    ]);
    const report = await runUp(p);
    expect(report.services[0]).toMatchObject({ status: 'Failed', reason: 'ReadinessTimeout' });
    expect(report.services[0]?.instances[0]?.message).toMatch(/answered 404/);
  });

  it('tcpSocket waits for the listener even on a published port (which docker-proxy accepts at once)', async () => {
    const p = newProject('tcp', [
      {
        name: 'web',
        command: slowHttpd,
        ports: [{ containerPort: 8080, hostIp: '127.0.0.1', protocol: 'tcp' }],
        readinessProbe: probe({ kind: 'tcpSocket', port: 8080 }),
      },
    ]);
    const report = await runUp(p);
    expect(report.services[0]?.status).toBe('Running');
    const port = report.services[0]?.instances[0]?.ports[0]?.hostPort ?? 0;
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    expect(await res.text()).toBe('ok\n');
  });

  it('waits for the image HEALTHCHECK when there is no readinessProbe', async () => {
    const image = `initsteps-test/healthcheck:${used.length}-${process.pid}`;
    execFileSync('docker', ['build', '-q', '-t', image, '-'], {
      input:
        'FROM busybox:latest\nHEALTHCHECK --interval=1s --timeout=1s --retries=2 CMD test -f /tmp/healthy\n',
      env: { ...process.env, DOCKER_BUILDKIT: '0' },
    });
    images.push(image);
    const healthy = newProject('healthy', [
      { name: 'web', image, command: ['sh', '-c', 'touch /tmp/healthy; exec sleep 3600'] },
    ]);
    expect((await runUp(healthy)).services[0]?.status).toBe('Running');
    const unhealthy = newProject('unhealthy', [{ name: 'web', image, command: ['sleep', '3600'] }]);
    expect((await runUp(unhealthy)).services[0]).toMatchObject({
      status: 'Failed',
      reason: 'ReadinessTimeout',
    });
  });
});

describe('the volume cache hooks', () => {
  it('restores before planning (restored markers make steps skip) and saves with the main container stopped', async () => {
    const calls: string[] = [];
    const mainStates = async (project: string) =>
      (await runtime.listContainers({ 'dev.initsteps.project': project, 'dev.initsteps.role': 'main' })).map(
        (c) => `${c.labels['dev.initsteps.instance']} ${c.state}`,
      );
    const cache: VolumeCache = {
      async restore(ctx: CacheContext) {
        const volumes = ctx.instances.flatMap((i) =>
          i.volumes.map((v) => `${i.instance.name}/${v.mount.name}`),
        );
        calls.push(`restore ${volumes.join(',')}`);
        // Restore the markers onto the volume as it exists now (the volume exists at this point).
        const info = await runtime.inspectVolume(ctx.instances[0]?.volumes[0]?.volumeName ?? '');
        const uid = info?.labels['dev.initsteps.uid'] ?? '';
        await setMarkers(uid, [
          { volumeUid: uid, key: markerKey('db', 'format'), at: new Date().toISOString() },
        ]);
        return { result: 'base', key: 'k', matchedKey: 'm' };
      },
      wantsSave: async () => true,
      async save(ctx: CacheContext) {
        calls.push(`save, mains: ${(await mainStates(ctx.project.name)).join(', ')}`);
        return true;
      },
    };
    const p = newProject('cache', [
      {
        name: 'db',
        // Stops on its stop signal (PID 1 ignores SIGTERM unless it traps it).
        command: ['sh', '-c', "trap 'exit 0' TERM; touch /tmp/up; sleep 3600 & wait"],
        // Stopped for the snapshot right after it started: ready once the trap is set.
        readinessProbe: {
          check: { kind: 'exec', command: ['test', '-f', '/tmp/up'] },
          initialDelayMs: 0,
          periodMs: 100,
          timeoutMs: 1000,
          failureThreshold: 50,
        },
        volumes: [claim('data', '/data'), emptyDir('tmp', '/tmp')],
        steps: [
          { name: 'format', command: ['true'] },
          { name: 'seed', command: ['true'] },
        ],
      },
      { name: 'nocache', command: ['sleep', '3600'] },
    ]);
    const report = await runUp(p, cache);
    expect(report.steps.map((s) => `${s.step}: ${s.status}`)).toEqual(['format: Skipped', 'seed: Succeeded']);
    // Only the main container that mounts a persistent volume stops for the save.
    expect(calls).toEqual(['restore db-0/data', expect.stringMatching(/^save, mains: /)]);
    expect(calls[1]?.split(': ')[1]?.split(', ').sort()).toEqual(['db-0 exited', 'nocache-0 running']);
    expect(report.cache).toEqual({ result: 'base', key: 'k', matchedKey: 'm', saved: true });
    expect(report.cacheHit).toBe(false);
    expect(report.services.map((s) => s.status)).toEqual(['Running', 'Running']);
    expect(await mainStates(p.name)).toEqual(expect.arrayContaining(['db-0 running', 'nocache-0 running']));
  });
});

describe('replicas and cleanup', () => {
  it('stops instances beyond a lowered replica count, keeping their volumes', async () => {
    const name = projectName('scaledown');
    used.push(name);
    const svc = (replicas: number): ServiceInput => ({
      name: 'tb',
      replicas,
      command: ['sleep', '3600'],
      volumes: [claim('data', '/data')],
    });
    await runUp(project(name, [svc(3)]));
    await runUp(project(name, [svc(1)]));
    const mains = await runtime.listContainers({
      'dev.initsteps.project': name,
      'dev.initsteps.role': 'main',
    });
    expect(mains.map((c) => c.labels['dev.initsteps.instance'])).toEqual(['tb-0']);
    expect(await runtime.listVolumes({ 'dev.initsteps.project': name })).toHaveLength(3);
  });

  it('removeCreated removes what one run created (the action post step) and keeps persistent volumes', async () => {
    const p = newProject('post', [
      { name: 'db', command: ['sleep', '3600'], volumes: [claim('data', '/data'), emptyDir('tmp', '/tmp')] },
    ]);
    const created: string[] = [];
    const report = await up(runtime, {
      project: p,
      observer: (e) => {
        if (e.type === 'created') created.push(`${e.kind} ${e.id}`);
      },
    });
    // Every object still there is one the events announced.
    for (const id of report.created.containers) expect(created).toContain(`container ${id}`);
    for (const id of report.created.networks) expect(created).toContain(`network ${id}`);
    expect(report.created.volumes).toHaveLength(1);
    const warnings: string[] = [];
    await removeCreated(runtime, report.created, (m) => warnings.push(m));
    expect(warnings).toEqual([]);
    expect(await runtime.listContainers({ 'dev.initsteps.project': p.name })).toEqual([]);
    expect(await runtime.listNetworks({ 'dev.initsteps.project': p.name })).toEqual([]);
    const volumes = await runtime.listVolumes({ 'dev.initsteps.project': p.name });
    expect(volumes.map((v) => v.labels['dev.initsteps.volume'])).toEqual(['data']);
    // Removing again only warns (nothing throws).
    await removeCreated(runtime, report.created, (m) => warnings.push(m));
  });
});

describe('connectDocker', () => {
  it('names the endpoint when no engine answers', async () => {
    const err: unknown = await connectDocker({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DockerUnavailableError);
    expect((err as Error).message).toMatch(/unix:\/\/\/nonexistent\/docker\.sock/);
  });
});
