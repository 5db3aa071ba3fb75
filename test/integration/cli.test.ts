// The CLI commands on the engine (README.md, "The command line"), called in-process with a YAML spec.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { RunReport } from '../../src/engine/types.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { connect, projectsRemovedAfterAll } from '../support/engine.js';

let runtime: ContainerRuntime;
beforeAll(async () => {
  runtime = await connect();
});
const newProjectName = projectsRemovedAfterAll(() => runtime);

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: process.env,
    cwd,
    signal: new AbortController().signal,
  });
  return { code, out, err };
}

const SPEC = `apiVersion: initsteps/v1
kind: Service
metadata:
  name: tb
spec:
  image: busybox:latest
  command: [sleep, "3600"]
  replicas: 2
  ports: ["3000"]
  volumes:
    - {name: data, mountPath: /data, claimTemplate: {spec: {capacity: 1Gi}}}
  initSteps:
    - name: format
      command: [sh, -c, 'echo "formatting $INITSTEPS_INSTANCE"; test "$INITSTEPS_REPLICA_ORDINAL" != "$FAIL_ON" || exit 9']
      env: {FAIL_ON: "none"}
      restartPolicy: Never
    - name: seed
      command: [sh, -c, "echo seeding"]
`;

function specDir(spec: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'initsteps-cli-'));
  writeFileSync(join(dir, 'initsteps.yaml'), spec);
  return dir;
}

describe('initsteps up / status / logs / down', () => {
  it('prints transition lines, exits 0, shows status and step tables, and down removes everything', async () => {
    const dir = specDir(SPEC);
    const name = newProjectName('cli');
    const up1 = await cli(['up', 'initsteps.yaml', '--project', name], dir);
    expect(up1.code).toBe(0);
    expect(up1.out).toEqual(
      expect.arrayContaining([
        '▶ init step "format" on tb-0',
        'tb-0/format | formatting tb-0',
        '✓ init step "format" on tb-0 succeeded',
        '✓ init step "seed" on tb-1 succeeded',
        '✓ tb is Running',
      ]),
    );

    const up2 = await cli(['up', 'initsteps.yaml', '--project', name, '--json'], dir);
    expect(up2.code).toBe(0);
    const report = JSON.parse(up2.out.join('\n')) as RunReport;
    expect(report.steps.map((s) => s.status)).toEqual(['Skipped', 'Skipped', 'Skipped', 'Skipped']);
    expect(report.services[0]?.instances[0]?.ports[0]).toMatchObject({
      containerPort: 3000,
      hostIp: '127.0.0.1',
    });

    const st = await cli(['status', 'initsteps.yaml', '--project', name], dir);
    expect(st.code).toBe(0);
    expect(st.out.join('\n')).toMatch(
      /tb\s+tb-0\s+running\s+127\.0\.0\.1:\d+->3000\/tcp\s+format: Skipped, seed: Skipped/,
    );
    const stJson = JSON.parse(
      (await cli(['status', 'initsteps.yaml', '--project', name, '--json'], dir)).out.join('\n'),
    );
    expect(stJson.services[0].instances).toHaveLength(2);

    const logs = await cli(['logs', 'tb', '--init-step', 'format', '--project', name], dir);
    expect(logs.out).toEqual([
      'INSTANCE  STATUS   EXIT  ATTEMPTS  REASON  MESSAGE',
      'tb-0      Skipped  -     0         -       volume already initialized',
      'tb-1      Skipped  -     0         -       volume already initialized',
    ]);

    const downed = await cli(['down', 'initsteps.yaml', '--project', name, '--volumes'], dir);
    expect(downed.code).toBe(0);
    expect(await runtime.listContainers({ 'dev.initsteps.project': name })).toEqual([]);
    expect(await runtime.listVolumes({ 'dev.initsteps.project': name })).toEqual([]);
  });

  it('exits 1 when a service fails and logs --output shows the failed instance and its captured output', async () => {
    const dir = specDir(SPEC.replace('FAIL_ON: "none"', 'FAIL_ON: "1"'));
    const name = newProjectName('clifail');
    const res = await cli(['up', 'initsteps.yaml', '--project', name], dir);
    expect(res.code).toBe(1);
    expect(res.out).toContain('✗ init step "format" on tb-1 failed: ExitNonZero exit code 9 after 1 attempt');
    expect(res.err).toContainEqual(
      expect.stringMatching(/initsteps\.yaml:13:\d+: init step "format" on tb-1 failed$/),
    );
    const logs = await cli(
      ['logs', 'tb', '--init-step', 'format', '--spec', 'initsteps.yaml', '--project', name, '--output'],
      dir,
    );
    expect(logs.out.slice(0, 3)).toEqual([
      'INSTANCE  STATUS     EXIT  ATTEMPTS  REASON       MESSAGE',
      'tb-0      Succeeded  0     1         -            -',
      'tb-1      Failed     9     1         ExitNonZero  exit code 9',
    ]);
    expect(logs.out).toContain('formatting tb-1');
  });

  it('runs a job: its lines, its failure at its command line, status and logs of jobs and mains', async () => {
    const spec = `apiVersion: initsteps/v1
kind: Service
metadata:
  name: web
spec:
  image: busybox:latest
  command: [sh, -c, 'echo "web up"; exec sleep 3600']
---
apiVersion: initsteps/v1
kind: Job
metadata:
  name: migrate
spec:
  image: busybox:latest
  dependsOn: [web]
  restartPolicy: Never
  command: [sh, -c, 'echo "applying"; test "$FAIL" != yes || exit 3']
  env: {FAIL: "no"}
`;
    const dir = specDir(spec);
    const name = newProjectName('clijob');
    const ok = await cli(['up', 'initsteps.yaml', '--project', name], dir);
    expect(ok.code).toBe(0);
    expect(ok.out).toEqual(
      expect.arrayContaining([
        '▶ job "migrate"',
        'migrate-0/migrate | applying',
        expect.stringMatching(/^✓ job "migrate" succeeded \(\d+(\.\d)?s\)$/),
      ]),
    );

    writeFileSync(join(dir, 'initsteps.yaml'), spec.replace('FAIL: "no"', 'FAIL: "yes"'));
    const failed = await cli(['up', 'initsteps.yaml', '--project', name], dir);
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('✗ job "migrate" failed: JobFailed exit code 3 after 1 attempt');
    // At its `command` line (17).
    expect(failed.err).toContain(`${join(dir, 'initsteps.yaml')}:17:3: job "migrate" failed`);
    expect(failed.err).toContain('1 of 1 job(s) not succeeded: migrate (Failed: JobFailed)');

    const st = await cli(['status', 'initsteps.yaml', '--project', name], dir);
    expect(st.out.join('\n')).toMatch(/JOB\s+STATE\s+EXIT\s+DURATION\s+REASON/);
    expect(st.out.join('\n')).toMatch(/migrate\s+Failed\s+3\s+\S+\s+JobFailed/);

    const jobLogs = await cli(['logs', 'migrate', '--project', name], dir);
    expect(jobLogs.out[1]).toMatch(/^migrate-0\s+Failed\s+3\s+1\s+\S+\s+JobFailed\s+-$/);
    expect(jobLogs.out.slice(2)).toEqual(['', '--- migrate-0 ---', 'applying']);

    const mainLogs = await cli(['logs', 'web', '--project', name], dir);
    expect(mainLogs.code).toBe(0);
    expect(mainLogs.out).toEqual(['--- web-0 ---', 'web up']);
    // Nothing of the job is running.
    const left = await runtime.listContainers({
      'dev.initsteps.project': name,
      'dev.initsteps.service': 'migrate',
    });
    expect(left).toEqual([]);
  });

  it('down without --volumes keeps persistent volumes, so the next up skips', async () => {
    const dir = specDir(SPEC);
    const name = newProjectName('clikeep');
    expect((await cli(['up', 'initsteps.yaml', '--project', name], dir)).code).toBe(0);
    expect((await cli(['down', 'initsteps.yaml', '--project', name], dir)).code).toBe(0);
    expect(await runtime.listContainers({ 'dev.initsteps.project': name })).toEqual([]);
    const again = await cli(['up', 'initsteps.yaml', '--project', name], dir);
    expect(again.out).toContain('↷ init step "format" on tb-0: skipped (volume already initialized)');
  });
});

describe('initsteps plan', () => {
  const PLAN_SPEC = `${SPEC}    - name: stamp
      runIf: {type: fileMissing, path: /data/stamp}
      command: [touch, /data/stamp]
`;

  it('reads volumes and markers as they are: everything runs before up, the same steps skip after it', async () => {
    const dir = specDir(PLAN_SPEC.replace('replicas: 2', 'replicas: 1'));
    const name = newProjectName('cliplan');
    const before = await cli(['plan', 'initsteps.yaml', '--project', name, '--json'], dir);
    expect(before.code).toBe(0);
    const planned = JSON.parse(before.out.join('\n'));
    expect(planned.assumedFresh).toBe(false);
    expect(planned.steps.map((s: { step: string; action: string }) => `${s.step}:${s.action}`)).toEqual([
      'format:run',
      'seed:run',
      'stamp:run',
    ]);

    expect((await cli(['up', 'initsteps.yaml', '--project', name], dir)).code).toBe(0);
    const after = await cli(['plan', 'initsteps.yaml', '--project', name], dir);
    expect(after.out.slice(1)).toEqual([
      'SERVICE  INSTANCE  STEP    ACTION  WHY',
      'tb       tb-0      format  skip    volume already initialized',
      'tb       tb-0      seed    skip    volume already initialized',
      'tb       tb-0      stamp   skip    /data/stamp exists',
    ]);
    // plan leaves nothing behind: only up's own containers carry the project's labels.
    const roles = (await runtime.listContainers({ 'dev.initsteps.project': name })).map(
      (c) => c.labels['dev.initsteps.role'],
    );
    expect(roles.sort()).toEqual(['main', 'sandbox']);
  });
});

describe('the initsteps process', () => {
  it('exits as soon as its work is done, also when a fileMissing check found the file', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = specDir(`${SPEC.replace('replicas: 2', 'replicas: 1')}    - name: stamp
      runIf: {type: fileMissing, path: /data/stamp}
      command: [touch, /data/stamp]
`);
    const name = newProjectName('cliexit');
    const cliEntry = join(process.cwd(), 'src/cli/index.ts');
    for (const expected of ['succeeded', 'skipped']) {
      const began = Date.now();
      const res = spawnSync(
        process.execPath,
        [
          '--import',
          join(process.cwd(), 'node_modules/tsx/dist/esm/index.mjs'),
          cliEntry,
          'up',
          'initsteps.yaml',
          '--project',
          name,
        ],
        {
          cwd: dir,
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(res.status, res.stderr).toBe(0);
      expect(res.stdout).toContain(
        `init step "stamp" on tb-0${expected === 'skipped' ? ': skipped' : ' succeeded'}`,
      );
      // An unread HEAD response used to hold the Docker socket open for minutes after the run.
      expect(Date.now() - began).toBeLessThan(30_000);
    }
  });
});
