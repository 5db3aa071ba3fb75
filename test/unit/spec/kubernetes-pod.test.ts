// Kubernetes manifests (docs/kubernetes.md): what a pod's containers see of the pod — `fieldRef:
// status.podIP` — and volume `subPath`s (both containers of the test pod mount it, so each problem twice).
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectProblems, resolved, WS } from './helpers.js';

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

describe('subPath', () => {
  const host = path.join(WS, 'subpath-host');
  mkdirSync(path.join(host, 'conf'), { recursive: true });
  writeFileSync(path.join(host, 'conf', 'app.conf'), 'x');
  if (!existsSync(path.join(host, 'out'))) symlinkSync(tmpdir(), path.join(host, 'out'));

  const withVolume = (volume: string, subPath: string) =>
    pod(
      `volumeMounts: [{name: v, mountPath: /etc/app/app.conf, subPath: ${subPath}}]`,
      `  volumes: [${volume}]\n`,
    );
  const CM = `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {app.conf: "listen 80", other: "x"}
---
`;

  it('of a hostPath: a bind mount of the file or directory itself', () => {
    const i = inst(withVolume('{name: v, hostPath: {path: subpath-host}}', 'conf/app.conf'));
    expect(i?.main.volumes).toEqual([
      {
        name: 'v',
        mountPath: '/etc/app/app.conf',
        readOnly: false,
        source: { kind: 'hostPath', path: path.join(host, 'conf', 'app.conf') },
      },
    ]);
  });

  it('of a configMap: the mount keeps its files and names the subPath, for the engine to copy', () => {
    const i = inst(CM + withVolume('{name: v, configMap: {name: cfg}}', 'app.conf'));
    const m = i?.steps[0]?.volumes[0];
    expect(m).toMatchObject({
      name: 'v',
      mountPath: '/etc/app/app.conf',
      readOnly: true,
      subPath: 'app.conf',
    });
    expect(m?.source).toMatchObject({ kind: 'files', secret: false });
  });

  it('of a directory of projected items, with a trailing slash', () => {
    const cm = CM + withVolume('{name: v, configMap: {name: cfg, items: [{key: other, path: d/o}]}}', 'd/');
    expect(inst(cm)?.main.volumes[0]?.subPath).toBe('d');
  });

  it.each([
    ['an emptyDir', '{name: v, emptyDir: {}}', /subPath on an emptyDir volume: Docker Engine before 25/],
    ['an absolute path', '{name: v, emptyDir: {}}', /must be a relative path without '\.\.'/, '/abs'],
    ['a path with ..', '{name: v, hostPath: {path: subpath-host}}', /without '\.\.'/, 'conf/../..'],
    [
      'a missing hostPath entry',
      '{name: v, hostPath: {path: subpath-host}}',
      /subPath nope does not exist in hostPath/,
      'nope',
    ],
    [
      'a symlink out of the hostPath',
      '{name: v, hostPath: {path: subpath-host}}',
      /subPath out resolves outside hostPath/,
      'out',
    ],
    [
      'a key the configMap lacks',
      '{name: v, configMap: {name: cfg}}',
      /subPath nope: no file or directory of that name in volume "v" \(app\.conf, other\)/,
      'nope',
    ],
  ])('refuses %s, at the subPath', (_title, volume, pattern, subPath = 'x') => {
    const yaml = withVolume(volume, `»${subPath}`);
    expectProblems(volume.includes('configMap') ? CM + yaml : yaml, [pattern, pattern]);
  });

  it('of a claim: refused with the same reason', () => {
    const claim = `apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {}
---
`;
    expectProblems(claim + withVolume('{name: v, persistentVolumeClaim: {claimName: data}}', '»x'), [
      /subPath on a persistentVolumeClaim volume: Docker Engine before 25/,
      /subPath on a persistentVolumeClaim volume/,
    ]);
  });
});
