// The published CLI as users run it: bin/initsteps.js, which runs the bundle (dist/cli and the chunks
// each command imports when it runs), as a child process under the Node running the tests. Every command
// once, so a chunk that fails to load in the bundle fails here. Needs `npm run bundle` to be current.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { connect, projectName, removeProject } from '../support/engine.js';

const root = path.resolve(import.meta.dirname, '../..');

const SPEC = `apiVersion: initsteps/v1
kind: Service
metadata: {name: db}
spec:
  image: busybox:latest
  command: [sleep, "3600"]
  volumes:
    - {name: data, mountPath: /data, claimTemplate: {spec: {capacity: 16Mi}}}
  initSteps:
    - name: format
      command: [sh, -c, "echo formatting; touch /data/formatted"]
`;

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function initsteps(cwd: string, ...args: string[]): Promise<Exit> {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'initsteps.js'), ...args], {
    cwd,
    env: { ...process.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('the bundled CLI', () => {
  const project = projectName('clibundle');
  let runtime: ContainerRuntime;
  let dir: string;
  beforeAll(async () => {
    runtime = await connect();
    dir = mkdtempSync(path.join(tmpdir(), 'initsteps-cli-bundle-'));
    writeFileSync(path.join(dir, 'initsteps.yaml'), SPEC);
  });
  afterAll(async () => {
    await removeProject(runtime, project);
    rmSync(dir, { recursive: true, force: true });
  });

  it('validates a spec', async () => {
    const r = await initsteps(dir, 'validate', 'initsteps.yaml');
    expect(r).toMatchObject({ code: 0, stdout: 'ok: 1 service(s), 1 init step(s) in 1 file(s)\n' });
  });

  it('names the file and line of a bad spec, exit 2', async () => {
    writeFileSync(path.join(dir, 'bad.yaml'), SPEC.replace('command: [sleep', 'comand: [sleep'));
    const r = await initsteps(dir, 'validate', 'bad.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:6:\d+: /);
  });

  it('plans, runs, reports, shows a step and removes the project', async () => {
    const plan = await initsteps(dir, 'plan', 'initsteps.yaml', '--project', project);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/db\s+db-0\s+format\s+run\s/);

    const up = await initsteps(dir, 'up', 'initsteps.yaml', '--project', project);
    expect(up.stderr).toBe('');
    expect(up.code).toBe(0);
    expect(up.stdout).toContain('init step "format" on db-0 succeeded');

    const status = await initsteps(dir, 'status', 'initsteps.yaml', '--project', project, '--json');
    expect(status.code).toBe(0);
    expect(JSON.stringify(JSON.parse(status.stdout))).toContain('"Running"');

    const logs = await initsteps(
      dir,
      'logs',
      'db',
      '--init-step',
      'format',
      '--project',
      project,
      '--output',
    );
    expect(logs.code).toBe(0);
    expect(logs.stdout).toContain('formatting');

    const down = await initsteps(dir, 'down', 'initsteps.yaml', '--project', project, '--volumes');
    expect(down.code).toBe(0);
    expect(down.stdout).toContain(`removed 2 container(s), 1 network(s), 1 volume(s) of project ${project}`);
  });
});
