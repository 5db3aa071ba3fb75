// `runtime: process`: steps and the main process are host subprocesses in the workingDir with the env.
import { mkdtempSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down } from '../../src/engine/down.js';
import { processAlive } from '../../src/engine/host-process.js';
import { status } from '../../src/engine/status.js';
import { up, UpCancelledError } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { project } from '../support/model.js';
import { connect, projectName, recorder, stepOf } from '../support/engine.js';

let runtime: ContainerRuntime;
const used: string[] = [];
beforeAll(async () => {
  runtime = await connect();
});
afterAll(async () => {
  for (const p of used) await down(runtime, { project: p, volumes: true });
});

describe('runtime: process', () => {
  it('runs steps in the workingDir with the env, starts the main process, and down stops it', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'initsteps-proc-')));
    const name = projectName('proc');
    used.push(name);
    const rec = recorder();
    const report = await up(runtime, {
      project: project(name, [
        {
          name: 'app',
          runtime: 'process',
          workingDir: dir,
          env: { GREETING: 'hi' },
          command: ['python3', '-m', 'http.server', '--bind', '127.0.0.1', '0'],
          readinessProbe: {
            check: { kind: 'exec', command: ['sh', '-c', 'test -f marker'] },
            initialDelayMs: 0,
            periodMs: 100,
            timeoutMs: 2000,
            failureThreshold: 30,
          },
          steps: [
            {
              name: 'where',
              command: ['sh', '-c', 'pwd; echo "$GREETING $INITSTEPS_INSTANCE"; touch marker'],
            },
            { name: 'fail-once', command: ['sh', '-c', 'test -f second || { touch second; exit 5; }'] },
          ],
        },
      ]),
      observer: rec.observer,
      backoffBaseMs: 10,
    });
    expect(rec.output('app-0', 'where')).toEqual([dir, 'hi app-0']);
    expect(stepOf(report, 'app-0', 'fail-once')).toMatchObject({ status: 'Succeeded', attempts: 2 });
    expect(report.services[0]?.status).toBe('Running');
    const pid = report.created.processes?.[0]?.pid;
    expect(pid).toBeDefined();
    expect(processAlive(pid ?? 0)).toBe(true);
    const st = await status(runtime, name);
    expect(st.services[0]?.instances[0]?.state).toBe('running');

    const res = await down(runtime, { project: name, volumes: false });
    expect(res.processes).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(processAlive(pid ?? 0)).toBe(false);
  });

  it('gives steps, the main process and its probe none of the runner tokens or file-command variables', async () => {
    const runner = {
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
      ACTIONS_RUNTIME_URL: 'https://pipelines.example/',
      ACTIONS_RESULTS_URL: 'https://results.example/',
      ACTIONS_CACHE_URL: 'https://cache.example/',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/',
      GITHUB_STATE: '/runner/file_commands/save_state',
      GITHUB_OUTPUT: '/runner/file_commands/set_output',
      GITHUB_ENV: '/runner/file_commands/set_env',
      GITHUB_PATH: '/runner/file_commands/add_path',
      GITHUB_STEP_SUMMARY: '/runner/file_commands/step_summary',
      INPUT_SPEC: 'input-spec.yaml',
      STATE_CACHE_PENDING: 'saved-state-value',
    };
    // The run's environment, as the runner gives it to the action.
    const saved = { ...process.env };
    Object.assign(process.env, runner, { PLAIN_VARIABLE: 'kept' });
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'initsteps-procenv-')));
    const name = projectName('procenv');
    used.push(name);
    const rec = recorder();
    let report;
    try {
      report = await up(runtime, {
        project: project(name, [
          {
            name: 'app',
            runtime: 'process',
            workingDir: dir,
            // The main process writes its environment where the probe checks it.
            command: ['sh', '-c', 'env > main.env; exec sleep 3600'],
            readinessProbe: {
              check: {
                kind: 'exec',
                command: ['sh', '-c', 'test -s main.env && env > probe.env'],
              },
              initialDelayMs: 0,
              periodMs: 100,
              timeoutMs: 2000,
              failureThreshold: 30,
            },
            steps: [{ name: 'env', command: ['env'] }],
          },
        ]),
        observer: rec.observer,
      });
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
    expect(report.services[0]?.status).toBe('Running');
    const seen = {
      step: rec.output('app-0', 'env').join('\n'),
      main: readFileSync(join(dir, 'main.env'), 'utf8'),
      probe: readFileSync(join(dir, 'probe.env'), 'utf8'),
    };
    for (const [who, env] of Object.entries(seen)) {
      expect(env, who).toContain('PLAIN_VARIABLE=kept');
      for (const [k, v] of Object.entries(runner)) {
        expect(env, `${who}: ${k}`).not.toContain(`${k}=`);
        expect(env, `${who}: value of ${k}`).not.toContain(v);
      }
    }
  });

  it('reports Timeout for a step past its timeout and a spawn failure as RuntimeError', async () => {
    const name = projectName('proctime');
    used.push(name);
    const report = await up(runtime, {
      project: project(name, [
        {
          name: 'a',
          runtime: 'process',
          workingDir: tmpdir(),
          command: ['sleep', '3600'],
          steps: [{ name: 'hang', command: ['sleep', '30'], timeoutMs: 300, attempts: 1 }],
        },
        {
          name: 'b',
          runtime: 'process',
          workingDir: tmpdir(),
          command: ['sleep', '3600'],
          steps: [{ name: 'nope', command: ['/nonexistent/tool'], attempts: 1 }],
        },
      ]),
      observer: () => undefined,
      killGraceMs: 200,
    });
    expect(stepOf(report, 'a-0', 'hang')).toMatchObject({ status: 'Failed', reason: 'Timeout' });
    expect(stepOf(report, 'b-0', 'nope')).toMatchObject({ status: 'Failed', reason: 'RuntimeError' });
    expect(stepOf(report, 'b-0', 'nope').message).toMatch(/ENOENT/);
  });

  it('kills a running step on cancel and reports it RuntimeError', async () => {
    const name = projectName('proccancel');
    used.push(name);
    const controller = new AbortController();
    const error: unknown = await up(runtime, {
      project: project(name, [
        {
          name: 'a',
          runtime: 'process',
          workingDir: tmpdir(),
          command: ['sleep', '3600'],
          steps: [{ name: 'long', command: ['sh', '-c', 'echo go; sleep 30'] }],
        },
      ]),
      observer: (e) => {
        if (e.type === 'step-output') controller.abort('SIGINT');
      },
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpCancelledError);
    expect(stepOf((error as UpCancelledError).report, 'a-0', 'long')).toMatchObject({
      status: 'Failed',
      reason: 'RuntimeError',
    });
  });
});
