// Startup and liveness probes on the real engine, from Kubernetes manifests (docs/kubernetes.md#probes):
// a failing liveness probe restarts the main container in its sandbox (its emptyDir and published port
// stay), a startup probe holds the readiness probe back, and nothing is left once the project is down.
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL } from '../../src/engine/labels.js';
import type { RunReport } from '../../src/engine/types.js';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { loadFromText } from '../../src/spec/index.js';
import { connect, projectsRemovedAfterAll, recorder, removeProject } from '../support/engine.js';

let runtime: ContainerRuntime;
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'initsteps-probes-')));
beforeAll(async () => {
  runtime = await connect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const newProject = projectsRemovedAfterAll(() => runtime);

/** A Pod of busybox whose container runs `script` (sh -c) with `probes` beside it, an emptyDir on /state. */
const pod = (name: string, script: string, probes: string): string => `
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  volumes: [{name: state, emptyDir: {}}]
  containers:
    - name: main
      image: busybox:latest
      command: [sh, -c, '${script}']
      ports: [{containerPort: 8080}]
      volumeMounts: [{name: state, mountPath: /state}]
${probes
  .trim()
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
`;

/** Counts its starts on the emptyDir, then waits for SIGTERM (the restart's stop signal). */
const COUNTING = 'echo start >> /state/starts; trap "exit 0" TERM; while true; do sleep 0.1; done';
const STARTED_TWICE = '[sh, -c, "test $(wc -l < /state/starts) -ge 2"]';

async function runPod(
  tag: string,
  yaml: string,
): Promise<{ report: RunReport; warnings: string[]; main: string; project: string }> {
  const project = newProject(tag);
  const loaded = loadFromText([{ file: join(dir, `${tag}.yaml`), text: yaml }], {
    workspace: dir,
    project,
    env: {},
  });
  if (!loaded.ok) expect.fail(JSON.stringify(loaded.problems));
  const rec = recorder();
  const report = await up(runtime, { project: loaded.project, observer: rec.observer, backoffBaseMs: 10 });
  const [main] = await runtime.listContainers({ [LABEL.project]: project, [LABEL.role]: 'main' });
  return {
    report,
    warnings: rec.events.flatMap((e) => (e.type === 'warning' ? [e.message] : [])),
    main: main?.id ?? '',
    project,
  };
}

describe('probes on the real engine', () => {
  it('a failing liveness probe restarts the container in its sandbox: the emptyDir and the published port stay', async () => {
    const { report, warnings, main, project } = await runPod(
      'live',
      pod(
        'api',
        COUNTING,
        `
livenessProbe: {exec: {command: ${STARTED_TWICE}}, periodSeconds: 1, failureThreshold: 1}
readinessProbe: {exec: {command: ${STARTED_TWICE}}, periodSeconds: 1, failureThreshold: 30}`,
      ),
    );
    expect(report.services.map((s) => `${s.name}: ${s.status}`)).toEqual(['api: Running']);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^api-0: liveness probe failed 1 times: .*; restarting its main container \(restart 1\)$/,
      ),
    ]);
    // Started exactly twice, on the same emptyDir.
    expect(await runtime.exec(main, ['sh', '-c', 'test $(wc -l < /state/starts) -eq 2'])).toBe(0);
    const published = report.services[0]?.instances[0]?.ports[0]?.hostPort;
    const sandbox = await runtime.listContainers({ [LABEL.instance]: 'api-0', [LABEL.role]: 'sandbox' });
    expect(sandbox.flatMap((c) => c.ports.map((p) => p.hostPort))).toContain(published);
    // Nothing is left once the project is down (the restarts created nothing of their own).
    await removeProject(runtime, project);
    expect(await runtime.listContainers({ [LABEL.project]: project })).toEqual([]);
    expect(await runtime.listVolumes({ [LABEL.project]: project })).toEqual([]);
  });

  it('a startup probe holds readiness back until it passed; failing under Never, the pod fails to start', async () => {
    const { report, main } = await runPod(
      'startup',
      pod(
        'slow',
        'sleep 1; touch /state/started; exec sleep 3600',
        `
startupProbe: {exec: {command: [test, -f, /state/started]}, periodSeconds: 1, failureThreshold: 10}
readinessProbe: {exec: {command: [sh, -c, "test -f /state/started || touch /state/early"]}, periodSeconds: 1}`,
      ),
    );
    expect(report.services.map((s) => `${s.name}: ${s.status}`)).toEqual(['slow: Running']);
    expect(await runtime.exec(main, ['test', '!', '-f', '/state/early'])).toBe(0);

    const never = await runPod(
      'never',
      pod(
        'stuck',
        COUNTING,
        'startupProbe: {exec: {command: [false]}, periodSeconds: 1, failureThreshold: 1}',
      ).replace('spec:\n', 'spec:\n  restartPolicy: Never\n'),
    );
    expect(never.report.services[0]).toMatchObject({ status: 'Failed', reason: 'StartFailed' });
    expect(never.report.services[0]?.instances[0]?.message).toMatch(
      /^startup probe failed 1 times .*\(restartPolicy Never\)$/,
    );
    expect(await runtime.exec(never.main, ['sh', '-c', 'test $(wc -l < /state/starts) -eq 1'])).toBe(0);
  });
});
