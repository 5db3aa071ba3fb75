// What the engine reads from the host right before each container create, and checks again there: a
// hostPath's real path (an earlier step can swap a workspace directory for a symlink to `/`) and a
// Localhost seccomp profile (it can vanish after validation).
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/engine/types.js';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import type { ResolvedProject } from '../../src/spec/model.js';
import { hostPath, project, type ServiceInput, type StepInput } from '../support/model.js';
import { connect, projectsRemovedAfterAll, recorder, stepOf } from '../support/engine.js';

let runtime: ContainerRuntime;
beforeAll(async () => {
  runtime = await connect();
});
const newProjectName = projectsRemovedAfterAll(() => runtime);

const sleeper = { command: ['sleep', '3600'] };
const workspaces: string[] = [];
afterAll(() => {
  for (const ws of workspaces) rmSync(ws, { recursive: true, force: true });
});

/** A checkout: `work/` holds the repository's seed data. */
function workspace(): string {
  const ws = realpathSync(mkdtempSync(join(tmpdir(), 'initsteps-swap-')));
  workspaces.push(ws);
  mkdirSync(join(ws, 'work'));
  writeFileSync(join(ws, 'work', 'seed.sql'), 'select 1;\n');
  return ws;
}

async function run(p: ResolvedProject) {
  const rec = recorder();
  const report: RunReport = await up(runtime, { project: p, observer: rec.observer, backoffBaseMs: 10 });
  return { report, rec };
}

/**
 * The attack: a pull request's first step (a "migration" with the checkout mounted to write generated
 * files) replaces `work/` with a symlink to the host's `/`; the next step mounts `work` and lists it.
 */
function swapService(ws: string, look: StepInput, main: Partial<ServiceInput> = sleeper): ServiceInput {
  return {
    name: 'db',
    ...main,
    volumes: [hostPath('checkout', '/checkout', ws), hostPath('work', '/work', join(ws, 'work'), true)],
    steps: [
      {
        name: 'swap',
        volumes: ['checkout'],
        command: ['sh', '-c', 'rm -rf /checkout/work && ln -s / /checkout/work'],
        attempts: 1,
      },
      look,
    ],
  };
}

const listWork: StepInput = { name: 'look', volumes: ['work'], command: ['ls', '/work'], attempts: 1 };

const refusal = (ws: string) =>
  `hostPath volume "work" (${join(ws, 'work')}) resolves to /, outside the workspace ${ws}`;

describe('hostPath swapped for a symlink between steps', () => {
  it('refuses the later step that mounts it, as that step’s RuntimeError: it never sees the host root', async () => {
    const ws = workspace();
    const { report, rec } = await run(project(newProjectName('swap'), [swapService(ws, listWork)], ws));
    expect(stepOf(report, 'db-0', 'swap').status).toBe('Succeeded');
    const look = stepOf(report, 'db-0', 'look');
    expect(look).toMatchObject({ status: 'Failed', reason: 'RuntimeError', attempts: 1 });
    expect(look.message).toContain(refusal(ws));
    expect(rec.output('db-0', 'look')).toEqual([]);
    expect(report.services[0]).toMatchObject({ status: 'Failed', reason: 'InitStepFailed' });
  });

  it('refuses it at every attempt, not only the first', async () => {
    const ws = workspace();
    const retried = { ...listWork, attempts: 3 };
    const { report, rec } = await run(project(newProjectName('swapretry'), [swapService(ws, retried)], ws));
    expect(stepOf(report, 'db-0', 'look')).toMatchObject({
      status: 'Failed',
      reason: 'RuntimeError',
      attempts: 3,
    });
    expect(rec.output('db-0', 'look')).toEqual([]);
  });

  it('does not let the fileMissing check look through it: the step runs and is refused', async () => {
    const ws = workspace();
    // Through the host root, /work/etc/passwd exists: a probe that mounted it would skip the step.
    const probed: StepInput = {
      ...listWork,
      runIf: { type: 'fileMissing', path: '/work/etc/passwd', volume: 'work' },
    };
    const { report } = await run(project(newProjectName('swapprobe'), [swapService(ws, probed)], ws));
    const look = stepOf(report, 'db-0', 'look');
    expect(look).toMatchObject({ status: 'Failed', reason: 'RuntimeError' });
    expect(look.message).toContain(refusal(ws));
  });

  it('refuses the main container that mounts it (StartFailed)', async () => {
    const ws = workspace();
    const onlySwap = swapService(ws, { name: 'noop', command: ['true'], volumes: [] });
    const { report } = await run(project(newProjectName('swapmain'), [onlySwap], ws));
    expect(report.steps.map((s) => s.status)).toEqual(['Succeeded', 'Succeeded']);
    expect(report.services[0]?.instances[0]).toMatchObject({ status: 'Failed', reason: 'StartFailed' });
    expect(report.services[0]?.instances[0]?.message).toContain(refusal(ws));
  });

  it('mounts what the path resolves to now when privileged specs are allowed', async () => {
    const ws = workspace();
    const look: StepInput = { ...listWork, command: ['test', '-f', '/work/etc/passwd'] };
    const p = {
      ...project(newProjectName('swapallowed'), [swapService(ws, look)], ws),
      allowPrivileged: true,
    };
    const { report } = await run(p);
    expect(stepOf(report, 'db-0', 'look').status).toBe('Succeeded');
  });

  it('mounts the workspace directory itself while nothing swapped it', async () => {
    const ws = workspace();
    const { report, rec } = await run(
      project(
        newProjectName('noswap'),
        [
          {
            name: 'db',
            ...sleeper,
            volumes: [hostPath('work', '/work', join(ws, 'work'), true)],
            steps: [listWork],
          },
        ],
        ws,
      ),
    );
    expect(stepOf(report, 'db-0', 'look').status).toBe('Succeeded');
    expect(rec.output('db-0', 'look')).toEqual(['seed.sql']);
  });
});

describe('Localhost seccomp profile at up', () => {
  it('fails the init step whose profile the loader did not read with RuntimeError naming the file, not the run', async () => {
    const ws = workspace();
    const profile = join(ws, 'seccomp', 'gone.json');
    const { report } = await run(
      project(
        newProjectName('seccompgone'),
        [
          {
            name: 'db',
            ...sleeper,
            steps: [
              {
                name: 'harden',
                command: ['true'],
                attempts: 1,
                securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: profile } },
              },
            ],
          },
        ],
        ws,
      ),
    );
    const step = stepOf(report, 'db-0', 'harden');
    expect(step).toMatchObject({ status: 'Failed', reason: 'RuntimeError' });
    expect(step.message).toContain(`seccomp profile ${profile} was not read when the spec was loaded`);
    expect(report.services[0]).toMatchObject({ status: 'Failed', reason: 'InitStepFailed' });
  });

  it('applies the profile as the loader read it, even after an earlier step deleted the file', async () => {
    const ws = workspace();
    writeFileSync(join(ws, 'profile.json'), '{"defaultAction":"SCMP_ACT_ALLOW"}');
    const { report } = await run(
      project(
        newProjectName('seccompdeleted'),
        [
          {
            name: 'db',
            ...sleeper,
            volumes: [hostPath('checkout', '/checkout', ws)],
            steps: [
              { name: 'delete', command: ['rm', '/checkout/profile.json'], attempts: 1 },
              {
                name: 'harden',
                command: ['true'],
                attempts: 1,
                securityContext: {
                  seccompProfile: {
                    type: 'Localhost',
                    localhostProfile: join(ws, 'profile.json'),
                    profile: '{"defaultAction":"SCMP_ACT_ALLOW"}',
                  },
                },
              },
            ],
          },
        ],
        ws,
      ),
    );
    expect(stepOf(report, 'db-0', 'delete').status).toBe('Succeeded');
    expect(stepOf(report, 'db-0', 'harden').status).toBe('Succeeded');
  });
});
