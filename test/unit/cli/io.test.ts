import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { commandIO, type CliIO } from '../../../src/cli/io.js';
import { runCli } from '../../../src/cli/run.js';
import { BLOCK_DELAY_MS } from '../../../src/report/workflow-commands.js';
import { HOSTILE_LINES, readAsRunner } from '../../support/runner.js';

/** Console I/O recording each stream, and both in the order written (as a runner would mostly see them). */
function streams(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const both: string[] = [];
  const io: CliIO = {
    out: (l) => (out.push(l), both.push(l)),
    err: (l) => (err.push(l), both.push(l)),
    env,
    cwd: tmpdir(),
    signal: new AbortController().signal,
  };
  return { io, out, err, both };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('CLI output inside a GitHub Actions job', () => {
  it('prints step output in stop-commands blocks on stdout: none of its workflow commands is honoured', () => {
    const c = streams({ GITHUB_ACTIONS: 'true' });
    const io = commandIO(c.io);
    io.out('▶ init step "seed" on db-0');
    for (const line of HOSTILE_LINES) io.untrusted(`db-0/seed | ${line}`);
    io.err('⚠ a warning of ours');
    for (const line of HOSTILE_LINES) io.untrusted(`db-0 | ${line}`);
    io.flush();
    const reading = readAsRunner(c.out.join('\n'));
    expect(reading).toMatchObject({ honoured: [], openAtEnd: false });
    expect(reading.tokens).toHaveLength(2);
    expect(c.out.join('\n')).toContain(`db-0/seed | ${HOSTILE_LINES[0]}`);
    // A line of ours first flushes what waits: the order stays as printed.
    expect(c.both.indexOf('⚠ a warning of ours')).toBe(HOSTILE_LINES.length + 3);
  });

  it('streams step output live: a block goes out once lines stop arriving', () => {
    vi.useFakeTimers();
    const c = streams({ GITHUB_ACTIONS: 'true' });
    const io = commandIO(c.io);
    io.untrusted('db-0/seed | waiting');
    expect(c.out).toEqual([]);
    vi.advanceTimersByTime(BLOCK_DELAY_MS);
    expect(c.out.slice(1)).toEqual(['db-0/seed | waiting', c.out[2]]);
    expect(c.out[2]).toMatch(/^::[0-9a-f]{32}::$/);
  });

  it('makes any other line that could read as a command inert, on stdout and stderr', () => {
    const c = streams({ GITHUB_ACTIONS: 'true' });
    const io = commandIO(c.io);
    for (const line of HOSTILE_LINES) {
      io.out(`✗ failed: ${line}`);
      io.err(line);
    }
    expect(readAsRunner(c.out.join('\n')).honoured).toEqual([]);
    expect(readAsRunner(c.err.join('\n')).honoured).toEqual([]);
  });

  it('prints everything as it is outside a job', () => {
    const c = streams();
    const io = commandIO(c.io);
    io.untrusted('::error::x');
    io.out('##[warning]y');
    expect(c.out).toEqual(['::error::x', '##[warning]y']);
  });

  it('quotes a hostile spec value in validate errors without the runner acting on it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'initsteps-cli-io-'));
    try {
      await writeFile(
        path.join(dir, 'initsteps.yaml'),
        [
          'apiVersion: initsteps/v1',
          'kind: Service',
          'metadata:',
          '  name: "x##[error]forged"',
          'spec:',
          '  image: "busybox ##[set-output name=a;]b"',
          '',
        ].join('\n'),
      );
      const c = streams({ GITHUB_ACTIONS: 'true' });
      expect(await runCli(['validate', path.join(dir, 'initsteps.yaml')], { ...c.io, cwd: dir })).toBe(2);
      expect(c.err.join('\n')).toContain('metadata.name: "x##\u200b[error]forged"');
      expect(readAsRunner(c.both.join('\n')).honoured).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
