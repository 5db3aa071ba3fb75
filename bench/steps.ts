// Step benchmark (docs/benchmarks.md): N trivial steps (`true`, one instance) through the engine against
// the same N containers started by a `docker run --rm busybox true` loop, in the same run; plus the fixed
// start-up of a run (load the spec, connect, plan; no steps); and the bundle's start-up and size
// (bench/bundle.ts), measured on dist/ as `npm run bundle` left it.
// Usage: npm run bench [-- --steps N | --bundle-only]
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { down } from '../src/engine/down.js';
import type { RunEvent } from '../src/engine/types.js';
import { up } from '../src/engine/up.js';
import { freshFacts, planProject } from '../src/plan/plan.js';
import { connectDocker } from '../src/runtime/docker.js';
import { loadProject } from '../src/spec/index.js';
import { bundleLines, measureBundle } from './bundle.js';

const run = promisify(execFile);
const IMAGE = 'busybox:latest';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} takes a positive integer`);
  return value;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

const ms = (x: number): string => `${x.toFixed(0)} ms`;

function specText(steps: number): string {
  const lines = [
    'apiVersion: initsteps/v1',
    'kind: Service',
    'metadata: {name: bench}',
    'spec:',
    `  image: ${IMAGE}`,
    '  command: [sleep, "3600"]',
    '  initSteps:',
  ];
  for (let i = 0; i < steps; i++) lines.push(`    - {name: s${i}, command: ["true"], runIf: {type: always}}`);
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  // First, while no engine work competes for the machine.
  const bundle = bundleLines(await measureBundle(join(dirname(fileURLToPath(import.meta.url)), '..')));
  if (process.argv.includes('--bundle-only')) {
    for (const line of bundle.lines) console.log(line);
    if (bundle.missed) process.exitCode = 1;
    return;
  }
  const n = arg('steps', 30);
  const dir = mkdtempSync(join(tmpdir(), 'initsteps-bench-'));
  const file = join(dir, 'initsteps.yaml');
  writeFileSync(file, specText(n));
  // Markers and run state of the bench stay out of the user's state dir.
  process.env.INITSTEPS_STATE_DIR = join(dir, 'state');
  const projectName = `bench-steps-${process.pid}`;

  // Fixed start-up: what every run pays before its first step (as `initsteps up` does it: the engine
  // connection is made while the spec loads).
  const t0 = performance.now();
  const [loaded, runtime] = await Promise.all([
    loadProject({ files: [file], project: projectName }),
    connectDocker(),
  ]);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  planProject(loaded.project, freshFacts);
  const startupMs = performance.now() - t0;

  // Warm both paths once (image cache, sandbox image import, CLI binary in the page cache).
  await run('docker', ['run', '--rm', IMAGE, 'true']);
  const warm = await loadProject({ files: [file], project: `${projectName}-warm` });
  if (!warm.ok) throw new Error('spec did not load');
  const warmProject = {
    ...warm.project,
    services: warm.project.services.map((s) => ({
      ...s,
      instances: s.instances.map((i) => ({ ...i, steps: i.steps.slice(0, 1) })),
    })),
  };
  await up(runtime, { project: warmProject, observer: () => undefined });
  await down(runtime, { project: warmProject.name, volumes: true });

  // Engine: the time of each step, from the end of the previous one (or its own start) to its end.
  const ends: number[] = [];
  let firstStart = 0;
  const observer = (e: RunEvent) => {
    if (e.type === 'step-start' && firstStart === 0) firstStart = performance.now();
    if (e.type === 'step-end') ends.push(performance.now());
  };
  const e0 = performance.now();
  let report;
  try {
    report = await up(runtime, { project: loaded.project, observer });
  } finally {
    await down(runtime, { project: projectName, volumes: true });
  }
  const engineTotal = performance.now() - e0;
  const failed = report.steps.filter((s) => s.status !== 'Succeeded');
  if (failed.length > 0) throw new Error(`${failed.length} step(s) did not succeed`);
  const engineSteps = ends.map((t, i) => t - (i === 0 ? firstStart : (ends[i - 1] ?? t)));

  // The Docker CLI loop.
  const cliSteps: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = performance.now();
    await run('docker', ['run', '--rm', IMAGE, 'true']);
    cliSteps.push(performance.now() - c0);
  }
  rmSync(dir, { recursive: true, force: true });

  const engineMedian = median(engineSteps);
  const cliMedian = median(cliSteps);
  const ratio = engineMedian / cliMedian;
  console.log(`steps: ${n} × \`true\` (${IMAGE}), one instance`);
  console.log(
    `engine   median per step ${ms(engineMedian)}   (whole up, incl. sandbox and main: ${ms(engineTotal)})`,
  );
  console.log(`CLI loop median per step ${ms(cliMedian)}   (docker run --rm ${IMAGE} true)`);
  console.log(`ratio engine/CLI ${ratio.toFixed(2)}×   (target ≤ 0.90×) ${ratio <= 0.9 ? 'ok' : 'MISSED'}`);
  console.log(
    `fixed start-up (load spec, connect, plan) ${ms(startupMs)}   (target ≤ 300 ms) ${startupMs <= 300 ? 'ok' : 'MISSED'}`,
  );
  for (const line of bundle.lines) console.log(line);
  if (ratio > 0.9 || startupMs > 300 || bundle.missed) process.exitCode = 1;
}

await main();
