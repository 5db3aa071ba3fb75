// The last run of each project, kept in the state dir so `status` and `logs --init-step` can show step
// results and captured output after `up` has exited.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { stateDir, writeFileAtomic } from '../markers/store.js';
import type { RunReport } from './types.js';

export interface HostProcess {
  service: string;
  instance: string;
  pid: number;
  /** Where its output goes. */
  log: string;
}

export interface LastRun {
  runId: string;
  startedAt: string;
  finishedAt: string;
  report: RunReport;
  /** Captured output per `<instance>/<step>` (bounded, secrets masked). */
  logs: Record<string, string[]>;
  /** Main processes of `runtime: process` services, which `down` stops. */
  processes: HostProcess[];
}

export const projectStateDir = (project: string, dir: string = stateDir()): string =>
  join(dir, 'projects', project);

const lastRunPath = (project: string, dir?: string): string =>
  join(projectStateDir(project, dir), 'last-run.json');

export const logKey = (instance: string, step: string): string => `${instance}/${step}`;

export async function saveLastRun(project: string, run: LastRun, dir?: string): Promise<void> {
  await writeFileAtomic(lastRunPath(project, dir), `${JSON.stringify(run)}\n`);
}

/** The last run, or undefined when there is none (a file that does not parse counts as none). */
export async function loadLastRun(project: string, dir?: string): Promise<LastRun | undefined> {
  let text: string;
  try {
    text = await readFile(lastRunPath(project, dir), 'utf8');
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    return JSON.parse(text) as LastRun;
  } catch {
    return undefined;
  }
}

export async function clearLastRun(project: string, dir?: string): Promise<void> {
  await rm(lastRunPath(project, dir), { force: true });
}
