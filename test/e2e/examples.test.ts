// The examples under examples/, run through the CLI (in-process runCli) against the real Docker engine,
// checked from the host the way a user would: a PostgreSQL client on the published port, HTTP on the
// published ports, the transition lines, and nothing left behind after `down --volumes`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { ProjectStatus } from '../../src/engine/status.js';
import { projectName } from '../support/engine.js';

const ROOT = resolve(import.meta.dirname, '../..');
const POSTGRES = join(ROOT, 'examples/postgres/initsteps.yaml');
const BROKEN = join(ROOT, 'test/fixtures/examples/broken-migration/initsteps.yaml');
const BROKEN_SQL = 'test/fixtures/examples/broken-migration/migrations/003_broken.sql';
const LEDGER = join(ROOT, 'examples/ledger/initsteps.yaml');
const CONFIG = join(ROOT, 'examples/config/initsteps.yaml');
const NODE_DIR = join(ROOT, 'examples/node-migrations');
const NODE_MIGRATIONS = join(NODE_DIR, 'initsteps.yaml');

interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

async function cli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: process.env,
    cwd: ROOT,
    signal: new AbortController().signal,
  });
  return { code, out, err };
}

/** `up` that must succeed; the failure shows what the CLI said. */
async function upOk(spec: string, project: string, ...flags: string[]): Promise<string[]> {
  const r = await cli('up', spec, '--project', project, ...flags);
  expect(r.code, [...r.out, ...r.err].join('\n')).toBe(0);
  return r.out;
}

async function hostPort(
  spec: string,
  project: string,
  instance: string,
  containerPort: number,
): Promise<number> {
  const r = await cli('status', spec, '--project', project, '--json');
  expect(r.code, r.err.join('\n')).toBe(0);
  const st = JSON.parse(r.out.join('\n')) as ProjectStatus;
  const port = st.services
    .flatMap((s) => s.instances)
    .find((i) => i.name === instance)
    ?.ports.find((p) => p.containerPort === containerPort);
  if (!port) throw new Error(`${instance} publishes no port ${containerPort}: ${r.out.join('\n')}`);
  return port.hostPort;
}

/** Docker objects of the project, as `kind name` lines. */
function leftovers(project: string): string[] {
  const filter = `label=dev.initsteps.project=${project}`;
  const list = (kind: string, args: string[]) =>
    execFileSync('docker', [...args, '--filter', filter, '--format', '{{.ID}}'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((id) => `${kind} ${id}`);
  return [
    ...list('container', ['ps', '-a']),
    ...list('network', ['network', 'ls']),
    ...list('volume', ['volume', 'ls']),
  ];
}

async function downAll(spec: string, project: string): Promise<void> {
  const r = await cli('down', spec, '--project', project, '--volumes');
  expect(r.code, r.err.join('\n')).toBe(0);
  expect(leftovers(project)).toEqual([]);
}

async function query<T>(port: number, sql: string): Promise<T[]> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'app' });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function get(port: number, path: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  expect(res.status, `GET ${path}`).toBe(200);
  return res.text();
}

/** The 1-based line of the `command:` of the document named `name` in a spec file. */
const commandLine = (file: string, name: string): number => {
  const lines = readFileSync(file, 'utf8').split('\n');
  const doc = lines.indexOf(`  name: ${name}`);
  return doc + lines.slice(doc).findIndex((l) => l.startsWith('  command:')) + 1;
};

beforeAll(() => {
  // Idempotent; the first run on a machine builds postgres:15-bookworm with mmdebstrap (65–100 s).
  execFileSync('bash', [join(ROOT, 'scripts/build-images.sh'), 'all'], { stdio: 'inherit' });
});

describe('examples/postgres', () => {
  const project = projectName('ex-pg');
  afterAll(() => cli('down', POSTGRES, '--project', project, '--volumes'));

  test('bootstraps the database with init steps, migrates and seeds it with jobs', async () => {
    const out = await upOk(POSTGRES, project);
    expect(out).toContain('✓ init step "permissions" on db-0 succeeded');
    expect(out).toContain('✓ init step "initdb" on db-0 succeeded');
    expect(out).toContain('✓ db is Running');
    expect(out).toContain('migrate-0/migrate | applying: 001_customers.sql');
    expect(out).toContain('seed-0/seed | INSERT 0 10');
    // db before migrate before seed; nothing of either job is left running.
    const at = (re: RegExp) => out.findIndex((l) => re.test(l));
    expect(at(/^✓ db is Running$/)).toBeLessThan(at(/^▶ job "migrate"$/));
    expect(at(/^✓ job "migrate" succeeded \(\d/)).toBeLessThan(at(/^▶ job "seed"$/));
    expect(at(/^✓ job "seed" succeeded \(\d/)).toBeGreaterThan(0);
    expect(
      execFileSync('docker', ['ps', '-aq', '--filter', `label=dev.initsteps.project=${project}`], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n'),
    ).toHaveLength(2); // db's sandbox and main

    const port = await hostPort(POSTGRES, project, 'db-0', 5432);
    const versions = await query<{ version: string }>(
      port,
      'SELECT version FROM schema_migrations ORDER BY 1',
    );
    expect(versions.map((r) => r.version)).toEqual(['001_customers.sql', '002_orders.sql']);
    const [counts] = await query<{ customers: number; orders: number; cents: number }>(
      port,
      `SELECT (SELECT count(*)::int FROM customers) AS customers, (SELECT count(*)::int FROM orders) AS orders,
              (SELECT sum(amount_cents)::int FROM orders) AS cents`,
    );
    expect(counts).toEqual({ customers: 10, orders: 30, cents: 6000 });
  });

  test('a second up skips the once-only steps; the jobs run again and change nothing', async () => {
    const out = await upOk(POSTGRES, project);
    expect(out).toContain('↷ init step "permissions" on db-0: skipped (volume already initialized)');
    expect(out).toContain('↷ init step "initdb" on db-0: skipped (volume already initialized)');
    expect(out).toContain('migrate-0/migrate | already applied: 002_orders.sql');
    expect(out).not.toContain('migrate-0/migrate | applying: 001_customers.sql');
    expect(out).toContain('seed-0/seed | INSERT 0 0');
    expect(out.filter((l) => /^✓ job "(migrate|seed)" succeeded/.test(l))).toHaveLength(2);

    const port = await hostPort(POSTGRES, project, 'db-0', 5432);
    const [counts] = await query<{ customers: number }>(
      port,
      'SELECT count(*)::int AS customers FROM customers',
    );
    expect(counts?.customers).toBe(10);
  });

  test('down --volumes leaves nothing', () => downAll(POSTGRES, project));
});

describe('examples/postgres with the volume cache', () => {
  const project = projectName('ex-pg-cache');
  const cacheDir = mkdtempSync(join(tmpdir(), 'initsteps-pg-cache-'));
  afterAll(async () => {
    await cli('down', POSTGRES, '--project', project, '--volumes');
    rmSync(cacheDir, { recursive: true, force: true });
  });

  test('the run is restored as it ended: migrated and seeded, so migrate applies nothing and seed inserts nothing', async () => {
    await upOk(POSTGRES, project, '--cache-dir', cacheDir);
    await downAll(POSTGRES, project);
    // One entry for the run, saved at a clean point after every service was up and every job done: db's
    // cluster with the migrations and the seed.
    const out = await upOk(POSTGRES, project, '--cache-dir', cacheDir);
    expect(out).toContain('↷ init step "initdb" on db-0: skipped (volume already initialized)');
    expect(out).toContain('migrate-0/migrate | already applied: 001_customers.sql');
    expect(out).not.toContain('migrate-0/migrate | applying: 001_customers.sql');
    expect(out).toContain('seed-0/seed | INSERT 0 0');
    expect(out.find((l) => l.startsWith('cache: '))).toMatch(
      /^cache: restored from entry initsteps-2-\S+ \(exact\)/,
    );
    const port = await hostPort(POSTGRES, project, 'db-0', 5432);
    const [counts] = await query<{ orders: number }>(port, 'SELECT count(*)::int AS orders FROM orders');
    expect(counts?.orders).toBe(30);
  });

  test('down --volumes leaves nothing', () => downAll(POSTGRES, project));
});

describe('test/fixtures/examples/broken-migration', () => {
  const project = projectName('ex-pg-broken');
  afterAll(() => cli('down', BROKEN, '--project', project, '--volumes'));

  test('is the example plus one broken migration', () => {
    // Keeps the fixture from drifting away from the example it stands for (the schema header differs).
    const body = (file: string) => readFileSync(file, 'utf8').split('\n').slice(1).join('\n');
    expect(body(BROKEN)).toBe(body(POSTGRES));
  });

  test('fails the migrate job, which the failure points at, and rolls the broken file back', async () => {
    const r = await cli('up', BROKEN, '--project', project);
    expect(r.code, r.err.join('\n')).toBe(1);
    expect(r.out).toContain(
      'migrate-0/migrate | psql:/migrations/003_broken.sql:4: ERROR:  relation "ordrs" does not exist',
    );
    expect(r.out).toContain('✗ job "migrate" failed: JobFailed exit code 3 after 1 attempt');
    expect(r.out).toContain('✗ job "seed" failed: DependencyFailed: dependency "migrate" failed');
    expect(r.out).not.toContain('▶ job "seed"');
    expect(r.err).toContain(
      '2 of 2 job(s) not succeeded: migrate (Failed: JobFailed), seed (Failed: DependencyFailed)',
    );
    // Each failure at its line, as editors link it: the migrate job's `command`, and psql's error at the
    // migration's line in the repository (the CLI runs in ROOT).
    expect(r.err).toContain(`${BROKEN_SQL}:4:1: psql: relation "ordrs" does not exist`);
    expect(r.err).toContain(`${BROKEN}:${commandLine(BROKEN, 'migrate')}:3: job "migrate" failed`);

    // The recorded result, and the annotation the action makes of it.
    const last = await cli('logs', 'migrate', '--project', project);
    expect(last.out[1]).toMatch(/^migrate-0\s+Failed\s+3\s+1\s+\S+\s+JobFailed\s+-$/);
    expect(last.out).toContain('psql:/migrations/003_broken.sql:4: ERROR:  relation "ordrs" does not exist');

    // db stays up: the good migrations are in, the broken one left no trace.
    const port = await hostPort(BROKEN, project, 'db-0', 5432);
    const versions = await query<{ version: string }>(
      port,
      'SELECT version FROM schema_migrations ORDER BY 1',
    );
    expect(versions.map((v) => v.version)).toEqual(['001_customers.sql', '002_orders.sql']);
    const note = await query(port, "SELECT 1 FROM information_schema.columns WHERE column_name = 'note'");
    expect(note).toEqual([]);
  });

  test('down --volumes leaves nothing', () => downAll(BROKEN, project));
});

describe('examples/node-migrations', () => {
  const project = projectName('ex-nodemig');
  beforeAll(() => {
    // The example's own install, as its workflow does (`npm ci`); kept between runs (gitignored).
    if (!existsSync(join(NODE_DIR, 'node_modules'))) {
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: NODE_DIR, stdio: 'inherit' });
    }
  });
  afterAll(() => cli('down', NODE_MIGRATIONS, '--project', project, '--volumes'));

  test('node-pg-migrate on the host reaches db through $(DB_SERVICE_HOST):$(DB_SERVICE_PORT)', async () => {
    const out = await upOk(NODE_MIGRATIONS, project);
    expect(out).toContain('migrate-0/migrate | > - 1735689600000_customers');
    expect(out).toContain('migrate-0/migrate | Migrations complete!');
    expect(out.some((l) => /^✓ job "migrate" succeeded \(/.test(l))).toBe(true);
    const port = await hostPort(NODE_MIGRATIONS, project, 'db-0', 5432);
    const applied = await query<{ name: string }>(port, 'SELECT name FROM pgmigrations ORDER BY id');
    expect(applied.map((r) => r.name)).toEqual(['1735689600000_customers', '1735776000000_orders']);
    // The example's own tests, as its workflow runs them.
    const tests = execFileSync('npm', ['test', '--silent'], {
      cwd: NODE_DIR,
      env: { ...process.env, DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/app` },
      encoding: 'utf8',
    });
    expect(tests).toMatch(/^# pass 3$/m);
  });

  test('a second up applies nothing', async () => {
    const out = await upOk(NODE_MIGRATIONS, project);
    expect(out).toContain('↷ init step "initdb" on db-0: skipped (volume already initialized)');
    expect(out).toContain('migrate-0/migrate | No migrations to run!');
  });

  test('down --volumes leaves nothing', () => downAll(NODE_MIGRATIONS, project));
});

describe('examples/ledger', () => {
  const project = projectName('ex-ledger');
  // A copy, so the test can raise replicas the way a user edits the file.
  const dir = mkdtempSync(join(tmpdir(), 'initsteps-ledger-'));
  const spec = join(dir, 'initsteps.yaml');
  cpSync(LEDGER, spec);
  afterAll(async () => {
    await cli('down', spec, '--project', project, '--volumes');
    rmSync(dir, { recursive: true, force: true });
  });

  let firstId = '';

  test('formats the volume, then serves it', async () => {
    const out = await upOk(spec, project);
    expect(out).toContain('✓ init step "format" on ledger-0 succeeded');
    expect(out).toContain('✓ init step "identity" on ledger-0 succeeded');
    const port = await hostPort(spec, project, 'ledger-0', 3000);
    expect(await get(port, '/ledger')).toMatch(/^ledger v1\ninstance ledger-0\nreplica 0\nformatted /);
    firstId = (await get(port, '/id')).trim();
    expect(firstId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('replicas 1 → 3 formats only the new instances', async () => {
    writeFileSync(spec, readFileSync(spec, 'utf8').replace('replicas: 1\n', 'replicas: 3\n'));
    const out = await upOk(spec, project);
    expect(out).toContain('↷ init step "identity" on ledger-0: skipped (volume already initialized)');
    expect(out.some((l) => l.startsWith('↷ init step "format" on ledger-0: skipped'))).toBe(true);
    for (const i of ['ledger-1', 'ledger-2']) {
      expect(out).toContain(`✓ init step "format" on ${i} succeeded`);
      expect(out).toContain(`✓ init step "identity" on ${i} succeeded`);
    }
    expect((await get(await hostPort(spec, project, 'ledger-0', 3000), '/id')).trim()).toBe(firstId);
    const third = await get(await hostPort(spec, project, 'ledger-2', 3000), '/ledger');
    expect(third).toContain('instance ledger-2\nreplica 2\n');
  });

  test('a deleted ledger is formatted again (fileMissing); the identity is kept (freshVolume)', async () => {
    execFileSync('docker', ['exec', `initsteps_${project}_ledger-0`, 'rm', '/data/ledger']);
    const out = await upOk(spec, project);
    expect(out).toContain('✓ init step "format" on ledger-0 succeeded');
    expect(out).toContain('↷ init step "identity" on ledger-0: skipped (volume already initialized)');
    expect(out.some((l) => l.startsWith('↷ init step "format" on ledger-1: skipped'))).toBe(true);
    const port = await hostPort(spec, project, 'ledger-0', 3000);
    expect(await get(port, '/ledger')).toContain('instance ledger-0\n');
    expect((await get(port, '/id')).trim()).toBe(firstId);
  });

  test('down --volumes leaves nothing', () => downAll(spec, project));
});

describe('examples/config', () => {
  const project = projectName('ex-config');
  afterAll(() => cli('down', CONFIG, '--project', project, '--volumes'));

  test('waits for the backend, generates the configuration from it, serves it', async () => {
    const out = await upOk(CONFIG, project);
    expect(out).toContain('✓ init step "wait-for-backend" on web-0 succeeded');
    expect(out).toContain('✓ init step "generate" on web-0 succeeded');
    const port = await hostPort(CONFIG, project, 'web-0', 8080);
    expect(JSON.parse(await get(port, '/config.json'))).toEqual({
      upstream: 'http://backend:9000',
      upstreamVersion: '1.4.2',
      instance: 'web-0',
    });
  });

  test('down --volumes leaves nothing', () => downAll(CONFIG, project));
});

describe('examples/kubernetes', () => {
  const files = ['app.yaml', 'database.yaml', 'migrate.yaml'].map((f) =>
    join(ROOT, 'examples/kubernetes', f),
  );
  const project = projectName('ex-k8s');
  const run = async (command: string, ...flags: string[]) => {
    const r = await cli(command, ...files, '--project', project, ...flags);
    expect(r.code, [...r.out, ...r.err].join('\n')).toBe(0);
    return r.out;
  };
  afterAll(() => cli('down', ...files, '--project', project, '--volumes'));

  test('runs the manifests: init containers in order, the Service name resolves, ConfigMap files and env', async () => {
    const out = await run('up');
    const at = (line: string) => {
      const i = out.indexOf(line);
      expect(i, `${line} in\n${out.join('\n')}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(at('✓ init step "permissions" on db-0 succeeded')).toBeLessThan(
      at('▶ init step "initdb" on db-0'),
    );
    // web's init containers name the Service `postgres`: web starts after the pods it selects are ready.
    expect(at('✓ db-0 is Running')).toBeLessThan(at('▶ init step "wait-for-db" on web-0'));
    expect(out).toContain('✓ init step "render-config" on web-1 succeeded');
    // The native sidecar starts before the init containers after it, and serves for the pod's life.
    expect(at('✓ sidecar "status" on web-0 started (keeps running)')).toBeLessThan(
      at('▶ init step "wait-for-db" on web-0'),
    );
    expect(await get(await hostPort(files[0] ?? '', project, 'web-0', 9090), '/')).toBe('pod web-0\n');
    expect(out.some((l) => /^✓ job "migrate" succeeded/.test(l))).toBe(true);
    const config = await get(await hostPort(files[0] ?? '', project, 'web-1', 8080), '/config.txt');
    expect(config).toBe('greeting=hello\npod=web-1\ndatabase=postgres://postgres:5432/app\n');
    const db = await hostPort(files[0] ?? '', project, 'db-0', 5432);
    expect(await query<{ body: string }>(db, 'SELECT body FROM messages')).toEqual([
      { body: 'hello from a Kubernetes Job' },
    ]);
  });

  test('a second up: Kubernetes runs every init container again, except the one opted in to the marker', async () => {
    const out = await run('up');
    expect(out).toContain('✓ init step "permissions" on db-0 succeeded');
    expect(out.some((l) => l.startsWith('↷ init step "initdb" on db-0: skipped'))).toBe(true);
  });

  test('down --volumes leaves nothing', async () => {
    await run('down', '--volumes');
    expect(leftovers(project)).toEqual([]);
  });
});
