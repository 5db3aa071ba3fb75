// Kubernetes manifests on the real engine (docs/kubernetes.md): one `up` of a small project is observed from
// its events and from a Job that looks at everything from another pod, the way a pod in a cluster would —
// init containers in order, StatefulSet ordinals with a volume each, ConfigMap and Secret files and env,
// Service names and variables, Secret values masked; and a pod whose init container fails under
// `restartPolicy: Never`. busybox only, so the suite stays short.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL } from '../../src/engine/labels.js';
import type { RunEvent, RunReport } from '../../src/engine/types.js';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { loadProject } from '../../src/spec/index.js';
import { connect, projectName, recorder, removeProject, stepOf } from '../support/engine.js';

const SECRET = 'hunter2-k8s-secret';

/** Three init containers append to one emptyDir file; the first is slow, so running them at once would show. */
const ORDERED = `
apiVersion: v1
kind: Service
metadata: {name: ordered}
spec:
  selector: {app: ordered}
  ports: [{name: http, port: 8080, targetPort: 8080}]
---
apiVersion: v1
kind: Pod
metadata:
  name: ordered
  labels: {app: ordered}
spec:
  initContainers:
    - {name: one, image: busybox:latest, command: [sh, -c, 'sleep 0.3; echo one >> /work/order'], volumeMounts: [&work {name: work, mountPath: /work}]}
    - {name: two, image: busybox:latest, command: [sh, -c, 'echo two >> /work/order'], volumeMounts: [*work]}
    - {name: three, image: busybox:latest, command: [sh, -c, 'echo three >> /work/order'], volumeMounts: [*work]}
  containers:
    - name: web
      image: busybox:latest
      command: [httpd, -f, -p, '8080', -h, /work]
      ports: [{containerPort: 8080}]
      readinessProbe: {httpGet: {path: /order, port: 8080}, periodSeconds: 1}
      volumeMounts: [*work]
  volumes: [{name: work, emptyDir: {}}]
`;

/** Each ordinal writes its own name into its claim only when the file is absent: a shared volume would show. */
const STORE = `
apiVersion: v1
kind: Service
metadata: {name: store}
spec:
  clusterIP: None
  selector: {app: store}
  ports: [{name: http, port: 8080}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: store}
spec:
  serviceName: store
  replicas: 2
  selector: {matchLabels: {app: store}}
  template:
    metadata: {labels: {app: store}}
    spec:
      initContainers:
        - name: stamp
          image: busybox:latest
          env: [{name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
          command: [sh, -c, 'test -f /data/id || echo "$POD_NAME" > /data/id']
          volumeMounts: [{name: data, mountPath: /data}]
      containers:
        - name: web
          image: busybox:latest
          command: [httpd, -f, -p, '8080', -h, /data]
          ports: [{name: http, containerPort: 8080}]
          readinessProbe: {httpGet: {path: /id, port: http}, periodSeconds: 1}
          volumeMounts: [{name: data, mountPath: /data}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 10Mi}}}
`;

/** A Job that looks at the others from its own pod and prints what it sees, one \`key=value\` a line. */
const CLIENT = `
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data:
  greeting: hello
  color: blue
  app.ini: |
    [app]
    mode=fast
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
type: Opaque
stringData: {password: ${SECRET}}
---
apiVersion: batch/v1
kind: Job
metadata: {name: client}
spec:
  backoffLimit: 0
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: client
          image: busybox:latest
          envFrom:
            - {configMapRef: {name: settings}, prefix: CFG_}
            - {secretRef: {name: creds}, prefix: S_}
          env:
            - {name: GREETING, valueFrom: {configMapKeyRef: {name: settings, key: greeting}}}
            - {name: PASSWORD, valueFrom: {secretKeyRef: {name: creds, key: password}}}
            - {name: MESSAGE, value: '$(GREETING), world'}
            - {name: ORDERED_AT, value: '$(ORDERED_SERVICE_HOST):$(ORDERED_SERVICE_PORT)'}
          command: [sh, -ec]
          args:
            - |
              echo "message=$MESSAGE"
              echo "color=$CFG_color"
              echo "ordered_at=$ORDERED_AT"
              echo "store_port=$STORE_SERVICE_PORT_HTTP"
              echo "password=$PASSWORD"
              echo "prefixed_password=$S_password"
              echo "config_files=$(cd /config && find . -type f | sort | tr '\\n' ' ')"
              echo "config_mode=$(stat -c %a /config/conf/app.ini)"
              echo "config_mode_line=$(grep mode /config/conf/app.ini)"
              echo "secret_mode=$(stat -c %a /secret/password)"
              echo "secret_file=$(cat /secret/password)"
              echo "by_service=$(wget -qO- http://ordered:8080/order | tr '\\n' ' ')"
              echo "by_fqdn=$(wget -qO- http://ordered.default.svc.cluster.local:8080/order | tr '\\n' ' ')"
              echo "store_0=$(wget -qO- http://store-0.store:8080/id)"
              echo "store_1=$(wget -qO- http://store-1.store.default.svc.cluster.local:8080/id)"
          volumeMounts:
            - {name: config, mountPath: /config}
            - {name: secret, mountPath: /secret}
      volumes:
        - name: config
          configMap:
            name: settings
            defaultMode: 0444
            items: [{key: app.ini, path: conf/app.ini, mode: 0640}]
        - {name: secret, secret: {secretName: creds, defaultMode: 0400}}
`;

/** \`restartPolicy: Never\`: the failing init container gets one attempt, and the pod fails naming it. */
const BROKEN = `
apiVersion: v1
kind: Pod
metadata: {name: broken}
spec:
  restartPolicy: Never
  initContainers:
    - {name: prepare, image: busybox:latest, command: ['true']}
    - name: migrate
      image: busybox:latest
      command: [sh, -c, 'echo "relation missing" >&2; exit 3']
    - {name: after, image: busybox:latest, command: ['true']}
  containers:
    - {name: main, image: busybox:latest, command: [sleep, '3600']}
`;

let runtime: ContainerRuntime;
const dir = mkdtempSync(join(tmpdir(), 'initsteps-k8s-it-'));
const projects: string[] = [];

async function upFiles(
  tag: string,
  files: Record<string, string>,
): Promise<{ project: string; report: RunReport; events: RunEvent[] }> {
  const paths = Object.entries(files).map(([name, text]) => {
    const file = join(dir, `${tag}-${name}`);
    writeFileSync(file, text);
    return file;
  });
  const project = projectName(tag);
  projects.push(project);
  const loaded = await loadProject({ files: paths, project, workspace: dir });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const rec = recorder();
  const report = await up(runtime, { project: loaded.project, observer: rec.observer, backoffBaseMs: 50 });
  return { project, report, events: rec.events };
}

/** Containers, networks and volumes (persistent ones included) labelled with the project. */
async function remains(project: string): Promise<string[]> {
  const labels = { [LABEL.project]: project };
  return [
    ...(await runtime.listContainers(labels)).map((c) => `container ${c.id.slice(0, 12)}`),
    ...(await runtime.listNetworks(labels)).map((n) => `network ${n.name}`),
    ...(await runtime.listVolumes(labels)).map((v) => `volume ${v.name}`),
  ];
}

beforeAll(async () => {
  runtime = await connect();
});
afterAll(async () => {
  for (const p of projects) await removeProject(runtime, p);
  for (const p of projects) expect(await remains(p)).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

describe('a project of Kubernetes manifests', () => {
  let run: { project: string; report: RunReport; events: RunEvent[] };
  /** The client Job's `key=value` lines. */
  let seen: Record<string, string>;
  /** Index of the first event matching `pred`. */
  const at = (pred: (e: RunEvent) => boolean): number => {
    const i = run.events.findIndex(pred);
    expect(i, 'event not found').toBeGreaterThanOrEqual(0);
    return i;
  };
  const stepEnd = (instance: string, step: string) =>
    at((e) => e.type === 'step-end' && e.result.instance === instance && e.result.step === step);
  const stepStart = (instance: string, step: string) =>
    at((e) => e.type === 'step-start' && e.instance === instance && e.step === step);
  const running = (instance: string) =>
    at((e) => e.type === 'service-status' && e.instance === instance && e.status === 'Running');

  beforeAll(async () => {
    run = await upFiles('k8s', { 'ordered.yaml': ORDERED, 'store.yaml': STORE, 'client.yaml': CLIENT });
    seen = Object.fromEntries(
      run.events.flatMap((e) =>
        e.type === 'job-output' && e.stream === 'stdout' && e.line.includes('=')
          ? [[e.line.slice(0, e.line.indexOf('=')), e.line.slice(e.line.indexOf('=') + 1)]]
          : [],
      ),
    );
  });

  it('comes up: every pod ready, the Job succeeded after the pods it names', () => {
    const { report } = run;
    const failures = JSON.stringify({ services: report.services, jobs: report.jobs }, null, 1);
    expect(report.services.map((s) => `${s.name}: ${s.status}`).sort(), failures).toEqual([
      'ordered: Running',
      'store: Running',
    ]);
    expect(
      report.jobs.map((j) => `${j.name}: ${j.status}`),
      failures,
    ).toEqual(['client: Succeeded']);
    expect(running('store-1')).toBeLessThan(at((e) => e.type === 'job-start' && e.job === 'client'));
    expect(running('ordered-0')).toBeLessThan(at((e) => e.type === 'job-start' && e.job === 'client'));
  });

  it('runs init containers one at a time, in order, before the main container, which reads what they wrote', () => {
    expect(stepEnd('ordered-0', 'one')).toBeLessThan(stepStart('ordered-0', 'two'));
    expect(stepEnd('ordered-0', 'two')).toBeLessThan(stepStart('ordered-0', 'three'));
    expect(stepOf(run.report, 'ordered-0', 'three').status).toBe('Succeeded');
    // The main container served the file the three wrote (its readiness probe read it too).
    expect(seen.by_service).toBe('one two three ');
  });

  it('a StatefulSet: ordinals <name>-0..n-1 started in order, one volume per instance', async () => {
    const store = run.report.services.find((s) => s.name === 'store');
    expect(store?.instances.map((i) => i.name)).toEqual(['store-0', 'store-1']);
    expect(running('store-0')).toBeLessThan(stepStart('store-1', 'stamp'));
    // Each ordinal wrote its own name into a file that was absent: the claims are not shared.
    expect([seen.store_0, seen.store_1]).toEqual(['store-0', 'store-1']);
    const volumes = await runtime.listVolumes({ [LABEL.project]: run.project, [LABEL.volume]: 'data' });
    expect(volumes.map((v) => v.labels[LABEL.instance]).sort()).toEqual(['store-0', 'store-1']);
  });

  it('ConfigMap and Secret as env (keyRef, envFrom with prefix, $(VAR)) and as files (items, modes)', () => {
    expect(seen).toMatchObject({
      message: 'hello, world',
      color: 'blue',
      config_files: './conf/app.ini ',
      config_mode: '640',
      config_mode_line: 'mode=fast',
      secret_mode: '400',
    });
  });

  it("Secret values are masked in the Job's output, from env and from files alike", () => {
    expect(seen).toMatchObject({ password: '***', prefixed_password: '***', secret_file: '***' });
    const lines = run.events.flatMap((e) => ('line' in e ? [e.line] : []));
    expect(lines.filter((l) => l.includes(SECRET))).toEqual([]);
    expect(JSON.stringify(run.report)).not.toContain(SECRET);
  });

  it('Service names resolve from another pod: <svc>, <svc>.<ns>.svc.cluster.local, <pod>.<serviceName>', () => {
    expect(seen.by_service).toBe('one two three ');
    expect(seen.by_fqdn).toBe('one two three ');
    expect(seen.store_0).toBe('store-0');
    expect(seen.store_1).toBe('store-1');
  });

  it("Kubernetes' service variables: <SVC>_SERVICE_HOST, _PORT and _PORT_<NAME>", () => {
    expect(seen.ordered_at).toBe('ordered:8080');
    expect(seen.store_port).toBe('8080');
  });
});

describe('restartPolicy Never with a failing init container', () => {
  it('the pod fails after one attempt, naming that container; the next ones and the main never start', async () => {
    const { project, report } = await upFiles('k8s-never', { 'broken.yaml': BROKEN });
    const broken = report.services.find((s) => s.name === 'broken');
    expect(broken?.status).toBe('Failed');
    expect(broken?.message).toMatch(/migrate/);
    const migrate = stepOf(report, 'broken-0', 'migrate');
    expect(migrate).toMatchObject({ status: 'Failed', exitCode: 3, attempts: 1 });
    expect(migrate.logTail).toContain('relation missing');
    // Positioned at the init container in the manifest.
    const line = BROKEN.split('\n').findIndex((l) => l.includes('- name: migrate')) + 1;
    expect(migrate.pos).toMatchObject({ file: join(dir, 'k8s-never-broken.yaml'), line });
    expect(report.steps.find((s) => s.step === 'after')).toMatchObject({ status: 'Pending', attempts: 0 });
    const mains = await runtime.listContainers({ [LABEL.project]: project, [LABEL.role]: 'main' });
    expect(mains).toEqual([]);
  });
});
