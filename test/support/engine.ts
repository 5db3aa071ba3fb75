// Shared helpers for engine integration tests: unique project names, a connected runtime, an event
// recorder and cleanup.
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { down } from '../../src/engine/down.js';
import type { RunEvent, RunReport, StepResult } from '../../src/engine/types.js';
import { connectDocker } from '../../src/runtime/docker.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';

process.env.INITSTEPS_STATE_DIR = inject('stateDir');

/** A project name no other test (or test run on this engine) uses. */
export const projectName = (tag: string): string =>
  `${inject('projectPrefix')}-${tag}-${randomBytes(2).toString('hex')}`;

export const connect = (): Promise<ContainerRuntime> => connectDocker();

export function recorder(): {
  events: RunEvent[];
  observer: (e: RunEvent) => void;
  output(instance: string, step: string): string[];
} {
  const events: RunEvent[] = [];
  return {
    events,
    observer: (e) => events.push(e),
    output: (instance, step) =>
      events.flatMap((e) =>
        e.type === 'step-output' && e.instance === instance && e.step === step ? [e.line] : [],
      ),
  };
}

export function stepOf(report: RunReport, instance: string, step: string): StepResult {
  const r = report.steps.find((s) => s.instance === instance && s.step === step);
  if (!r) throw new Error(`no result for ${instance}/${step}`);
  return r;
}

/**
 * Names for the projects of one test file; after its tests each is removed with everything it created
 * (persistent volumes and markers included).
 */
export function projectsRemovedAfterAll(runtime: () => ContainerRuntime): (tag: string) => string {
  const used: string[] = [];
  afterAll(async () => {
    for (const p of used) await removeProject(runtime(), p);
  });
  return (tag) => {
    const name = projectName(tag);
    used.push(name);
    return name;
  };
}

/**
 * Everything of the project, persistent volumes and markers included. A run a failed test left holding
 * the project (this process is its holder, so it is never taken over) is waited for a minute, not ten.
 */
export async function removeProject(runtime: ContainerRuntime, project: string): Promise<void> {
  await down(runtime, { project, volumes: true, lockTimeoutMs: 60_000 });
}
