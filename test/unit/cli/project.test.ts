// `--project` names a directory of the state dir: every command refuses a name that is not a project
// name before reading, rewriting or deleting anything, or signalling a pid recorded there.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run.js';
import { processAlive, processStartTime } from '../../../src/engine/host-process.js';

let root: string;
let outside: string;
let child: ChildProcess;
let text: string;
const saved = process.env.INITSTEPS_STATE_DIR;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'initsteps-cli-project-'));
  process.env.INITSTEPS_STATE_DIR = path.join(root, 'state');
  // Where `<state>/projects/../../x/last-run.json` lands: outside the state dir.
  outside = path.join(root, 'x', 'last-run.json');
  child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
  await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  const pid = child.pid ?? 0;
  mkdirSync(path.dirname(outside), { recursive: true });
  text = JSON.stringify({
    runId: 'r',
    startedAt: '',
    finishedAt: '',
    report: { project: 'x', services: [], steps: [], cacheHit: false, created: {} },
    logs: {},
    processes: [{ service: 'a', instance: 'a-0', pid, startTime: processStartTime(pid), log: '/dev/null' }],
  });
  writeFileSync(outside, text);
});

afterAll(() => {
  if (saved === undefined) delete process.env.INITSTEPS_STATE_DIR;
  else process.env.INITSTEPS_STATE_DIR = saved;
  child.kill('SIGKILL');
});

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' },
    cwd: root,
    signal: new AbortController().signal,
  });
  return { code, out, err };
}

describe('--project is checked in every command', () => {
  it.each([
    ['down', ['down', '--project', '../../x']],
    ['down --volumes', ['down', '--volumes', '--project', '../../x']],
    ['status', ['status', '--project', '../../x', '--json']],
    ['logs', ['logs', 'a', '--init-step', 's', '--project', '../../x']],
    ['plan', ['plan', 'initsteps.yaml', '--project', '../../x']],
    ['validate', ['validate', 'initsteps.yaml', '--project', '../../x']],
    ['up', ['up', 'initsteps.yaml', '--project', '../../x']],
  ])(
    '%s --project ../../x: a usage error, and nothing outside the state dir is touched',
    async (name, args) => {
      const res = await cli(args);
      expect(res.code).toBe(2);
      expect(res.out).toEqual([]);
      expect(res.err).toEqual([
        `initsteps ${name.split(' ')[0]} --project: project name "../../x" is not valid: use lowercase letters, digits, '_' and '-', starting with a letter or digit`,
      ]);
      expect(readFileSync(outside, 'utf8')).toBe(text);
      expect(processAlive(child.pid ?? 0)).toBe(true);
    },
  );

  it.each(['/etc', 'a/b', 'Prod', '.x', '-x'])('refuses --project=%s', async (project) => {
    const res = await cli(['status', `--project=${project}`]);
    expect(res.code).toBe(2);
    expect(res.err[0]).toMatch(/--project: project name .* is not valid/);
  });
});
