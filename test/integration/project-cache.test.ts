// The project cache on a real PostgreSQL (docs/cache.md), through a cache directory: one entry holds the
// database and the seed's marker volume; an exact restore brings back the rows a dependent service wrote
// over the network; a new migration restores the base entry and applies only itself; a failing migration
// after a base restore saves nothing; both volumes of an entry always come from the same run; format-1
// entries are never restored; and the clean point stops PostgreSQL by its stop signal and starts it
// again on the same published port, ready.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DirCacheStore } from '../../src/cache/stores.js';
import { createVolumeCache } from '../../src/cache/volume-cache.js';
import type { RunReport } from '../../src/engine/types.js';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { loadProject } from '../../src/spec/index.js';
import { connect, projectName, recorder, removeProject, stepOf } from '../support/engine.js';
import { contents, dbPort, pgWorkspace, type PgWorkspace } from '../support/pg-project.js';

let runtime: ContainerRuntime;
let ws: PgWorkspace;
let cacheDir: string;
const name = projectName('pgcache');

beforeAll(async () => {
  execFileSync('bash', ['scripts/build-images.sh', 'postgres'], { stdio: 'inherit' });
  runtime = await connect();
  ws = pgWorkspace();
  ws.migration(1);
  ws.migration(2);
  cacheDir = mkdtempSync(join(tmpdir(), 'initsteps-pgcache-dir-'));
});
afterAll(async () => {
  await removeProject(runtime, name);
  ws.remove();
  rmSync(cacheDir, { recursive: true, force: true });
});

interface Run {
  report: RunReport;
  warnings: string[];
  applied: string[];
  state: string;
}

/** A hosted runner's start (no volumes, no markers), then `up` with the cache directory. */
async function freshRun(o: { restoreBase?: boolean } = {}): Promise<Run> {
  await removeProject(runtime, name);
  const loaded = await loadProject({ files: [ws.spec], project: name });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  const rec = recorder();
  const cache = createVolumeCache({
    store: new DirCacheStore(cacheDir),
    observer: rec.observer,
    runtime,
    cacheSecrets: true,
    ...o,
  });
  const report = await up(runtime, { project: loaded.project, observer: rec.observer, cache });
  return {
    report,
    warnings: rec.events.flatMap((e) => (e.type === 'warning' ? [e.message] : [])),
    applied: rec.output('migrate-0', 'migrate').filter((l) => l.startsWith('applying: ')),
    state: rec.output('seed-0', 'show')[0]?.replace(/^state: /, '') ?? '',
  };
}

const entries = () => readdirSync(cacheDir).filter((f) => f.startsWith('initsteps-2-'));
const running = (r: RunReport) => r.services.map((s) => `${s.name}: ${s.status}`);

/** The top-level directories of a snapshot: one per volume, then the markers and the manifest. */
async function topLevel(file: string): Promise<string[]> {
  const ex = extract();
  const seen = new Set<string>();
  const reading = (async () => {
    for await (const e of ex) {
      seen.add(e.header.name.split('/')[0] ?? '');
      e.resume();
    }
  })();
  ex.end(readFileSync(file));
  await reading;
  return [...seen];
}

describe('the project cache on PostgreSQL (cache directory)', () => {
  let first: Run;
  let firstKey = '';
  const oldEntry = () => join(cacheDir, `initsteps-1-${name}-db-0-${'a'.repeat(64)}.tar`);

  it('cold: one entry for the whole run, saved at a clean point (PostgreSQL stopped by its signal, started again, ready)', async () => {
    writeFileSync(oldEntry(), 'a format-1 entry: never restored, never touched');
    first = await freshRun();
    expect(first.warnings).toEqual([]);
    expect(running(first.report)).toEqual(['db: Running', 'migrate: Running', 'seed: Running']);
    expect(first.applied).toEqual(['applying: 001_t.sql', 'applying: 002_t.sql']);
    expect(first.report.cache).toMatchObject({ result: 'miss', saved: true });
    firstKey = first.report.cache?.key ?? '';
    expect(entries()).toEqual([`${firstKey}.tar`]);
    expect(await topLevel(join(cacheDir, `${firstKey}.tar`))).toEqual([
      'db-0_data',
      'seed-0_state',
      'markers.json',
      'manifest.json',
    ]);
    expect(readFileSync(oldEntry(), 'utf8')).toMatch(/^a format-1 entry/);

    // The same published port answers at once: the restarted server passed its readiness probe again.
    const db = await contents(dbPort(first.report));
    expect(db).toMatchObject({ migrations: ['001_t.sql', '002_t.sql'], rows: 2500, stamp: first.state });
    const main = execFileSync(
      'docker',
      [
        'ps',
        '-q',
        '--filter',
        `label=dev.initsteps.project=${name}`,
        '--filter',
        'label=dev.initsteps.instance=db-0',
        '--filter',
        'label=dev.initsteps.role=main',
      ],
      { encoding: 'utf8' },
    ).trim();
    // PostgreSQL logs to stderr; the container's log spans both of its starts.
    const logs = execFileSync('sh', ['-c', `docker logs ${main} 2>&1`], { encoding: 'utf8' });
    // The local look-alike image stops on SIGTERM (smart shutdown); the official one sets SIGINT (fast).
    expect(logs).toMatch(/received (smart|fast) shutdown request/);
    expect(logs).toMatch(/database system is shut down/);
    expect(logs.match(/database system is ready to accept connections/g)).toHaveLength(2);
  });

  it('exact: the rows the dependent services wrote are back, nothing is applied or seeded, nothing saved', async () => {
    const run = await freshRun();
    expect(run.warnings).toEqual([]);
    expect(run.report.cache).toEqual({ result: 'exact', key: firstKey, matchedKey: firstKey, saved: false });
    expect(run.report.cacheHit).toBe(true);
    expect(run.applied).toEqual([]);
    expect(stepOf(run.report, 'seed-0', 'seed').status).toBe('Skipped');
    expect(stepOf(run.report, 'db-0', 'initdb').message).toBe('volume already initialized');
    expect(await contents(dbPort(run.report))).toMatchObject({ rows: 2500, stamp: first.state });
    expect(run.state).toBe(first.state);
  });

  let baseKey = '';
  it('base: a new migration restores the base entry, applies only itself, and saves under its own key', async () => {
    ws.migration(3);
    const run = await freshRun();
    expect(run.warnings).toEqual([]);
    expect(run.report.cache).toMatchObject({ result: 'base', matchedKey: firstKey, saved: true });
    baseKey = run.report.cache?.key ?? '';
    expect(baseKey.slice(0, -64)).toBe(firstKey.slice(0, -64));
    expect(baseKey).not.toBe(firstKey);
    expect(run.report.cacheHit).toBe(false);
    expect(run.applied).toEqual(['applying: 003_t.sql']);
    expect(stepOf(run.report, 'seed-0', 'seed').status).toBe('Skipped');
    expect(await contents(dbPort(run.report))).toMatchObject({
      migrations: ['001_t.sql', '002_t.sql', '003_t.sql'],
      rows: 3500,
      stamp: first.state,
    });
    expect(entries().sort()).toEqual([`${firstKey}.tar`, `${baseKey}.tar`].sort());
  });

  it('a migration that fails after a base restore: reported as usual, nothing saved', async () => {
    ws.migration(4, 'CREATE TABLE t_004 (id int);\nINSERT INTO nowhere VALUES (1);\n');
    try {
      const run = await freshRun();
      expect(run.report.cache).toMatchObject({ result: 'base', matchedKey: baseKey, saved: false });
      expect(stepOf(run.report, 'migrate-0', 'migrate')).toMatchObject({
        status: 'Failed',
        reason: 'ExitNonZero',
      });
      expect(running(run.report)).toEqual(['db: Running', 'migrate: Failed', 'seed: Failed']);
      expect(run.report.services[2]?.reason).toBe('DependencyFailed');
      expect(entries()).toHaveLength(2);
    } finally {
      ws.removeMigration(4);
    }
  });

  it('both volumes of an entry come from the same run: the newest entry of the base, whole', async () => {
    // An exact-only run of changed inputs seeds anew (another stamp) and saves the newest entry of the base.
    ws.migration(
      3,
      'CREATE TABLE t_003 (id int PRIMARY KEY);\nINSERT INTO t_003 SELECT n FROM generate_series(1, 10) AS n;\n',
    );
    const exactOnly = await freshRun({ restoreBase: false });
    expect(exactOnly.report.cache).toMatchObject({ result: 'miss', saved: true });
    expect(exactOnly.state).not.toBe(first.state);

    ws.migration(5);
    const run = await freshRun();
    expect(run.report.cache).toMatchObject({ result: 'base', matchedKey: exactOnly.report.cache?.key });
    expect(run.applied).toEqual(['applying: 005_t.sql']);
    // The database's stamp and the seed volume's marker: the same run's, never one of each.
    const db = await contents(dbPort(run.report));
    expect(db.stamp).toBe(exactOnly.state);
    expect(run.state).toBe(exactOnly.state);
    expect(existsSync(oldEntry())).toBe(true);
  });
});
