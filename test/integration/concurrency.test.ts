// Issue 12 against a real engine, through the CLI as users run it (each command its own process): one run
// per project, the run's state after a SIGKILL, and what a second and a third Ctrl-C do
// (docs/spec.md, "One run per project"; README, "The command line").
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { connect, projectsRemovedAfterAll } from '../support/engine.js';

let runtime: ContainerRuntime;
beforeAll(async () => {
  runtime = await connect();
});
const newProjectName = projectsRemovedAfterAll(() => runtime);

interface Cli {
  child: ChildProcessWithoutNullStreams;
  out: () => string;
  err: () => string;
  /** Resolves once stdout has shown `text`. */
  shows(text: string): Promise<void>;
  exit: Promise<number | null>;
}

function cli(args: string[]): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: process.cwd(),
    env: process.env,
  });
  let out = '';
  let err = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    for (const w of waiters.filter((x) => out.includes(x.text))) w.resolve();
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    child,
    out: () => out,
    err: () => err,
    shows: (text) =>
      new Promise((resolve, reject) => {
        if (out.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void exit.then(() => reject(new Error(`exited without showing "${text}":\n${out}\n${err}`)));
      }),
    exit,
  };
}

/** The CLI in this process (status, and the down command a stopped run printed). */
async function inProcess(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: process.env,
    cwd: process.cwd(),
    signal: new AbortController().signal,
  });
  return { code, out, err };
}

function specFile(step: string, extra = ''): string {
  const file = join(mkdtempSync(join(tmpdir(), 'initsteps-conc-')), 'initsteps.yaml');
  writeFileSync(file, specText(step, extra));
  return file;
}

const specText = (step: string, extra = ''): string =>
  [
    extra,
    'apiVersion: initsteps/v1',
    'kind: Service',
    'metadata: {name: db}',
    'spec:',
    '  image: busybox:latest',
    '  command: [sleep, "3600"]',
    '  volumes:',
    '    - {name: data, mountPath: /data, claimTemplate: {spec: {capacity: 16Mi}}}',
    '    - {name: scratch, mountPath: /scratch, emptyDir: {}}',
    '  initSteps:',
    `    - {name: initdb, restartPolicy: Never, command: [sh, -c, ${JSON.stringify(step)}]}`,
    '',
  ].join('\n');

/** Every Docker object of the project: by label, and by name whatever its labels (Docker's own stand-ins). */
async function objectsOf(name: string): Promise<string[]> {
  const sel = { 'dev.initsteps.project': name };
  const byName = (kind: string, args: string[]) =>
    execFileSync('docker', [...args, '--filter', `name=initsteps_${name}`, '--format', '{{.Name}}'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean)
      .map((n) => `${kind} ${n}`);
  return [
    ...(await runtime.listContainers(sel)).map(
      (c) => `container ${c.id.slice(0, 12)} ${c.labels['dev.initsteps.role']}`,
    ),
    ...(await runtime.listNetworks(sel)).map((n) => `network ${n.name}`),
    ...byName('volume', ['volume', 'ls']),
  ];
}

/** Volumes named for the project that Docker made without initsteps' labels. */
async function unlabelledVolumes(name: string): Promise<string[]> {
  const names = execFileSync(
    'docker',
    ['volume', 'ls', '--filter', `name=initsteps_${name}_`, '--format', '{{.Name}}'],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean);
  const out: string[] = [];
  for (const n of names) {
    const info = await runtime.inspectVolume(n);
    if (info?.labels['dev.initsteps.project'] !== name) out.push(n);
  }
  return out;
}

const execIn = (container: string, command: string): string =>
  execFileSync('docker', ['exec', container, 'sh', '-c', command], { encoding: 'utf8' });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('one run per project', () => {
  it('two up of one project 1 s apart: the second waits for the first; the volume is initialized once; nothing unlabelled remains', async () => {
    const name = newProjectName('twoup');
    const spec = specFile('echo initdb >> /data/count; sleep 3');
    const first = cli(['up', spec, '--project', name]);
    await sleep(1000);
    const second = cli(['up', spec, '--project', name]);
    const [a, b] = await Promise.all([first.exit, second.exit]);
    expect({ a, b, err: first.err() + second.err() }).toMatchObject({ a: 0, b: 0 });
    // Whichever took the lock first, the other one said whose run it waited for, once.
    const waited = [first, second].map(
      (c) => (c.out() + c.err()).match(/is locked by initsteps up \(run /g) ?? [],
    );
    expect(waited.flat()).toHaveLength(1);
    expect(
      [first.out(), second.out()].filter((o) => o.includes('skipped (volume already initialized)')),
    ).toHaveLength(1);
    expect(execIn(`initsteps_${name}_db-0`, 'cat /data/count')).toBe('initdb\n');
    expect(await runtime.listNetworks({ 'dev.initsteps.project': name })).toHaveLength(1);
    expect(await unlabelledVolumes(name)).toEqual([]);
  });

  it('up then down --volumes: down waits for up, then removes everything; nothing unlabelled remains', async () => {
    const name = newProjectName('updown');
    const spec = specFile('echo initdb >> /data/count; sleep 2');
    const upping = cli(['up', spec, '--project', name]);
    await upping.shows('▶ init step "initdb" on db-0');
    const downing = cli(['down', spec, '--project', name, '--volumes']);
    const [u, d] = await Promise.all([upping.exit, downing.exit]);
    expect({ u, d, err: upping.err() + downing.err() }).toMatchObject({ u: 0, d: 0 });
    expect(upping.out()).toContain('✓ init step "initdb" on db-0 succeeded');
    expect(downing.err()).toMatch(/ℹ project .* is locked by initsteps up \(run /);
    expect(downing.out()).toContain('removed 2 container(s), 1 network(s), 2 volume(s)');
    expect(await objectsOf(name)).toEqual([]);
  });
});

describe('the state of a killed run', () => {
  it('SIGKILL of the CLI mid-step, then up: the killed step runs again and status in between tells the truth', async () => {
    const name = newProjectName('kill');
    const spec = specFile('echo started; echo run >> /data/runs; sleep 30');
    const killed = cli(['up', spec, '--project', name]);
    await killed.shows('db-0/initdb | started');
    await sleep(500); // the state is written at most every 250 ms

    const during = await inProcess(['status', spec, '--project', name]);
    expect(during.out[0]).toMatch(
      new RegExp(`^project ${name} \\(run \\w+ in progress since .+, pid ${killed.child.pid} on host .+\\)$`),
    );
    expect(during.out[2]).toMatch(/initdb: Running$/);

    killed.child.kill('SIGKILL');
    await killed.exit;
    const after = await inProcess(['status', spec, '--project', name]);
    expect(after.out[0]).toMatch(
      new RegExp(
        `^project ${name} \\(run \\w+ from .+ stopped without finishing: pid ${killed.child.pid} on host .+ is gone\\)$`,
      ),
    );
    expect(after.out[2]).toMatch(/initdb: Running \(interrupted\)$/);
    expect(after.out.at(-1)).toMatch(/^note: run \w+ was stopped while a step ran/);

    writeFileSync(spec, specText('echo run >> /data/runs'));
    const again = cli(['up', spec, '--project', name]);
    expect(await again.exit).toBe(0);
    expect(again.out()).toMatch(
      /ℹ project .*: took over the lock of initsteps up \(run .*\): that process is gone/,
    );
    expect(again.out()).toContain('✓ init step "initdb" on db-0 succeeded');
    expect(execIn(`initsteps_${name}_db-0`, 'cat /data/runs')).toBe('run\nrun\n');
    const finished = await inProcess(['status', spec, '--project', name]);
    expect(finished.out[0]).toMatch(new RegExp(`^project ${name} \\(last run \\w+, .+\\)$`));
    expect(finished.out[2]).toMatch(/running .* initdb: Succeeded$/);
  });
});

describe('signals during cleanup', () => {
  /** A running service (db), then one whose step is interrupted (tb): cleanup has several objects to remove. */
  const twoServices = (): string => {
    const file = join(mkdtempSync(join(tmpdir(), 'initsteps-sig-')), 'initsteps.yaml');
    const service = (name: string, extra: string[]) =>
      [
        'apiVersion: initsteps/v1',
        'kind: Service',
        `metadata: {name: ${name}}`,
        'spec:',
        '  image: busybox:latest',
        '  command: [sleep, "3600"]',
        '  volumes:',
        '    - {name: data, mountPath: /data, claimTemplate: {spec: {capacity: 16Mi}}}',
        '    - {name: scratch, mountPath: /scratch, emptyDir: {}}',
        ...extra,
      ].join('\n');
    writeFileSync(
      file,
      `${service('db', [])}\n---\n${service('tb', [
        '  dependsOn: [db]',
        '  initSteps:',
        '    - {name: long, command: [sh, -c, "echo started; sleep 60"]}',
      ])}\n`,
    );
    return file;
  };

  it('double SIGINT: the cleanup finishes and nothing is left', async () => {
    const name = newProjectName('sig2');
    const run = cli(['up', twoServices(), '--project', name]);
    await run.shows('tb-0/long | started');
    run.child.kill('SIGINT');
    await run.shows('✗ init step "long" on tb-0 cancelled');
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    expect(run.err()).toContain(
      'initsteps: SIGINT again: cleanup is finishing; send it once more to stop now and leave what remains',
    );
    expect(await objectsOf(name)).toEqual([]);
  });

  it('triple SIGINT: the exact leftovers are printed, and the printed down command removes them', async () => {
    const name = newProjectName('sig3');
    const run = cli(['up', twoServices(), '--project', name]);
    await run.shows('tb-0/long | started');
    run.child.kill('SIGINT');
    await run.shows('✗ init step "long" on tb-0 cancelled');
    run.child.kill('SIGINT');
    await sleep(20);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(130);
    const lines = run.err().split('\n');
    const from = lines.indexOf('initsteps: stopped before the cleanup finished; left behind:');
    expect(from, run.err()).toBeGreaterThanOrEqual(0);
    const listed = lines.slice(from + 1).filter((l) => l.startsWith('  '));
    const command = lines.find((l) => l.startsWith('remove them with: '))?.slice('remove them with: '.length);
    // Its lock at least: the process stopped without releasing it.
    expect(listed).toContainEqual(expect.stringMatching(/^ {2}container \w{12} \(the project lock/));
    // Everything still there was listed (the cleanup may have removed more after the list was made).
    for (const left of await objectsOf(name)) {
      const [kind, id] = left.split(' ');
      expect(
        listed.some((l) => l.startsWith(`  ${kind} ${id}`)),
        `${left} not in:\n${listed.join('\n')}`,
      ).toBe(true);
    }
    expect(command).toMatch(new RegExp(`^initsteps down --project ${name}( --volumes)?$`));
    const removed = await inProcess((command ?? '').split(' ').slice(1));
    expect(removed.code).toBe(0);
    expect(await objectsOf(name)).toEqual([]);
  });
});
