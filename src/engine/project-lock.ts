// One run per project at a time (docs/spec.md, "One run per project"): `up` and `down` hold the project's
// lock, a container named `initsteps_<project>_lock` that never starts. The Docker engine keeps container
// names unique, so creating it is the test-and-set, whatever state directory or machine the command runs
// from; its labels say who holds it. A second command waits (announcing the holder once) until it is
// released, the holder is found dead, or the lock timeout passes. A dead holder's lock is removed by its
// id, so two waiters that both find it dead cannot remove each other's new lock.
import { setTimeout as sleep } from 'node:timers/promises';
import { CancelledError, LockTimeoutError, errorMessage } from '../errors.js';
import type { ContainerRuntime, Labels } from '../runtime/types.js';
import { formatMs } from './attempt.js';
import { LABEL, lockName, type Role } from './labels.js';
import { describeOwner, ownerState, parseOwner, thisProcess, type RunOwner } from './run-owner.js';

/** How long a command waits for another run's lock by default (`--lock-timeout`, input `lock-timeout`). */
export const DEFAULT_LOCK_TIMEOUT_MS = 10 * 60_000;
const FIRST_POLL_MS = 100;
const MAX_POLL_MS = 1000;

export interface LockOptions {
  project: string;
  /** What holds it, for the other command's message. */
  command: 'up' | 'down';
  runId: string;
  timeoutMs?: number;
  /** Cancels the wait (a CancelledError); a lock already taken is held until released. */
  signal?: AbortSignal;
  /** One line when the lock is busy and the wait begins, and one when a dead holder's lock is taken over. */
  onNotice(message: string): void;
  /** Polling starts at 100 ms and doubles up to this (tests shorten it). */
  maxPollMs?: number;
}

export interface HeldLock {
  /** Removes the lock; a failure is a warning (the next command finds this process gone and takes it over). */
  release(warn: (message: string) => void): Promise<void>;
}

/** Who holds a lock, from its labels. */
export interface LockHolder {
  command: string;
  runId: string;
  since: string;
  /** Undefined when the labels do not name a process. */
  owner: RunOwner | undefined;
}

export function holderOf(labels: Labels): LockHolder {
  return {
    command: labels[LABEL.lockCommand] ?? '?',
    runId: labels[LABEL.run] ?? '?',
    since: labels[LABEL.lockSince] ?? '?',
    owner: parseOwner({
      pid: labels[LABEL.lockPid],
      host: labels[LABEL.lockHost],
      startTime: labels[LABEL.lockStartTime],
      pidNamespace: labels[LABEL.lockPidNamespace],
    }),
  };
}

/** `initsteps up (run 3f2a9c1e, pid 4242 on host ci-7, since 2025-01-01T10:00:00.000Z)`. */
export const describeHolder = (h: LockHolder): string =>
  `initsteps ${h.command} (run ${h.runId}, ${h.owner ? describeOwner(h.owner) : 'process unknown'}, since ${h.since})`;

function labelsFor(o: LockOptions, owner: RunOwner): Labels {
  return {
    [LABEL.project]: o.project,
    [LABEL.role]: 'lock' satisfies Role,
    [LABEL.run]: o.runId,
    [LABEL.lockCommand]: o.command,
    [LABEL.lockPid]: String(owner.pid),
    [LABEL.lockHost]: owner.host,
    [LABEL.lockSince]: new Date().toISOString(),
    ...(owner.startTime !== undefined && { [LABEL.lockStartTime]: owner.startTime }),
    ...(owner.pidNamespace !== undefined && { [LABEL.lockPidNamespace]: owner.pidNamespace }),
  };
}

export async function acquireProjectLock(runtime: ContainerRuntime, o: LockOptions): Promise<HeldLock> {
  const name = lockName(o.project);
  const timeoutMs = o.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const began = Date.now();
  let announced = false;
  let vanished = 0;
  for (let pollMs = FIRST_POLL_MS; ; pollMs = Math.min(pollMs * 2, o.maxPollMs ?? MAX_POLL_MS)) {
    const id = await runtime.createLock(name, labelsFor(o, thisProcess()));
    if (id !== undefined) return { release: (warn) => release(runtime, id, name, warn) };
    const lock = await runtime.inspectLock(name);
    if (!lock) {
      // Released between the two calls: try again at once (a runtime that keeps saying both is broken).
      if (++vanished > 3) throw new Error(`lock ${name} is neither free nor held`);
      continue;
    }
    const holder = holderOf(lock.labels);
    if (holder.owner && ownerState(holder.owner) === 'gone') {
      await runtime.removeLock(lock.id);
      o.onNotice(
        `project ${o.project}: took over the lock of ${describeHolder(holder)}: that process is gone`,
      );
      continue;
    }
    const waited = Date.now() - began;
    if (waited >= timeoutMs) {
      const how = timeoutMs === 0 ? 'and the lock timeout is 0' : `after waiting ${formatMs(timeoutMs)}`;
      throw new LockTimeoutError(
        `project ${o.project} is still locked by ${describeHolder(holder)} ${how} ` +
          `(--lock-timeout, action input lock-timeout); if that run is gone, remove its lock: docker rm ${name}`,
      );
    }
    if (!announced) {
      announced = true;
      o.onNotice(
        `project ${o.project} is locked by ${describeHolder(holder)}: waiting up to ${formatMs(timeoutMs)} for it`,
      );
    }
    try {
      await sleep(Math.min(pollMs, timeoutMs - waited), undefined, { signal: o.signal });
    } catch {
      const reason: unknown = o.signal?.reason;
      throw reason instanceof CancelledError
        ? reason
        : new CancelledError(reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT');
    }
  }
}

async function release(
  runtime: ContainerRuntime,
  id: string,
  name: string,
  warn: (message: string) => void,
): Promise<void> {
  try {
    await runtime.removeLock(id);
  } catch (e: unknown) {
    warn(`could not release the lock ${name}: ${errorMessage(e)}`);
  }
}
