// `npm run bench:cache`: a PostgreSQL bootstrap (initdb, migrations, 100,000 + 300,000 rows; spec in
// bench/cache/initsteps.yaml) from fresh volumes to Running, cold (empty cache: the steps run and the
// snapshot is saved) vs warm (restored from the cache: the steps skip), through a cache directory and
// through the Actions cache protocol (a local cache service: @actions/cache's tar + zstd and HTTP).
// Every run starts like a hosted runner's: its own project, so no volumes and no markers, and no files
// deleted in the last minute (see SETTLE). Prints medians and warm/cold ratios; exits 1 when warm
// (Actions) is above 0.2× cold (no cache).
// Needs the local image postgres:15-bookworm (`bash scripts/build-images.sh postgres`). BENCH_RUNS=n.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ActionsCacheStore, DirCacheStore, type SnapshotStore } from '../src/cache/stores.js';
import { createVolumeCache } from '../src/cache/volume-cache.js';
import { down } from '../src/engine/down.js';
import type { RunEvent, RunReport } from '../src/engine/types.js';
import { up } from '../src/engine/up.js';
import { connectDocker } from '../src/runtime/docker.js';
import { loadProject } from '../src/spec/index.js';
import { CacheServer } from '../test/support/cache-server.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET = 0.2;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const specFile = join(root, 'bench', 'cache', 'initsteps.yaml');
const prefix = `bench-cache-${randomBytes(3).toString('hex')}`;
const stateDir = mkdtempSync(join(tmpdir(), 'initsteps-bench-state-'));
process.env.INITSTEPS_STATE_DIR = stateDir;
const INIT = ['permissions', 'initdb', 'migrate', 'seed'];
/**
 * Without a journal (this machine's ext4), the kernel will not reuse an inode freed in the last 60 s (300 s
 * while its inode table block is unwritten) and checks every such inode each time it allocates one: right
 * after `down --volumes` of a PostgreSQL volume, each file created cost ~0.5 ms more (perf: find_inode_bit
 * → recently_deleted), more than half a warm run. A hosted runner deletes nothing before it starts, so
 * runs never follow a deletion here: each timed run has its own project, and volumes are only removed in
 * bulk, followed by `sync` and this wait.
 */
const SETTLE_MS = 65_000;
const runtime = await connectDocker();
const projects: string[] = [];

async function projectNamed(name: string) {
  const loaded = await loadProject({ files: [specFile], project: name });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.project;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** One run of `name` from fresh volumes to Running; returns seconds, after checking what the steps did. */
async function timedRun(
  name: string,
  store: SnapshotStore | undefined,
  expect: 'Succeeded' | 'Skipped',
): Promise<number> {
  if (!projects.includes(name)) projects.push(name);
  const project = await projectNamed(name);
  const warnings: string[] = [];
  const observer = (e: RunEvent): void => {
    if (e.type === 'warning') warnings.push(e.message);
  };
  const cache = store && createVolumeCache({ store, observer, runtime });
  const began = performance.now();
  const report: RunReport = await up(runtime, { project, observer, cache });
  const seconds = (performance.now() - began) / 1000;
  const statuses = INIT.map((n) => report.steps.find((s) => s.step === n)?.status);
  if (report.services[0]?.status !== 'Running' || statuses.some((s) => s !== expect) || warnings.length > 0) {
    throw new Error(`unexpected run: ${JSON.stringify({ statuses, warnings, service: report.services[0] })}`);
  }
  return seconds;
}

/** Stop a run's services (an idle server left running would vacuum its new rows during the next runs). */
const stop = (name: string) => down(runtime, { project: name, volumes: false });

/** Remove the volumes of `names`, then let their deletion age (SETTLE_MS). */
async function removeAndSettle(names: string[]): Promise<void> {
  for (const name of names) await down(runtime, { project: name, volumes: true });
  execFileSync('sync');
  console.log(`(waiting ${SETTLE_MS / 1000} s: files deleted just now make file creation slow here)`);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
}

/** Prints the rows in the running database of `name` (a restored cluster starts and holds the seed). */
function printRows(name: string): void {
  const id = execFileSync(
    'docker',
    [
      'ps',
      '-q',
      '--filter',
      `label=dev.initsteps.project=${name}`,
      '--filter',
      'label=dev.initsteps.role=main',
    ],
    { encoding: 'utf8' },
  ).trim();
  const sql =
    "SELECT (SELECT count(*) FROM customers) || ' customers, ' || (SELECT count(*) FROM orders) || ' orders'";
  const rows = execFileSync(
    'docker',
    ['exec', id, 'psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'app', '-tAc', sql],
    { encoding: 'utf8' },
  ).trim();
  console.log(`restored database: ${rows}`);
}

/** RUNS timed runs, each on its own project `<prefix>-<tag><i>`, stopped once timed (the last one after `check`). */
async function series(
  label: string,
  tag: string,
  run: (project: string) => Promise<number>,
  check?: (project: string) => void,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const name = `${prefix}-${tag}${i}`;
    times.push(await run(name));
    console.log(`${label} #${i + 1}: ${times.at(-1)?.toFixed(2)} s`);
    if (check && i === RUNS - 1) check(name);
    await stop(name);
  }
  return times;
}

const temps: string[] = [];
const temp = (tag: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `initsteps-bench-${tag}-`));
  temps.push(dir);
  return dir;
};

const server = await new CacheServer().start();
try {
  // Whatever ran before the bench may have deleted files too.
  await removeAndSettle([]);
  const none = await series('cold, no cache', 'n', (p) => timedRun(p, undefined, 'Succeeded'));

  // Cold with the cache: no entry for a new project's key yet, so each run initializes and saves one.
  const cacheDir = temp('dir');
  const dir = () => new DirCacheStore(cacheDir);
  const coldDir = await series('cold, cache dir', 'd', (p) => timedRun(p, dir(), 'Succeeded'));
  await removeAndSettle(projects);
  const warmDir = await series('warm, cache dir', 'd', (p) => timedRun(p, dir(), 'Skipped'), printRows);

  Object.assign(process.env, server.env(temp('runner'), temp('ws')));
  const actions = () => new ActionsCacheStore();
  const coldActions = await series('cold, Actions cache', 'a', (p) => timedRun(p, actions(), 'Succeeded'));
  await removeAndSettle(projects);
  const warmActions = await series(
    'warm, Actions cache',
    'a',
    (p) => timedRun(p, actions(), 'Skipped'),
    printRows,
  );
  const size = server.blobOf(server.entries.find((e) => e.finalized)?.key ?? '')?.length ?? 0;

  const line = (label: string, cold: number[], warm: number[]) =>
    `| ${label} | ${median(cold).toFixed(2)} s | ${median(warm).toFixed(2)} s | ${(median(warm) / median(cold)).toFixed(2)}× |`;
  console.log(`\n${RUNS} runs each; medians. Cold without any cache: ${median(none).toFixed(2)} s.`);
  console.log(`Actions cache entry (tar + zstd): ${(size / 1024 / 1024).toFixed(1)} MiB.\n`);
  console.log('| store | cold (steps run, snapshot saved) | warm (restored, steps skipped) | warm / cold |');
  console.log('|---|---|---|---|');
  console.log(line('cache directory (`--cache-dir`)', coldDir, warmDir));
  console.log(line('Actions cache protocol (local server)', coldActions, warmActions));
  // The target compares a warm run with the bootstrap it replaces (cold, no cache at all).
  const ratio = median(warmActions) / median(none);
  const verdict = ratio <= TARGET ? 'met' : 'missed';
  console.log(`\nwarm (Actions) / cold (no cache): ${ratio.toFixed(2)}×; target ≤ ${TARGET}×: ${verdict}`);
  if (ratio > TARGET) process.exitCode = 1;
} finally {
  for (const name of projects) await down(runtime, { project: name, volumes: true });
  await server.stop();
  for (const dir of [...temps, stateDir]) rmSync(dir, { recursive: true, force: true });
}
