// The recent output of a service's main containers (the engine's own log, `docker logs --tail`) and main
// processes (their log file in the state dir), for `initsteps logs <service>`. What a step or a job
// printed is kept in the last run instead (state.ts).
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage } from '../errors.js';
import { LineSplitter } from '../runtime/stream.js';
import type { ContainerRuntime } from '../runtime/types.js';
import { LABEL } from './labels.js';
import { projectStateDir, type LastRun } from './state.js';

/** Lines shown per instance. */
export const MAIN_OUTPUT_LINES = 200;
/** Bytes read from the end of a main process's log file (its last lines are in there). */
const PROCESS_LOG_TAIL_BYTES = 256 * 1024;

export interface InstanceOutput {
  instance: string;
  lines: string[];
  /** Why there is nothing to show (the log could not be read). */
  note?: string;
}

/** tb-2 before tb-10. */
const ordinal = (instance: string): number => Number(/-(\d+)$/.exec(instance)?.[1] ?? 0);

export async function mainOutput(
  runtime: ContainerRuntime,
  project: string,
  service: string,
  last: LastRun | undefined,
  tail = MAIN_OUTPUT_LINES,
): Promise<InstanceOutput[]> {
  const mains = await runtime.listContainers({
    [LABEL.project]: project,
    [LABEL.service]: service,
    [LABEL.role]: 'main',
  });
  const out: InstanceOutput[] = [];
  for (const c of mains) {
    const instance = c.labels[LABEL.instance] ?? c.id.slice(0, 12);
    try {
      out.push({ instance, lines: (await runtime.containerLogs(c.id, tail)).map((l) => l.line) });
    } catch (e: unknown) {
      out.push({ instance, lines: [], note: `no output: ${errorMessage(e)}` });
    }
  }
  // A log path comes from the state file: only one in the project's own state directory is read.
  const dir = projectStateDir(project);
  for (const p of last?.processes.filter((x) => x.service === service) ?? []) {
    if (path.dirname(path.resolve(p.log)) !== dir) {
      out.push({ instance: p.instance, lines: [], note: `not reading ${p.log}: outside ${dir}` });
      continue;
    }
    try {
      out.push({ instance: p.instance, lines: await fileTail(p.log, tail) });
    } catch (e: unknown) {
      out.push({ instance: p.instance, lines: [], note: `no output: ${errorMessage(e)}` });
    }
  }
  return out.sort((a, b) => ordinal(a.instance) - ordinal(b.instance));
}

/** The last `lines` lines of a regular file, from at most its last PROCESS_LOG_TAIL_BYTES. */
async function fileTail(file: string, lines: number): Promise<string[]> {
  // Non-blocking: a FIFO in its place must not hang the command.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new Error(`${file} is not a regular file`);
    const length = Math.min(st.size, PROCESS_LOG_TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, st.size - length);
    const all: string[] = [];
    const splitter = new LineSplitter((line) => all.push(line));
    splitter.push(buffer.subarray(0, bytesRead));
    splitter.end();
    // Read from the middle of the file, the first line is likely cut: it goes.
    return (length < st.size ? all.slice(1) : all).slice(-lines);
  } finally {
    await handle.close();
  }
}
