// The main processes of `runtime: process` services outlive `initsteps up`; `down`, `status` and the next
// `up` find them by the pid recorded in the state dir. A pid is reused once its process has exited, so a
// recorded pid is signalled only while it is still the process that was started: same start time.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** What the state dir records of a started process. */
export interface RecordedProcess {
  pid: number;
  /** processStartTime() when it was started; absent in a state file written before it was recorded. */
  startTime?: string;
}

/**
 * Who a pid is right now, on Linux: the boot id and the process's start time in clock ticks since boot
 * (field 22 of /proc/<pid>/stat). Undefined when there is no such process or /proc cannot say.
 */
export function processStartTime(pid: number, proc = '/proc'): string | undefined {
  if (!isSignallablePid(pid)) return undefined;
  try {
    const stat = readFileSync(`${proc}/${pid}/stat`, 'utf8');
    // Field 2, the command name, is in parentheses and may itself hold spaces and `)`: count from the last one.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = fields[22 - 3];
    if (ticks === undefined || !/^\d+$/.test(ticks)) return undefined;
    const boot = readFileSync(`${proc}/sys/kernel/random/boot_id`, 'utf8').trim();
    return `${boot}:${ticks}`;
  } catch {
    return undefined;
  }
}

/** Whether a host process with this pid exists (signal 0 checks without sending anything). */
export function processAlive(pid: number): boolean {
  if (!isSignallablePid(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e: unknown) {
    // EPERM: it exists, it is someone else's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A pid that may be signalled as a process group: 0 and -1 address the caller's group and every process,
 * and 1 is init (`kill(-1)` is every process), so only pids from 2 up.
 */
const isSignallablePid = (pid: number): boolean => Number.isSafeInteger(pid) && pid >= 2;

export type RecordedState =
  /** The pid is the recorded process. */
  | 'running'
  /** No process has the pid. */
  | 'gone'
  /** Another process has the pid now (a different start time). */
  | 'replaced'
  /** A process has the pid, and nothing says whether it is the recorded one (no start time recorded or readable). */
  | 'unverifiable';

export function recordedProcessState(p: RecordedProcess, proc = '/proc'): RecordedState {
  if (!isSignallablePid(p.pid) || !processAlive(p.pid)) return 'gone';
  const now = processStartTime(p.pid, proc);
  if (p.startTime === undefined || now === undefined) return 'unverifiable';
  return now === p.startTime ? 'running' : 'replaced';
}

/**
 * Signals the process group `pid` leads; false when there is none. Pids below 2 are refused: a pid read
 * from a file must never turn into `kill(0)` (our own group) or `kill(-1)` (every process).
 */
export function signalProcessGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  if (!isSignallablePid(pid)) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

export interface StopOutcome {
  /** A signal was delivered. */
  signalled: boolean;
  /** Why a recorded process was left alone, for a warning; absent when it had simply exited. */
  notSignalled?: string;
}

/** Between SIGTERM and SIGKILL when a process group is stopped. */
const STOP_GRACE_MS = 2000;
const STOP_POLL_MS = 50;

/**
 * Stops the process group a recorded main process leads, only while the pid is still that process:
 * SIGTERM, then SIGKILL when the group is still there after the grace. A gone leader's group is stopped
 * too: its other members may live on, and no other group can have that id while they do (a pid is not
 * reused while a process group has it). The one way initsteps stops a process.
 */
export async function stopRecordedProcess(
  p: RecordedProcess,
  graceMs = STOP_GRACE_MS,
  proc = '/proc',
): Promise<StopOutcome> {
  if (!isSignallablePid(p.pid)) return { signalled: false, notSignalled: `pid ${p.pid} is not a process id` };
  switch (recordedProcessState(p, proc)) {
    case 'replaced':
      return {
        signalled: false,
        notSignalled: `pid ${p.pid} was not signalled: it now belongs to another process (its start time differs)`,
      };
    case 'unverifiable':
      return {
        signalled: false,
        notSignalled: `pid ${p.pid} was not signalled: nothing tells whether it is still the process initsteps started (${p.startTime === undefined ? 'no start time was recorded' : 'its start time cannot be read'})`,
      };
    case 'running':
    case 'gone':
      break;
  }
  if (!signalProcessGroup(p.pid, 'SIGTERM')) return { signalled: false };
  for (let waited = 0; waited < graceMs && signalProcessGroup(p.pid, 0); waited += STOP_POLL_MS) {
    await sleep(STOP_POLL_MS);
  }
  signalProcessGroup(p.pid, 'SIGKILL');
  return { signalled: true };
}
