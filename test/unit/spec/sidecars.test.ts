// Native sidecars in native specs (docs/spec.md#native-sidecars): an init step with `restartPolicy: Always`
// resolves to the model a Kubernetes init container with `restartPolicy: Always` does; what is refused, where.
import { describe, expect, it } from 'vitest';
import { initSequence } from '../../../src/spec/model.js';
import { secretValues } from '../../../src/spec/secrets.js';
import { expectProblems, resolved, service, specFile } from './helpers.js';

const job = (body: string, name = 'migrate'): string =>
  service(body, name).replace('kind: Service', 'kind: Job');

const SPEC = `image: busybox:latest
user: '1000'
env: {GREETING: hello}
ports: [8080, 9090]
volumes:
  - {name: status, mountPath: /status, emptyDir: {}}
  - {name: data, mountPath: /data, claimTemplate: {}}
initSteps:
  - name: first
    command: [sh, -c, 'true']
  - name: status
    restartPolicy: Always
    imagePullPolicy: Always
    command: [httpd, -f, -p, '9090', -h, /status]
    env: [{name: ROLE, value: sidecar}]
    volumes: [status]
    runIf: {type: always}
    startupProbe: {tcpSocket: {port: 9090}, periodSeconds: 1, failureThreshold: 5}
  - name: second
    command: [sh, -c, 'true']
`;

describe('a native sidecar in a native spec', () => {
  it('resolves to a sidecar placed after the steps before it, inheriting as a step does', () => {
    const s = resolved(service(SPEC)).services[0];
    const inst = s?.instances[0];
    expect(inst?.steps.map((st) => [st.name, st.index])).toEqual([
      ['first', 0],
      ['second', 1],
    ]);
    expect(inst?.sidecars).toEqual([
      {
        name: 'status',
        afterSteps: 1,
        // `- name: status`: 5 header lines, then the body's 11th line; its map at col 7 (the body is indented by 2).
        pos: { file: specFile(), line: 16, col: 7 },
        image: 'busybox:latest',
        command: ['httpd', '-f', '-p', '9090', '-h', '/status'],
        user: '1000',
        env: [
          { name: 'GREETING', value: 'hello', secret: false },
          { name: 'ROLE', value: 'sidecar', secret: false },
          { name: 'INITSTEPS_SERVICE', value: 'svc', secret: false },
          { name: 'INITSTEPS_INSTANCE', value: 'svc-0', secret: false },
          { name: 'INITSTEPS_REPLICA_ORDINAL', value: '0', secret: false },
        ],
        volumes: [{ name: 'status', mountPath: '/status', readOnly: false, source: { kind: 'emptyDir' } }],
        securityContext: { capAdd: [], capDrop: [], privileged: false },
        resources: {},
        pullPolicy: 'Always',
        startupProbe: {
          check: { kind: 'tcpSocket', port: 9090 },
          initialDelayMs: 0,
          periodMs: 1000,
          timeoutMs: 1000,
          failureThreshold: 5,
        },
      },
    ]);
    expect(s?.ports.map((p) => p.containerPort)).toEqual([8080, 9090]);
    if (!inst) return;
    expect(
      initSequence(inst).map((e) => (e.kind === 'step' ? e.step.name : `sidecar ${e.sidecar.name}`)),
    ).toEqual(['first', 'sidecar status', 'second']);
  });

  it('first or last in the list, with no startupProbe; a service without one has no `sidecars`', () => {
    const p = resolved([
      service(
        'image: x\ninitSteps:\n  - {name: proxy, restartPolicy: Always}\n  - {name: a}\n  - {name: log, restartPolicy: Always}',
      ),
      service('image: x\ninitSteps:\n  - {name: a}', 'plain'),
    ]);
    const inst = p.services[0]?.instances[0];
    expect(inst?.sidecars?.map((c) => [c.name, c.afterSteps, c.startupProbe])).toEqual([
      ['proxy', 0, undefined],
      ['log', 1, undefined],
    ]);
    expect(p.services[1]?.instances[0]).not.toHaveProperty('sidecars');
  });

  it('each replica gets its own, with its instance variables', () => {
    const s = resolved(service('image: x\nreplicas: 2\ninitSteps:\n  - {name: proxy, restartPolicy: Always}'))
      .services[0];
    expect(
      s?.instances.map((i) => i.sidecars?.[0]?.env.find((e) => e.name === 'INITSTEPS_INSTANCE')?.value),
    ).toEqual(['svc-0', 'svc-1']);
  });

  it('is allowed on a job (stopped after the job container), and a secret it receives is masked', () => {
    const p = resolved(
      job(
        'image: m\ninitSteps:\n  - name: proxy\n    restartPolicy: Always\n    env: [{name: TOKEN, valueFrom: {env: PROXY_TOKEN}}]',
      ),
      { env: { PROXY_TOKEN: 's3cret' } },
    );
    const sidecar = p.services[0]?.instances[0]?.sidecars?.[0];
    expect(sidecar?.env[0]).toEqual({ name: 'TOKEN', value: 's3cret', secret: true });
    expect(secretValues(p)).toEqual(['s3cret']);
  });
});

describe('a native sidecar refuses', () => {
  it.each([
    [
      'retries: 2',
      /`retries` does not apply to a native sidecar \(restartPolicy Always\): it starts once and is not retried/,
    ],
    ['backoff: {base: 1s}', /`backoff` does not apply to a native sidecar .*not retried/],
    ['timeout: 30s', /`timeout` does not apply to a native sidecar .*startupProbe bounds its start/],
    [
      'problemMatchers: []',
      /`problemMatchers` does not apply to a native sidecar .*only a failed step's output/,
    ],
  ])('%s at its key', (line, pattern) => {
    expectProblems(
      service(`image: x\ninitSteps:\n  - name: proxy\n    restartPolicy: Always\n    »${line}`),
      [pattern],
    );
  });

  it('a runIf other than always, at its type (or at runIf when the default applies)', () => {
    const runIf = /native sidecar \(restartPolicy Always\) starts on every `up`.*runIf can only be always/;
    expectProblems(
      service(
        'image: x\nvolumes: [{name: d, mountPath: /d, claimTemplate: {}}]\ninitSteps:\n  - name: a\n    restartPolicy: Always\n    runIf: {type: »freshVolume}\n  - name: b\n    restartPolicy: Always\n    »runIf: {volume: d}\n  - name: c\n    restartPolicy: Always\n    runIf: {type: always}',
      ),
      [runIf, runIf],
    );
  });

  it('runtime process, at its restartPolicy', () => {
    expectProblems(
      service(
        'runtime: process\ncommand: [./serve]\ninitSteps:\n  - name: proxy\n    restartPolicy: »Always',
      ),
      [
        /native sidecar \(restartPolicy Always\) runs beside the service's containers in its sandbox: runtime process has none/,
      ],
    );
  });

  it('a startupProbe on a step that is not a sidecar, and a bad probe on one', () => {
    expectProblems(
      service(
        'image: x\ninitSteps:\n  - name: a\n    »startupProbe: {exec: {command: [true]}}\n  - name: b\n    restartPolicy: Always\n    startupProbe: »{periodSeconds: 1}\n  - name: c\n    restartPolicy: Always\n    startupProbe: {exec: {command: [true]}, successThreshold: »2, »terminationGracePeriodSeconds: 5}',
      ),
      [
        /`startupProbe` on an init step needs `restartPolicy: Always` \(a native sidecar\): a step is done when it exits 0/,
        /a startupProbe needs exactly one of exec, tcpSocket, httpGet, grpc \(got none\)/,
        /a startupProbe's successThreshold must be 1/,
        /terminationGracePeriodSeconds does not apply to a native sidecar .*nothing is restarted/,
      ],
    );
  });
});
