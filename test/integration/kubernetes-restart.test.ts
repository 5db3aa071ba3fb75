// Kubernetes pods' restart rules on the real engine (docs/kubernetes.md#restarts, #env): restartPolicy
// Never vs OnFailure for a failing init container, activeDeadlineSeconds → DeadlineExceeded, and
// `fieldRef: status.podIP` equal to the address Docker gave the pod, volume subPaths (#volumes). One `up`,
// the pods side by side.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkName, sandboxName } from '../../src/engine/labels.js';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { loadFromText } from '../../src/spec/index.js';
import { connect, projectsRemovedAfterAll, recorder, stepOf } from '../support/engine.js';

let runtime: ContainerRuntime;
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'initsteps-k8s-restart-')));
beforeAll(async () => {
  runtime = await connect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const newProject = projectsRemovedAfterAll(() => runtime);

const MAIN = `  containers:
    - name: main
      image: busybox:latest
      command: [sh, -c, "trap 'exit 0' TERM; sleep 3600 & wait"]`;

/** A Pod whose init container counts its attempts in an emptyDir and succeeds at the third. */
const flaky = (name: string, restartPolicy: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  annotations: {initsteps.dev/backoff-base: 50ms}
spec:
  restartPolicy: ${restartPolicy}
  volumes: [{name: w, emptyDir: {}}]
  initContainers:
    - name: flaky
      image: busybox:latest
      volumeMounts: [{name: w, mountPath: /w}]
      command: [sh, -c, 'n=$(($(cat /w/n 2>/dev/null || echo 0) + 1)); echo $n > /w/n; echo "try $n"; [ $n -ge 3 ]']
${MAIN}
`;

const MANIFESTS = [
  flaky('never', 'Never'),
  flaky('onfailure', 'OnFailure'),
  `apiVersion: v1
kind: Pod
metadata: {name: late}
spec:
  activeDeadlineSeconds: 2
  initContainers:
    - {name: slow, image: busybox:latest, command: [sleep, "60"]}
${MAIN}
`,
  `apiVersion: v1
kind: Pod
metadata: {name: addr}
spec:
  initContainers:
    - name: show
      image: busybox:latest
      env:
        - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
        - {name: URL, value: "http://$(POD_IP):8080/"}
      command: [sh, -c, 'echo "ip=$POD_IP url=$URL"']
${MAIN}
`,
  `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data: {app.conf: listen 80}
---
apiVersion: v1
kind: Secret
metadata: {name: sec}
stringData: {token: s3cr3t-token}
---
apiVersion: v1
kind: Pod
metadata: {name: files}
spec:
  volumes:
    - {name: cfg, configMap: {name: cfg, items: [{key: app.conf, path: conf/app.conf}]}}
    - {name: sec, secret: {secretName: sec}}
    - {name: host, hostPath: {path: host}}
  initContainers:
    - name: show
      image: busybox:latest
      volumeMounts:
        - {name: cfg, mountPath: /etc/app/app.conf, subPath: conf/app.conf}
        - {name: cfg, mountPath: /tmp/conf, subPath: conf}
        - {name: sec, mountPath: /run/token, subPath: token}
        - {name: host, mountPath: /seed, subPath: conf}
      command: [sh, -c, 'for f in /etc/app/app.conf /tmp/conf/app.conf /run/token /seed/seed.txt; do cat $f; echo; done; stat -c %a /tmp']
${MAIN}
`,
].join('---\n');

describe('Kubernetes pods: restarts, deadline, status.podIP, subPath', () => {
  it('retries under OnFailure, not under Never; the deadline fails a pod; the pod IP is the sandbox address; subPaths', async () => {
    mkdirSync(join(dir, 'host', 'conf'), { recursive: true });
    writeFileSync(join(dir, 'host', 'conf', 'seed.txt'), 'seeded');
    const name = newProject('k8srestart');
    const loaded = loadFromText([{ file: join(dir, 'pods.yaml'), text: MANIFESTS }], {
      workspace: dir,
      project: name,
      env: {},
    });
    if (!loaded.ok) expect.fail(JSON.stringify(loaded.problems));
    const rec = recorder();
    const began = Date.now();
    const report = await up(runtime, { project: loaded.project, observer: rec.observer, killGraceMs: 500 });
    const elapsed = Date.now() - began;

    const statuses = Object.fromEntries(
      report.services.map((s) => [s.name, [s.status, s.reason].filter(Boolean).join(' ')]),
    );
    expect(statuses).toEqual({
      never: 'Failed InitStepFailed',
      onfailure: 'Running',
      late: 'Failed DeadlineExceeded',
      addr: 'Running',
      files: 'Running',
    });
    expect(stepOf(report, 'never-0', 'flaky')).toMatchObject({ status: 'Failed', attempts: 1 });
    expect(stepOf(report, 'onfailure-0', 'flaky')).toMatchObject({ status: 'Succeeded', attempts: 3 });
    expect(rec.output('onfailure-0', 'flaky')).toEqual(['try 1', 'try 2', 'try 3']);
    // 50 ms, then 100 ms between its attempts (the annotation's base, doubling).
    const retries = rec.events.flatMap((e) =>
      e.type === 'step-retry' && e.instance === 'onfailure-0' ? [e.delayMs] : [],
    );
    expect(retries).toEqual([50, 100]);

    expect(report.services.find((s) => s.name === 'late')?.instances[0]?.message).toBe(
      'activeDeadlineSeconds 2 exceeded during init step "slow"',
    );
    expect(elapsed).toBeLessThan(30_000);

    const sandbox = sandboxName(name, 'addr-0');
    const ip = await runtime.containerIp(sandbox, networkName(name));
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(rec.output('addr-0', 'show')).toEqual([`ip=${ip} url=http://${ip}:8080/`]);

    // A configMap's file and directory, a secret's file (masked), a hostPath's subdirectory; /tmp keeps its mode.
    expect(rec.output('files-0', 'show')).toEqual(['listen 80', 'listen 80', '***', 'seeded', '1777']);
  }, 60_000);
});
