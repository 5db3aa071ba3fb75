// One attempt of one init step: in a container (joined to the instance's sandbox) or as a host process.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../errors.js';
import { LineSplitter } from '../runtime/stream.js';
import type { ContainerRuntime, CreateContainerSpec, OutputStream } from '../runtime/types.js';
import type { StepReason } from './types.js';

export interface AttemptOutcome {
  /** Undefined when the attempt succeeded. */
  reason?: StepReason;
  exitCode?: number;
  message?: string;
}

export interface AttemptOptions {
  timeoutMs: number;
  /** Between SIGTERM and SIGKILL when the attempt times out. */
  killGraceMs: number;
  signal?: AbortSignal;
  onLine(stream: OutputStream, line: string): void;
}

export interface ContainerAttemptOptions extends AttemptOptions {
  onCreated(id: string): void;
  /** Checks the created container before it starts; a throw ends the attempt (the container is removed). */
  afterCreate?(id: string): Promise<void>;
  onRemoved(id: string): void;
}

/** Settles with what ended the wait first: the work itself, the per-attempt timeout or cancellation. */
function raceEnd(
  done: Promise<unknown>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<'done' | 'timeout' | 'abort'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    const onAbort = () => finish('abort');
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
    void done.then(
      () => finish('done'),
      () => finish('done'),
    );
    function finish(how: 'done' | 'timeout' | 'abort') {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(how);
    }
  });
}

/** Resolves on abort (or never); for racing a grace period against cancellation. */
const aborted = (signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });

export const exitMessage = (code: number): string => `exit code ${code}`;

/**
 * Create, attach, start; on timeout SIGTERM then SIGKILL after the grace; on abort SIGKILL. The output is
 * drained completely before the exit code is read; the container is removed in every case.
 */
export async function runContainerAttempt(
  runtime: ContainerRuntime,
  spec: CreateContainerSpec,
  o: ContainerAttemptOptions,
): Promise<AttemptOutcome> {
  const id = await runtime.createContainer(spec);
  o.onCreated(id);
  try {
    await o.afterCreate?.(id);
    const splitters = {
      stdout: new LineSplitter((line) => o.onLine('stdout', line)),
      stderr: new LineSplitter((line) => o.onLine('stderr', line)),
    };
    const attachment = await runtime.attach(id, (stream, chunk) => splitters[stream].push(chunk));
    try {
      await runtime.startContainer(id);
    } catch (e: unknown) {
      return { reason: 'RuntimeError', message: `could not start: ${errorMessage(e)}` };
    }
    let end = await raceEnd(attachment.done, o.timeoutMs, o.signal);
    if (end === 'timeout') {
      await runtime.killContainer(id, 'SIGTERM');
      const after = await Promise.race([
        attachment.done.then(() => 'done' as const),
        sleep(o.killGraceMs).then(() => 'grace' as const),
        aborted(o.signal).then(() => 'abort' as const),
      ]);
      if (after !== 'done') await runtime.killContainer(id, 'SIGKILL');
      if (after === 'abort') end = 'abort';
    } else if (end === 'abort') {
      await runtime.killContainer(id, 'SIGKILL');
    }
    await attachment.done;
    splitters.stdout.end();
    splitters.stderr.end();
    const exitCode = await runtime.waitContainer(id);
    if (end === 'abort') return { reason: 'Cancelled', exitCode, message: 'run cancelled' };
    if (end === 'timeout') {
      return { reason: 'Timeout', exitCode, message: `timed out after ${formatMs(o.timeoutMs)}` };
    }
    if (exitCode === 0) return { exitCode };
    const state = await runtime.inspectContainer(id);
    if (state.oomKilled) {
      return {
        reason: 'OOMKilled',
        exitCode,
        message: `killed at the memory limit (${exitMessage(exitCode)})`,
      };
    }
    return { reason: 'ExitNonZero', exitCode, message: exitMessage(exitCode) };
  } finally {
    await runtime.removeContainer(id);
    o.onRemoved(id);
  }
}

export interface ProcessSpec {
  command: string[];
  cwd: string;
  env: Record<string, string>;
}

/** The same for `runtime: process`: a host subprocess (spawn, no shell). Cancel → RuntimeError (docs/spec.md). */
export async function runProcessAttempt(p: ProcessSpec, o: AttemptOptions): Promise<AttemptOutcome> {
  const [file, ...args] = p.command;
  if (file === undefined) return { reason: 'RuntimeError', message: 'no command to run' };
  // Its own process group, so a kill reaches what it started too (a shell's children hold the pipes open).
  const child = spawn(file, args, {
    cwd: p.cwd,
    env: p.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const kill = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is gone already.
    }
  };
  const splitters = {
    stdout: new LineSplitter((line) => o.onLine('stdout', line)),
    stderr: new LineSplitter((line) => o.onLine('stderr', line)),
  };
  child.stdout.on('data', (c: Buffer) => splitters.stdout.push(c));
  child.stderr.on('data', (c: Buffer) => splitters.stderr.push(c));
  // 'close' comes after both pipes are drained; 'error' when the spawn itself failed.
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>(
    (resolve) => {
      child.once('error', (error) => resolve({ code: null, signal: null, error }));
      child.once('close', (code, signal) => resolve({ code, signal }));
    },
  );
  let end = await raceEnd(closed, o.timeoutMs, o.signal);
  if (end === 'timeout') {
    kill('SIGTERM');
    const after = await Promise.race([
      closed.then(() => 'done' as const),
      sleep(o.killGraceMs).then(() => 'grace' as const),
      aborted(o.signal).then(() => 'abort' as const),
    ]);
    if (after !== 'done') kill('SIGKILL');
    if (after === 'abort') end = 'abort';
  } else if (end === 'abort') {
    kill('SIGKILL');
  }
  const res = await closed;
  splitters.stdout.end();
  splitters.stderr.end();
  if (res.error) return { reason: 'RuntimeError', message: `could not start ${file}: ${res.error.message}` };
  const exitCode = res.code ?? 128 + signalNumber(res.signal);
  if (end === 'abort') return { reason: 'RuntimeError', exitCode, message: 'killed: run cancelled' };
  if (end === 'timeout')
    return { reason: 'Timeout', exitCode, message: `timed out after ${formatMs(o.timeoutMs)}` };
  if (exitCode === 0) return { exitCode };
  return { reason: 'ExitNonZero', exitCode, message: exitMessage(exitCode) };
}

/** Shell convention: killed by signal n → 128 + n. */
const signalNumber = (s: NodeJS.Signals | null): number => (s ? constants.signals[s] : 0);

export function formatMs(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}
