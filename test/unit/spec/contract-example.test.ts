// The full docs/spec.md example (plus the service its dependsOn names) loads and resolves as promised.
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { loadProject } from '../../../src/spec/index.js';

const fixture = fileURLToPath(new URL('../../fixtures/spec/contract-example.yaml', import.meta.url));
const seedDir = fileURLToPath(new URL('../../fixtures/spec/db/seed', import.meta.url));

it('refuses the Unconfined seccomp profile without allowPrivileged, naming service and field', async () => {
  const r = await loadProject({ files: [fixture], env: {} });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems).toHaveLength(1);
  const [p] = r.problems;
  expect(p?.pos).toEqual({ file: fixture, line: 28, col: 29 });
  expect(p?.path).toBe('spec.securityContext.seccompProfile.type');
  expect(p?.message).toMatch(/^service "tb": securityContext\.seccompProfile\.type Unconfined is refused/);
});

it('resolves with allowPrivileged', async () => {
  const r = await loadProject({ files: [fixture], env: {}, allowPrivileged: true });
  if (!r.ok) expect.fail(r.problems.map((p) => p.message).join('\n'));
  const { project } = r;
  // dependsOn order: other-service first although declared second.
  expect(project.services.map((s) => s.name)).toEqual(['other-service', 'tb']);
  const tb = project.services[1];
  if (!tb) return;
  expect(tb.pos).toEqual({ file: fixture, line: 7, col: 9 });
  expect(tb.file).toBe(fixture);
  expect(tb).toMatchObject({
    runtime: 'container',
    pullPolicy: 'IfNotPresent',
    replicas: 1,
    ports: [{ containerPort: 3000, hostIp: '127.0.0.1', protocol: 'tcp' }],
    dependsOn: ['other-service'],
    readinessProbe: {
      check: { kind: 'tcpSocket', port: 3000 },
      initialDelayMs: 0,
      periodMs: 1000,
      timeoutMs: 1000,
      failureThreshold: 60,
    },
  });
  expect(tb.ports[0]?.hostPort).toBeUndefined();
  expect(tb.template).toEqual({
    image: 'ghcr.io/tigerbeetle/tigerbeetle:0.16.30',
    command: ['/tigerbeetle'],
    args: ['start', '--addresses=0.0.0.0:3000', '/data/0_0.tigerbeetle'],
    workingDir: '/',
    user: '1000:1000',
    env: [{ name: 'CLUSTER', value: '0', secret: false }],
    volumes: [
      {
        name: 'data',
        mountPath: '/data',
        readOnly: false,
        source: { kind: 'claim', capacityBytes: 2 ** 30 },
      },
      { name: 'seed', mountPath: '/seed', readOnly: true, source: { kind: 'hostPath', path: seedDir } },
      { name: 'scratch', mountPath: '/scratch', readOnly: false, source: { kind: 'emptyDir' } },
    ],
    securityContext: {
      seccompProfile: { type: 'Unconfined' },
      capAdd: ['SYS_NICE'],
      capDrop: ['ALL'],
      privileged: false,
    },
    resources: { nanoCpus: 2e9, memoryBytes: 2 ** 30 },
  });
  expect(tb.instances.map((i) => i.name)).toEqual(['tb-0']);
  const step = tb.instances[0]?.steps[0];
  expect(step).toMatchObject({
    name: 'format',
    index: 0,
    pos: { file: fixture, line: 34, col: 7 },
    image: 'ghcr.io/tigerbeetle/tigerbeetle:0.16.30',
    command: ['/tigerbeetle'],
    args: ['format', '--cluster=0', '--replica=0', '--replica-count=1', '/data/0_0.tigerbeetle'],
    workingDir: '/',
    user: '1000:1000',
    runIf: { type: 'freshVolume' },
    timeoutMs: 120_000,
    attempts: 3,
    restartPolicy: 'OnFailure',
    volumes: tb.template.volumes,
    securityContext: tb.template.securityContext,
    resources: tb.template.resources,
  });
  expect(step?.env).toEqual([
    { name: 'CLUSTER', value: '0', secret: false },
    { name: 'INITSTEPS_SERVICE', value: 'tb', secret: false },
    { name: 'INITSTEPS_INSTANCE', value: 'tb-0', secret: false },
    { name: 'INITSTEPS_REPLICA_ORDINAL', value: '0', secret: false },
  ]);
  expect(tb.instances[0]?.main.env).toEqual(step?.env);
});
