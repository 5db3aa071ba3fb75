// A recorded pid is signalled only while it is still the process that was started (same start time).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  processAlive,
  processStartTime,
  recordedProcessState,
  signalProcessGroup,
  stopRecordedProcess,
} from '../../../src/engine/host-process.js';

const children: ChildProcess[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/** A detached `sleep` leading its own process group, as `up` starts a main process. */
async function sleeper(): Promise<ChildProcess & { pid: number }> {
  const child = spawn('sleep', ['30'], { detached: true, stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  return child as ChildProcess & { pid: number };
}

const exited = (child: ChildProcess): Promise<unknown> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', resolve));

/** process.kill as a spy that only lets the existence check (signal 0) through. */
function killSpy(): [pid: number, signal: string | number | undefined][] {
  const calls: [number, string | number | undefined][] = [];
  const real = process.kill.bind(process);
  vi.spyOn(process, 'kill').mockImplementation((pid, signal) => {
    calls.push([pid, signal]);
    if (signal === 0) return real(pid, 0);
    return true;
  });
  return calls;
}

describe('processStartTime', () => {
  it('reads the boot id and field 22 of /proc/<pid>/stat, and stays the same for one process', () => {
    const now = processStartTime(process.pid);
    expect(now).toMatch(/^[0-9a-f-]{36}:\d+$/);
    expect(processStartTime(process.pid)).toBe(now);
  });

  it('counts fields after the last `)`: a command name with spaces and parentheses does not shift them', () => {
    const proc = mkdtempSync(path.join(tmpdir(), 'initsteps-proc-'));
    mkdirSync(path.join(proc, '4242'));
    mkdirSync(path.join(proc, 'sys/kernel/random'), { recursive: true });
    writeFileSync(path.join(proc, 'sys/kernel/random/boot_id'), 'b00t\n');
    const after = Array.from({ length: 50 }, (_, i) => String(i + 3)); // field numbers from 3 on
    writeFileSync(path.join(proc, '4242/stat'), `4242 (a) b (c d) ${after.join(' ')}\n`);
    expect(processStartTime(4242, proc)).toBe('b00t:22');
  });

  it('is undefined for a pid that no process has, and for pids that are not processes', async () => {
    const child = spawn('true');
    await exited(child);
    expect(processStartTime(child.pid ?? 0)).toBeUndefined();
    for (const pid of [0, 1, -1, Number.NaN, 2.5]) expect(processStartTime(pid)).toBeUndefined();
  });
});

describe('stopRecordedProcess', () => {
  it('does not signal the current test process recorded with a wrong start time, and says why', async () => {
    const calls = killSpy();
    const recorded = { pid: process.pid, startTime: `${processStartTime(process.pid)}0` };
    expect(recordedProcessState(recorded)).toBe('replaced');
    const out = await stopRecordedProcess(recorded);
    expect(out).toEqual({
      signalled: false,
      notSignalled: `pid ${process.pid} was not signalled: it now belongs to another process (its start time differs)`,
    });
    expect(calls.filter(([, signal]) => signal !== 0)).toEqual([]);
  });

  it('leaves a live process with a wrong start time alone, and stops it (SIGTERM, then SIGKILL) with the right one', async () => {
    const child = await sleeper();
    const wrong = await stopRecordedProcess({ pid: child.pid, startTime: 'other-boot:1' });
    expect(wrong.signalled).toBe(false);
    expect(wrong.notSignalled).toMatch(/start time differs/);
    expect(processAlive(child.pid)).toBe(true);

    const startTime = processStartTime(child.pid);
    expect(recordedProcessState({ pid: child.pid, startTime })).toBe('running');
    expect(await stopRecordedProcess({ pid: child.pid, startTime })).toEqual({ signalled: true });
    await exited(child);
    // SIGTERM first; the sleeper obeys it within the grace.
    expect(child.signalCode).toBe('SIGTERM');
  });

  it('leaves a live pid alone when no start time was recorded (a state file from before)', async () => {
    const child = await sleeper();
    const calls = killSpy();
    const out = await stopRecordedProcess({ pid: child.pid });
    expect(out.signalled).toBe(false);
    expect(out.notSignalled).toMatch(/no start time was recorded/);
    expect(calls.filter(([, signal]) => signal !== 0)).toEqual([]);
  });

  it('calls a process that has exited gone', async () => {
    const child = await sleeper();
    const startTime = processStartTime(child.pid);
    child.kill('SIGKILL');
    await exited(child);
    expect(recordedProcessState({ pid: child.pid, startTime })).toBe('gone');
    expect(await stopRecordedProcess({ pid: child.pid, startTime })).toEqual({ signalled: false });
  });
});

describe('signalProcessGroup', () => {
  it.each([0, 1, -1, -4242, Number.NaN])(
    'never signals pid %s (our own group, init, every process)',
    async (pid) => {
      const calls = killSpy();
      expect(signalProcessGroup(pid, 'SIGKILL')).toBe(false);
      expect((await stopRecordedProcess({ pid, startTime: 'x' })).signalled).toBe(false);
      expect(calls).toEqual([]);
    },
  );
});
