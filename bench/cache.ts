// `npm run bench:cache`: a PostgreSQL bootstrap (initdb, migrations, 100,000 + 300,000 rows; spec in
// bench/cache/initsteps.yaml) from fresh volumes to Running, cold (empty cache: the steps run and the
// snapshot is saved) vs warm (restored from the cache: the steps skip), through a cache directory and
// through the Actions cache protocol (a local cache service: @actions/cache's tar + zstd and HTTP).
// Every run starts like a hosted runner's: no volumes, no markers. Prints medians and warm/cold ratios;
// exits 1 when warm (Actions) is above 0.2× cold (no cache).
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
const projectName = `bench-cache-${randomBytes(3).toString('hex')}`;
const stateDir = mkdtempSync(join(tmpdir(), 'initsteps-bench-state-'));
process.env.INITSTEPS_STATE_DIR = stateDir;
const INIT = ['permissions', 'initdb', 'migrate', 'seed'];

const loaded = await loadProject({ files: [specFile], project: projectName });
if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
const project = loaded.project;
const runtime = await connectDocker();

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** One run from fresh volumes to Running; returns seconds, after checking what the steps did. */
async function timedRun(store: SnapshotStore | undefined, expect: 'Succeeded' | 'Skipped'): Promise<number> {
  await down(runtime, { project: projectName, volumes: true });
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

/** Rows in the running database (checks a restored cluster starts and holds the seed). */
function rows(): string {
  const id = execFileSync(
    'docker',
    [
      'ps',
      '-q',
      '--filter',
      `label=dev.initsteps.project=${projectName}`,
      '--filter',
      'label=dev.initsteps.role=main',
    ],
    { encoding: 'utf8' },
  ).trim();
  const sql =
    "SELECT (SELECT count(*) FROM customers) || ' customers, ' || (SELECT count(*) FROM orders) || ' orders'";
  return execFileSync(
    'docker',
    ['exec', id, 'psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'app', '-tAc', sql],
    { encoding: 'utf8' },
  ).trim();
}

async function series(label: string, run: () => Promise<number>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(await run());
    console.log(`${label} #${i + 1}: ${times.at(-1)?.toFixed(2)} s`);
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
  const none = await series('cold, no cache', () => timedRun(undefined, 'Succeeded'));
  // Cold with the cache: an empty cache each time, so each run initializes and saves a snapshot.
  const coldDir = await series('cold, cache dir', () =>
    timedRun(new DirCacheStore(temp('cold')), 'Succeeded'),
  );
  const warmDirPath = temp('warm');
  await timedRun(new DirCacheStore(warmDirPath), 'Succeeded');
  const warmDir = await series('warm, cache dir', () => timedRun(new DirCacheStore(warmDirPath), 'Skipped'));
  console.log(`restored database: ${rows()}`);

  const workspace = temp('ws');
  const runnerTemp = temp('runner');
  Object.assign(process.env, server.env(runnerTemp, workspace));
  const coldActions = await series('cold, Actions cache', async () => {
    server.entries.length = 0;
    return timedRun(new ActionsCacheStore(), 'Succeeded');
  });
  const warmActions = await series('warm, Actions cache', () => timedRun(new ActionsCacheStore(), 'Skipped'));
  console.log(`restored database: ${rows()}`);
  const size = server.blobOf(server.entries.find((e) => e.finalized)?.key ?? '')?.length ?? 0;

  const line = (name: string, cold: number[], warm: number[]) =>
    `| ${name} | ${median(cold).toFixed(2)} s | ${median(warm).toFixed(2)} s | ${(median(warm) / median(cold)).toFixed(2)}× |`;
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
  await down(runtime, { project: projectName, volumes: true });
  await server.stop();
  for (const dir of [...temps, stateDir]) rmSync(dir, { recursive: true, force: true });
}
