// Cancellation (docs/spec.md): the running step is killed, removed and reported Cancelled, and nothing the
// run started is left — through the engine API and through the CLI's signal handling.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { up, UpCancelledError } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { claim, emptyDir, project } from '../support/model.js';
import { connect, projectsRemovedAfterAll, recorder, stepOf } from '../support/engine.js';

let runtime: ContainerRuntime;
beforeAll(async () => {
  runtime = await connect();
});
const newProjectName = projectsRemovedAfterAll(() => runtime);

/** Every Docker object labelled with the project. */
async function objectsOf(name: string): Promise<string[]> {
  const sel = { 'dev.initsteps.project': name };
  return [
    ...(await runtime.listContainers(sel)).map((c) => `container ${c.labels['dev.initsteps.role']}`),
    ...(await runtime.listNetworks(sel)).map((n) => `network ${n.name}`),
    ...(await runtime.listVolumes(sel)).map((v) => `volume ${v.name}`),
  ];
}

describe('cancel through the engine API', () => {
  it('kills the running step, reports it Cancelled and removes everything the run created', async () => {
    const name = newProjectName('cancel');
    const p = project(name, [
      { name: 'db', command: ['sleep', '3600'], steps: [{ name: 'quick', command: ['true'] }] },
      {
        name: 'tb',
        command: ['sleep', '3600'],
        dependsOn: ['db'],
        volumes: [claim('data', '/data'), emptyDir('scratch', '/scratch')],
        steps: [
          { name: 'long', command: ['sh', '-c', 'echo started; sleep 60'] },
          { name: 'later', command: ['true'] },
        ],
      },
    ]);
    const controller = new AbortController();
    const rec = recorder();
    const observer = (e: Parameters<typeof rec.observer>[0]) => {
      rec.observer(e);
      if (e.type === 'step-output' && e.step === 'long') controller.abort('SIGTERM');
    };
    const started = Date.now();
    const error: unknown = await up(runtime, { project: p, observer, signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(error).toBeInstanceOf(UpCancelledError);
    const report = (error as UpCancelledError).report;
    expect((error as UpCancelledError).signal).toBe('SIGTERM');
    expect(stepOf(report, 'tb-0', 'long')).toMatchObject({ status: 'Cancelled', reason: 'Cancelled' });
    expect(stepOf(report, 'tb-0', 'later').status).toBe('Pending');
    expect(stepOf(report, 'db-0', 'quick').status).toBe('Succeeded');
    // db was Running before the cancel: its containers go too, as do the network and the new volumes.
    expect(await objectsOf(name)).toEqual([]);
    // Nothing is left for the action's post step either.
    expect(report.created).toMatchObject({ containers: [], networks: [], volumes: [] });
  });

  it('keeps the started services when asked to', async () => {
    const name = newProjectName('keep');
    const p = project(name, [
      { name: 'db', command: ['sleep', '3600'] },
      {
        name: 'tb',
        command: ['sleep', '3600'],
        dependsOn: ['db'],
        steps: [{ name: 'long', command: ['sleep', '60'] }],
      },
    ]);
    const controller = new AbortController();
    const observer = (e: { type: string; step?: string }) => {
      if (e.type === 'step-start') setTimeout(() => controller.abort(), 300);
    };
    await expect(
      up(runtime, { project: p, observer, signal: controller.signal, keepOnCancel: true }),
    ).rejects.toThrow(UpCancelledError);
    const left = await objectsOf(name);
    expect(left).toContain('container main');
    expect(left.filter((o) => o === 'container step')).toEqual([]);
  });
});

describe('cancel through the CLI', () => {
  const cli = (args: string[]) =>
    spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
      cwd: process.cwd(),
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  function specFile(): string {
    const dir = mkdtempSync(join(tmpdir(), 'initsteps-cancel-'));
    const file = join(dir, 'initsteps.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: initsteps/v1',
        'kind: Service',
        'metadata: {name: tb}',
        'spec:',
        '  image: busybox:latest',
        '  command: [sleep, "3600"]',
        '  volumes:',
        '    - {name: data, mountPath: /data, claimTemplate: {spec: {capacity: 1Gi}}}',
        '  initSteps:',
        '    - {name: long, command: [sh, -c, "echo started; sleep 60"]}',
        '',
      ].join('\n'),
    );
    return file;
  }

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s during up exits %i and leaves nothing behind', async (signal, code) => {
    const name = newProjectName('sig');
    const child = cli(['up', specFile(), '--project', name]);
    let out = '';
    let sent = false;
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      // Once: the first signal alone cancels and cleans up (more: concurrency.test.ts).
      if (!sent && out.includes('tb-0/long | started')) sent = child.kill(signal);
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(out).toContain('✗ init step "long" on tb-0 cancelled');
    expect({ exit, err }).toMatchObject({ exit: code });
    expect(await objectsOf(name)).toEqual([]);
  });

  it('a run-level --timeout cancels the running step and exits 1', async () => {
    const name = newProjectName('runtimeout');
    const child = cli(['up', specFile(), '--project', name, '--timeout', '3s', '--json']);
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(exit).toBe(1);
    const report = JSON.parse(out) as { steps: { step: string; status: string }[] };
    expect(report.steps).toEqual([expect.objectContaining({ step: 'long', status: 'Cancelled' })]);
    expect(await objectsOf(name)).toEqual([]);
  });
});
