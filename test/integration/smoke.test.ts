import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { claim, project } from '../support/model.js';
import { connect, projectName, recorder, removeProject, stepOf } from '../support/engine.js';

let runtime: ContainerRuntime;
const name = projectName('smoke');
beforeAll(async () => {
  runtime = await connect();
});
afterAll(async () => {
  await removeProject(runtime, name);
});

describe('smoke', () => {
  it('runs steps and starts the service', async () => {
    const rec = recorder();
    const p = project(name, [
      {
        name: 'tb',
        command: ['sleep', '3600'],
        volumes: [claim('data', '/data')],
        steps: [
          { name: 'format', command: ['sh', '-c', 'echo hello; echo err >&2; touch /data/x'] },
          { name: 'check', command: ['ls', '/data/x'] },
        ],
      },
    ]);
    const report = await up(runtime, { project: p, observer: rec.observer, backoffBaseMs: 10 });
    expect(stepOf(report, 'tb-0', 'format').status).toBe('Succeeded');
    expect(rec.output('tb-0', 'format').sort()).toEqual(['err', 'hello']);
    expect(report.services[0]?.status).toBe('Running');
    const again = await up(runtime, { project: p, observer: rec.observer, backoffBaseMs: 10 });
    expect(stepOf(again, 'tb-0', 'format').status).toBe('Skipped');
  });
});
