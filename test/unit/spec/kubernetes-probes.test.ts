// Kubernetes probes (docs/kubernetes.md#probes): the main container's readiness, startup and liveness
// probes of every kind (exec, httpGet, tcpSocket, grpc) with their timing fields; the restart policy they
// act under; what Kubernetes itself would reject, at its line.
import { describe, expect, it } from 'vitest';
import { expectProblems, load, resolved } from './helpers.js';

/** A Pod whose main container has `probes` (YAML lines at the container's level). */
const pod = (probes: string, restartPolicy = ''): string =>
  `apiVersion: v1
kind: Pod
metadata: {name: api}
spec:
${restartPolicy ? `  restartPolicy: ${restartPolicy}\n` : ''}  containers:
    - name: main
      image: busybox:latest
      ports: [{name: grpc, containerPort: 9090}, {name: http, containerPort: 8080}]
${probes
  .split('\n')
  .map((l) => (l ? `      ${l}` : l))
  .join('\n')}
`;

const serviceOf = (yaml: string) => {
  const s = resolved(yaml).services[0];
  if (!s) throw new Error('no service');
  return s;
};

describe('Kubernetes probes: translation', () => {
  it('startup and liveness probes with their timing fields; restartPolicy Always by default', () => {
    const s = serviceOf(
      pod(`startupProbe:
  httpGet: {port: http, path: /started}
  periodSeconds: 2
  failureThreshold: 30
  terminationGracePeriodSeconds: 5
livenessProbe:
  tcpSocket: {port: 8080}
  initialDelaySeconds: 3
  timeoutSeconds: 2
  successThreshold: 1`),
    );
    expect(s.startupProbe).toEqual({
      check: { kind: 'httpGet', port: 8080, path: '/started', scheme: 'http' },
      initialDelayMs: 0,
      periodMs: 2000,
      timeoutMs: 1000,
      failureThreshold: 30,
      terminationGraceSeconds: 5,
    });
    expect(s.livenessProbe).toEqual({
      check: { kind: 'tcpSocket', port: 8080 },
      initialDelayMs: 3000,
      periodMs: 10_000,
      timeoutMs: 2000,
      failureThreshold: 3,
    });
    expect(s.readinessProbe).toBeUndefined();
    expect(s.restartPolicy).toBe('Always');
  });

  it.each([
    ['Never', 'Never'],
    ['OnFailure', 'OnFailure'],
  ])('restartPolicy %s is what a failing probe acts under', (policy, expected) => {
    expect(serviceOf(pod('livenessProbe: {exec: {command: [true]}}', policy)).restartPolicy).toBe(expected);
  });

  it('no restartPolicy on the service without a startup or liveness probe', () => {
    expect(serviceOf(pod('readinessProbe: {exec: {command: [true]}}')).restartPolicy).toBeUndefined();
  });

  it('a grpc probe: its port and service ("" when not named)', () => {
    const s = serviceOf(
      pod(`readinessProbe: {grpc: {port: 9090, service: billing}, successThreshold: 2}
livenessProbe: {grpc: {port: 9090}}`),
    );
    expect(s.readinessProbe).toMatchObject({
      check: { kind: 'grpc', port: 9090, service: 'billing' },
      successThreshold: 2,
    });
    expect(s.livenessProbe?.check).toEqual({ kind: 'grpc', port: 9090, service: '' });
  });

  it('a probe’s unknown fields are ignored with the usual notice', () => {
    const r = load(pod('livenessProbe: {exec: {command: [true]}, periodSecond: 5}'));
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings?.map((w) => w.message)).toEqual([
      expect.stringMatching(/^ignored: probe: periodSecond /),
    ]);
  });
});

const jobWith = (probe: string): string =>
  `apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: m
          image: x
          ${probe}
`;

describe('Kubernetes probes: refused at their line', () => {
  it.each([
    [
      'a liveness probe with successThreshold 2',
      pod('livenessProbe: {exec: {command: [true]}, »successThreshold: 2}'),
      /livenessProbe's successThreshold must be 1/,
    ],
    [
      'terminationGracePeriodSeconds on a readiness probe',
      pod('readinessProbe: {exec: {command: [true]}, »terminationGracePeriodSeconds: 3}'),
      /terminationGracePeriodSeconds is for a startupProbe or livenessProbe/,
    ],
    ['a grpc probe by port name', pod('livenessProbe: {grpc: {port: »grpc}}'), /expected an integer/],
    ['a grpc probe with no port', pod('livenessProbe: {grpc: »{service: x}}'), /a grpc probe needs `port`/],
    ['a probe with no check', pod('startupProbe: »{periodSeconds: 1}'), /a startupProbe needs one of exec/],
    [
      "a Job's livenessProbe",
      jobWith('»livenessProbe: {exec: {command: [true]}}'),
      /a livenessProbe on a Job's container is not supported yet/,
    ],
    [
      'a startupProbe on an init container',
      `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers: [{name: i, image: x, »startupProbe: {exec: {command: [true]}}}]
  containers: [{name: m, image: x}]
`,
      /a startupProbe on an init container is not valid in Kubernetes/,
    ],
  ])('%s', (_title, yaml, pattern) => expectProblems(yaml, [pattern]));
});
