// `npm run bench:k8s`: what the Kubernetes front end costs at run time (docs/benchmarks.md). examples/kubernetes
// (a PostgreSQL StatefulSet, a Deployment of 2 with init containers, a migration Job, their Services, ConfigMaps
// and Secret) from nothing to every pod ready and the Job done, against the same workload written as native
// initsteps/v1 documents (bench/k8s/initsteps.yaml). Before timing, checks that the two are the same workload:
// the resolved projects (images, commands, users, env names, mounts, probes, attempts, replicas, native sidecars
// and their place, order) and `initsteps plan` agree, and the ConfigMaps hold the files the native spec mounts.
// Each run is `up` of its own project (spec loaded inside the timer, fresh volumes, images present), checked
// (every service Running, the Job Succeeded, the rendered config, the sidecar's page and the migrated row read
// back), then stopped; runs alternate between the two (the order swapped every round) so the machine's load
// hits both alike. BENCH_RUNS runs each (default 5) after one warm-up of each; medians. Exits 1 when a run
// does not bring everything up or the Kubernetes runs take more than 1.1× the native ones (median of the
// per-round ratios).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { down } from '../src/engine/down.js';
import type { RunEvent, RunReport } from '../src/engine/types.js';
import { up } from '../src/engine/up.js';
import { freshFacts, planProject } from '../src/plan/plan.js';
import { connectDocker } from '../src/runtime/docker.js';
import { loadProject } from '../src/spec/index.js';
import type { ContainerSpec, ResolvedProject, VolumeMount } from '../src/spec/model.js';
import { median } from './median.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = 1.1;
/**
 * File creation is slow on this machine's journal-less ext4 for a minute after files are deleted (docs/benchmarks.md,
 * "A trap on this machine"): the bench deletes no volume between runs, and waits this long once before them.
 */
const SETTLE_MS = 65_000;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KUBERNETES = ['app.yaml', 'database.yaml', 'migrate.yaml'].map((f) =>
  join(root, 'examples/kubernetes', f),
);
const NATIVE = [join(root, 'bench/k8s/initsteps.yaml')];
/** The native name of a Kubernetes workload, where they differ: the database's service is its Service's name. */
const NATIVE_NAME: Record<string, string> = { db: 'postgres' };
const rename = (name: string): string => NATIVE_NAME[name] ?? name;
const renameInstance = (instance: string): string => {
  const dash = instance.lastIndexOf('-');
  return `${rename(instance.slice(0, dash))}${instance.slice(dash)}`;
};
/** init steps that run on a fresh project: db's permissions and initdb, wait-for-db and render-config on 2 pods. */
const STEPS_RUN = 6;

execFileSync('bash', ['scripts/ensure-docker.sh'], { stdio: 'inherit', cwd: root });
execFileSync('bash', ['scripts/build-images.sh', 'all'], { stdio: 'inherit', cwd: root });

const work = mkdtempSync(join(tmpdir(), 'initsteps-bench-k8s-'));
process.env.INITSTEPS_STATE_DIR = join(work, 'state');
const prefix = `bench-k8s-${randomBytes(3).toString('hex')}`;
const runtime = await connectDocker();
const projects = new Set<string>();

async function load(files: string[], project: string, env: Record<string, string | undefined>) {
  const loaded = await loadProject({ files, project, workspace: root, env });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.project;
}

// --- The same workload? ---

const SOURCE_KIND = { claim: 'claim', emptyDir: 'emptyDir', files: 'files', hostPath: 'files' } as const;
/** A mount as both specs can state it: a ConfigMap volume is files beside the native spec (a hostPath). */
const mount = (v: VolumeMount): string =>
  `${v.mountPath} ${SOURCE_KIND[v.source.kind]}${v.source.kind === 'claim' ? ` ${v.source.capacityBytes}` : ''}`;

/**
 * What a container runs. The Services' variables are left out (the native ones come at run time, from
 * dependencies) and env values too (`$(INITSTEPS_INSTANCE)` against a Kubernetes field's value): the
 * rendered config, checked after every run, shows they agree. No user is the image's, root here.
 */
const container = (c: ContainerSpec, mounts: string[] = c.volumes.map(mount)) => ({
  image: c.image,
  command: c.command,
  args: c.args,
  user: c.user ?? '0',
  workingDir: c.workingDir,
  securityContext: c.securityContext,
  resources: c.resources,
  env: c.env
    .filter((e) => !/_SERVICE_(HOST|PORT)/.test(e.name) && !e.name.startsWith('INITSTEPS_'))
    .map((e) => `${e.name}${e.secret ? ' (secret)' : ''}`)
    .sort(),
  mounts: mounts.sort(),
});

/**
 * The workload of a project, by native name. `mainMounts`: a native main container mounts every volume of
 * its service, so it is compared on the mounts the Kubernetes one has.
 */
function workload(
  p: ResolvedProject,
  names: (n: string) => string,
  mainMounts?: (service: string) => string[],
) {
  return Object.fromEntries(
    p.services.map((s) => [
      names(s.name),
      {
        job: s.job && { ...s.job, pos: undefined },
        replicas: s.replicas,
        podManagementPolicy: s.job ? undefined : s.podManagementPolicy,
        pullPolicy: s.pullPolicy,
        ports: s.ports,
        dependsOn: s.dependsOn.map(names).sort(),
        readinessProbe: s.readinessProbe,
        instances: s.instances.map((i) => ({
          steps: i.steps.map((st) => ({
            name: st.name,
            runIf: st.runIf,
            attempts: st.attempts,
            timeoutMs: st.timeoutMs,
            restartPolicy: st.restartPolicy,
            pullPolicy: st.pullPolicy,
            ...container(st),
          })),
          // A sidecar's ports are the pod's (`ports` above); its place is `afterSteps`.
          sidecars: (i.sidecars ?? []).map((c) => ({
            name: c.name,
            afterSteps: c.afterSteps,
            pullPolicy: c.pullPolicy,
            startupProbe: c.startupProbe,
            ...container(c),
          })),
          main: container(
            i.main,
            i.main.volumes.map(mount).filter((m) => !mainMounts || mainMounts(names(s.name)).includes(m)),
          ),
        })),
      },
    ]),
  );
}

/** Every ConfigMap file of a Kubernetes mount, as the file at the same path under the native hostPath. */
function sameFiles(kube: ResolvedProject, native: ResolvedProject): string[] {
  const problems: string[] = [];
  const hostPaths = new Map<string, string>();
  for (const s of native.services) {
    for (const v of s.instances[0]?.main.volumes ?? []) {
      if (v.source.kind === 'hostPath') hostPaths.set(`${s.name} ${v.mountPath}`, v.source.path);
    }
  }
  for (const s of kube.services) {
    const i = s.instances[0];
    for (const v of [...(i?.main.volumes ?? []), ...(i?.steps.flatMap((st) => st.volumes) ?? [])]) {
      if (v.source.kind !== 'files') continue;
      const dir = hostPaths.get(`${rename(s.name)} ${v.mountPath}`);
      if (!dir) {
        problems.push(`${s.name} ${v.mountPath}: no hostPath there in the native spec`);
        continue;
      }
      const want = v.source.files.map((f) => f.path).sort();
      const have = readdirSync(dir).sort();
      if (!isDeepStrictEqual(want, have))
        problems.push(`${dir}: ${have.join(', ')}; the ConfigMap: ${want.join(', ')}`);
      for (const f of v.source.files) {
        const text = readFileSync(join(dir, f.path)).toString('base64');
        if (have.includes(f.path) && text !== f.contentBase64)
          problems.push(`${dir}/${f.path} differs from the ConfigMap`);
      }
    }
  }
  return problems;
}

/** Where two values differ, as `path: kubernetes ≠ native` lines. */
function differences(k: unknown, n: unknown, path: string): string[] {
  if (isDeepStrictEqual(k, n)) return [];
  if (typeof k === 'object' && typeof n === 'object' && k !== null && n !== null) {
    const keys = new Set([...Object.keys(k), ...Object.keys(n)]);
    return [...keys].flatMap((key) =>
      differences((k as Record<string, unknown>)[key], (n as Record<string, unknown>)[key], `${path}.${key}`),
    );
  }
  return [`${path.slice(1)}: kubernetes ${JSON.stringify(k)} ≠ native ${JSON.stringify(n)}`];
}

async function sameWorkload(): Promise<Record<string, string>> {
  const kube = await load(KUBERNETES, `${prefix}-check`, process.env);
  // The Secret's value reaches the native Job through the run's environment.
  const password = kube.services.flatMap((s) => s.instances[0]?.main.env ?? []).find((e) => e.secret)?.value;
  const env = { ...process.env, INITSTEPS_BENCH_PGPASSWORD: password };
  const native = await load(NATIVE, `${prefix}-check`, env);
  const k = workload(kube, rename);
  const mainMounts = (service: string) =>
    kube.services.find((s) => rename(s.name) === service)?.instances[0]?.main.volumes.map(mount) ?? [];
  const n = workload(native, (x) => x, mainMounts);
  const problems = sameFiles(kube, native);
  problems.push(...differences(k, n, ''));
  if (!isDeepStrictEqual(Object.keys(k), Object.keys(n)))
    problems.push(`order: ${Object.keys(k)} against ${Object.keys(n)}`);
  const plan = (p: ResolvedProject, names: (n: string) => string, instances: (n: string) => string) =>
    planProject(p, freshFacts).map(
      (e) => `${names(e.service)} ${instances(e.instance)} ${e.step}: ${e.action} (${e.reason})`,
    );
  const kubePlan = plan(kube, rename, renameInstance);
  const nativePlan = plan(
    native,
    (x) => x,
    (x) => x,
  );
  if (!isDeepStrictEqual(kubePlan, nativePlan)) {
    problems.push(`initsteps plan:\n  ${kubePlan.join('\n  ')}\nagainst\n  ${nativePlan.join('\n  ')}`);
  }
  if (problems.length > 0)
    throw new Error(`bench/k8s/initsteps.yaml is not examples/kubernetes:\n${problems.join('\n')}`);
  console.log(
    `same workload: ${Object.keys(n).join(', ')}; initsteps plan: ${nativePlan.length} steps alike`,
  );
  return env as Record<string, string>;
}

// --- The runs ---

interface Series {
  label: string;
  tag: string;
  files: string[];
  /** Kubernetes name → this series' name. */
  names: (n: string) => string;
  seconds: number[];
  loadMs: number[];
}

/** What a run must have brought up, read back from the runner's side (the published ports). */
async function check(series: Series, report: RunReport, warnings: string[]): Promise<void> {
  const problems: string[] = [...warnings.map((w) => `warning: ${w}`)];
  for (const s of report.services)
    if (s.status !== 'Running') problems.push(`${s.name}: ${s.status} ${s.message ?? ''}`);
  for (const j of report.jobs)
    if (j.status !== 'Succeeded') problems.push(`job ${j.name}: ${j.status} ${j.message ?? ''}`);
  const ran = report.steps.filter((s) => s.status === 'Succeeded').length;
  if (ran !== STEPS_RUN) problems.push(`${ran} init steps succeeded, not ${STEPS_RUN}`);
  const port = (instance: string, containerPort: number) =>
    report.services
      .flatMap((s) => s.instances)
      .find((i) => i.name === instance)
      ?.ports.find((p) => p.containerPort === containerPort)?.hostPort;
  for (const n of [0, 1]) {
    const web = await fetch(`http://127.0.0.1:${port(`web-${n}`, 8080)}/config.txt`).then((r) => r.text());
    const want = `greeting=hello\npod=web-${n}\ndatabase=postgres://postgres:5432/app\n`;
    if (web !== want) problems.push(`web-${n} serves ${JSON.stringify(web)}`);
    // The native sidecar is still running beside the main.
    const status = await fetch(`http://127.0.0.1:${port(`web-${n}`, 9090)}/`).then((r) => r.text());
    if (status !== `pod web-${n}\n`) problems.push(`web-${n}'s sidecar serves ${JSON.stringify(status)}`);
  }
  const db = new pg.Client({
    host: '127.0.0.1',
    port: port(`${series.names('db')}-0`, 5432),
    user: 'postgres',
    database: 'app',
  });
  await db.connect();
  try {
    const rows = (await db.query<{ body: string }>('SELECT body FROM messages')).rows.map((r) => r.body);
    if (!isDeepStrictEqual(rows, ['hello from a Kubernetes Job']))
      problems.push(`messages: ${JSON.stringify(rows)}`);
  } finally {
    await db.end();
  }
  if (problems.length > 0) throw new Error(`${series.label}, ${report.project}:\n${problems.join('\n')}`);
}

/** One `up` of a run: its seconds, and when the database, the web pods and the Job got there. */
interface Timed {
  seconds: number;
  phases: string;
}

/** One `up` of a new project, spec loaded inside the timer; checked, then stopped (its volumes kept). */
async function timedRun(series: Series, n: number, env: Record<string, string>): Promise<Timed> {
  const name = `${prefix}-${series.tag}${n}`;
  projects.add(name);
  const warnings: string[] = [];
  const at: Record<string, number> = {};
  const observer = (e: RunEvent): void => {
    if (e.type === 'warning') warnings.push(e.message);
    const phase =
      e.type === 'service-status' && e.status === 'Running' && !e.instance
        ? `${e.service === series.names('db') ? 'db' : e.service} ready`
        : e.type === 'job-end'
          ? `${e.result.name} done`
          : undefined;
    if (phase) at[phase] = performance.now();
  };
  const began = performance.now();
  const project = await load(series.files, name, env);
  const loaded = performance.now();
  const report = await up(runtime, { project, observer });
  const seconds = (performance.now() - began) / 1000;
  await check(series, report, warnings);
  await down(runtime, { project: name, volumes: false });
  series.loadMs.push(loaded - began);
  const phases = Object.entries(at)
    .map(([phase, t]) => `${phase} ${((t - began) / 1000).toFixed(2)}`)
    .join(', ');
  return { seconds, phases };
}

let failed = false;
try {
  const env = await sameWorkload();
  const kube: Series = {
    label: 'Kubernetes manifests',
    tag: 'k',
    files: KUBERNETES,
    names: (x) => x,
    seconds: [],
    loadMs: [],
  };
  const native: Series = {
    label: 'native spec',
    tag: 'n',
    files: NATIVE,
    names: rename,
    seconds: [],
    loadMs: [],
  };
  execFileSync('sync');
  console.log(`(waiting ${SETTLE_MS / 1000} s: files deleted just before make file creation slow here)`);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  for (let round = 0; round <= RUNS; round++) {
    const order = round % 2 ? [native, kube] : [kube, native];
    const times = new Map<Series, Timed>();
    for (const s of order) times.set(s, await timedRun(s, round, env));
    const k = times.get(kube) ?? { seconds: 0, phases: '' };
    const n = times.get(native) ?? { seconds: 0, phases: '' };
    const line = `kubernetes ${k.seconds.toFixed(2)} s (${k.phases}), native ${n.seconds.toFixed(2)} s (${n.phases})`;
    if (round === 0) {
      console.log(`warm-up: ${line}`);
      kube.loadMs.length = native.loadMs.length = 0;
      continue;
    }
    kube.seconds.push(k.seconds);
    native.seconds.push(n.seconds);
    console.log(`run ${round}: ${line}: ${(k.seconds / n.seconds).toFixed(2)}×`);
  }
  const ratio = median(kube.seconds.map((k, i) => k / (native.seconds[i] as number)));
  console.log(
    `\n${RUNS} runs each, medians, from \`up\` to every pod ready and the Job done (spec loaded inside):`,
  );
  for (const s of [kube, native]) {
    console.log(
      `${s.label.padEnd(21)} ${median(s.seconds).toFixed(2)} s (${Math.min(...s.seconds).toFixed(2)}–${Math.max(...s.seconds).toFixed(2)}), loading the spec ${median(s.loadMs).toFixed(0)} ms`,
    );
  }
  const met = ratio <= TARGET;
  console.log(
    `kubernetes / native:  ${ratio.toFixed(2)}× (median of the rounds' ratios; target ≤ ${TARGET}×): ${met ? 'met' : 'MISSED'}`,
  );
  if (!met) failed = true;
} catch (e: unknown) {
  failed = true;
  console.error(e);
} finally {
  for (const name of projects) await down(runtime, { project: name, volumes: true });
  rmSync(work, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
