// `npm run bench:start`: how long a project takes from `up` to every service ready when the engine has
// none of its images, against the equivalent docker-compose 1.29 project (docs/benchmarks.md).
// Project: four independent services (each its own image from a local registry, one init step of 1 s, a
// readiness check) and a fifth that depends on two of them. Both tools pull from the same registry
// (Debian's docker-registry on 127.0.0.1); before every run the five images are removed from the engine.
// Runs alternate (initsteps, compose, initsteps, ...), BENCH_RUNS each (default 5); medians are printed.
// Also prints the critical path of each initsteps run: the longest chain of pull, init steps and readiness
// through the dependency graph, from the run's own events. Exits 1 when initsteps is above 0.8× compose
// or 1.3× its critical path. BENCH_PAYLOAD_MB sets each image's size (default 20).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { down } from '../src/engine/down.js';
import type { RunEvent } from '../src/engine/types.js';
import { up } from '../src/engine/up.js';
import { connectDocker } from '../src/runtime/docker.js';
import { loadProject } from '../src/spec/index.js';
import { pushTestImage, removeImage, startRegistry, type PushedImage } from '../test/support/registry.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAYLOAD = Number(process.env.BENCH_PAYLOAD_MB ?? 20) * 1_000_000;
/** Compose healthchecks run every this often (initsteps' probe: periodSeconds 1, first checks sooner). */
const COMPOSE_INTERVAL = process.env.BENCH_COMPOSE_INTERVAL ?? '1s';
const TARGET_VS_COMPOSE = 0.8;
const TARGET_VS_CRITICAL = 1.3;
const INDEPENDENT = ['s1', 's2', 's3', 's4'];
const DEPENDENT = { name: 'app', dependsOn: ['s1', 's2'] };
const SERVICES = [...INDEPENDENT, DEPENDENT.name];

execFileSync('bash', ['scripts/ensure-docker.sh'], { stdio: 'inherit' });
execFileSync('bash', ['scripts/build-images.sh', 'busybox'], { stdio: 'inherit' });
execFileSync('bash', ['scripts/ensure-registry.sh', 'compose'], { stdio: 'inherit' });

const work = mkdtempSync(join(tmpdir(), 'initsteps-bench-start-'));
process.env.INITSTEPS_STATE_DIR = join(work, 'state');
const prefix = `bench-start-${randomBytes(3).toString('hex')}`;
const registry = await startRegistry({ dir: join(work, 'registry') });
const runtime = await connectDocker();

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: 'pipe' });

const images: Record<string, PushedImage> = {};
let specFile = '';
let composeFile = '';

function writeProjects(): void {
  const readyCmd = `["sh", "-c", "touch /tmp/ready; exec sleep 3600"]`;
  specFile = join(work, 'initsteps.yaml');
  writeFileSync(
    specFile,
    SERVICES.map((name) => {
      const deps = name === DEPENDENT.name ? `  dependsOn: [${DEPENDENT.dependsOn.join(', ')}]\n` : '';
      return (
        `apiVersion: initsteps/v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n` +
        `  image: ${images[name]?.ref}\n  command: ${readyCmd}\n${deps}` +
        `  readinessProbe:\n    exec:\n      command: [test, -f, /tmp/ready]\n    periodSeconds: 1\n` +
        `  initSteps:\n    - name: init\n      command: [sleep, "1"]\n      runIf: {type: always}\n`
      );
    }).join('---\n'),
  );
  // Compose: the step as a one-shot service the main one waits for (service_completed_successfully), the
  // probe as a healthcheck, the dependency as service_healthy on the init of the dependent.
  composeFile = join(work, 'docker-compose.yml');
  const lines = ['services:'];
  for (const name of SERVICES) {
    const image = images[name]?.ref;
    lines.push(`  ${name}-init:`, `    image: ${image}`, '    command: [sleep, "1"]');
    if (name === DEPENDENT.name) {
      lines.push('    depends_on:');
      for (const d of DEPENDENT.dependsOn) lines.push(`      ${d}:`, '        condition: service_healthy');
    }
    lines.push(
      `  ${name}:`,
      `    image: ${image}`,
      `    command: ${readyCmd}`,
      '    depends_on:',
      `      ${name}-init:`,
      '        condition: service_completed_successfully',
      '    healthcheck:',
      '      test: [CMD, test, -f, /tmp/ready]',
      `      interval: ${COMPOSE_INTERVAL}`,
      '      timeout: 1s',
      '      retries: 3',
    );
  }
  writeFileSync(composeFile, `${lines.join('\n')}\n`);
}

function removeImages(): void {
  for (const image of Object.values(images)) removeImage(image.id);
}

interface InitstepsRun {
  seconds: number;
  critical: number;
}

/** The longest chain of pull, steps and readiness through the graph, from the run's events (seconds). */
function criticalPath(events: { at: number; e: RunEvent }[], began: number): number {
  const first = (pred: (e: RunEvent) => boolean): number => {
    const found = events.find((x) => pred(x.e));
    if (!found) throw new Error('an event is missing from the run');
    return found.at - began;
  };
  const pull = (name: string) =>
    first((e) => e.type === 'image-pull' && e.phase === 'done' && e.image === images[name]?.ref) -
    first((e) => e.type === 'image-pull' && e.phase === 'start' && e.image === images[name]?.ref);
  const step = (name: string) =>
    first((e) => e.type === 'step-end' && e.result.instance === `${name}-0`) -
    first((e) => e.type === 'step-start' && e.instance === `${name}-0`);
  const ready = (name: string) =>
    first((e) => e.type === 'service-status' && e.instance === `${name}-0` && e.status === 'Running') -
    first((e) => e.type === 'step-end' && e.result.instance === `${name}-0`);
  const chain = (name: string): number => {
    const deps = name === DEPENDENT.name ? DEPENDENT.dependsOn.map(chain) : [];
    return Math.max(pull(name), ...deps) + step(name) + ready(name);
  };
  return Math.max(...SERVICES.map(chain)) / 1000;
}

async function runInitsteps(i: number): Promise<InitstepsRun> {
  const name = `${prefix}-i${i}`;
  const loaded = await loadProject({ files: [specFile], project: name });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const events: { at: number; e: RunEvent }[] = [];
  const began = performance.now();
  const report = await up(runtime, {
    project: loaded.project,
    observer: (e) => events.push({ at: performance.now(), e }),
  });
  const seconds = (performance.now() - began) / 1000;
  if (report.services.some((s) => s.status !== 'Running')) {
    throw new Error(`initsteps run failed: ${JSON.stringify(report.services)}`);
  }
  const critical = criticalPath(events, began);
  await down(runtime, { project: name, volumes: true });
  return { seconds, critical };
}

async function runCompose(i: number): Promise<number> {
  const name = `${prefix}-c${i}`;
  const compose = (...args: string[]) => sh('docker-compose', ['-p', name, '-f', composeFile, ...args]);
  const began = performance.now();
  compose('up', '-d', '--quiet-pull');
  // `up -d` returns once the last container started: wait until every service's container is healthy.
  for (;;) {
    const healthy = sh('docker', [
      'ps',
      '-q',
      '--filter',
      `label=com.docker.compose.project=${name}`,
      '--filter',
      'health=healthy',
    ])
      .split('\n')
      .filter(Boolean).length;
    if (healthy === SERVICES.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - began) / 1000;
  compose('down', '--volumes', '--timeout', '1');
  return seconds;
}

try {
  for (const name of SERVICES) images[name] = pushTestImage(registry, `bench/${name}:1`, PAYLOAD);
  writeProjects();
  // One pull alone, for the figures: how long this registry takes to deliver one image.
  const alone: number[] = [];
  for (let i = 0; i < 3; i++) {
    removeImages();
    const began = performance.now();
    sh('docker', ['pull', '--quiet', images.s1?.ref ?? '']);
    alone.push((performance.now() - began) / 1000);
  }
  const ours: InitstepsRun[] = [];
  const theirs: number[] = [];
  // A warm-up of each, not counted.
  for (let i = 0; i <= RUNS; i++) {
    removeImages();
    const a = await runInitsteps(i);
    removeImages();
    const b = await runCompose(i);
    if (i === 0) {
      console.log(`warm-up: initsteps ${a.seconds.toFixed(2)} s, compose ${b.toFixed(2)} s`);
      continue;
    }
    ours.push(a);
    theirs.push(b);
    console.log(
      `run ${i}: initsteps ${a.seconds.toFixed(2)} s (critical path ${a.critical.toFixed(2)} s), compose ${b.toFixed(2)} s`,
    );
  }
  removeImages();
  const o = median(ours.map((r) => r.seconds));
  const c = median(theirs);
  const cp = median(ours.map((r) => r.critical));
  const vsCompose = median(ours.map((r, i) => r.seconds / (theirs[i] as number)));
  const vsCritical = median(ours.map((r) => r.seconds / r.critical));
  console.log(`\none ${PAYLOAD / 1e6} MB image pulled alone: median ${median(alone).toFixed(2)} s`);
  console.log(`initsteps up:          median ${o.toFixed(2)} s`);
  console.log(`docker-compose up:     median ${c.toFixed(2)} s (healthcheck interval ${COMPOSE_INTERVAL})`);
  console.log(`critical path:         median ${cp.toFixed(2)} s`);
  console.log(`initsteps / compose:   median ${vsCompose.toFixed(2)}× (target ≤ ${TARGET_VS_COMPOSE}×)`);
  console.log(`initsteps / critical:  median ${vsCritical.toFixed(2)}× (target ≤ ${TARGET_VS_CRITICAL}×)`);
  if (vsCompose > TARGET_VS_COMPOSE || vsCritical > TARGET_VS_CRITICAL) process.exitCode = 1;
} finally {
  removeImages();
  await registry.stop();
  rmSync(work, { recursive: true, force: true });
}
