// `npm run bench:cache`: the project cache on the shape it is for (spec bench/cache/initsteps.yaml): a
// PostgreSQL bootstrapped by init steps, 150 generated migrations (each a table, 2,000 rows and an index)
// applied by a `migrate` job on every `up`, and a `seed` job that inserts 400,000 rows unless they are there. Timed with `up` from fresh
// volumes until every service is ready, 5 runs per series, medians, through a cache directory and through
// the Actions cache protocol (a local cache service: @actions/cache's tar + zstd and HTTP):
//   no cache      the bootstrap alone (the denominator)
//   cold + save   an empty cache: the bootstrap, then the snapshot at a clean point
//   warm          the exact entry: restored, 0 migrations applied, nothing seeded
//   pull request  a 151st migration: the base entry restored, exactly 1 migration applied, then its own save
// Every timed run starts like a hosted runner's: its own project, so no volumes and no markers, and no
// files deleted in the last minute (see SETTLE_MS). The Actions series upload after the timer stops, as
// the action's post step does. Exits 1 when a series did other work than it should or a target is missed.
// Needs the local image postgres:15-bookworm (`bash scripts/build-images.sh postgres`). BENCH_RUNS=n.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ActionsCacheStore, DirCacheStore, type SnapshotStore } from '../src/cache/stores.js';
import { createVolumeCache, uploadPending, type PendingUpload } from '../src/cache/volume-cache.js';
import { down } from '../src/engine/down.js';
import type { CacheReport, RunEvent } from '../src/engine/types.js';
import { up } from '../src/engine/up.js';
import { connectDocker } from '../src/runtime/docker.js';
import { loadProject } from '../src/spec/index.js';
import { CacheServer } from '../test/support/cache-server.js';
import { median } from './median.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MIGRATIONS = 150;
const ROWS_PER_MIGRATION = 2000;
/** Against the bootstrap without a cache (medians). */
const TARGETS = { warm: 0.15, pr: 0.3, cold: 1.15 };
/**
 * Without a journal (this machine's ext4), the kernel will not reuse an inode freed in the last 60 s (300 s
 * while its inode table block is unwritten) and checks every such inode each time it allocates one: right
 * after `down --volumes` of a PostgreSQL volume, each file created cost ~0.5 ms more (perf: find_inode_bit
 * → recently_deleted), more than half a warm run. A hosted runner deletes nothing before it starts, so
 * runs never follow a deletion here: each timed run has its own project, and volumes are only removed in
 * bulk, followed by `sync` and this wait.
 */
const SETTLE_MS = 65_000;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const prefix = `bench-cache-${randomBytes(3).toString('hex')}`;
const temps: string[] = [];
const temp = (tag: string): string => {
  const dir = mkdtempSync(join(tmpdir(), `initsteps-bench-${tag}-`));
  temps.push(dir);
  return dir;
};
process.env.INITSTEPS_STATE_DIR = temp('state');

/** The spec next to a generated migrations/ (not committed: 150 files of the same pattern). */
const workspace = temp('ws');
const specFile = join(workspace, 'initsteps.yaml');
copyFileSync(join(root, 'bench', 'cache', 'initsteps.yaml'), specFile);
mkdirSync(join(workspace, 'migrations'));
const writeMigration = (n: number): void => {
  const t = `t_${String(n).padStart(3, '0')}`;
  writeFileSync(
    join(workspace, 'migrations', `${String(n).padStart(3, '0')}_${t}.sql`),
    `CREATE TABLE ${t} (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\n` +
      `INSERT INTO ${t} (id, name) SELECT n, 'row ' || n FROM generate_series(1, ${ROWS_PER_MIGRATION}) AS n;\n` +
      `CREATE INDEX ${t}_name_idx ON ${t} (name);\n`,
  );
};
for (let n = 1; n <= MIGRATIONS; n++) writeMigration(n);

const runtime = await connectDocker();
const projects = new Set<string>();

/** What a run must have done: migrations applied, whether it seeded, how the cache restored. */
interface Expected {
  applied: number;
  seeded: boolean;
  cache?: CacheReport['result'];
}

interface Store {
  label: string;
  make(): SnapshotStore;
  /** Actions: the snapshots main left for the post step. */
  deferred: boolean;
}

/** One `up` of `name` from fresh volumes until ready; seconds, after checking it did what `want` says. */
async function timedRun(name: string, store: Store | undefined, want: Expected): Promise<number> {
  projects.add(name);
  const loaded = await loadProject({ files: [specFile], project: name });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const warnings: string[] = [];
  const output = { migrate: [] as string[], seed: [] as string[] };
  const observer = (e: RunEvent): void => {
    if (e.type === 'warning') warnings.push(e.message);
    if (e.type === 'job-output' && (e.job === 'migrate' || e.job === 'seed')) output[e.job].push(e.line);
  };
  let pending: PendingUpload[] = [];
  const cache =
    store &&
    createVolumeCache({
      store: store.make(),
      observer,
      runtime,
      ...(store.deferred && { deferUpload: (p: PendingUpload[]) => (pending = p) }),
    });
  const began = performance.now();
  const report = await up(runtime, { project: loaded.project, observer, cache });
  const seconds = (performance.now() - began) / 1000;
  // The post step's upload, after the timer: the job's services are running by then.
  if (store && pending.length > 0) await uploadPending(store.make(), pending, observer);
  const applied = output.migrate.filter((l) => l.startsWith('applying: ')).length;
  const seeded = output.seed.some((l) => l.startsWith('seeded: '));
  const running =
    report.services.every((s) => s.status === 'Running') &&
    report.jobs.every((j) => j.status === 'Succeeded');
  const did = { applied, seeded, cache: report.cache?.result, saved: report.cache?.saved };
  const wantSaved = want.cache === 'miss' || want.cache === 'base';
  const ok =
    running &&
    warnings.length === 0 &&
    applied === want.applied &&
    seeded === want.seeded &&
    did.cache === want.cache &&
    (want.cache === undefined || did.saved === wantSaved);
  if (!ok) throw new Error(`${name}: unexpected run: ${JSON.stringify({ want, did, running, warnings })}`);
  return seconds;
}

/** Stop a run's services (an idle server left running would vacuum its new rows during the next runs). */
const stop = (name: string) => down(runtime, { project: name, volumes: false });

/** Remove every project's volumes, then let their deletion age (SETTLE_MS). */
async function removeAndSettle(): Promise<void> {
  for (const name of projects) await down(runtime, { project: name, volumes: true });
  execFileSync('sync');
  console.log(`(waiting ${SETTLE_MS / 1000} s: files deleted just now make file creation slow here)`);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
}

/** The running database of `name`: tables, rows of the seeded table, migrations recorded. */
function describeDatabase(name: string): string {
  const id = execFileSync(
    'docker',
    [
      'ps',
      '-q',
      '--filter',
      `label=dev.initsteps.project=${name}`,
      '--filter',
      'label=dev.initsteps.role=main',
      '--filter',
      'label=dev.initsteps.instance=db-0',
    ],
    { encoding: 'utf8' },
  ).trim();
  const sql =
    "SELECT (SELECT count(*) FROM schema_migrations) || ' migrations, ' || " +
    "(SELECT count(*) FROM pg_tables WHERE tablename LIKE 't\\_%') || ' tables, ' || " +
    "(SELECT count(*) FROM t_001) + (SELECT count(*) FROM t_002) || ' rows in t_001 and t_002'";
  return execFileSync(
    'docker',
    ['exec', id, 'psql', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'app', '-tAc', sql],
    {
      encoding: 'utf8',
    },
  ).trim();
}

interface Series {
  label: string;
  tag: string;
  store: Store | undefined;
  want: Expected;
  times: number[];
}

/**
 * Runs `count` runs of each series in turn (round i: the next run of every series), so that a change in
 * the machine's load shows in all of them alike. Run n of a series has project `<prefix>-<tag><n>` and is
 * stopped once timed; the last run of a phase is described first.
 */
async function interleaved(phase: { series: Series; count: number }[]): Promise<void> {
  const rounds = Math.max(...phase.map((p) => p.count));
  for (let round = 0; round < rounds; round++) {
    for (const { series: s, count } of phase) {
      if (round >= count) continue;
      const n = s.times.length;
      const name = `${prefix}-${s.tag}${n}`;
      s.times.push(await timedRun(name, s.store, s.want));
      console.log(`${s.label} #${n + 1}: ${s.times.at(-1)?.toFixed(2)} s`);
      if (round === count - 1) console.log(`  database after it: ${describeDatabase(name)}`);
      await stop(name);
    }
  }
}

const server = await new CacheServer().start();
let failed = false;
try {
  Object.assign(process.env, server.env(temp('runner'), workspace));
  const cacheDir = temp('dir');
  const stores: (Store & { tag: string })[] = [
    { label: 'cache directory', tag: 'd', make: () => new DirCacheStore(cacheDir), deferred: false },
    { label: 'Actions cache (local)', tag: 'a', make: () => new ActionsCacheStore(), deferred: true },
  ];
  const series = (label: string, tag: string, store: Store | undefined, want: Expected): Series => ({
    label,
    tag,
    store,
    want,
    times: [],
  });
  const none = series('no cache', 'n', undefined, { applied: MIGRATIONS, seeded: true });
  const cold = stores.map((s) =>
    series(`cold + save, ${s.label}`, s.tag, s, { applied: MIGRATIONS, seeded: true, cache: 'miss' }),
  );
  const warm = stores.map((s) =>
    series(`warm, ${s.label}`, s.tag, s, { applied: 0, seeded: false, cache: 'exact' }),
  );
  const pr = stores.map((s) =>
    series(`pull request, ${s.label}`, s.tag, s, { applied: 1, seeded: false, cache: 'base' }),
  );
  // The runs without a cache are spread over the three phases: the denominator sees the load they saw.
  const noneIn = [2, 2, RUNS - 4].map((n) => Math.max(0, Math.min(n, RUNS)));
  // Whatever ran before the bench may have deleted files too.
  await removeAndSettle();
  await interleaved([
    { series: none, count: noneIn[0] ?? 0 },
    ...cold.map((c) => ({ series: c, count: RUNS })),
  ]);
  await removeAndSettle();
  await interleaved([
    { series: none, count: noneIn[1] ?? 0 },
    ...warm.map((w) => ({ series: w, count: RUNS })),
  ]);
  // The pull request: one more migration. Same base key, another full key. (A bootstrap now applies 151.)
  writeMigration(MIGRATIONS + 1);
  none.want = { ...none.want, applied: MIGRATIONS + 1 };
  await removeAndSettle();
  await interleaved([
    { series: none, count: noneIn[2] ?? 0 },
    ...pr.map((x) => ({ series: x, count: RUNS })),
  ]);
  const entry = server.entries.filter((e) => e.finalized).at(-1);
  const size = server.blobOf(entry?.key ?? '')?.length ?? 0;

  const base = median(none.times);
  const ratio = (xs: number[]) => median(xs) / base;
  console.log(`\n${RUNS} runs each, medians. No cache (the bootstrap): ${base.toFixed(2)} s.`);
  console.log(`Actions cache entry (tar + zstd): ${(size / 1024 / 1024).toFixed(1)} MiB.\n`);
  console.log('| store | cold + save | warm (exact) | pull request (base + 1 migration) |');
  console.log('|---|---|---|---|');
  const cell = (xs: number[]) => `${median(xs).toFixed(2)} s (${ratio(xs).toFixed(2)}×)`;
  stores.forEach((s, i) => {
    const times = (xs: Series[]) => xs[i]?.times ?? [];
    console.log(`| ${s.label} | ${cell(times(cold))} | ${cell(times(warm))} | ${cell(times(pr))} |`);
  });
  console.log(
    `\nTargets against no cache: warm ≤ ${TARGETS.warm}×, pull request ≤ ${TARGETS.pr}×, cold + save ≤ ${TARGETS.cold}×`,
  );
  stores.forEach((s, i) => {
    for (const [what, xs, target] of [
      ['warm', warm[i], TARGETS.warm],
      ['pull request', pr[i], TARGETS.pr],
      ['cold + save', cold[i], TARGETS.cold],
    ] as const) {
      const r = ratio(xs?.times ?? []);
      const met = r <= target;
      if (!met) failed = true;
      console.log(`${s.label}, ${what}: ${r.toFixed(2)}× (target ≤ ${target}×): ${met ? 'met' : 'MISSED'}`);
    }
  });
} catch (e: unknown) {
  failed = true;
  console.error(e);
} finally {
  for (const name of projects) await down(runtime, { project: name, volumes: true });
  await server.stop();
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exitCode = 1;
