// The last run of each project, kept in the state dir so `status` and `logs --init-step` can show step
// results and captured output after `up` has exited, and `down` can stop its host processes.
import { constants } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { stateDir, writeFileAtomic } from '../markers/store.js';
import { projectNameProblem } from '../spec/index.js';
import type { RecordedProcess } from './host-process.js';
import { parseOwner, type RunOwner } from './run-owner.js';
import type { RunReport } from './types.js';

export interface HostProcess extends RecordedProcess {
  service: string;
  instance: string;
  /** Where its output goes. */
  log: string;
}

export interface LastRun {
  runId: string;
  startedAt: string;
  /** Absent while the run goes on (the file is written as it goes), and in the file of a run that was killed. */
  finishedAt?: string;
  /** The process running it, so `status` can tell a run going on from one that was killed. */
  owner?: RunOwner;
  report: RunReport;
  /** Captured output per `<instance>/<step>` (bounded, secrets masked). */
  logs: Record<string, string[]>;
  /** Main processes of `runtime: process` services, which `down` stops. */
  processes: HostProcess[];
}

/**
 * A larger last-run.json is not read: up keeps its captured output to a few MiB (run-state.ts), so only a
 * file that was not written by initsteps gets there.
 */
export const MAX_LAST_RUN_BYTES = 64 * 1024 * 1024;

/** The project's directory in the state dir; a name that is not a project name (`../x`) is refused. */
export function projectStateDir(project: string, dir: string = stateDir()): string {
  const problem = projectNameProblem(project);
  if (problem) throw new UsageError(problem);
  return join(dir, 'projects', project);
}

const lastRunPath = (project: string, dir?: string): string =>
  join(projectStateDir(project, dir), 'last-run.json');

export const logKey = (instance: string, step: string): string => `${instance}/${step}`;
/** A job's own container's output: its instance name, which no `<instance>/<step>` key can equal. */
export const jobLogKey = (instance: string): string => instance;

export async function saveLastRun(project: string, run: LastRun, dir?: string): Promise<void> {
  await writeFileAtomic(lastRunPath(project, dir), `${JSON.stringify(run)}\n`);
}

/**
 * The last run, or undefined when there is none. A file that is too large, does not parse or does not
 * have the shape of a last run counts as none, with a warning; so does each process entry that is not one.
 */
export async function loadLastRun(
  project: string,
  dir?: string,
  onWarning: (message: string) => void = () => undefined,
): Promise<LastRun | undefined> {
  const file = lastRunPath(project, dir);
  let text: string;
  try {
    text = await readBounded(file, MAX_LAST_RUN_BYTES);
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (e instanceof Unusable) {
      onWarning(`${file} ${e.message}: ignored`);
      return undefined;
    }
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    onWarning(`${file} is not valid JSON: ignored`);
    return undefined;
  }
  if (!isLastRun(parsed)) {
    onWarning(`${file} is not a last run written by initsteps: ignored`);
    return undefined;
  }
  const processes = parsed.processes.filter(isHostProcess);
  if (processes.length < parsed.processes.length) {
    onWarning(`${file}: ${parsed.processes.length - processes.length} process entry(ies) ignored`);
  }
  const { owner, ...rest } = parsed;
  const checkedOwner = isObject(owner) ? parseOwner(owner) : undefined;
  // A last run written before jobs existed has none.
  return {
    ...rest,
    report: { ...rest.report, jobs: rest.report.jobs ?? [] },
    ...(checkedOwner && { owner: checkedOwner }),
    processes,
  };
}

export async function clearLastRun(project: string, dir?: string): Promise<void> {
  await rm(lastRunPath(project, dir), { force: true });
}

/** A file that is there but is not read (its message says why). */
class Unusable extends Error {}

/** A regular file's text, refusing one larger than `max` bytes before reading it. */
async function readBounded(file: string, max: number): Promise<string> {
  // Non-blocking: a FIFO in its place must not hang the command.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new Unusable('is not a regular file');
    if (st.size > max) throw new Unusable(`is larger than ${max / 1024 / 1024} MiB`);
    const buffer = Buffer.alloc(st.size);
    let got = 0;
    while (got < buffer.length) {
      const { bytesRead } = await handle.read(buffer, got, buffer.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buffer.subarray(0, got).toString('utf8');
  } finally {
    await handle.close();
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const isListOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);

/** The parts every reader relies on: step, service and job lists, the logs map, the process list. */
function isLastRun(
  v: unknown,
): v is LastRun & { report: Omit<RunReport, 'jobs'> & { jobs?: RunReport['jobs'] }; processes: unknown[] } {
  if (!isObject(v) || !isObject(v.report) || !isObject(v.logs)) return false;
  const isService = (s: unknown): boolean => isObject(s) && isListOf(s.instances, isObject);
  return (
    typeof v.runId === 'string' &&
    typeof v.startedAt === 'string' &&
    (v.finishedAt === undefined || typeof v.finishedAt === 'string') &&
    Array.isArray(v.report.services) &&
    v.report.services.every(isService) &&
    (v.report.jobs === undefined || isListOf(v.report.jobs, isObject)) &&
    isListOf(v.report.steps, isObject) &&
    Object.values(v.logs).every((lines) => isListOf(lines, (l): l is string => typeof l === 'string')) &&
    Array.isArray(v.processes)
  );
}

function isHostProcess(v: unknown): v is HostProcess {
  return (
    isObject(v) &&
    Number.isSafeInteger(v.pid) &&
    typeof v.service === 'string' &&
    typeof v.instance === 'string' &&
    typeof v.log === 'string' &&
    (v.startTime === undefined || typeof v.startTime === 'string')
  );
}
