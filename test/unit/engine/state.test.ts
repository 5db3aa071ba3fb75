// The last-run file: kept inside the state dir, read within a bound, garbage ignored with a warning; and
// `down` signals a recorded process only while it is still the one that was started.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { down } from '../../../src/engine/down.js';
import { processAlive, processStartTime } from '../../../src/engine/host-process.js';
import {
  loadLastRun,
  MAX_LAST_RUN_BYTES,
  projectStateDir,
  saveLastRun,
  type HostProcess,
  type LastRun,
} from '../../../src/engine/state.js';
import { UsageError } from '../../../src/errors.js';
import { FakeRuntime } from '../../support/fake-runtime.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'initsteps-state-'));
});

const lastRun = (processes: HostProcess[] = []): LastRun => ({
  runId: 'r1',
  startedAt: '2024-01-01T00:00:00.000Z',
  finishedAt: '2024-01-01T00:00:01.000Z',
  report: {
    project: 'p',
    services: [],
    jobs: [],
    steps: [],
    cacheHit: false,
    created: { containers: [], networks: [], volumes: [] },
  },
  logs: { 'app-0/seed': ['seeded'] },
  processes,
});

const lastRunFile = (project: string): string => path.join(projectStateDir(project, dir), 'last-run.json');

function writeRaw(project: string, text: string): void {
  mkdirSync(projectStateDir(project, dir), { recursive: true });
  writeFileSync(lastRunFile(project), text);
}

async function load(project = 'p'): Promise<{ run: LastRun | undefined; warnings: string[] }> {
  const warnings: string[] = [];
  const run = await loadLastRun(project, dir, (m) => warnings.push(m));
  return { run, warnings };
}

describe('projectStateDir', () => {
  it.each(['../../x', '..', 'a/b', '/abs', '.hidden', 'UPPER', ''])('refuses %j', (name) => {
    expect(() => projectStateDir(name, dir)).toThrow(UsageError);
    expect(() => projectStateDir(name, dir)).toThrow(/project name .* is not valid/);
  });

  it('keeps a project name inside the state dir', () => {
    expect(projectStateDir('ci_demo-1', dir)).toBe(path.join(dir, 'projects', 'ci_demo-1'));
  });
});

describe('loadLastRun', () => {
  it('reads back what was saved, without warnings', async () => {
    const run = lastRun([{ service: 'app', instance: 'app-0', pid: 1234, startTime: 'b:1', log: '/l' }]);
    await saveLastRun('p', run, dir);
    expect(await load()).toEqual({ run, warnings: [] });
  });

  it('is undefined without a file, and without a warning', async () => {
    expect(await load()).toEqual({ run: undefined, warnings: [] });
  });

  it.each([
    ['not JSON', '{"runId": ', /is not valid JSON: ignored/],
    ['JSON of another shape', '[1, 2, 3]', /is not a last run written by initsteps: ignored/],
    ['processes that are not a list', JSON.stringify({ ...lastRun(), processes: 5 }), /is not a last run/],
    [
      'steps that are not objects',
      JSON.stringify({ ...lastRun(), report: { ...lastRun().report, steps: [null] } }),
      /is not a last run/,
    ],
    ['logs that are not lines', JSON.stringify({ ...lastRun(), logs: { a: 'x' } }), /is not a last run/],
  ])('ignores %s with a warning', async (_what, text, warning) => {
    writeRaw('p', text);
    const { run, warnings } = await load();
    expect(run).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(warning);
    expect(warnings[0]).toContain(lastRunFile('p'));
  });

  it('drops process entries that are not processes, with a warning', async () => {
    const good: HostProcess = { service: 'app', instance: 'app-0', pid: 4242, startTime: 'b:1', log: '/l' };
    const bad = [{ ...good, pid: '1' }, { ...good, pid: 1.5 }, { ...good, startTime: 7 }, 'x', null];
    writeRaw('p', JSON.stringify({ ...lastRun(), processes: [good, ...bad] }));
    const { run, warnings } = await load();
    expect(run?.processes).toEqual([good]);
    expect(warnings).toEqual([`${lastRunFile('p')}: 5 process entry(ies) ignored`]);
  });

  it('does not read a file over the size bound', async () => {
    writeRaw('p', '');
    truncateSync(lastRunFile('p'), MAX_LAST_RUN_BYTES + 1); // sparse: no disk used
    const { run, warnings } = await load();
    expect(run).toBeUndefined();
    expect(warnings).toEqual([`${lastRunFile('p')} is larger than 64 MiB: ignored`]);
  });

  it('does not hang on a FIFO in its place', async () => {
    mkdirSync(projectStateDir('p', dir), { recursive: true });
    const mkfifo = spawn('mkfifo', [lastRunFile('p')]);
    await new Promise((resolve) => mkfifo.once('exit', resolve));
    const { run, warnings } = await load();
    expect(run).toBeUndefined();
    expect(warnings).toEqual([`${lastRunFile('p')} is not a regular file: ignored`]);
  });

  it('refuses a project name that would leave the state dir', async () => {
    await expect(loadLastRun('../../x', dir)).rejects.toThrow(UsageError);
  });
});

describe('down and recorded processes', () => {
  const noObjects = new FakeRuntime();
  const children: ChildProcess[] = [];
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.INITSTEPS_STATE_DIR;
    process.env.INITSTEPS_STATE_DIR = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.INITSTEPS_STATE_DIR;
    else process.env.INITSTEPS_STATE_DIR = saved;
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });

  async function sleeper(): Promise<number> {
    const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
    children.push(child);
    await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
    return child.pid ?? 0;
  }

  const proc = (pid: number, startTime: string | undefined): HostProcess => ({
    service: 'app',
    instance: 'app-0',
    pid,
    ...(startTime !== undefined ? { startTime } : {}),
    log: '/dev/null',
  });

  it('does not signal a recorded pid whose start time differs, and says so', async () => {
    const pid = await sleeper();
    await saveLastRun('p', lastRun([proc(pid, 'another-boot:1')]), dir);
    const res = await down(noObjects, { project: 'p', volumes: false });
    expect(res.processes).toBe(0);
    expect(res.warnings).toEqual([]);
    expect(res.notes).toEqual([
      `app-0: pid ${pid} was not signalled: it now belongs to another process (its start time differs)`,
    ]);
    expect(processAlive(pid)).toBe(true);
    // The entry is dropped: the next down does not try again.
    expect((await loadLastRun('p', dir))?.processes).toEqual([]);
  });

  it('stops a recorded process whose start time matches (SIGTERM first)', async () => {
    const pid = await sleeper();
    await saveLastRun('p', lastRun([proc(pid, processStartTime(pid))]), dir);
    const res = await down(noObjects, { project: 'p', volumes: false });
    expect(res).toMatchObject({ processes: 1, warnings: [], notes: [] });
    const child = children[0];
    if (child?.signalCode === null) await new Promise((resolve) => child.once('exit', resolve));
    expect(child?.signalCode).toBe('SIGTERM');
    expect(processAlive(pid)).toBe(false);
  });

  it('names an unusable last run in a note and removes the rest', async () => {
    writeRaw('p', 'garbage');
    const res = await down(noObjects, { project: 'p', volumes: false });
    expect(res.notes).toEqual([`${lastRunFile('p')} is not valid JSON: ignored`]);
    expect(res.warnings).toEqual([]);
  });
});
