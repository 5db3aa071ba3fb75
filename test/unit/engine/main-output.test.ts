// `initsteps logs <service>`: the recent output of main containers (from the engine) and of main
// processes (their log file, only from the project's state directory).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { mainOutput } from '../../../src/engine/main-output.js';
import { loadLastRun, projectStateDir, type LastRun } from '../../../src/engine/state.js';
import { project } from '../../support/model.js';
import { fakeRuntime, runUp, sleeper, useStateDir } from './fake-harness.js';

const stateDir = useStateDir();

it("shows each main container's last lines, in instance order", async () => {
  const rt = fakeRuntime({
    script: (c) =>
      c.role === 'main'
        ? { output: ['booting', { stream: 'stderr', line: `ready ${c.instance}` }], runMs: 'forever' }
        : undefined,
  });
  await runUp(rt, project('p', [{ name: 'db', ...sleeper, replicas: 2 }]));
  const last = await loadLastRun('p', stateDir());
  expect(await mainOutput(rt, 'p', 'db', last)).toEqual([
    { instance: 'db-0', lines: ['booting', 'ready db-0'] },
    { instance: 'db-1', lines: ['booting', 'ready db-1'] },
  ]);
  expect(await mainOutput(rt, 'p', 'db', last, 1)).toEqual([
    { instance: 'db-0', lines: ['ready db-0'] },
    { instance: 'db-1', lines: ['ready db-1'] },
  ]);
  expect(await mainOutput(rt, 'p', 'other', last)).toEqual([]);
});

it("reads a main process's log file from the state dir only, its tail", async () => {
  const dir = projectStateDir('p', stateDir());
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'web-0.log'), 'one\ntwo\nthree\n');
  const outside = join(stateDir(), 'elsewhere.log');
  writeFileSync(outside, 'secret\n');
  const proc = { service: 'web', pid: 1 };
  const last: LastRun = {
    runId: 'r',
    startedAt: '',
    finishedAt: '',
    report: {
      project: 'p',
      services: [],
      jobs: [],
      steps: [],
      cacheHit: false,
      created: { containers: [], networks: [], volumes: [] },
    },
    logs: {},
    processes: [
      { ...proc, instance: 'web-0', log: join(dir, 'web-0.log') },
      { ...proc, instance: 'web-1', log: outside },
    ],
  };
  expect(await mainOutput(fakeRuntime(), 'p', 'web', last, 2)).toEqual([
    { instance: 'web-0', lines: ['two', 'three'] },
    { instance: 'web-1', lines: [], note: `not reading ${outside}: outside ${dir}` },
  ]);
});
