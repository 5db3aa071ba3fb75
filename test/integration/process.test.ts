// `runtime: process`: steps and the main process are host subprocesses in the workingDir with the env.
import { mkdtempSync, realpathSync } from 'node:fs';
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
    const pid = report.created.processes?.[0];
    expect(pid).toBeDefined();
    expect(processAlive(pid ?? 0)).toBe(true);
    const st = await status(runtime, name);
    expect(st.services[0]?.instances[0]?.state).toBe('running');

    const res = await down(runtime, { project: name, volumes: false });
    expect(res.processes).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(processAlive(pid ?? 0)).toBe(false);
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
