// The postgres and kubernetes examples through the bundled action, as a workflow runs them (the postgres
// one as examples/postgres/README.md tells users to): dist/main then dist/post as the runner starts them
// (Node 24, INPUT_* variables, the runner's files), the repository as the workspace, the cache on, served
// by the local stand-in of the Actions cache.
// Needs `npm run bundle` to be current.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LABEL } from '../../src/engine/labels.js';
import type { OutputDocument, ServicesOutput } from '../../src/report/outputs.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { CacheServer } from '../support/cache-server.js';
import { connect, projectName, removeProject } from '../support/engine.js';

const ROOT = resolve(import.meta.dirname, '../..');
const SPEC = 'examples/postgres/initsteps.yaml';
const BROKEN = 'test/fixtures/examples/broken-migration/initsteps.yaml';
/** A glob line, as a workflow names a directory of manifests. */
const KUBERNETES = 'examples/kubernetes/*.yaml';
const node24 = execFileSync('bash', [join(ROOT, 'scripts/ensure-node24.sh')], { encoding: 'utf8' }).trim();

/** The runner's file commands: `name<<delimiter` blocks and `name=value` lines. */
function fileCommands(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const value: string[] = [];
      while (i + 1 < lines.length && lines[i + 1] !== block[2]) value.push(lines[++i] ?? '');
      i++;
      out[block[1] ?? ''] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

interface Job {
  files: { output: string; state: string; summary: string };
  env: Record<string, string>;
}

/**
 * One workflow job's runner files; `spec` and `project` as the user's `with:` block. RUNNER_TEMP is the same
 * path in every job and empty at its start, as on a hosted runner (the cache version hashes the paths).
 */
function job(spec: string, project: string, cache: CacheServer): Job {
  rmSync(runnerTemp, { recursive: true, force: true });
  mkdirSync(runnerTemp);
  const dir = mkdtempSync(join(tmpdir(), 'initsteps-examples-job-'));
  temps.push(dir);
  const files = { output: join(dir, 'output'), state: join(dir, 'state'), summary: join(dir, 'summary.md') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  return {
    files,
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? dir,
      GITHUB_OUTPUT: files.output,
      GITHUB_STATE: files.state,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_RUN_ID: '4242',
      INITSTEPS_STATE_DIR: process.env.INITSTEPS_STATE_DIR ?? '',
      ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
      ...cache.env(runnerTemp, ROOT),
      INPUT_SPEC: spec,
      INPUT_PROJECT: project,
    },
  };
}

function run(
  entry: 'main' | 'post',
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(node24, [join(ROOT, 'dist', entry, 'index.js')], { env, cwd: ROOT });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout })));
}

/** Post as the runner starts it: main's saved state as STATE_<name>. */
const runPost = (j: Job) =>
  run('post', {
    ...j.env,
    ...Object.fromEntries(Object.entries(fileCommands(j.files.state)).map(([k, v]) => [`STATE_${k}`, v])),
  });

/** What the README's workflow step reads: `fromJSON(steps.db.outputs.services).db.ports['5432']`. */
function dbPort(j: Job): number {
  const outputs = fileCommands(j.files.output);
  const port = (JSON.parse(outputs.services ?? '') as ServicesOutput).db?.ports['5432'];
  if (port === undefined) throw new Error(`no port 5432 in ${outputs.services}`);
  const result = JSON.parse(outputs.result ?? '') as OutputDocument;
  const fromResult = result.services
    .find((s) => s.name === 'db')
    ?.instances[0]?.ports.find((p) => p.containerPort === 5432)?.hostPort;
  expect(Number(port)).toBe(fromResult);
  return Number(port);
}

async function query<T extends pg.QueryResultRow>(port: number, sql: string): Promise<T[]> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'app' });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const orders = async (port: number): Promise<number> =>
  (await query<{ n: number }>(port, 'SELECT count(*)::int AS n FROM orders'))[0]?.n ?? -1;

/** Containers, networks and run-scoped volumes of the project. */
async function remains(project: string): Promise<string[]> {
  const labels = { [LABEL.project]: project };
  return [
    ...(await runtime.listContainers(labels)).map((c) => `container ${c.id.slice(0, 12)}`),
    ...(await runtime.listNetworks(labels)).map((n) => `network ${n.name}`),
    ...(await runtime.listVolumes({ ...labels, [LABEL.ephemeral]: 'true' })).map((v) => `volume ${v.name}`),
  ];
}

let runtime: ContainerRuntime;
let cache: CacheServer;
const temps: string[] = [];
const projects: string[] = [];
const runnerTemp = join(mkdtempSync(join(tmpdir(), 'initsteps-examples-runner-')), '_temp');
beforeAll(async () => {
  execFileSync('bash', [join(ROOT, 'scripts/build-images.sh'), 'all'], { stdio: 'inherit' });
  runtime = await connect();
  cache = await new CacheServer().start();
});
afterAll(async () => {
  for (const p of projects) await removeProject(runtime, p);
  for (const t of [...temps, dirname(runnerTemp)]) rmSync(t, { recursive: true, force: true });
  await cache.stop();
});

describe('examples/postgres through the action', () => {
  const project = projectName('ex-act-pg');
  projects.push(project);

  test('first job: a migrated, seeded database on the port the output names; post removes it and saves the cache', async () => {
    const j = job(SPEC, project, cache);
    const main = await run('main', j.env);
    expect(main.code, main.stdout).toBe(0);
    // ran counts init steps (db's two); the jobs are in `result`.
    const outputs = fileCommands(j.files.output);
    expect(outputs).toMatchObject({ ran: '2', skipped: '0', failed: '0', 'cache-hit': 'false' });
    const result = JSON.parse(outputs.result ?? '') as OutputDocument;
    expect(result.jobs.map((x) => `${x.name}: ${x.status}`)).toEqual([
      'migrate: Succeeded',
      'seed: Succeeded',
    ]);
    expect(await orders(dbPort(j))).toBe(30);
    const summary = readFileSync(j.files.summary, 'utf8');
    expect(summary).toContain('every service is running, every job succeeded');
    expect(summary).toMatch(/<tr><td>migrate<\/td><td>✅ Succeeded<\/td><td>0<\/td><td>1<\/td>/);
    // Each job's output in its own log group.
    expect(main.stdout).toContain('::group::▶ job "migrate"');

    const post = await runPost(j);
    expect(post.code, post.stdout).toBe(0);
    expect(await remains(project)).toEqual([]);
  });

  test('next workflow run (new runner: no volumes): restored from the cache as the first run left it', async () => {
    await removeProject(runtime, project);
    const j = job(SPEC, project, cache);
    const main = await run('main', j.env);
    expect(main.code, main.stdout).toBe(0);
    // db's steps skip on the restored volume; the jobs run (every up) and find nothing to do.
    expect(fileCommands(j.files.output), main.stdout).toMatchObject({
      ran: '0',
      skipped: '2',
      'cache-hit': 'true',
    });
    expect(main.stdout).toContain('already applied: 002_orders.sql');
    expect(main.stdout).toContain('↷ init step "initdb" on db-0: skipped (volume already initialized)');
    expect(await orders(dbPort(j))).toBe(30);
    expect((await runPost(j)).code).toBe(0);
    expect(await remains(project)).toEqual([]);
  });
});

describe('the broken migration through the action', () => {
  const project = projectName('ex-act-broken');
  projects.push(project);

  test("fails the job with annotations at the migrate job's command and the migration's line, and its log in the summary", async () => {
    const j = job(BROKEN, project, cache);
    const main = await run('main', j.env);
    expect(main.code).toBe(1);
    const lines = readFileSync(join(ROOT, BROKEN), 'utf8').split('\n');
    const doc = lines.indexOf('  name: migrate');
    const line = doc + lines.slice(doc).findIndex((l) => l.startsWith('  command:')) + 1;
    expect(main.stdout).toContain(
      `::error title=job "migrate" failed,file=${BROKEN},line=${line},col=3::JobFailed exit code 3 after 1 attempt`,
    );
    // And one at the broken migration's line, where the reviewer of a pull request looks (the runner's
    // command escapes the title's colon).
    const sql = 'test/fixtures/examples/broken-migration/migrations/003_broken.sql';
    expect(main.stdout).toContain(
      `::error title=psql%3A job "migrate",file=${sql},line=4::relation "ordrs" does not exist`,
    );
    const summary = readFileSync(j.files.summary, 'utf8');
    expect(summary).toContain('<tr><td>migrate</td><td>❌ Failed</td><td>3</td><td>1</td>');
    expect(summary).toContain('<tr><td>seed</td><td>❌ Failed</td><td>-</td><td>0</td>');
    expect(summary).toContain('relation &quot;ordrs&quot; does not exist');
    expect(summary).toContain(
      `<tr><td>${sql}:4</td><td>❌ psql: relation &quot;ordrs&quot; does not exist</td><td>job migrate</td></tr>`,
    );
    expect((await runPost(j)).code).toBe(0);
    expect(await remains(project)).toEqual([]);
  });
});

describe('examples/kubernetes through the action', () => {
  const project = projectName('ex-act-k8s');
  projects.push(project);

  test('the manifests come up: pods ready on the ports the output names, the Job ran, the Secret masked; post removes them', async () => {
    const j = job(KUBERNETES, project, cache);
    const main = await run('main', j.env);
    expect(main.code, main.stdout).toBe(0);
    const outputs = fileCommands(j.files.output);
    // db-0's permissions and initdb; the status sidecar, wait-for-db and render-config on web-0 and web-1.
    expect(outputs).toMatchObject({ ran: '8', skipped: '0', failed: '0', 'cache-hit': 'false' });
    const result = JSON.parse(outputs.result ?? '') as OutputDocument;
    expect(result.services.map((s) => `${s.name}: ${s.status} ×${s.instances.length}`).sort()).toEqual([
      'db: Running ×1',
      'web: Running ×2',
    ]);
    expect(result.jobs.map((x) => `${x.name}: ${x.status}`)).toEqual(['migrate: Succeeded']);

    const services = JSON.parse(outputs.services ?? '') as ServicesOutput;
    const res = await fetch(`http://127.0.0.1:${services.web?.ports['8080']}/config.txt`);
    expect(await res.text()).toBe('greeting=hello\npod=web-0\ndatabase=postgres://postgres:5432/app\n');
    expect(await query(Number(services.db?.ports['5432']), 'SELECT body FROM messages')).toEqual([
      { body: 'hello from a Kubernetes Job' },
    ]);

    // The Secret's value is registered with the runner before anything is printed, and printed nowhere else.
    const lines = main.stdout.split('\n');
    const mask = lines.findIndex((l) => l === '::add-mask::not-a-real-password');
    expect(mask).toBeGreaterThanOrEqual(0);
    expect(lines.filter((l, i) => i !== mask && l.includes('not-a-real-password'))).toEqual([]);
    expect(lines.findIndex((l) => l.startsWith('initsteps: project'))).toBeGreaterThan(mask);
    // Ignored fields are warning annotations at their line (nodeSelector is web's pod spec's).
    const nodeSelector = readFileSync(join(ROOT, 'examples/kubernetes/app.yaml'), 'utf8')
      .split('\n')
      .findIndex((l) => l.trim() === 'nodeSelector:');
    expect(main.stdout).toMatch(
      new RegExp(
        `^::warning title=[^,]*,file=examples/kubernetes/app.yaml,line=${nodeSelector + 1},col=\\d+::ignored: pod spec: nodeSelector`,
        'm',
      ),
    );
    const summary = readFileSync(j.files.summary, 'utf8');
    expect(summary).toContain('every service is running, every job succeeded');
    expect(summary).toMatch(/<tr><td>migrate<\/td><td>✅ Succeeded<\/td>/);

    const post = await runPost(j);
    expect(post.code, post.stdout).toBe(0);
    expect(await remains(project)).toEqual([]);
  });
});
