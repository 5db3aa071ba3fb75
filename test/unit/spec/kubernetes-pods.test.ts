// Kubernetes pods with several containers and native sidecars (docs/kubernetes.md#several-containers,
// #native-sidecars): how they translate, and what is refused at its line.
import { describe, expect, it } from 'vitest';
import { initSequence } from '../../../src/spec/model.js';
import { expectProblems, resolved } from './helpers.js';

/** A Deployment (or Job) whose pod spec is `pod` (indented under template.spec). */
const workload = (pod: string, kind: 'Deployment' | 'Job' = 'Deployment'): string =>
  `apiVersion: ${kind === 'Job' ? 'batch/v1' : 'apps/v1'}
kind: ${kind}
metadata:
  name: web
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
${pod
  .split('\n')
  .map((l) => (l ? `      ${l}` : l))
  .join('\n')}
`;

const MAIN = 'containers:\n  - name: main\n    image: busybox:latest\n';

describe('Kubernetes pods: refusals at their line', () => {
  it.each([
    [
      "several containers in a Job's pod",
      workload(`restartPolicy: Never\ncontainers:\n  - {name: a, image: x}\n  - »{name: b, image: x}`, 'Job'),
      [/a Job's pod with several containers is not supported yet .*native sidecar/],
    ],
    [
      "an init container's restartPolicy other than Always",
      workload(`initContainers:\n  - name: s\n    image: x\n    »restartPolicy: Never\n${MAIN}`),
      [/an init container's restartPolicy can only be Always .*got "Never"/],
    ],
    [
      "a sidecar's livenessProbe and readinessProbe",
      workload(
        `initContainers:\n  - name: s\n    image: x\n    restartPolicy: Always\n    »livenessProbe: {exec: {command: [x]}}\n    »readinessProbe: {exec: {command: [x]}}\n${MAIN}`,
      ),
      [
        /livenessProbe on a native sidecar is not supported yet/,
        /readinessProbe on a native sidecar is not supported yet/,
      ],
    ],
    [
      'a run-if annotation on a sidecar',
      workload(`initContainers:\n  - {name: s, image: x, restartPolicy: Always}\n${MAIN}`).replace(
        'labels: {app: web}\n',
        'labels: {app: web}\n      annotations:\n        initsteps.dev/run-if.s: »always\n',
      ),
      [/"s" is a native sidecar, which starts on every pod start/],
    ],
    [
      "another container's livenessProbe",
      workload(`${MAIN}  - name: b\n    image: x\n    »livenessProbe: {exec: {command: [x]}}`),
      [/livenessProbe on a pod's other container is not supported yet/],
    ],
  ])('%s', (_title, yaml, patterns) => expectProblems(yaml, patterns));
});

describe('Kubernetes pods: translation', () => {
  it('init containers with restartPolicy Always → sidecars in their place among the steps', () => {
    const p = resolved(
      workload(`initContainers:
  - {name: one, image: a}
  - name: proxy
    image: envoy
    restartPolicy: Always
    imagePullPolicy: Never
    startupProbe: {tcpSocket: {port: 9901}, periodSeconds: 2, failureThreshold: 5}
  - {name: two, image: b}
  - {name: last, image: c, restartPolicy: Always, ports: [{containerPort: 9090}]}
${MAIN}`),
    );
    const inst = p.services[0]?.instances[0];
    expect(inst?.steps.map((s) => [s.name, s.index])).toEqual([
      ['one', 0],
      ['two', 1],
    ]);
    expect(inst?.sidecars?.map((c) => [c.name, c.afterSteps, c.image, c.pullPolicy])).toEqual([
      ['proxy', 1, 'envoy', 'Never'],
      ['last', 2, 'c', 'IfNotPresent'],
    ]);
    expect(inst?.sidecars?.[0]?.startupProbe).toEqual({
      check: { kind: 'tcpSocket', port: 9901 },
      initialDelayMs: 0,
      periodMs: 2000,
      timeoutMs: 1000,
      failureThreshold: 5,
    });
    // Its env is a container's: the instance's variables too.
    expect(inst?.sidecars?.[0]?.env).toContainEqual({
      name: 'INITSTEPS_INSTANCE',
      value: 'web-0',
      secret: false,
    });
    expect(
      inst && initSequence(inst).map((e) => (e.kind === 'step' ? e.step.name : `[${e.sidecar.name}]`)),
    ).toEqual(['one', '[proxy]', 'two', '[last]']);
    expect(inst?.mainName).toBe('main');
    // A sidecar's ports are published with the pod's.
    expect(p.services[0]?.ports.map((pt) => pt.containerPort)).toEqual([9090]);
  });

  it("several containers: the first is the main, the others start with it; every port is the pod's", () => {
    const p = resolved(
      workload(`containers:
  - name: app
    image: app
    ports: [{containerPort: 8080}]
    readinessProbe: {httpGet: {path: /ready, port: 8080}}
  - name: metrics
    image: exporter
    imagePullPolicy: Always
    ports: [{containerPort: 9100, hostPort: 9100}]
    readinessProbe: {tcpSocket: {port: 9100}}
    volumeMounts: [{name: shared, mountPath: /shared}]
volumes: [{name: shared, emptyDir: {}}]
`),
    );
    const web = p.services[0];
    const inst = web?.instances[0];
    expect(inst?.main.image).toBe('app');
    expect(inst?.mainName).toBe('app');
    expect(inst?.containers?.map((c) => [c.name, c.image, c.pullPolicy])).toEqual([
      ['metrics', 'exporter', 'Always'],
    ]);
    expect(inst?.containers?.[0]?.readinessProbe?.check).toEqual({ kind: 'tcpSocket', port: 9100 });
    expect(inst?.containers?.[0]?.volumes.map((v) => [v.name, v.source.kind])).toEqual([
      ['shared', 'emptyDir'],
    ]);
    expect(web?.readinessProbe?.check).toMatchObject({ kind: 'httpGet', port: 8080 });
    expect(web?.ports.map((pt) => [pt.containerPort, pt.hostPort])).toEqual([
      [8080, undefined],
      [9100, 9100],
    ]);
  });

  it('a Job keeps its sidecars; a pod of one container and no sidecar has neither', () => {
    const job = resolved(
      workload(
        `restartPolicy: Never\ninitContainers: [{name: log, image: x, restartPolicy: Always}]\n${MAIN}`,
        'Job',
      ),
    ).services[0];
    expect(job?.job).toBeDefined();
    expect(job?.instances[0]?.sidecars?.map((c) => c.name)).toEqual(['log']);
    const plain = resolved(workload(MAIN)).services[0]?.instances[0];
    expect(plain && Object.keys(plain).sort()).toEqual([
      'aliases',
      'main',
      'mainName',
      'name',
      'ordinal',
      'service',
      'steps',
    ]);
  });

  it('a Service named only by another container or a sidecar still orders the start', () => {
    const p = resolved([
      'apiVersion: v1\nkind: Pod\nmetadata: {name: db, labels: {app: db}}\nspec:\n  containers: [{name: m, image: x}]\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: pg}\nspec:\n  selector: {app: db}\n  ports: [{port: 5432}]\n',
      workload(`initContainers: [{name: s, image: x, restartPolicy: Always, args: [connect, pg]}]\n${MAIN}`),
    ]);
    expect(p.services.find((s) => s.name === 'web')?.dependsOn).toEqual(['db']);
  });
});
