// Kubernetes manifests (docs/kubernetes.md): what a pod's containers see of the pod — `fieldRef:
// status.podIP` — and volume `subPath`s.
import { describe, expect, it } from 'vitest';
import { expectProblems, resolved } from './helpers.js';

/** A Pod named `p` whose one container has `container` (indented under it) and the pod `rest`. */
const pod = (container: string, rest = ''): string => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
    - name: init
      image: busybox:latest
${container
  .split('\n')
  .map((l) => (l ? `      ${l}` : l))
  .join('\n')}
  containers:
    - name: main
      image: busybox:latest
${container
  .split('\n')
  .map((l) => (l ? `      ${l}` : l))
  .join('\n')}
${rest}`;

const inst = (yaml: string) => resolved(yaml).services[0]?.instances[0];

describe('fieldRef status.podIP', () => {
  const env = `env:
  - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
  - {name: URL, value: "http://$(POD_IP):80"}`;

  it('is a pod field of init containers and the main container, filled in by the engine', () => {
    const i = inst(pod(env));
    const podIP = { name: 'POD_IP', value: '', secret: false, podField: 'status.podIP' };
    expect(i?.steps[0]?.env).toContainEqual(podIP);
    expect(i?.main.env).toContainEqual(podIP);
    // A reference to it stays for the engine to expand once the value is known.
    expect(i?.main.env).toContainEqual({ name: 'URL', value: 'http://$(POD_IP):80', secret: false });
  });

  it('a value of the same text is only text: no pod field', () => {
    const i = inst(pod('env: [{name: POD_IP, value: status.podIP}]'));
    expect(i?.main.env.find((e) => e.name === 'POD_IP')).toEqual({
      name: 'POD_IP',
      value: 'status.podIP',
      secret: false,
    });
  });

  it('status.hostIP is refused at its line', () => {
    expectProblems(pod('env: [{name: H, valueFrom: {fieldRef: {fieldPath: »status.hostIP}}}]'), [
      /fieldPath status.hostIP is not supported yet/,
      /fieldPath status.hostIP is not supported yet/,
    ]);
  });
});
