// The cache end to end, as users run it: the CLI's `up --cache-dir` across `down --volumes`, the action's
// main + post steps against a local Actions cache service (a hosted runner's second run), and a pull
// request from a fork (read-only token) that restores the base branch's entry by its base key.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../src/action/main.js';
import { runPost } from '../../src/action/post.js';
import { actionCacheFactory, actionCachePostHook } from '../../src/cache/action.js';
import { runCli } from '../../src/cli/run.js';
import { down } from '../../src/engine/down.js';
import { removeCreated } from '../../src/engine/tracked.js';
import { up } from '../../src/engine/up.js';
import { connectDocker } from '../../src/runtime/docker.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import type { OutputDocument } from '../../src/report/outputs.js';
import { loadProject } from '../../src/spec/index.js';
import { CacheServer } from '../support/cache-server.js';
import { connect, projectName } from '../support/engine.js';
import { contents, pgWorkspace, type PgWorkspace } from '../support/pg-project.js';
import { FakeCore } from '../unit/action/fake-core.js';

const SPEC = `apiVersion: initsteps/v1
kind: Service
metadata:
  name: db
spec:
  image: busybox:latest
  # Stops on SIGTERM (PID 1 ignores it unless it traps it): the cache's clean point stops it to save,
  # right after it started, so the probe says when the trap is set.
  command: [sh, -c, "trap 'exit 0' TERM; touch /tmp/up; sleep 3600 & wait"]
  readinessProbe: {exec: {command: [test, -f, /tmp/up]}, periodSeconds: 1, failureThreshold: 30}
  volumes:
    - name: data
      mountPath: /data
      claimTemplate: {spec: {capacity: 1Gi}}
    - {name: migrations, mountPath: /migrations, hostPath: ./migrations, readOnly: true}
  initSteps:
    - name: initdb
      command: [sh, -c, "mkdir /data/pg && chown 999:999 /data/pg && chmod 700 /data/pg"]
    - name: migrate
      command: [sh, -c, "cat /migrations/*.sql > /data/pg/applied"]
    - name: check
      runIf: {type: always}
      command: [sh, -c, "stat -c '%u:%g %a' /data/pg && cat /data/pg/applied"]
`;

let runtime: ContainerRuntime;
let ws: string;
beforeAll(async () => {
  runtime = await connect();
  ws = mkdtempSync(join(tmpdir(), 'initsteps-cache-e2e-'));
  mkdirSync(join(ws, 'migrations'));
  writeFileSync(join(ws, 'migrations', '001.sql'), 'create table t (id int);\n');
  writeFileSync(join(ws, 'initsteps.yaml'), SPEC);
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

describe('initsteps up --cache-dir', () => {
  const name = projectName('cachecli');
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'initsteps-cache-cli-'));
  });
  afterAll(async () => {
    await down(runtime, { project: name, volumes: true });
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = async (...argv: string[]) => {
    const out: string[] = [];
    const code = await runCli(argv, {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      env: process.env,
      cwd: ws,
      signal: new AbortController().signal,
    });
    return { code, out };
  };
  const freshUp = async () => {
    const spec = join(ws, 'initsteps.yaml');
    expect((await cli('down', spec, '--project', name, '--volumes')).code).toBe(0);
    return cli('up', spec, '--project', name, '--cache-dir', dir);
  };

  it('initializes once, then restores after down --volumes', async () => {
    const first = await freshUp();
    expect(first.code).toBe(0);
    expect(first.out).toContain('✓ init step "initdb" on db-0 succeeded');

    const second = await freshUp();
    expect(second.code).toBe(0);
    expect(second.out).toContain('↷ init step "initdb" on db-0: skipped (volume already initialized)');
    expect(second.out).toContain('↷ init step "migrate" on db-0: skipped (volume already initialized)');
    expect(second.out.filter((l) => l.includes('999:999 700'))).toHaveLength(1);
  });

  it('runs the steps again after a mounted migration changed', async () => {
    writeFileSync(join(ws, 'migrations', '002.sql'), 'alter table t add column v text;\n');
    const run = await freshUp();
    expect(run.code).toBe(0);
    expect(run.out).toContain('✓ init step "migrate" on db-0 succeeded');
    rmSync(join(ws, 'migrations', '002.sql'));
  });
});

describe('the action: main restores and snapshots, post uploads', () => {
  const name = projectName('cacheaction');
  let server: CacheServer;
  let runnerTemp: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    server = await new CacheServer().start();
    runnerTemp = mkdtempSync(join(tmpdir(), 'initsteps-cache-runner-'));
    // @actions/cache reads the process environment.
    Object.assign(process.env, server.env(runnerTemp, ws));
  });
  afterAll(async () => {
    await down(runtime, { project: name, volumes: true });
    await server.stop();
    process.env = saved;
    rmSync(runnerTemp, { recursive: true, force: true });
  });

  /** One job on a fresh hosted runner: no volumes, main, then post. */
  const job = async () => {
    await down(runtime, { project: name, volumes: true });
    const env = { ...process.env, INPUT_SPEC: 'initsteps.yaml', INPUT_PROJECT: name, GITHUB_WORKSPACE: ws };
    const core = new FakeCore();
    await runMain({ env, core, loadProject, connect: connectDocker, up, cacheFactory: actionCacheFactory });
    const afterMain = server.entries.filter((e) => e.finalized).length;
    await runPost({ env, core, connect: connectDocker, removeCreated, cacheHook: actionCachePostHook });
    return { core, afterMain };
  };

  it('saves in post on the first run, restores on the second', async () => {
    const first = await job();
    expect(first.core.failed).toBeUndefined();
    expect(first.core.outputs['cache-hit']).toBe('false');
    expect(first.afterMain).toBe(0);
    expect(server.entries.filter((e) => e.finalized)).toHaveLength(1);

    const second = await job();
    expect(second.core.failed).toBeUndefined();
    expect(second.core.warnings).toEqual([]);
    expect(second.core.outputs['cache-hit']).toBe('true');
    expect(second.core.log).toContain('↷ init step "initdb" on db-0: skipped (volume already initialized)');
    expect(server.calls.filter((c) => c === 'CreateCacheEntry')).toHaveLength(1);
  });
});

describe('the action on a pull request from a fork (read-only token), on PostgreSQL', () => {
  const name = projectName('cachefork');
  let server: CacheServer;
  let runnerTemp: string;
  let pgws: PgWorkspace;
  const saved = { ...process.env };
  beforeAll(async () => {
    execFileSync('bash', ['scripts/build-images.sh', 'postgres'], { stdio: 'inherit' });
    server = await new CacheServer().start();
    runnerTemp = mkdtempSync(join(tmpdir(), 'initsteps-cache-fork-'));
    pgws = pgWorkspace();
    pgws.migration(1);
    pgws.migration(2);
    Object.assign(process.env, server.env(runnerTemp, pgws.dir));
  });
  afterAll(async () => {
    await down(runtime, { project: name, volumes: true });
    await server.stop();
    process.env = saved;
    rmSync(runnerTemp, { recursive: true, force: true });
    pgws.remove();
  });

  /** One job on a fresh hosted runner: no volumes, main, then post. */
  const job = async () => {
    await down(runtime, { project: name, volumes: true });
    const env = {
      ...process.env,
      INPUT_SPEC: 'initsteps.yaml',
      INPUT_PROJECT: name,
      GITHUB_WORKSPACE: pgws.dir,
    };
    const core = new FakeCore();
    await runMain({ env, core, loadProject, connect: connectDocker, up, cacheFactory: actionCacheFactory });
    const result = JSON.parse(core.outputs.result ?? '{}') as OutputDocument;
    const port = result.services[0]?.instances[0]?.ports[0]?.hostPort ?? 0;
    const db = await contents(port);
    await runPost({ env, core, connect: connectDocker, removeCreated, cacheHook: actionCachePostHook });
    return { core, result, db };
  };

  it('restores the base branch entry by its base key and applies one migration; the save warns; the job passes', async () => {
    const base = await job();
    expect(base.core.failed).toBeUndefined();
    expect(base.result.cache).toMatchObject({ result: 'miss', saved: true });
    const [stored] = server.entries.filter((e) => e.finalized);
    expect(stored?.key).toBe(base.result.cache?.key);
    // An entry of the old format for the same project and version, newer than every other: never restored.
    server.entries.push({
      key: `initsteps-1-${name}-db-0-${'a'.repeat(64)}`,
      version: stored?.version ?? '',
      blob: stored?.blob ?? '',
      finalized: true,
    });

    pgws.migration(3);
    server.options = { refuse: 'read-only' };
    const pr = await job();
    expect(pr.core.failed).toBeUndefined();
    expect(pr.core.outputs['cache-hit']).toBe('false');
    expect(pr.result.cache).toMatchObject({ result: 'base', matchedKey: stored?.key });
    expect(pr.core.outputs).toMatchObject({ ran: '2', skipped: '3', failed: '0' });
    expect(pr.db.migrations).toEqual(['001_t.sql', '002_t.sql', '003_t.sql']);
    expect(pr.db.stamp).toBe(base.db.stamp);
    expect(pr.core.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^cache: saving initsteps-2-\S+ failed \(the run goes on\): .*did not store/),
    ]);
    expect(server.entries.filter((e) => e.finalized && e.key.startsWith('initsteps-2-'))).toHaveLength(1);
  });
});
