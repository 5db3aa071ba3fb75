// The bundle's share of `npm run bench` (docs/benchmarks.md, "Start-up"): what a user waits for before
// anything happens, measured on dist/ as `npm run bundle` left it.
// - `initsteps validate` on a ten-line spec: wall time of the bundled CLI (bin/initsteps.js) under the
//   Node running the bench, spawn to exit.
// - the action's main step to its first log line: dist/main/index.js under Node 24 (action.yml `node24`)
//   with the environment the runner gives it (INPUT_* with action.yml's defaults, GITHUB_* files), spawn
//   to the first stdout line that is not a workflow command (`::debug::…` is hidden from the log). The
//   engine endpoint is a socket that does not exist, so the step fails right after that line and creates
//   nothing.
// - dist/ in bytes, files and directories, as `du -sb dist` counts them.
import { execFileSync, spawn } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { median } from './median.js';

export const TARGETS = { validateMs: 150, mainFirstLineMs: 200, distBytes: 8_000_000 };

export interface BundleFigures {
  /** Medians over `runs` runs, after one warm-up run each. */
  validateMs: number;
  mainFirstLineMs: number;
  mainFirstLine: string;
  distBytes: number;
  node: string;
  node24: string;
  runs: number;
}

const SPEC = `apiVersion: initsteps/v1
kind: Service
metadata: {name: db}
spec:
  image: busybox:latest
  command: [sleep, "3600"]
  initSteps:
    - name: migrate
      command: [sh, -c, "echo migrated"]
    - {name: seed, command: ["true"], runIf: {type: always}}
`;

/** Apparent size of a tree, directories included, as `du -sb` counts it. */
function treeBytes(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((n, name) => n + treeBytes(join(path, name)), stat.size);
}

/** Spawn to exit, in ms; rejects on a non-zero exit. */
function timeToExit(cmd: string, args: string[], cwd: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve(performance.now() - t0) : reject(new Error(`${cmd} ${args.join(' ')}: ${stderr}`)),
    ),
  );
}

/** Spawn to the first stdout line that is not a workflow command, in ms, and that line; waits for the exit. */
function timeToFirstLine(
  cmd: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ ms: number; line: string }> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let first: { ms: number; line: string } | undefined;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (first) return;
    const line = out
      .split('\n')
      .slice(0, -1)
      .find((l) => !l.startsWith('::'));
    if (line !== undefined) first = { ms: performance.now() - t0, line };
  });
  child.stderr.resume();
  return new Promise((resolve, reject) =>
    child.on('close', () =>
      first ? resolve(first) : reject(new Error(`no log line from ${args[0]}:\n${out}`)),
    ),
  );
}

/** The environment the runner gives the main step: inputs with action.yml's defaults, the runner's files. */
function runnerEnv(root: string, workspace: string): Record<string, string> {
  const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: workspace,
    GITHUB_WORKSPACE: workspace,
    GITHUB_RUN_ID: '1',
    RUNNER_TEMP: workspace,
    INITSTEPS_STATE_DIR: join(workspace, 'state'),
    DOCKER_HOST: `unix://${join(workspace, 'no-engine.sock')}`,
  };
  for (const [name, file] of [
    ['GITHUB_OUTPUT', 'output'],
    ['GITHUB_STATE', 'state-file'],
    ['GITHUB_STEP_SUMMARY', 'summary.md'],
  ] as const) {
    env[name] = join(workspace, file);
    writeFileSync(env[name], '');
  }
  for (const [name, input] of Object.entries(action.inputs)) {
    if (input.default !== undefined) env[`INPUT_${name.toUpperCase()}`] = input.default;
  }
  env.INPUT_SPEC = 'initsteps.yaml';
  return env;
}

export async function measureBundle(root: string, runs = 10): Promise<BundleFigures> {
  const node24 = execFileSync('bash', [join(root, 'scripts/ensure-node24.sh')], { encoding: 'utf8' }).trim();
  const workspace = mkdtempSync(join(tmpdir(), 'initsteps-bench-bundle-'));
  try {
    writeFileSync(join(workspace, 'initsteps.yaml'), SPEC);
    const cli = join(root, 'bin', 'initsteps.js');
    const validate: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const ms = await timeToExit(process.execPath, [cli, 'validate', 'initsteps.yaml'], workspace);
      if (i > 0) validate.push(ms);
    }
    const env = runnerEnv(root, workspace);
    const main: number[] = [];
    let mainFirstLine = '';
    for (let i = 0; i <= runs; i++) {
      const first = await timeToFirstLine(node24, [join(root, 'dist', 'main', 'index.js')], env, workspace);
      mainFirstLine = first.line;
      if (i > 0) main.push(first.ms);
    }
    return {
      validateMs: median(validate),
      mainFirstLineMs: median(main),
      mainFirstLine,
      distBytes: treeBytes(join(root, 'dist')),
      node: process.version,
      node24: execFileSync(node24, ['--version'], { encoding: 'utf8' }).trim(),
      runs,
    };
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

/** The figures as the bench prints them (whole milliseconds, compared as printed), and whether each met its target. */
export function bundleLines(f: BundleFigures): { lines: string[]; missed: boolean } {
  const validateMs = Math.round(f.validateMs);
  const mainMs = Math.round(f.mainFirstLineMs);
  const check = (value: number, target: number): string => (value <= target ? 'ok' : 'MISSED');
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
  return {
    lines: [
      `bundle start-up (medians of ${f.runs} runs):`,
      `  initsteps validate (ten-line spec, Node ${f.node}) ${validateMs} ms   (target ≤ ${TARGETS.validateMs} ms) ${check(validateMs, TARGETS.validateMs)}`,
      `  action main to first log line (Node ${f.node24}) ${mainMs} ms   (target ≤ ${TARGETS.mainFirstLineMs} ms) ${check(mainMs, TARGETS.mainFirstLineMs)}`,
      `    first line: ${f.mainFirstLine}`,
      `  dist/ ${mb(f.distBytes)} (${f.distBytes} bytes)   (target ≤ ${mb(TARGETS.distBytes)}) ${check(f.distBytes, TARGETS.distBytes)}`,
    ],
    missed:
      validateMs > TARGETS.validateMs || mainMs > TARGETS.mainFirstLineMs || f.distBytes > TARGETS.distBytes,
  };
}
