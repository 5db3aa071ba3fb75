// A native service's probes (docs/spec.md, "Services"): startupProbe and livenessProbe beside
// readinessProbe, the grpc kind, and Kubernetes' limits on their fields, at their line.
import { describe, expect, it } from 'vitest';
import { expectProblems, resolved, service } from './helpers.js';

describe('native probes', () => {
  it('resolves startup, liveness and grpc probes with their fields', () => {
    const [s] = resolved(
      service(`image: x
startupProbe: {grpc: {port: 9090, service: api}, failureThreshold: 30, terminationGracePeriodSeconds: 4}
livenessProbe: {exec: {command: [true]}, periodSeconds: 5}
readinessProbe: {grpc: {port: 9090}, successThreshold: 2}`),
    ).services;
    expect(s?.startupProbe).toEqual({
      check: { kind: 'grpc', port: 9090, service: 'api' },
      initialDelayMs: 0,
      periodMs: 10_000,
      timeoutMs: 1000,
      failureThreshold: 30,
      terminationGraceSeconds: 4,
    });
    expect(s?.livenessProbe).toMatchObject({ check: { kind: 'exec', command: ['true'] }, periodMs: 5000 });
    expect(s?.readinessProbe).toMatchObject({
      check: { kind: 'grpc', port: 9090, service: '' },
      successThreshold: 2,
    });
    // Absent: Always, as a Deployment's pod.
    expect(s?.restartPolicy).toBeUndefined();
  });

  it.each([
    [
      'a livenessProbe without a check',
      'image: x\nlivenessProbe: »{periodSeconds: 2}',
      /a livenessProbe needs exactly one of exec, tcpSocket, httpGet, grpc \(got none\)/,
    ],
    [
      'a startupProbe with successThreshold 2',
      'image: x\nstartupProbe: {exec: {command: [true]}, successThreshold: »2}',
      /startupProbe's successThreshold must be 1/,
    ],
    [
      'terminationGracePeriodSeconds on a readinessProbe',
      'image: x\nreadinessProbe: {exec: {command: [true]}, »terminationGracePeriodSeconds: 2}',
      /is for a startupProbe or livenessProbe/,
    ],
    [
      'a livenessProbe on runtime process',
      'runtime: process\ncommand: [sleep, "9"]\n»livenessProbe: {exec: {command: [true]}}',
      /runtime process does not restart its main process/,
    ],
    ['a grpc probe without a port', 'image: x\nstartupProbe: {grpc: »{service: a}}', /port/],
  ])('%s', (_title, body, pattern) => expectProblems(service(body), [pattern]));
});
