// Kubernetes manifests (docs/kubernetes.md#restarts): init containers' attempts and backoff from the pod
// template's annotations, a Job's backoff, a pod's activeDeadlineSeconds.
import { describe, expect, it } from 'vitest';
import { expectProblems, resolved } from './helpers.js';

const MAIN = 'containers:\n  - name: main\n    image: busybox:latest\n';
const INIT = 'initContainers:\n  - {name: wait, image: busybox:latest}\n';

/** A Deployment with one init container; `pod` goes first in its pod spec, `annotations` on its template. */
const deployment = (pod = '', annotations: Record<string, string> = {}): string => {
  const notes = Object.entries(annotations).map(([k, v]) => `        ${k}: ${v}\n`);
  const body = `${pod}${INIT}${MAIN}`
    .split('\n')
    .map((l) => (l ? `      ${l}` : l))
    .join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels: {app: web}
${notes.length > 0 ? `      annotations:\n${notes.join('')}` : ''}    spec:
${body}`;
};

const job = (annotations: string): string => `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  backoffLimit: 4
  template:
    metadata:
      annotations: {${annotations}}
    spec:
      restartPolicy: OnFailure
      ${INIT.replace('\n  ', '\n        ')}      containers: [{name: m, image: x}]
`;

const step = (yaml: string) => resolved(yaml).services[0]?.instances[0]?.steps[0];

describe('init containers: attempts and backoff', () => {
  it("3 attempts and the run's backoff (1 s doubling to 10 s) by default", () => {
    const s = step(deployment());
    expect(s?.attempts).toBe(3);
    expect(s?.backoff).toBeUndefined();
  });

  it('initsteps.dev/attempts, backoff-base and backoff-cap set them', () => {
    const s = step(
      deployment('', {
        'initsteps.dev/attempts': '"6"',
        'initsteps.dev/backoff-base': '500ms',
        'initsteps.dev/backoff-cap': '"30s"',
      }),
    );
    expect(s?.attempts).toBe(6);
    expect(s?.backoff).toEqual({ baseMs: 500, capMs: 30_000 });
  });

  it('one part alone leaves the other to the default', () => {
    expect(step(deployment('', { 'initsteps.dev/backoff-cap': '2m' }))?.backoff).toEqual({
      capMs: 120_000,
    });
  });

  it('restartPolicy Never: one attempt, as Kubernetes fails the pod', () => {
    expect(step(deployment('restartPolicy: Never\n'))?.attempts).toBe(1);
  });

  it("a Job: the backoff annotations also space the retries of its container (backoffLimit's)", () => {
    const s = resolved(job('initsteps.dev/backoff-base: 2s, initsteps.dev/backoff-cap: 1m')).services[0];
    expect(s?.job).toMatchObject({ attempts: 5, backoff: { baseMs: 2000, capMs: 60_000 } });
    expect(s?.instances[0]?.steps[0]?.backoff).toEqual({ baseMs: 2000, capMs: 60_000 });
  });

  it.each([
    ['initsteps.dev/attempts', '»"0"', /initsteps.dev\/attempts: "0" is not a whole number from 1 to 100/],
    ['initsteps.dev/attempts', '»many', /"many" is not a whole number/],
    ['initsteps.dev/backoff-base', '»soon', /initsteps.dev\/backoff-base: "soon" is not a duration/],
    ['initsteps.dev/backoff-cap', '»-1s', /initsteps.dev\/backoff-cap: "-1s" is not a duration/],
  ])('refuses %s: %s', (name, value, pattern) => {
    expectProblems(deployment('', { [name]: value }), [pattern]);
  });

  it('refuses more attempts than one under restartPolicy Never, at the annotation', () => {
    expectProblems(deployment('restartPolicy: Never\n', { 'initsteps.dev/attempts': '»"2"' }), [
      /initsteps.dev\/attempts: 2 contradicts restartPolicy Never/,
    ]);
  });
});

describe("a pod's activeDeadlineSeconds", () => {
  it("a Deployment's, StatefulSet's or Pod's bounds each instance: activeDeadlineMs on the service", () => {
    const s = resolved(deployment('activeDeadlineSeconds: 30\n')).services[0];
    expect(s?.activeDeadlineMs).toBe(30_000);
    expect(s?.job).toBeUndefined();
  });

  it("a Job's pod template's is the job's deadline, not the service's", () => {
    const s = resolved(job('').replace('restartPolicy', 'activeDeadlineSeconds: 9\n      restartPolicy'))
      .services[0];
    expect(s?.job?.activeDeadlineMs).toBe(9000);
    expect(s?.activeDeadlineMs).toBeUndefined();
  });
});
