// One row per validation rule: the YAML marks («») where each problem must be reported.
import { describe, expect, it } from 'vitest';
import { expectProblems, load, resolved, service, show } from './helpers.js';

type Row = [title: string, yaml: string | string[], patterns: RegExp[], options?: Parameters<typeof load>[1]];

const rows: Row[] = [
  // Required fields and document shape
  [
    'apiVersion not supported',
    service('image: x').replace('initsteps/v1', '»apps/v1'),
    [/"apps\/v1" is not one of initsteps\/v1, v1/],
  ],
  [
    'kind wrong, with suggestion',
    service('image: x').replace('kind: Service', 'kind: »service'),
    [/did you mean `Service`/],
  ],
  [
    'metadata.name missing (at the metadata map)',
    'apiVersion: v1\nkind: Service\nmetadata:\n  »»labels: {}\nspec: {image: x}\n',
    [/unknown field `labels`/, /missing required field `name`/],
  ],
  [
    'spec missing (at the document map)',
    '»apiVersion: v1\nkind: Service\nmetadata: {name: a}\n',
    [/missing required field `spec`/],
  ],
  ['a document that is not a map', '»- a\n- b\n', [/expected a map, got a list/]],
  [
    'empty document between two services',
    `${service('image: x', 'a')}\n»---\n---\n${service('image: x', 'b')}`,
    [/empty document/],
  ],
  [
    'image required for runtime container',
    service('»command: [x]'),
    [/missing required field `image` \(required for runtime container\)/],
  ],
  ['image optional for runtime process', service('runtime: process\ncommand: [./run.sh]'), []],
  [
    'runtime process with image',
    service('runtime: process\nimage: »busybox'),
    [/runtime process runs on the host: remove `image`/],
  ],
  [
    'runtime process step with imagePullPolicy',
    service('runtime: process\ninitSteps:\n  - name: s\n    imagePullPolicy: »Always'),
    [/runtime process runs on the host: remove `imagePullPolicy`/],
  ],
  [
    'runtime process step with image',
    service('runtime: process\ninitSteps:\n  - name: s\n    image: »busybox'),
    [/remove `image`/],
  ],
  // Enums and their case rules
  [
    'imagePullPolicy is case-sensitive',
    service('image: x\nimagePullPolicy: »ifnotpresent'),
    [/not one of Always, IfNotPresent, Never; did you mean `IfNotPresent`/],
  ],
  ['runtime enum', service('image: x\nruntime: »docker'), [/not one of container, process/]],
  [
    'restartPolicy enum',
    // Always is a native sidecar (sidecars.test.ts).
    service('image: x\ninitSteps:\n  - name: s\n    restartPolicy: »Sometimes'),
    [/not one of OnFailure, Never, Always/],
  ],
  [
    'runIf.type enum',
    service('image: x\ninitSteps:\n  - name: s\n    runIf: {type: »fresh}'),
    [/not one of freshVolume, fileMissing, always/],
  ],
  [
    'seccomp type any case and `default`',
    service(
      'image: x\nsecurityContext: {seccompProfile: {type: DEFAULT}}\ninitSteps:\n  - name: s\n    securityContext: {seccompProfile: {type: runtimedefault}}',
    ),
    [],
  ],
  [
    'seccomp type unknown',
    service('image: x\nsecurityContext: {seccompProfile: {type: »strict}}'),
    [/not one of Unconfined, RuntimeDefault, Localhost/],
  ],
  [
    'Localhost needs localhostProfile',
    service('image: x\nsecurityContext: {seccompProfile: »{type: localhost}}'),
    [/Localhost needs an absolute `localhostProfile`/],
  ],
  [
    'localhostProfile must be absolute',
    service('image: x\nsecurityContext: {seccompProfile: {type: Localhost, localhostProfile: »p.json}}'),
    [/must be an absolute path/],
  ],
  [
    'localhostProfile only with Localhost',
    service('image: x\nsecurityContext: {seccompProfile: {type: default, »localhostProfile: /p.json}}'),
    [/applies only to seccomp type Localhost/],
  ],
  // Names
  ['service name not a DNS label', service('image: x', '»Tb'), [/"Tb" is not a valid name/]],
  ['service name starting with a digit', service('image: x', '»1tb'), [/not a valid name/]],
  ['service name of 64 characters', service('image: x', `»a${'b'.repeat(63)}`), [/not a valid name/]],
  ['service name of 63 characters', service('image: x', `a${'b'.repeat(62)}`), []],
  [
    'step name not a DNS label',
    service('image: x\ninitSteps:\n  - name: »Format'),
    [/"Format" is not a valid name/],
  ],
  [
    'volume name not a DNS label',
    service('image: x\nvolumes:\n  - {name: »my_vol, mountPath: /v, emptyDir: {}}'),
    [/"my_vol" is not a valid name/],
  ],
  [
    'duplicate step names',
    service('image: x\ninitSteps:\n  - name: a\n  - name: b\n  - name: »a'),
    [/duplicate init step name "a" \(first at line 8\)/],
  ],
  [
    'duplicate service names across files',
    [service('image: x', 'db'), service('image: y', '»db')],
    [/duplicate service name "db" \(first declared at .*spec0\.yaml:4:9\)/],
  ],
  [
    'duplicate volume names',
    service(
      'image: x\nvolumes:\n  - {name: v, mountPath: /a, emptyDir: {}}\n  - {name: »v, mountPath: /b, emptyDir: {}}',
    ),
    [/duplicate volume name "v"/],
  ],
  [
    'duplicate mountPath',
    service(
      'image: x\nvolumes:\n  - {name: a, mountPath: /d, emptyDir: {}}\n  - {name: b, mountPath: »/d/, emptyDir: {}}',
    ),
    [/mountPath \/d is already used/],
  ],
  // Durations
  [
    'timeout not a duration',
    service('image: x\ninitSteps:\n  - name: s\n    timeout: »5x'),
    [/"5x" is not a duration/],
  ],
  ['timeout zero', service('image: x\ninitSteps:\n  - name: s\n    timeout: »0s'), [/greater than zero/]],
  [
    'timeout beyond what a timer can hold',
    service('image: x\ninitSteps:\n  - name: s\n    timeout: »1000h'),
    [/too long/],
  ],
  ['timeout negative', service('image: x\ninitSteps:\n  - name: s\n    timeout: »-5'), [/not a duration/]],
  [
    'timeout forms',
    service(
      'image: x\ninitSteps:\n  - {name: a, timeout: 1h30m}\n  - {name: b, timeout: 90}\n  - {name: c, timeout: 500ms}\n  - {name: d, timeout: "1.5s"}',
    ),
    [],
  ],
  // Quantities
  [
    'cpu forms',
    service(
      'image: x\nresources: {limits: {cpu: 500m}}\ninitSteps:\n  - {name: a, resources: {limits: {cpu: 2}}}\n  - {name: b, resources: {limits: {cpu: "0.5"}}}',
    ),
    [],
  ],
  ['cpu invalid', service('image: x\nresources: {limits: {cpu: »two}}'), [/"two" is not a CPU quantity/]],
  ['cpu zero', service('image: x\nresources: {limits: {cpu: »0}}'), [/not a CPU quantity greater than zero/]],
  [
    'memory forms',
    service(
      'image: x\nresources: {limits: {memory: 512Mi}}\ninitSteps:\n  - {name: a, resources: {limits: {memory: 1G}}}\n  - {name: b, resources: {limits: {memory: 1000}}}',
    ),
    [],
  ],
  [
    'memory in Docker style gets a hint',
    service('image: x\nresources: {limits: {memory: »512m}}'),
    [/write 512Mi/],
  ],
  [
    'resources.requests is not supported',
    service('image: x\nresources: {»requests: {cpu: 1}}'),
    [/unknown field `requests`/],
  ],
  // Ports
  [
    'port forms',
    service(
      'image: x\nports: ["3000", "127.0.0.1:13000:3000", "13000:3001", "53/udp", 8080, "127.0.0.1::9000", {containerPort: 1, hostPort: 2, hostIP: 0.0.0.0, protocol: UDP}]',
    ),
    [],
  ],
  ['port out of range', service('image: x\nports: [»"70000"]'), [/"70000" is not a port/]],
  ['port garbage', service('image: x\nports: [»"a:b"]'), [/is not a port/]],
  [
    'port object with hostIp typo',
    service('image: x\nports: [{containerPort: 80, »hostIp: 127.0.0.1}]'),
    [/unknown field `hostIp`; did you mean `hostIP`/],
  ],
  [
    'port object without containerPort',
    service('image: x\nports: [»{hostPort: 80}]'),
    [/missing required field `containerPort`/],
  ],
  [
    'fixed host port with replicas',
    service('image: x\nreplicas: 2\nports: ["3000", »"13000:3000"]'),
    [/fixed host port with replicas 2/],
  ],
  // runIf
  [
    'fileMissing needs path',
    service(
      'image: x\nvolumes: [{name: d, mountPath: /d, emptyDir: {}}]\ninitSteps:\n  - name: s\n    runIf: »{type: fileMissing}',
    ),
    [/fileMissing needs `path`/],
  ],
  [
    'fileMissing path must be absolute',
    service(
      'image: x\nvolumes: [{name: d, mountPath: /d, emptyDir: {}}]\ninitSteps:\n  - name: s\n    runIf: {type: fileMissing, path: »d/f}',
    ),
    [/must be an absolute path/],
  ],
  [
    'fileMissing path not on a mounted volume',
    service(
      'image: x\nvolumes: [{name: d, mountPath: /d, emptyDir: {}}]\ninitSteps:\n  - name: s\n    runIf: {type: fileMissing, path: »/data/f}',
    ),
    [/path \/data\/f is not on a volume mounted in this step/],
  ],
  [
    'fileMissing path on a volume the step does not mount',
    service(
      'image: x\nvolumes: [{name: d, mountPath: /d, emptyDir: {}}]\ninitSteps:\n  - name: s\n    volumes: []\n    runIf: {type: fileMissing, path: »/d/f}',
    ),
    [/not on a volume mounted/],
  ],
  [
    'fileMissing path not on the named volume',
    service(
      'image: x\nvolumes: [{name: d, mountPath: /d, emptyDir: {}}, {name: e, mountPath: /e, emptyDir: {}}]\ninitSteps:\n  - name: s\n    runIf: {type: fileMissing, volume: e, path: »/d/f}',
    ),
    [/not on volume "e"/],
  ],
  [
    'fileMissing on a mounted volume',
    service(
      'image: x\nvolumes: [{name: d, mountPath: /d, emptyDir: {}}]\ninitSteps:\n  - name: s\n    runIf: {type: fileMissing, volume: d, path: /d/sub/f}',
    ),
    [],
  ],
  [
    'runIf.volume not mounted in the step',
    service(
      'image: x\nvolumes: [{name: d, mountPath: /d, claimTemplate: {}}, {name: e, mountPath: /e, claimTemplate: {}}]\ninitSteps:\n  - name: s\n    volumes: [e]\n    runIf: {volume: »d}',
    ),
    [/volume "d" is not mounted in init step "s" \(its volumes list leaves it out\)/],
  ],
  [
    'freshVolume volume unknown',
    service(
      'image: x\nvolumes: [{name: data, mountPath: /d, claimTemplate: {}}]\ninitSteps:\n  - name: s\n    runIf: {type: freshVolume, volume: »dat}',
    ),
    [/volume "dat" is not mounted.*did you mean `data`/],
  ],
  [
    'path only for fileMissing',
    service('image: x\ninitSteps:\n  - name: s\n    runIf: {type: always, »path: /x}'),
    [/`path` applies only to runIf type fileMissing/],
  ],
  [
    'step volumes naming an unknown parent volume',
    service(
      'image: x\nvolumes: [{name: data, mountPath: /d, claimTemplate: {}}]\ninitSteps:\n  - name: s\n    volumes: [data, »cache]',
    ),
    [/unknown volume "cache" \(the service declares data\)/],
  ],
  // dependsOn
  [
    'dependsOn unknown service',
    [service('image: x\ndependsOn: [»dbb]', 'app'), service('image: x', 'db')],
    [/unknown service "dbb" in dependsOn; did you mean `db`/],
  ],
  [
    'dependsOn cycle, reported once with its path',
    [service('image: x\ndependsOn: [b]', 'a'), service('image: x\ndependsOn: [»a]', 'b')],
    [/cycle: a → b → a/],
  ],
  ['dependsOn on itself', service('image: x\ndependsOn: [»svc]'), [/cycle: svc → svc/]],
  // The privileged gate
  [
    'privileged service',
    service('image: x\nsecurityContext: {privileged: »true}'),
    [/service "svc": securityContext.privileged: true is refused; allow it with --allow-privileged/],
  ],
  [
    'unconfined seccomp on a step names the step',
    service(
      'image: x\ninitSteps:\n  - name: fmt\n    securityContext: {seccompProfile: {type: »unconfined}}',
    ),
    [/service "svc", init step "fmt": securityContext.seccompProfile.type Unconfined is refused/],
  ],
  [
    'privileged allowed',
    service('image: x\nsecurityContext: {privileged: true, seccompProfile: {type: Unconfined}}'),
    [],
    { allowPrivileged: true },
  ],
  [
    'hostPath outside the workspace',
    service('image: x\nvolumes: [{name: h, mountPath: /h, hostPath: »/}]'),
    [/service "svc": hostPath \/ resolves outside the workspace .*allow-privileged/],
  ],
  [
    'hostPath escaping with ..',
    service('image: x\nvolumes: [{name: h, mountPath: /h, hostPath: »..}]'),
    [/resolves outside the workspace/],
  ],
  [
    'hostPath outside allowed',
    service('image: x\nvolumes: [{name: h, mountPath: /h, hostPath: /}]'),
    [],
    { allowPrivileged: true },
  ],
  [
    'hostPath inside the workspace',
    service('image: x\nvolumes: [{name: h, mountPath: /h, hostPath: ./seed}]'),
    [],
  ],
  [
    'hostPath that does not exist',
    service('image: x\nvolumes: [{name: h, mountPath: /h, hostPath: »./nope}]'),
    [/hostPath \.\/nope does not exist/],
  ],
  // env
  [
    'valueFrom.env not set',
    service('image: x\nenv:\n  - {name: A, valueFrom: {env: »MISSING_VAR}}'),
    [/environment variable "MISSING_VAR" is not set/],
  ],
  [
    'valueFrom.env set',
    service('image: x\nenv:\n  - {name: A, valueFrom: {env: TOKEN}}'),
    [],
    { env: { TOKEN: 's3cret' } },
  ],
  [
    'value and valueFrom both',
    service('image: x\nenv:\n  - {name: A, value: b, »valueFrom: {env: B}}'),
    [/either `value` or `valueFrom`/],
    { env: { B: '1' } },
  ],
  [
    'duplicate env names in a list',
    service('image: x\nenv:\n  - {name: A, value: "1"}\n  - {name: »A, value: "2"}'),
    [/duplicate environment variable "A"/],
  ],
  ['env name with =', service('image: x\nenv: {»"A=B": c}'), [/not a valid environment variable name/]],
  // Numbers
  ['replicas zero', service('image: x\nreplicas: »0'), [/must be at least 1/]],
  ['replicas fractional', service('image: x\nreplicas: »1.5'), [/expected an integer, got a number/]],
  ['replicas as a string', service('image: x\nreplicas: »"2"'), [/expected an integer, got a string/]],
  ['retries negative', service('image: x\ninitSteps:\n  - {name: s, retries: »-1}'), [/must be at least 0/]],
  [
    'Never with retries',
    service('image: x\ninitSteps:\n  - {name: s, restartPolicy: Never, retries: »2}'),
    [/retries 2 contradicts restartPolicy Never/],
  ],
  [
    'Never with retries 0',
    service('image: x\ninitSteps:\n  - {name: s, restartPolicy: Never, retries: 0}'),
    [],
  ],
  // Volumes
  [
    'volume with two sources',
    service('image: x\nvolumes:\n  - »{name: v, mountPath: /v, emptyDir: {}, hostPath: ./seed}'),
    [/exactly one of claimTemplate, hostPath, emptyDir \(got hostPath and emptyDir\)/],
  ],
  ['volume with no source', service('image: x\nvolumes:\n  - »{name: v, mountPath: /v}'), [/got none/]],
  [
    'mountPath relative',
    service('image: x\nvolumes:\n  - {name: v, mountPath: »data, emptyDir: {}}'),
    [/must be an absolute path/],
  ],
  [
    'emptyDir and claimTemplate with no value',
    service(
      'image: x\nvolumes:\n  - name: v\n    mountPath: /v\n    emptyDir:\n  - name: w\n    mountPath: /w\n    claimTemplate:',
    ),
    [],
  ],
  // readinessProbe
  [
    'probe without a check',
    service('image: x\nreadinessProbe: »{periodSeconds: 2}'),
    [/exactly one of exec, tcpSocket, httpGet, grpc \(got none\)/],
  ],
  [
    'probe with two checks',
    service('image: x\nreadinessProbe: »{exec: {command: [true]}, tcpSocket: {port: 1}}'),
    [/got exec and tcpSocket/],
  ],
  [
    'probe period zero',
    service('image: x\nreadinessProbe: {tcpSocket: {port: 1}, periodSeconds: »0}'),
    [/must be at least 1/],
  ],
  [
    'probe port out of range',
    service('image: x\nreadinessProbe: {httpGet: {port: »0}}'),
    [/must be at least 1/],
  ],
  // Unknown fields and wrong types at every level
  [
    'unknown top-level field',
    `»metdata: {}\n${service('image: x')}`.replace('metadata:\n  name: svc', 'metadata: {name: svc}'),
    [/unknown field `metdata`; did you mean `metadata`/],
  ],
  [
    'unknown step field',
    service('image: x\ninitSteps:\n  - name: s\n    »comand: [x]'),
    [/unknown field `comand`; did you mean `command`/],
  ],
  ['unknown field without a near match', service('image: x\n»zzz: 1'), [/^unknown field `zzz`$/]],
  [
    'spec as a list',
    'apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: »[]\n',
    [/expected a map, got a list/],
  ],
  ['initSteps as a map', service('image: x\ninitSteps: »{name: s}'), [/expected a list, got a map/]],
  ['env as a number', service('image: x\nenv: »5'), [/expected a map or a list, got a number/]],
  ['command as a map', service('image: x\ncommand: »{a: b}'), [/expected a string or a list, got a map/]],
  ['command as an empty list', service('image: x\ncommand: »[]'), [/at least 1 item/]],
  [
    'privileged as a string',
    service('image: x\nsecurityContext: {privileged: »"yes"}'),
    [/expected true or false, got a string/],
  ],
  ['metadata.name as a number', service('image: x', '»42'), [/expected a string, got a number/]],
  [
    'workingDir relative in a container',
    service('image: x\nworkingDir: »app'),
    [/must be an absolute path in a container/],
  ],
  [
    'a key that is not a plain name',
    service('image: x\nenv: {»[a]: b}'),
    [/expected a plain name as a key, got a list/],
  ],
  ['duplicate keys', service('image: x\n»image: y'), [/duplicate key `image`/]],
  ['YAML syntax error', service('image: x\nenv: {a: »]'), [/./]],
  ['unknown alias', service('image: x\nenv: »*nope'), [/./]],
  [
    'merge keys',
    `x-base: &b {image: busybox, user: "1"}\n${service('<<: *b\nuser: "2"')}`.replace('x-base', '»x-base'),
    [/unknown field `x-base`/],
  ],
];

describe('spec rules', () => {
  it.each(rows)('%s', (_title, yaml, patterns, options) => {
    expectProblems(yaml, patterns, options);
  });

  it('reports every problem, not only the first', () => {
    const r = load(service('image: x\nreplicas: 0\nruntime: docker\nimagePullPolicy: always\nbogus: 1'));
    expect(r.ok ? [] : r.problems.map(show)).toHaveLength(4);
  });

  it('an anchor in the spec is reused by a step, and a merge under it is overridden', () => {
    const text = service(
      'image: x\nenv: &e {A: "1", B: "2"}\ninitSteps:\n  - name: s\n    env:\n      <<: *e\n      B: "3"',
    );
    const step = resolved(text).services[0]?.instances[0]?.steps[0];
    expect(
      step?.env.filter((e) => !e.name.startsWith('INITSTEPS_')).map((e) => `${e.name}=${e.value}`),
    ).toEqual(['A=1', 'B=3']);
  });

  it('merges through `<<` inside the spec', () => {
    const text = `apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec:\n  image: x\n  env:\n    <<: {A: "1", B: "2"}\n    B: "3"\n`;
    const env = resolved(text).services[0]?.template.env;
    expect(env?.map((e) => `${e.name}=${e.value}`)).toEqual(['B=3', 'A=1']);
  });
});

describe('the size of a project', () => {
  // The list at its key's indentation, the shortest YAML for many steps.
  const steps = (n: number): string =>
    `initSteps:\n${Array.from({ length: n }, (_, i) => `- name: s${i}`).join('\n')}`;

  it('refuses more than 10,000 step instances at the replicas of the service that crosses the cap', () => {
    expectProblems(service(`image: x\nreplicas: »100\n${steps(101)}`), [
      /service "svc": 101 init step\(s\) × 100 replica\(s\) = 10,100 step instances; a project may have at most 10,000 \(this one has 10,100 in all\)/,
    ]);
  });

  it('counts every service of every file, and points at the initSteps of a single replica', () => {
    expectProblems(
      [service(`image: x\nreplicas: 50\n${steps(100)}`, 'a'), service(`image: x\n»${steps(5001)}`, 'b')],
      [
        /service "b": 5,001 init step\(s\) × 1 replica\(s\) = 5,001 step instances; .* \(this one has 10,001 in all\)/,
      ],
    );
  });

  it('accepts exactly 10,000', () => {
    expect(load(service(`image: x\nreplicas: 100\n${steps(100)}`)).ok).toBe(true);
  });

  it('answers before building the model of 50,000 steps × 100 replicas', () => {
    const began = Date.now();
    const r = load(service(`image: x\nreplicas: 100\n${steps(50_000)}`));
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      expect.stringContaining('= 5,000,000 step instances'),
    ]);
    // Resolving 5 million steps takes minutes and gigabytes; the check alone, the parse of a 1 MB file.
    expect(Date.now() - began).toBeLessThan(15_000);
  }, 20_000);
});
