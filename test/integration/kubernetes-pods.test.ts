// Kubernetes pods on the real engine (docs/kubernetes.md#native-sidecars, #several-containers): a native
// sidecar starts between its init containers and stays; two containers share the pod; `down` removes the
// containers before the sidecar; a Job completes with its sidecars running, which then stop in reverse
// order. The order is what the containers append to a shared emptyDir, and what Docker's events say.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { down } from '../../src/engine/down.js';
import { LABEL } from '../../src/engine/labels.js';
import type { RunReport } from '../../src/engine/types.js';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { loadFromText } from '../../src/spec/index.js';
import type { ResolvedProject } from '../../src/spec/model.js';
import { connect, projectsRemovedAfterAll, recorder } from '../support/engine.js';

let runtime: ContainerRuntime;
beforeAll(async () => {
  runtime = await connect();
});
const newProjectName = projectsRemovedAfterAll(() => runtime);

function load(name: string, yaml: string): ResolvedProject {
  const r = loadFromText([{ file: '/spec/pod.yaml', text: yaml }], {
    workspace: '/spec',
    env: {},
    project: name,
  });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.project;
}

const runUp = async (p: ResolvedProject): Promise<RunReport> =>
  up(runtime, { project: p, observer: recorder().observer, backoffBaseMs: 50, killGraceMs: 2000 });

/** Appends `word` to the shared log; a sidecar's loop also appends `stop-<word>` on SIGTERM. */
const note = (word: string) => `echo ${word} >> /shared/log`;
const sidecarLoop = (word: string) =>
  `trap '${note(`stop-${word}`)}; exit 0' TERM; ${note(word)}; touch /shared/${word}-up; while true; do sleep 0.1; done`;

/** The pod's shared emptyDir, read with a throwaway container. */
async function sharedLog(project: string): Promise<string[]> {
  const [volume] = await runtime.listVolumes({ [LABEL.project]: project, [LABEL.volume]: 'shared' });
  if (!volume) throw new Error(`no shared volume in ${project}`);
  const out = execFileSync('docker', [
    'run',
    '--rm',
    '-v',
    `${volume.name}:/shared:ro`,
    'busybox:latest',
    'cat',
    '/shared/log',
  ]);
  return out.toString().trim().split('\n');
}

const pod = (kind: 'Pod' | 'Job', body: string) =>
  kind === 'Pod'
    ? `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n${body}`
    : `apiVersion: batch/v1\nkind: Job\nmetadata: {name: web}\nspec:\n  backoffLimit: 0\n  template:\n    spec:\n      restartPolicy: Never\n${body.replace(/^/gm, '    ')}`;

describe('a pod with a native sidecar and two containers', () => {
  it('starts init1, the sidecar, init2, then both containers; `down` removes the containers before the sidecar', async () => {
    const name = newProjectName('k8s-pod');
    const p = load(
      name,
      pod(
        'Pod',
        `  initContainers:
    - {name: init1, image: busybox:latest, command: [sh, -c, '${note('init1')}'], volumeMounts: [{name: shared, mountPath: /shared}]}
    - name: proxy
      image: busybox:latest
      restartPolicy: Always
      command: [sh, -c, "${sidecarLoop('proxy')}"]
      startupProbe: {exec: {command: [test, -f, /shared/proxy-up]}, periodSeconds: 1, failureThreshold: 10}
      volumeMounts: [{name: shared, mountPath: /shared}]
    - {name: init2, image: busybox:latest, command: [sh, -c, 'test -f /shared/proxy-up && ${note('init2')}'], volumeMounts: [{name: shared, mountPath: /shared}]}
  containers:
    - {name: app, image: busybox:latest, command: [sh, -c, '${note('app')}; exec sleep 3600'], volumeMounts: [{name: shared, mountPath: /shared}]}
    - name: helper
      image: busybox:latest
      command: [sh, -c, '${note('helper')}; exec sleep 3600']
      readinessProbe: {exec: {command: [grep, -q, helper, /shared/log]}, periodSeconds: 1}
      volumeMounts: [{name: shared, mountPath: /shared}]
  volumes: [{name: shared, emptyDir: {}}]
`,
      ),
    );
    const report = await runUp(p);
    expect(report.services.map((s) => s.status)).toEqual(['Running']);
    expect(report.steps.map((s) => `${s.step}: ${s.status}`)).toEqual([
      'init1: Succeeded',
      'proxy: Started',
      'init2: Succeeded',
    ]);
    const log = await sharedLog(name);
    expect(log.slice(0, 3)).toEqual(['init1', 'proxy', 'init2']);
    expect(log.slice(3).sort()).toEqual(['app', 'helper']);

    const since = (Date.now() / 1000).toFixed(3);
    const result = await down(runtime, { project: name, volumes: true });
    expect(result.warnings).toEqual([]);
    const until = (Date.now() / 1000 + 1).toFixed(3);
    const destroyed = execFileSync('docker', [
      'events',
      '--since',
      since,
      '--until',
      until,
      '--filter',
      `label=${LABEL.project}=${name}`,
      '--filter',
      'event=destroy',
      '--format',
      '{{.Actor.Attributes.name}}',
    ])
      .toString()
      .trim()
      .split('\n');
    const prefix = `initsteps_${name}_web-0`;
    // The pod's containers (in any order), then its sidecar, then its sandbox; the lock is down's own.
    const pods = destroyed.filter((n) => n.startsWith(prefix));
    expect(pods.slice(0, 2).sort()).toEqual([prefix, `${prefix}.helper`]);
    expect(pods.slice(2)).toEqual([`${prefix}.proxy`, `${prefix}_sandbox`]);
    expect(await runtime.listContainers({ [LABEL.project]: name })).toEqual([]);
  });
});

describe('a Job with native sidecars', () => {
  it('completes while they run; then they stop, the last started first; nothing stays running', async () => {
    const name = newProjectName('k8s-job');
    const p = load(
      name,
      pod(
        'Job',
        `  initContainers:
    - {name: first, image: busybox:latest, restartPolicy: Always, command: [sh, -c, "${sidecarLoop('first')}"], volumeMounts: [{name: shared, mountPath: /shared}]}
    - {name: init, image: busybox:latest, command: [sh, -c, '${note('init')}'], volumeMounts: [{name: shared, mountPath: /shared}]}
    - {name: second, image: busybox:latest, restartPolicy: Always, command: [sh, -c, "${sidecarLoop('second')}"], volumeMounts: [{name: shared, mountPath: /shared}]}
  containers:
    - {name: job, image: busybox:latest, command: [sh, -c, 'sleep 0.3; ${note('job')}'], volumeMounts: [{name: shared, mountPath: /shared}]}
  volumes: [{name: shared, emptyDir: {}}]
`,
      ),
    );
    const report = await runUp(p);
    expect(report.jobs.map((j) => j.status)).toEqual(['Succeeded']);
    expect(await sharedLog(name)).toEqual(['first', 'init', 'second', 'job', 'stop-second', 'stop-first']);
    // Only the job's volume stays (until `down`); no container of it.
    expect(await runtime.listContainers({ [LABEL.project]: name, [LABEL.instance]: 'web-0' })).toEqual([]);
  });
});
