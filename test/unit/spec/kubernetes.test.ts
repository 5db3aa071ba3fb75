// Kubernetes manifests as input (docs/kubernetes.md): one row per rule, refusals at their «-marked line,
// and the translation into the resolved model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectProblems, load, resolved, service } from './helpers.js';

/** A Deployment whose pod spec is `pod` (indented under template.spec). */
const deployment = (pod: string, extra = '', name = 'web', annotations = ''): string =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
${extra}  template:
    metadata:
      labels: {app: ${name}}
${annotations}    spec:
${pod
  .split('\n')
  .map((l) => (l ? `      ${l}` : l))
  .join('\n')}
`;

const MAIN = 'containers:\n  - name: main\n    image: busybox:latest\n';

type Row = [title: string, yaml: string | string[], patterns: RegExp[]];

const refusals: Row[] = [
  [
    'port ≠ targetPort',
    [
      deployment(`containers:\n  - name: m\n    image: x\n    ports: [{name: http, containerPort: 8080}]`),
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  selector: {app: web}\n  ports: [{port: 80, targetPort: »http}]\n',
    ],
    [/targetPort 8080 ≠ port 80/],
  ],
  ['hostNetwork', deployment(`»hostNetwork: true\n${MAIN}`), [/hostNetwork: .* not supported yet/]],
  [
    'privileged without the flag',
    deployment(`containers:\n  - name: m\n    image: x\n    securityContext: {»privileged: true}`),
    [/privileged; allow it with --allow-privileged/],
  ],
  [
    'a Job with completions > 1',
    'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  »completions: 3\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: m, image: x}]\n',
    [/completions 3: .* not supported yet/],
  ],
  [
    "a Job's pod with restartPolicy Always",
    'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      »restartPolicy: Always\n      containers: [{name: m, image: x}]\n',
    [/needs `restartPolicy: OnFailure` or `Never`/],
  ],
  [
    'a ConfigMap that is not in the input',
    deployment(
      `${MAIN}    env:\n      - name: A\n        valueFrom: {configMapKeyRef: {name: »nope, key: k}}`,
    ),
    [/no ConfigMap "nope" in namespace default/],
  ],
  [
    'a volumeMount of no volume',
    deployment(`${MAIN}    volumeMounts: [{name: »data, mountPath: /d}]`),
    [/no volume "data" in the pod/],
  ],
  [
    'a subPath of an emptyDir',
    deployment(
      `${MAIN}    volumeMounts: [{name: d, mountPath: /d, subPath: »x}]\nvolumes: [{name: d, emptyDir: {}}]`,
    ),
    [/subPath on an emptyDir volume: Docker Engine before 25 \(API 1\.45\) cannot mount part of a volume/],
  ],
  [
    'a run-if annotation for no init container',
    deployment(MAIN, '', 'web', '      annotations:\n        initsteps.dev/run-if.nope: »always\n'),
    [/no init container "nope"/],
  ],
  [
    'a fileMissing path on no mount of the step',
    deployment(
      `initContainers: [{name: i, image: x}]\n${MAIN}`,
      '',
      'web',
      '      annotations:\n        initsteps.dev/run-if.i: »"fileMissing:/data/x"\n',
    ),
    [/must be absolute and on a volume mounted in init container "i"/],
  ],
  [
    'v1 Service with both image and selector',
    '»apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  image: x\n  selector: {app: a}\n',
    [/with both `spec.image`.*and `spec.selector`/],
  ],
  [
    'a workload named like a native service',
    [service('image: x', 'web'), deployment(MAIN).replace('name: web\nspec', 'name: »web\nspec')],
    [/duplicate name "web"/],
  ],
  [
    'a wrong apiVersion for a kind',
    deployment(MAIN).replace('»', '').replace('apiVersion: apps/v1\nkind', '»apiVersion: batch/v1\nkind'),
    [/a Deployment is `apiVersion: apps\/v1`/],
  ],
];

describe('Kubernetes manifests: refusals at their line', () => {
  it.each(refusals)('%s', (_title, yaml, patterns) => expectProblems(yaml, patterns));
});

describe('Kubernetes manifests: translation', () => {
  it('a Deployment: replicas → instances, init containers → steps that always run, in order', () => {
    const p = resolved(
      deployment(
        `initContainers:\n  - {name: one, image: x}\n  - {name: two, image: y}\n${MAIN}`,
        '  replicas: 2\n',
      ),
    );
    const [web] = p.services;
    expect(web?.origin).toEqual({ kind: 'Deployment', name: 'web', namespace: 'default' });
    expect(web?.instances.map((i) => i.name)).toEqual(['web-0', 'web-1']);
    expect(web?.instances[0]?.steps.map((s) => [s.name, s.runIf.type, s.attempts])).toEqual([
      ['one', 'always', 3],
      ['two', 'always', 3],
    ]);
  });

  it('restartPolicy Never → one attempt; the run-if annotation opts in to markers', () => {
    const p = resolved(
      deployment(
        `restartPolicy: Never\ninitContainers:\n  - {name: i, image: x, volumeMounts: [{name: d, mountPath: /d}]}\n${MAIN}volumes: [{name: d, emptyDir: {}}]`,
        '',
        'web',
        '      annotations:\n        initsteps.dev/run-if.i: "fileMissing:/d/done"\n',
      ),
    );
    const step = p.services[0]?.instances[0]?.steps[0];
    expect(step?.attempts).toBe(1);
    expect(step?.runIf).toEqual({ type: 'fileMissing', path: '/d/done' });
  });

  it('a StatefulSet: ordinals, per-instance claims, serviceName aliases', () => {
    const p = resolved([
      `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: pg
  replicas: 2
  template:
    metadata: {labels: {app: pg}}
    spec:
      containers: [{name: m, image: x, volumeMounts: [{name: data, mountPath: /data}]}]
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {resources: {requests: {storage: 1Gi}}}
`,
      'apiVersion: v1\nkind: Service\nmetadata: {name: pg}\nspec:\n  clusterIP: None\n  selector: {app: pg}\n  ports: [{port: 5432}]\n',
    ]);
    const db = p.services[0];
    expect(db?.instances.map((i) => i.name)).toEqual(['db-0', 'db-1']);
    expect(db?.instances[1]?.main.volumes[0]?.source).toEqual({ kind: 'claim', capacityBytes: 1024 ** 3 });
    expect(db?.instances[1]?.aliases).toContain('db-1.pg');
    expect(db?.instances[1]?.aliases).toContain('pg.default.svc.cluster.local');
    expect(db?.instances[0]?.main.env).toContainEqual({
      name: 'PG_SERVICE_HOST',
      value: 'pg',
      secret: false,
    });
  });

  it('a Job: backoffLimit → attempts, the deadlines → activeDeadlineMs', () => {
    const p = resolved(
      'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  backoffLimit: 1\n  activeDeadlineSeconds: 60\n  template:\n    spec:\n      restartPolicy: OnFailure\n      containers: [{name: m, image: x}]\n',
    );
    expect(p.services[0]?.job).toMatchObject({
      attempts: 2,
      activeDeadlineMs: 60_000,
      restartPolicy: 'OnFailure',
    });
  });

  it('ConfigMap and Secret: env (secrets marked), envFrom, files with items and modes', () => {
    const p = resolved([
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "1", t: "$(X)"}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {pw: c2VjcmV0}\n',
      deployment(
        `containers:
  - name: m
    image: x
    envFrom: [{configMapRef: {name: c}, prefix: C_}]
    env:
      - {name: PW, valueFrom: {secretKeyRef: {name: s, key: pw}}}
      - {name: ME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
    volumeMounts: [{name: cfg, mountPath: /cfg}, {name: sec, mountPath: /sec}]
volumes:
  - {name: cfg, configMap: {name: c, items: [{key: a, path: dir/a.txt, mode: 0600}]}}
  - {name: sec, secret: {secretName: s, defaultMode: 0400}}`,
      ),
    ]);
    const main = p.services[0]?.instances[0]?.main;
    const env = Object.fromEntries((main?.env ?? []).map((e) => [e.name, e]));
    expect(env.C_a?.value).toBe('1');
    expect(env.C_t?.value).toBe('$$(X)'); // taken as it is: the engine's expansion leaves `$(X)`
    expect(env.PW).toEqual({ name: 'PW', value: 'secret', secret: true });
    expect(env.ME?.value).toBe('web-0');
    expect(main?.volumes.map((v) => [v.mountPath, v.readOnly, v.source])).toEqual([
      [
        '/cfg',
        true,
        { kind: 'files', secret: false, files: [{ path: 'dir/a.txt', contentBase64: 'MQ==', mode: 0o600 }] },
      ],
      [
        '/sec',
        true,
        { kind: 'files', secret: true, files: [{ path: 'pw', contentBase64: 'c2VjcmV0', mode: 0o400 }] },
      ],
    ]);
  });

  it('a Service selects pods: aliases, service variables, and the dependency of a pod that names it', () => {
    const p = resolved([
      deployment(`${MAIN}    ports: [{containerPort: 5432}]`, '', 'db'),
      deployment(
        `initContainers: [{name: wait, image: x, command: [sh, -c, 'until nc -z database 5432; do sleep 1; done']}]\n${MAIN}`,
      ),
      'apiVersion: v1\nkind: Service\nmetadata: {name: database}\nspec:\n  selector: {app: db}\n  ports: [{name: pg, port: 5432, targetPort: 5432}]\n',
    ]);
    const [db, web] = p.services;
    expect(db?.instances[0]?.aliases).toContain('database');
    expect(web?.dependsOn).toEqual(['db']);
    expect(web?.instances[0]?.main.env).toContainEqual({
      name: 'DATABASE_SERVICE_PORT_PG',
      value: '5432',
      secret: false,
    });
    expect(db?.ports).toEqual([{ containerPort: 5432, hostIp: '127.0.0.1', protocol: 'tcp' }]);
  });

  it('kind: List, YAML anchors and native documents load together', () => {
    const p = resolved([
      `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: one, labels: &l {app: one}}
    spec:
      containers: [&c {name: m, image: x}]
  - apiVersion: v1
    kind: Pod
    metadata: {name: two, labels: *l}
    spec:
      containers: [*c]
`,
      service('image: x\ndependsOn: [one]', 'native'),
    ]);
    expect(p.services.map((s) => s.name).sort()).toEqual(['native', 'one', 'two']);
  });

  it('ignored fields: one notice per field kind, listing every place', () => {
    const r = load([
      deployment(`nodeSelector: {a: b}\n${MAIN}`, '', 'a'),
      deployment(`nodeSelector: {a: b}\n${MAIN}`, '', 'b'),
    ]);
    expect(r.ok).toBe(true);
    const notices = r.ok ? (r.warnings ?? []).filter((w) => /nodeSelector/.test(w.message)) : [];
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toMatch(/ignored: pod spec: nodeSelector .*also at .*spec1\.yaml:10:7/);
  });

  it("a Secret's type Opaque (the default) is no notice; another type is", () => {
    const secret = (type: string, name: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata: {name: ${name}}\ntype: ${type}\nstringData: {a: b}\n`;
    const r = load([secret('Opaque', 's1'), secret('kubernetes.io/tls', 's2'), deployment(MAIN)]);
    expect(r.ok).toBe(true);
    const notices = r.ok ? (r.warnings ?? []).filter((w) => /Secret: type/.test(w.message)) : [];
    expect(notices).toHaveLength(1);
    expect(notices[0]?.pos.file).toMatch(/spec1\.yaml$/);
  });
});

describe('Kubernetes manifests as projects publish them', () => {
  // A chart's `helm template` output in its usual style, and a `kind: List` with anchors and a `<<` merge.
  const CHART = readFileSync(
    join(import.meta.dirname, '../../fixtures/spec/kubernetes/chart-rendered.yaml'),
    'utf8',
  );

  it('a rendered chart loads: empty documents skipped, other kinds ignored with a notice each', () => {
    const r = load(CHART);
    if (!r.ok) expect.fail(r.problems.map((p) => `${p.pos.line}:${p.pos.col} ${p.message}`).join('\n'));
    const ignored = (r.warnings ?? []).flatMap((w) => /ignored: object: (.*) \(/.exec(w.message)?.[1] ?? []);
    expect(ignored).toEqual([
      'v1 ServiceAccount',
      'autoscaling/v2 HorizontalPodAutoscaler',
      'networking.k8s.io/v1 Ingress',
    ]);
    const shop = r.project.services.find((s) => s.name === 'shop');
    const db = r.project.services.find((s) => s.name === 'shop-postgresql');
    expect(shop?.instances.map((i) => i.name)).toEqual(['shop-0', 'shop-1']);
    expect(shop?.instances[0]?.steps.map((s) => s.name)).toEqual(['wait-for-db', 'migrate']);
    // The init container names the database's Service: it starts after the StatefulSet.
    expect(shop?.dependsOn).toEqual(['shop-postgresql']);
    const migrate = shop?.instances[1]?.steps[1];
    expect(migrate?.env).toContainEqual({ name: 'LOG_LEVEL', value: 'info', secret: false });
    expect(migrate?.env).toContainEqual({ name: 'DB_PASSWORD', value: 'chart-test-password', secret: true });
    expect(shop?.instances[0]?.aliases).toContain('shop.default.svc.cluster.local');
    // The pod labels merged from the anchor (`<<: *db-labels`) match the headless Service's selector.
    expect(db?.instances[0]?.aliases).toContain('shop-postgresql-0.shop-postgresql');
    expect(db?.instances[0]?.main.volumes[0]?.source).toEqual({
      kind: 'claim',
      capacityBytes: 8 * 1024 ** 3,
    });
  });
});
