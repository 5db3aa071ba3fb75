// Inheritance (docs/spec.md) and the defaults the resolver fills in.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvVar } from '../../../src/spec/model.js';
import { load, resolved, service, show, WS } from './helpers.js';

const userEnv = (env: EnvVar[] | undefined) => env?.filter((e) => !e.name.startsWith('INITSTEPS_'));

const parent = `image: app:1
command: [/app]
args: [serve]
workingDir: /srv
user: "1000"
env: {A: "1", B: "2"}
securityContext: {capAdd: [NET_ADMIN], seccompProfile: {type: RuntimeDefault}}
resources: {limits: {cpu: 500m, memory: 512Mi}}
volumes:
  - {name: data, mountPath: /data, claimTemplate: {spec: {capacity: 1Gi}}}
  - {name: seed, mountPath: /seed, hostPath: ./seed, readOnly: true}
  - {name: tmp, mountPath: /tmp, emptyDir: {}}
`;

const steps = (body: string) => service(`${parent}initSteps:\n${body}`);
const firstStep = (body: string) => {
  const s = resolved(steps(body)).services[0]?.instances[0]?.steps[0];
  if (!s) expect.fail('no step');
  return s;
};

describe('pull policies and instance order', () => {
  it("gives each step its own imagePullPolicy, else the service's", () => {
    const svc = resolved(
      service(
        `${parent}imagePullPolicy: Never\ninitSteps:\n  - name: a\n  - name: b\n    imagePullPolicy: Always\n`,
      ),
    ).services[0];
    expect(svc?.pullPolicy).toBe('Never');
    expect(svc?.instances[0]?.steps.map((s) => s.pullPolicy)).toEqual(['Never', 'Always']);
    expect(firstStep('  - name: s').pullPolicy).toBe('IfNotPresent');
  });

  it('starts instances in order unless podManagementPolicy is Parallel', () => {
    expect(resolved(service(parent)).services[0]?.podManagementPolicy).toBe('OrderedReady');
    expect(
      resolved(service(`${parent}podManagementPolicy: Parallel\n`)).services[0]?.podManagementPolicy,
    ).toBe('Parallel');
  });
});

describe('inheritance from the parent service', () => {
  it('inherits image, workingDir, user, securityContext, resources and all volumes; never command/args', () => {
    const s = firstStep('  - name: s');
    expect(s.image).toBe('app:1');
    expect(s.command).toBeUndefined();
    expect(s.args).toBeUndefined();
    expect(s.workingDir).toBe('/srv');
    expect(s.user).toBe('1000');
    expect(s.securityContext).toEqual({
      seccompProfile: { type: 'RuntimeDefault' },
      capAdd: ['NET_ADMIN'],
      capDrop: [],
      privileged: false,
    });
    expect(s.resources).toEqual({ nanoCpus: 5e8, memoryBytes: 512 * 2 ** 20 });
    expect(s.volumes.map((v) => v.name)).toEqual(['data', 'seed', 'tmp']);
    expect(s.volumes[1]?.source).toEqual({ kind: 'hostPath', path: path.join(WS, 'seed') });
  });

  it('a step overrides what it sets', () => {
    const s = firstStep(
      '  - {name: s, image: tools:2, command: migrate, args: up, workingDir: /w, user: root}',
    );
    expect(s).toMatchObject({
      image: 'tools:2',
      command: ['migrate'],
      args: ['up'],
      workingDir: '/w',
      user: 'root',
    });
  });

  it('volumes: [] mounts none, a list mounts those', () => {
    const p = resolved(steps('  - {name: a, volumes: []}\n  - {name: b, volumes: [tmp, data]}'));
    const [a, b] = p.services[0]?.instances[0]?.steps ?? [];
    expect(a?.volumes).toEqual([]);
    expect(b?.volumes.map((v) => v.name)).toEqual(['data', 'tmp']);
  });

  it('env merges over the parent, the step key winning, in map or list form', () => {
    const s = firstStep(
      '  - name: s\n    env:\n      - {name: B, value: "20"}\n      - {name: C, value: "3"}',
    );
    expect(userEnv(s.env)).toEqual([
      { name: 'A', value: '1', secret: false },
      { name: 'B', value: '20', secret: false },
      { name: 'C', value: '3', secret: false },
    ]);
  });

  it('env values from numbers and booleans keep their text', () => {
    const s = firstStep('  - name: s\n    env: {PORT: 5432, DEBUG: true, RATIO: 1.50}');
    expect(userEnv(s.env)?.slice(2)).toEqual([
      { name: 'PORT', value: '5432', secret: false },
      { name: 'DEBUG', value: 'true', secret: false },
      { name: 'RATIO', value: '1.50', secret: false },
    ]);
  });

  it('valueFrom.env takes the run environment and marks the value secret', () => {
    const p = resolved(
      service('image: x\nenv:\n  - {name: TOKEN, valueFrom: {env: GH_TOKEN}}\n  - {name: EMPTY}'),
      {
        env: { GH_TOKEN: 'hunter2' },
      },
    );
    expect(userEnv(p.services[0]?.template.env)).toEqual([
      { name: 'TOKEN', value: 'hunter2', secret: true },
      { name: 'EMPTY', value: '', secret: false },
    ]);
  });

  it('securityContext and resources blocks replace the parent wholesale', () => {
    const s = firstStep(
      '  - {name: s, securityContext: {capDrop: [ALL]}, resources: {limits: {memory: 1G}}}',
    );
    expect(s.securityContext).toEqual({ capAdd: [], capDrop: ['ALL'], privileged: false });
    expect(s.resources).toEqual({ memoryBytes: 1e9 });
  });
});

describe('defaults', () => {
  it('attempts, timeout, runIf and restartPolicy', () => {
    const p = resolved(
      steps(
        [
          '  - name: dflt',
          '  - {name: retries, retries: 5}',
          '  - {name: zero, retries: 0}',
          '  - {name: never, restartPolicy: Never, timeout: 1h30m}',
          '  - {name: bare, timeout: 90, runIf: {type: fileMissing, path: /data/x, volume: data}}',
          '  - {name: always, runIf: {type: always}}',
        ].join('\n'),
      ),
    );
    const got = p.services[0]?.instances[0]?.steps.map((s) => [
      s.name,
      s.attempts,
      s.timeoutMs,
      s.restartPolicy,
      s.runIf,
    ]);
    expect(got).toEqual([
      ['dflt', 3, 300_000, 'OnFailure', { type: 'freshVolume' }],
      ['retries', 6, 300_000, 'OnFailure', { type: 'freshVolume' }],
      ['zero', 1, 300_000, 'OnFailure', { type: 'freshVolume' }],
      ['never', 1, 5_400_000, 'Never', { type: 'freshVolume' }],
      ['bare', 3, 90_000, 'OnFailure', { type: 'fileMissing', path: '/data/x', volume: 'data' }],
      ['always', 3, 300_000, 'OnFailure', { type: 'always' }],
    ]);
  });

  it("backoff: a step's base and cap as durations, a part left out is the run's default", () => {
    const p = resolved(
      steps(
        [
          '  - name: dflt',
          '  - {name: both, backoff: {base: 500ms, cap: 1m}}',
          '  - {name: cap, backoff: {cap: 30}}',
        ].join('\n'),
      ),
    );
    expect(p.services[0]?.instances[0]?.steps.map((s) => [s.name, s.backoff])).toEqual([
      ['dflt', undefined],
      ['both', { baseMs: 500, capMs: 60_000 }],
      ['cap', { capMs: 30_000 }],
    ]);
  });

  it('service defaults', () => {
    const s = resolved(service('image: x')).services[0];
    expect(s).toMatchObject({
      runtime: 'container',
      pullPolicy: 'IfNotPresent',
      replicas: 1,
      ports: [],
      dependsOn: [],
    });
    expect(s?.readinessProbe).toBeUndefined();
    expect(s?.template).toEqual({
      image: 'x',
      env: [],
      volumes: [],
      securityContext: { capAdd: [], capDrop: [], privileged: false },
      resources: {},
    });
  });

  it('probe defaults (k8s-like) and forms', () => {
    const probe = (p: string) =>
      resolved(service(`image: x\nreadinessProbe: ${p}`)).services[0]?.readinessProbe;
    expect(probe('{httpGet: {port: 8080}}')).toEqual({
      check: { kind: 'httpGet', port: 8080, path: '/', scheme: 'http' },
      initialDelayMs: 0,
      periodMs: 10_000,
      timeoutMs: 1000,
      failureThreshold: 3,
    });
    expect(probe('{httpGet: {port: 1, path: /healthz, scheme: HTTPS, host: h}}')?.check).toEqual({
      kind: 'httpGet',
      port: 1,
      path: '/healthz',
      scheme: 'https',
      host: 'h',
    });
    expect(probe('{exec: {command: pg_isready}, initialDelaySeconds: 2}')).toMatchObject({
      check: { kind: 'exec', command: ['pg_isready'] },
      initialDelayMs: 2000,
    });
  });

  it('ports', () => {
    const ports = resolved(
      service(
        'image: x\nports: ["3000", "13000:3001", "0.0.0.0:53:53/UDP", 8080, {containerPort: 9, hostPort: 19, hostIP: "::1"}]',
      ),
    ).services[0]?.ports;
    expect(ports).toEqual([
      { containerPort: 3000, hostIp: '127.0.0.1', protocol: 'tcp' },
      { containerPort: 3001, hostIp: '127.0.0.1', hostPort: 13000, protocol: 'tcp' },
      { containerPort: 53, hostIp: '0.0.0.0', hostPort: 53, protocol: 'udp' },
      { containerPort: 8080, hostIp: '127.0.0.1', protocol: 'tcp' },
      { containerPort: 9, hostIp: '::1', hostPort: 19, protocol: 'tcp' },
    ]);
  });

  it('instances and their env', () => {
    const s = resolved(
      service('image: x\nreplicas: 3\nenv: {INITSTEPS_SERVICE: spoof}\ninitSteps: [{name: s}]'),
    ).services[0];
    expect(s?.instances.map((i) => [i.name, i.ordinal, i.service])).toEqual([
      ['svc-0', 0, 'svc'],
      ['svc-1', 1, 'svc'],
      ['svc-2', 2, 'svc'],
    ]);
    const env = Object.fromEntries(s?.instances[2]?.steps[0]?.env.map((e) => [e.name, e.value]) ?? []);
    expect(env).toEqual({
      INITSTEPS_SERVICE: 'svc',
      INITSTEPS_INSTANCE: 'svc-2',
      INITSTEPS_REPLICA_ORDINAL: '2',
    });
    expect(s?.instances[1]?.main.env.map((e) => e.value)).toEqual(['svc', 'svc-1', '1']);
    expect(s?.template.env).toEqual([{ name: 'INITSTEPS_SERVICE', value: 'spoof', secret: false }]);
  });

  it('runtime process: no image, workingDir relative to the spec file', () => {
    const s = resolved(
      service(
        'runtime: process\ncommand: [./serve]\nworkingDir: app\ninitSteps: [{name: s, command: ./init}]',
      ),
    ).services[0];
    expect(s?.template.image).toBeUndefined();
    expect(s?.template.workingDir).toBe(path.join(WS, 'app'));
    expect(s?.instances[0]?.steps[0]).toMatchObject({
      command: ['./init'],
      workingDir: path.join(WS, 'app'),
    });
    expect(s?.instances[0]?.steps[0]?.image).toBeUndefined();
  });
});

describe('project', () => {
  it('orders services by dependsOn, stable otherwise', () => {
    const p = resolved([
      service('image: x\ndependsOn: [c]', 'a'),
      service('image: x', 'b'),
      service('image: x\ndependsOn: [d]', 'c'),
      service('image: x', 'd'),
      service('image: x\ndependsOn: [a, b]', 'e'),
    ]);
    expect(p.services.map((s) => s.name)).toEqual(['b', 'd', 'c', 'a', 'e']);
  });

  it('names the project after the workspace unless given', () => {
    const p = resolved(service('image: x'), { workspace: path.join(WS, 'My_Repo.git') });
    expect(p.name).toBe('my-repo-git');
    expect(p.workspace).toBe(path.join(WS, 'My_Repo.git'));
    expect(resolved(service('image: x'), { project: 'ci_42' }).name).toBe('ci_42');
  });

  it('refuses a project name Docker would not accept', () => {
    const r = load(service('image: x'), { project: 'My Project' });
    expect(r.ok ? [] : r.problems.map(show)).toEqual([
      expect.stringMatching(/^1:1 : project name "My Project" is not valid/),
    ]);
  });

  it('several documents in one file, files listed absolute', () => {
    const p = resolved(`${service('image: x', 'a')}\n---\n${service('image: x', 'b')}`);
    expect(p.services.map((s) => [s.name, s.pos.line])).toEqual([
      ['a', 4],
      ['b', 11],
    ]);
    expect(p.files).toEqual([path.join(WS, 'spec0.yaml')]);
  });
});
