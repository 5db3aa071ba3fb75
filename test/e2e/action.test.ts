// The bundled action as the runner runs it: dist/main/index.js and dist/post/index.js as child processes
// under Node 24, with INPUT_* inputs, the runner's files (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY)
// and post getting main's state as STATE_* variables. Needs `npm run bundle` to be current. The runner's
// reading of the output (which workflow commands it would act on) is test/support/runner.ts.
import { execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL } from '../../src/engine/labels.js';
import type { OutputDocument, ServicesOutput } from '../../src/report/outputs.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { CacheServer } from '../support/cache-server.js';
import { connect, projectName, removeProject } from '../support/engine.js';
import { HOSTILE_LINES, readAsRunner } from '../support/runner.js';
import {
  login,
  pushTestImage,
  removeImage,
  startTestRegistries,
  type PushedImage,
  type TestRegistries,
} from '../support/registry.js';

const root = path.resolve(import.meta.dirname, '../..');
const node24 = execFileSync('bash', [path.join(root, 'scripts/ensure-node24.sh')], {
  encoding: 'utf8',
}).trim();

/** Files of the runner's file commands: `name<<delimiter` heredoc blocks (and plain `name=value` lines). */
function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter] = heredoc;
      const value: string[] = [];
      while (i + 1 < lines.length && lines[i + 1] !== delimiter) value.push(lines[++i] ?? '');
      i++;
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/** `::error title=...,file=...,line=...::message` lines of stdout, properties decoded. */
function errorCommands(stdout: string): { props: Record<string, string>; message: string }[] {
  const unescape = (s: string): string =>
    s
      .replace(/%2C/g, ',')
      .replace(/%3A/g, ':')
      .replace(/%0A/g, '\n')
      .replace(/%0D/g, '\r')
      .replace(/%25/g, '%');
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::error'))
    .map((l) => {
      const m = /^::error(?: ([^:]*))?::(.*)$/.exec(l);
      const props = Object.fromEntries(
        (m?.[1] ?? '')
          .split(',')
          .filter(Boolean)
          .map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]),
      );
      return { props, message: unescape(m?.[2] ?? '') };
    });
}

interface Workspace {
  dir: string;
  files: { output: string; state: string; summary: string };
  env: Record<string, string>;
}

function workspace(spec: string, inputs: Record<string, string>): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'initsteps-action-e2e-'));
  const temp = mkdtempSync(path.join(tmpdir(), 'initsteps-action-runner-'));
  writeFileSync(path.join(dir, 'initsteps.yaml'), spec);
  const files = {
    output: path.join(temp, 'output'),
    state: path.join(temp, 'state'),
    summary: path.join(temp, 'summary.md'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? temp,
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: temp,
    // Markers and run state of tests stay in the suite's state dir.
    INITSTEPS_STATE_DIR: process.env.INITSTEPS_STATE_DIR ?? '',
    ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
  };
  for (const [name, value] of Object.entries({ spec: 'initsteps.yaml', cache: 'false', ...inputs })) {
    // The runner upper-cases the name and keeps dashes: INPUT_ALLOW-PRIVILEGED.
    env[`INPUT_${name.toUpperCase()}`] = value;
  }
  return { dir, files, env };
}

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
}

function start(entry: 'main' | 'post', env: Record<string, string>, nodeBin = node24) {
  const child = spawn(nodeBin, [path.join(root, 'dist', entry, 'index.js')], {
    env,
    cwd: env.GITHUB_WORKSPACE,
  });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const done = new Promise<Finished>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout })),
  );
  return { child, done, stdout: () => stdout };
}

const runMain = (ws: Workspace, nodeBin?: string): Promise<Finished> => start('main', ws.env, nodeBin).done;

/** Post as the runner starts it: main's saved state as STATE_<name>. */
function runPost(ws: Workspace): Promise<Finished> {
  const state = parseFileCommands(readFileSync(ws.files.state, 'utf8'));
  const env = { ...ws.env, ...Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v])) };
  return start('post', env).done;
}

const outputs = (ws: Workspace) => parseFileCommands(readFileSync(ws.files.output, 'utf8'));
const resultOf = (ws: Workspace): OutputDocument => JSON.parse(outputs(ws).result ?? '') as OutputDocument;

async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

let runtime: ContainerRuntime;
const projects: string[] = [];
const workspaces: string[] = [];
beforeAll(async () => {
  runtime = await connect();
});
afterAll(async () => {
  for (const p of projects) await removeProject(runtime, p);
  for (const d of workspaces) rmSync(d, { recursive: true, force: true });
});

function project(tag: string): string {
  const name = projectName(tag);
  projects.push(name);
  return name;
}

/** What of the project is still there: containers, networks and run-scoped volumes. */
async function remains(name: string): Promise<string[]> {
  const labels = { [LABEL.project]: name };
  return [
    ...(await runtime.listContainers(labels)).map((c) => `container ${c.id.slice(0, 12)}`),
    ...(await runtime.listNetworks(labels)).map((n) => `network ${n.name}`),
    ...(await runtime.listVolumes({ ...labels, [LABEL.ephemeral]: 'true' })).map((v) => `volume ${v.name}`),
  ];
}

const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const FAILING = `apiVersion: initsteps/v1
kind: Service
metadata:
  name: web
spec:
  image: busybox:latest
  command: [sleep, "3600"]
  initSteps:
    - name: prepare
      command: [sh, -c, "echo preparing"]
    - name: migrate
      command: [sh, -c, "echo '<applying 001>'; echo 'disk & table missing' >&2; exit 9"]
      restartPolicy: Never
`;

describe.each([
  ['Node 24', () => node24],
  ['Node 20', () => process.execPath],
])('a failing init step (%s)', (_label, nodeBin) => {
  const name = project('actfail');
  let ws: Workspace;
  let main: Finished;
  beforeAll(async () => {
    ws = workspace(FAILING, { project: name });
    workspaces.push(ws.dir);
    main = await runMain(ws, nodeBin());
  });

  it('fails the step with its exit code in the summary, the log tail escaped', () => {
    expect(main.code).toBe(1);
    const summary = readFileSync(ws.files.summary, 'utf8');
    expect(summary).toContain(
      '<td>web</td><td>web-0</td><td>migrate</td><td>❌ Failed</td><td>9</td><td>1</td>',
    );
    expect(summary).toContain(
      '<td>web</td><td>web-0</td><td>prepare</td><td>✅ Succeeded</td><td>0</td><td>1</td>',
    );
    expect(summary).toContain('&lt;applying 001&gt;');
    expect(summary).toContain('disk &amp; table missing');
  });

  it('annotates the step line of the spec, workspace-relative', () => {
    const annotation = errorCommands(main.stdout).find((e) => e.props.title?.startsWith('init step'));
    expect(annotation?.props).toMatchObject({
      file: 'initsteps.yaml',
      line: String(lineOf(FAILING, '- name: migrate')),
      title: 'init step "migrate" on web-0 failed',
    });
    expect(annotation?.message).toMatch(/^ExitNonZero exit code 9 after 1 attempt\nlast output:\n/);
    expect(main.stdout).toContain('::error::1 of 1 service(s) not running: web (Failed: InitStepFailed)');
  });

  it('puts each step output in a group, inside a stop-commands block, and the transition lines outside', () => {
    expect(main.stdout).toMatch(
      /::group::▶ init step "prepare" on web-0\n::stop-commands::([0-9a-f]{32})\npreparing\n::\1::\n::endgroup::\n✓ init step "prepare" on web-0 succeeded/,
    );
    expect(main.stdout).toContain(
      '✗ init step "migrate" on web-0 failed: ExitNonZero exit code 9 after 1 attempt',
    );
  });

  it('sets outputs that parse', () => {
    expect(outputs(ws)).toMatchObject({ ran: '2', skipped: '0', failed: '1', 'cache-hit': 'false' });
    const result = resultOf(ws);
    expect(result.project).toBe(name);
    expect(result.services[0]?.instances[0]?.steps.map((s) => [s.name, s.status, s.exitCode])).toEqual([
      ['prepare', 'Succeeded', 0],
      ['migrate', 'Failed', 9],
    ]);
  });

  it('leaves nothing of the run after post', async () => {
    const post = await runPost(ws);
    expect(post.code).toBe(0);
    expect(await remains(name)).toEqual([]);
  });
});

const SERVING = `apiVersion: initsteps/v1
kind: Service
metadata:
  name: web
spec:
  image: busybox:latest
  command: [httpd, -f, -p, "8080", -h, /www]
  ports: ["8080"]
  readinessProbe: {tcpSocket: {port: 8080}, periodSeconds: 1, failureThreshold: 30}
  env:
    - name: GREETING
      valueFrom: {env: E2E_GREETING}
  volumes:
    - {name: www, mountPath: /www, emptyDir: {}}
  initSteps:
    - name: render
      command: [sh, -c, 'echo "hello $GREETING" > /www/index.html; echo "rendered for $GREETING"']
---
apiVersion: initsteps/v1
kind: Service
metadata:
  name: client
spec:
  runtime: process
  dependsOn: [web]
  command: [sleep, "600"]
  initSteps:
    - name: fetch
      command: [curl, -fsS, "http://$(WEB_SERVICE_HOST):$(WEB_SERVICE_PORT)/"]
`;

describe('a passing spec with a published port', () => {
  const name = project('actok');
  let ws: Workspace;
  let main: Finished;
  beforeAll(async () => {
    ws = workspace(SERVING, { project: name });
    ws.env.E2E_GREETING = 'sekret-greeting-42';
    workspaces.push(ws.dir);
    main = await runMain(ws);
  });

  it('succeeds, masks the valueFrom.env value and reports the port', async () => {
    expect(main.code, main.stdout).toBe(0);
    expect(main.stdout).toContain('::add-mask::sekret-greeting-42');
    expect(main.stdout).toContain('rendered for ***');
    expect(main.stdout.replace('::add-mask::sekret-greeting-42', '')).not.toContain('sekret-greeting-42');
    // A host process found web through $(WEB_SERVICE_HOST):$(WEB_SERVICE_PORT): 127.0.0.1 and the published port.
    expect(main.stdout).toContain('hello ***');
    expect(outputs(ws)).toMatchObject({ ran: '2', skipped: '0', failed: '0' });
    expect(readFileSync(ws.files.summary, 'utf8')).toContain('✅ initsteps: every service is running');
  });

  it('answers on its published port until post runs, and is gone after', async () => {
    // As a following workflow step reads it: fromJSON(steps.<id>.outputs.services).web.ports['8080'].
    const web = (JSON.parse(outputs(ws).services ?? '') as ServicesOutput).web;
    const address = `${web?.host}:${web?.ports['8080']}`;
    expect(address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(address).toBe(resultOf(ws).services[0]?.instances[0]?.ports[0]?.address);
    // The main step has exited: the service keeps running for the rest of the job.
    const body = await (await fetch(`http://${address}/`)).text();
    expect(body).toBe('hello sekret-greeting-42\n');

    const post = await runPost(ws);
    expect(post.code).toBe(0);
    expect(await remains(name)).toEqual([]);
    await expect(fetch(`http://${address}/`)).rejects.toThrow();
  });
});

const HANGING = `apiVersion: initsteps/v1
kind: Service
metadata:
  name: slow
spec:
  image: busybox:latest
  command: [sleep, "3600"]
  volumes:
    - {name: data, mountPath: /data, claimTemplate: {spec: {capacity: 1Gi}}}
    - {name: scratch, mountPath: /scratch, emptyDir: {}}
  initSteps:
    - name: wait
      command: [sh, -c, "echo waiting; sleep 300"]
`;

describe.each([['SIGTERM'], ['SIGKILL']] as const)('main stopped by %s in the middle of a step', (signal) => {
  const name = project(`act${signal.toLowerCase()}`);
  let ws: Workspace;
  let main: Finished;
  beforeAll(async () => {
    ws = workspace(HANGING, { project: name });
    workspaces.push(ws.dir);
    const run = start('main', ws.env);
    await waitFor('the step to start', () => run.stdout().includes('\nwaiting\n'));
    await waitFor('the step container', async () =>
      (await remains(name)).some((r) => r.startsWith('container')),
    );
    run.child.kill(signal);
    main = await run.done;
  }, 120_000);

  it('post leaves nothing of the run', async () => {
    if (signal === 'SIGTERM') {
      // Cancelled cleanly: the running step reported Cancelled, the summary still written.
      expect(main.code).toBe(1);
      expect(main.stdout).toContain('::error::cancelled by SIGTERM');
      expect(readFileSync(ws.files.summary, 'utf8')).toContain('🚫 Cancelled');
    } else {
      expect(main.signal).toBe('SIGKILL');
      // Nothing cleaned up the step container: post has to, from the ids main saved as they appeared.
      expect(await remains(name)).not.toEqual([]);
    }
    const post = await runPost(ws);
    expect(post.code).toBe(0);
    expect(await remains(name)).toEqual([]);
  });
});

const HOSTILE = `apiVersion: initsteps/v1
kind: Service
metadata:
  name: web
spec:
  image: busybox:latest
  command: [sleep, "3600"]
  volumes:
    - {name: input, mountPath: /input, hostPath: ./input, readOnly: true}
  initSteps:
    - name: shout
      command: [sh, -c, "cat /input/hostile.txt; cat /input/hostile.txt >&2"]
`;

/** The state post gets from the runner: main's GITHUB_STATE file plus every save-state it honoured on stdout. */
function runnerState(ws: Workspace, stdout: string): Record<string, string> {
  const state = parseFileCommands(readFileSync(ws.files.state, 'utf8'));
  for (const c of readAsRunner(stdout).honoured) {
    if (c.name.toLowerCase() === 'save-state' && c.props.name) state[c.props.name] = c.data;
  }
  return state;
}

describe('a step that prints every workflow command', () => {
  const name = project('acthostile');
  let ws: Workspace;
  let main: Finished;
  let server: CacheServer;
  beforeAll(async () => {
    ws = workspace(HOSTILE, { project: name });
    workspaces.push(ws.dir, path.dirname(ws.files.state));
    mkdirSync(path.join(ws.dir, 'input'));
    writeFileSync(path.join(ws.dir, 'input', 'hostile.txt'), `${HOSTILE_LINES.join('\n')}\n`);
    server = await new CacheServer().start();
    main = await runMain(ws);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('runs, and the runner honours none of its commands (::, ##[ mid-line, \\r-split, stop-commands, on stdout and stderr)', () => {
    expect(main.code, main.stdout).toBe(0);
    const reading = readAsRunner(main.stdout);
    // The action's own commands only: its group, and @actions/glob's debug lines about the spec input.
    const own = reading.honoured.filter((c) => c.name !== 'debug');
    expect(own.map((c) => `${c.name}:${c.data}`)).toEqual([
      'group:▶ init step "shout" on web-0',
      'endgroup:',
    ]);
    for (const c of reading.honoured.filter((d) => d.name === 'debug')) {
      expect(HOSTILE_LINES.join('\n')).not.toContain(c.line);
    }
    expect(reading.openAtEnd).toBe(false);
    expect(reading.tokens.length).toBeGreaterThan(0);
    for (const token of reading.tokens) {
      expect(token).toMatch(/^[0-9a-f]{32}$/);
      expect(HOSTILE_LINES.join('\n')).not.toContain(token);
    }
    // Shown in the log, twice (stdout and stderr), just not acted on.
    for (const line of HOSTILE_LINES) expect(main.stdout.split(line).length - 1).toBeGreaterThanOrEqual(2);
  });

  it("leaves post's state as main wrote it", () => {
    expect(runnerState(ws, main.stdout)).toEqual(parseFileCommands(readFileSync(ws.files.state, 'utf8')));
    expect(runnerState(ws, main.stdout)['cache-pending']).toBeUndefined();
  });

  it('post uploads nothing and removes nothing a forged state names, and cleans up the run', async () => {
    // What the step aimed at: a directory outside the staging root, and a container of another project.
    const sentinelDir = path.join(ws.dir, 'keep');
    mkdirSync(sentinelDir);
    writeFileSync(path.join(sentinelDir, 'sentinel'), 'keep me');
    const other = await runtime.createContainer({
      image: 'busybox:latest',
      cmd: ['true'],
      env: [],
      labels: { [LABEL.project]: `${name}-other`, [LABEL.run]: 'someone-else' },
      network: { mode: 'none' },
      mounts: [],
      securityOpt: [],
      capAdd: [],
      capDrop: [],
      privileged: false,
    });
    projects.push(`${name}-other`);
    const key = `initsteps-2-${name}-${'c'.repeat(64)}-${'a'.repeat(64)}`;
    const temp = ws.env.RUNNER_TEMP ?? '';
    // A well-formed key whose staging directory is a symlink to the sentinel directory.
    const linked = `initsteps-2-${name}-${'c'.repeat(64)}-${'b'.repeat(64)}`;
    mkdirSync(path.join(temp, 'initsteps-cache'), { recursive: true });
    symlinkSync(sentinelDir, path.join(temp, 'initsteps-cache', linked));
    const state = runnerState(ws, main.stdout);
    const created = JSON.parse(state.created ?? '{}') as { containers: string[]; networks: string[] };
    const forged = {
      ...state,
      'cache-pending': JSON.stringify([
        { key, file: path.join(sentinelDir, 'sentinel') },
        { key: `${key}/../../../keep`, file: path.join(sentinelDir, 'snapshot.tar') },
        { key: linked, file: path.join(temp, 'initsteps-cache', linked, 'snapshot.tar') },
      ]),
      created: JSON.stringify({
        ...created,
        containers: [...created.containers, other],
        networks: [...created.networks, 'host'],
        // Never a pid in a test's forged state: kill(-1) from a post step without the fix ends every process.
        processes: [],
      }),
    };
    const post = await start('post', {
      ...ws.env,
      ...server.env(temp, ws.dir),
      ...Object.fromEntries(Object.entries(forged).map(([k, v]) => [`STATE_${k}`, v])),
    }).done;
    expect(post.code, post.stdout).toBe(0);
    expect(readFileSync(path.join(sentinelDir, 'sentinel'), 'utf8')).toBe('keep me');
    expect(server.calls).toEqual([]);
    expect(server.entries).toEqual([]);
    expect(post.stdout.match(/^::warning::cache: ignoring /gm), post.stdout).toHaveLength(2);
    // The symlinked staging directory has the right name: the store itself refuses it, before any upload.
    expect(post.stdout).toContain(
      `::warning::cache: saving ${linked} failed (the run goes on): the staged snapshot`,
    );
    expect(existsSync(path.join(temp, 'initsteps-cache', linked))).toBe(true);
    expect((await runtime.inspectContainer(other)).id).toBe(other);
    expect(await remains(name)).toEqual([]);
  });
});

describe('a private image, after docker login (as docker/login-action does)', () => {
  const name = project('actpriv');
  const noLogin = project('actnologin');
  let regs: TestRegistries;
  let image: PushedImage;
  let ws: Workspace;
  let main: Finished;
  const spec = () => `apiVersion: initsteps/v1
kind: Service
metadata:
  name: api
spec:
  image: ${image.ref}
  command: [sleep, "3600"]
  initSteps:
    - name: check
      command: [test, -f, /payload]
`;
  beforeAll(async () => {
    regs = await startTestRegistries();
    image = pushTestImage(regs.private, 'initsteps-test/action:1', 1_000_000, regs.loginConfig);
    ws = workspace(spec(), { project: name });
    workspaces.push(ws.dir);
    // docker/login-action runs `docker login`, which writes ~/.docker/config.json of the runner's user.
    ws.env.HOME = mkdtempSync(path.join(tmpdir(), 'initsteps-action-home-'));
    workspaces.push(ws.env.HOME);
    login(regs.private.host, regs.user, regs.password, path.join(ws.env.HOME, '.docker'));
    main = await runMain(ws);
  }, 120_000);
  afterAll(async () => {
    // Its containers first: an image a container uses cannot be removed.
    for (const p of [name, noLogin]) await removeProject(runtime, p);
    if (image) removeImage(image.id);
    await regs?.stop();
  });

  it('pulls the image with those credentials and runs', () => {
    expect(main.code, main.stdout).toBe(0);
    expect(main.stdout).toContain(`::group::⇣ pulling 1 image: ${image.ref}`);
    expect(main.stdout).toContain(`✓ pulled ${image.ref} in `);
    expect(resultOf(ws).services[0]?.status).toBe('Running');
  });

  it('shows the digest that ran in the summary, and the credentials nowhere', () => {
    const summary = readFileSync(ws.files.summary, 'utf8');
    expect(summary).toContain(`<td>${image.ref} (${image.digest})</td>`);
    const basic = Buffer.from(`${regs.user}:${regs.password}`).toString('base64');
    for (const text of [
      main.stdout,
      summary,
      readFileSync(ws.files.output, 'utf8'),
      readFileSync(ws.files.state, 'utf8'),
    ]) {
      expect(text).not.toContain(regs.password);
      expect(text).not.toContain(basic);
    }
  });

  it('fails without the login, saying what to do', async () => {
    const post = await runPost(ws);
    expect(post.code).toBe(0);
    removeImage(image.id); // no container uses it any more
    const other = workspace(spec(), { project: noLogin });
    workspaces.push(other.dir);
    other.env.HOME = mkdtempSync(path.join(tmpdir(), 'initsteps-action-home-'));
    workspaces.push(other.env.HOME);
    const failed = await runMain(other);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`registry ${regs.private.host} refused the pull`);
    expect(failed.stdout).toContain('docker/login-action');
    expect((await runPost(other)).code).toBe(0);
  });
});
