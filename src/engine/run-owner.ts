// Which process runs a project now: the holder of its lock and the writer of its last-run.json record
// who they are, so another command can tell whether that process is still alive. A pid only says so on
// the same host and in the same pid namespace (two CI containers sharing one Docker engine each have
// their own pid 1234), so a holder seen from anywhere else is never declared dead.
import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { processStartTime, recordedProcessState, type RecordedProcess } from './host-process.js';

export interface RunOwner extends RecordedProcess {
  host: string;
  /** `/proc/self/ns/pid` of the owner (`pid:[4026531836]`); absent where it could not be read. */
  pidNamespace?: string;
}

/** Alive, gone (its pid is free or another process's now), or unknown (another host, nothing recorded). */
export type OwnerState = 'alive' | 'gone' | 'unknown';

let self: RunOwner | undefined;

/** This process as a run owner. */
export function thisProcess(): RunOwner {
  if (!self) {
    const startTime = processStartTime(process.pid);
    const pidNamespace = readPidNamespace();
    self = {
      pid: process.pid,
      host: hostname(),
      ...(startTime !== undefined && { startTime }),
      ...(pidNamespace !== undefined && { pidNamespace }),
    };
  }
  return self;
}

function readPidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
}

export function ownerState(owner: RunOwner, me: RunOwner = thisProcess()): OwnerState {
  const sameSpace =
    owner.host === me.host && owner.pidNamespace !== undefined && owner.pidNamespace === me.pidNamespace;
  if (!sameSpace) return 'unknown';
  switch (recordedProcessState(owner)) {
    case 'running':
      return 'alive';
    case 'gone':
    case 'replaced':
      return 'gone';
    case 'unverifiable':
      return 'unknown';
  }
}

/** `pid 4242 on host ci-7`. */
export const describeOwner = (owner: RunOwner): string => `pid ${owner.pid} on host ${owner.host}`;

/** A recorded owner read back from a label or a state file, or undefined when it is not one. */
export function parseOwner(v: {
  pid?: unknown;
  host?: unknown;
  startTime?: unknown;
  pidNamespace?: unknown;
}): RunOwner | undefined {
  const pid = typeof v.pid === 'string' ? Number(v.pid) : v.pid;
  if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || typeof v.host !== 'string') return undefined;
  return {
    pid,
    host: v.host,
    ...(typeof v.startTime === 'string' && { startTime: v.startTime }),
    ...(typeof v.pidNamespace === 'string' && { pidNamespace: v.pidNamespace }),
  };
}
