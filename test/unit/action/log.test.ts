import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionsCore } from '../../../src/action/core.js';
import { MAX_PENDING_OUTPUT_BYTES, StepLog } from '../../../src/action/log.js';
import type { JobResult, RunEvent, StepResult } from '../../../src/engine/types.js';
import { createMasker } from '../../../src/spec/secrets.js';
import { BLOCK_DELAY_MS } from '../../../src/report/workflow-commands.js';
import { HOSTILE_LINES, readAsRunner } from '../../support/runner.js';
import { FakeCore } from './fake-core.js';

const start = (instance: string, step: string, attempt = 1): RunEvent => ({
  type: 'step-start',
  service: 'tb',
  instance,
  step,
  attempt,
  attempts: 3,
});
const out = (instance: string, step: string, line: string): RunEvent => ({
  type: 'step-output',
  instance,
  step,
  stream: 'stdout',
  line,
});
const end = (instance: string, step: string, over: Partial<StepResult> = {}): RunEvent => ({
  type: 'step-end',
  result: {
    service: 'tb',
    instance,
    step,
    pos: { file: '/ws/s.yaml', line: 1, col: 1 },
    status: 'Succeeded',
    exitCode: 0,
    attempts: 1,
    durationMs: 5,
    logTail: [],
    ...over,
  },
});

const TOKEN = /^[0-9a-f]{32}$/;

/** The log with each block's random token replaced by T (after checking it is one). */
const withT = (log: string[]): string[] =>
  log.map((line) => {
    const open = /^::stop-commands::(.*)$/.exec(line)?.[1];
    if (open !== undefined && TOKEN.test(open)) return '::stop-commands::T';
    const close = /^::(.*)::$/.exec(line)?.[1];
    return close !== undefined && TOKEN.test(close) ? '::T::' : line;
  });

const run = (events: RunEvent[]): string[] => {
  const core = new FakeCore();
  const log = new StepLog(core);
  events.forEach((e) => log.event(e));
  log.finish();
  return withT(core.log);
};

afterEach(() => {
  vi.useRealTimers();
});

describe('StepLog', () => {
  it('gives each attempt of a job its own group, apart from an init step of the same name, its output in blocks', () => {
    const job = { job: 'migrate', instance: 'migrate-0' };
    const result: JobResult = {
      name: 'migrate',
      instance: 'migrate-0',
      pos: { file: '/ws/s.yaml', line: 1, col: 1 },
      failurePos: { file: '/ws/s.yaml', line: 5, col: 3 },
      status: 'Succeeded',
      exitCode: 0,
      attempts: 2,
      durationMs: 1200,
      logTail: [],
    };
    expect(
      run([
        start('migrate-0', 'migrate'),
        out('migrate-0', 'migrate', 'step output'),
        end('migrate-0', 'migrate'),
        { type: 'job-start', ...job, attempt: 1, attempts: 3 },
        { type: 'job-output', ...job, stream: 'stdout', line: 'first' },
        { type: 'job-retry', ...job, attempt: 1, delayMs: 1000, detail: 'ExitNonZero exit code 3' },
        { type: 'job-start', ...job, attempt: 2, attempts: 3 },
        { type: 'job-output', ...job, stream: 'stderr', line: 'second' },
        { type: 'job-end', result },
      ]),
    ).toEqual([
      '::group::▶ init step "migrate" on migrate-0',
      '::stop-commands::T',
      'step output',
      '::T::',
      '::endgroup::',
      '✓ init step "migrate" on migrate-0 succeeded',
      '::group::▶ job "migrate"',
      '::stop-commands::T',
      'first',
      '::T::',
      '::endgroup::',
      '↻ job "migrate": attempt 1 failed (ExitNonZero exit code 3); retrying in 1s',
      '::group::▶ job "migrate" (attempt 2 of 3)',
      '::stop-commands::T',
      'second',
      '::T::',
      '::endgroup::',
      '✓ job "migrate" succeeded (1.2s)',
    ]);
  });

  it('puts a step output in a group titled with its ▶ line and the result line after it', () => {
    expect(
      run([
        start('tb-0', 'format'),
        out('tb-0', 'format', 'formatting'),
        end('tb-0', 'format'),
        { type: 'service-status', service: 'tb', status: 'Running' },
      ]),
    ).toEqual([
      '::group::▶ init step "format" on tb-0',
      '::stop-commands::T',
      'formatting',
      '::T::',
      '::endgroup::',
      '✓ init step "format" on tb-0 succeeded',
      '✓ tb is Running',
    ]);
  });

  it('gives each attempt its own group with the retry line between them', () => {
    expect(
      run([
        start('tb-0', 'format'),
        out('tb-0', 'format', 'boom'),
        {
          type: 'step-retry',
          instance: 'tb-0',
          step: 'format',
          attempt: 1,
          delayMs: 1000,
          detail: 'ExitNonZero exit code 9',
        },
        start('tb-0', 'format', 2),
        out('tb-0', 'format', 'ok'),
        end('tb-0', 'format', { attempts: 2 }),
      ]),
    ).toEqual([
      '::group::▶ init step "format" on tb-0',
      '::stop-commands::T',
      'boom',
      '::T::',
      '::endgroup::',
      '↻ init step "format" on tb-0: attempt 1 failed (ExitNonZero exit code 9); retrying in 1s',
      '::group::▶ init step "format" on tb-0 (attempt 2 of 3)',
      '::stop-commands::T',
      'ok',
      '::T::',
      '::endgroup::',
      '✓ init step "format" on tb-0 succeeded',
    ]);
  });

  it('prints a skipped step outside any group', () => {
    expect(
      run([end('tb-0', 'seed', { status: 'Skipped', attempts: 0, message: 'volume already initialized' })]),
    ).toEqual(['↷ init step "seed" on tb-0: skipped (volume already initialized)']);
  });

  it('holds back a concurrent step until the open group closes, then streams it live', () => {
    vi.useFakeTimers();
    const core = new FakeCore();
    const log = new StepLog(core);
    const printed = () => withT(core.log);
    log.event(start('a-0', 'one'));
    log.event(start('b-0', 'two'));
    log.event(out('b-0', 'two', 'b first'));
    log.event({ type: 'service-status', service: 'c', status: 'Initializing' });
    log.event(out('a-0', 'one', 'a first'));
    vi.advanceTimersByTime(BLOCK_DELAY_MS);
    expect(printed()).toEqual([
      '::group::▶ init step "one" on a-0',
      '::stop-commands::T',
      'a first',
      '::T::',
    ]);
    log.event(end('a-0', 'one'));
    expect(printed().slice(4)).toEqual([
      '::endgroup::',
      '✓ init step "one" on a-0 succeeded',
      '::group::▶ init step "two" on b-0',
    ]);
    vi.advanceTimersByTime(BLOCK_DELAY_MS);
    expect(printed().slice(7)).toEqual(['::stop-commands::T', 'b first', '::T::']);
    // b-0 is now the open group: its output is live, the waiting status line still waits.
    log.event(out('b-0', 'two', 'b live'));
    vi.advanceTimersByTime(BLOCK_DELAY_MS);
    expect(printed().slice(10)).toEqual(['::stop-commands::T', 'b live', '::T::']);
    log.event(end('b-0', 'two'));
    expect(printed().slice(13)).toEqual([
      '::endgroup::',
      '✓ init step "two" on b-0 succeeded',
      '• c is Initializing',
    ]);
  });

  it('holds back at most MAX_PENDING_OUTPUT_BYTES of waiting output, then counts what it drops', () => {
    const line = 'x'.repeat(1024 * 1024);
    const kept = MAX_PENDING_OUTPUT_BYTES / line.length;
    const events = [start('a-0', 'one'), start('b-0', 'two')];
    for (let i = 0; i < kept + 5; i++) events.push(out('b-0', 'two', line));
    events.push(end('a-0', 'one'), end('b-0', 'two'));
    // Replayed output frees the bound: the next wait holds its lines again.
    events.push(start('c-0', 'three'), start('d-0', 'four'), out('d-0', 'four', 'later'));
    events.push(end('c-0', 'three'), end('d-0', 'four'));
    const log = run(events);
    expect(log.filter((l) => l === line)).toHaveLength(kept);
    const dropped = log.findIndex((l) => l.startsWith('… 5 more output line(s) dropped'));
    expect(dropped).toBeGreaterThan(log.indexOf('::group::▶ init step "two" on b-0'));
    expect(dropped).toBeLessThan(log.indexOf('✓ init step "two" on b-0 succeeded'));
    expect(log).toContain('later');
  });

  it('puts the pulls in one group; steps of services that start meanwhile wait for it, each group whole', () => {
    const pull = (image: string, phase: 'start' | 'done'): RunEvent =>
      phase === 'start'
        ? { type: 'image-pull', image, phase }
        : { type: 'image-pull', image, phase, durationMs: 1500, digest: `sha256:${'0'.repeat(64)}` };
    expect(
      run([
        { type: 'image-pulls', phase: 'start', images: ['a:1', 'b:1'] },
        pull('a:1', 'start'),
        pull('b:1', 'start'),
        // Service c's image was present: its step runs while the pulls go on, as does d's.
        start('c-0', 'one'),
        out('c-0', 'one', 'c says'),
        start('d-0', 'two'),
        out('d-0', 'two', 'd says'),
        pull('a:1', 'done'),
        end('d-0', 'two'),
        out('c-0', 'one', 'c again'),
        pull('b:1', 'done'),
        { type: 'image-pulls', phase: 'end', durationMs: 1600, failed: 0 },
        end('c-0', 'one'),
      ]),
    ).toEqual([
      '::group::⇣ pulling 2 images: a:1, b:1',
      '⇣ pulling a:1',
      '⇣ pulling b:1',
      `✓ pulled a:1 in 1.5s (sha256:${'0'.repeat(64)})`,
      `✓ pulled b:1 in 1.5s (sha256:${'0'.repeat(64)})`,
      '::endgroup::',
      '⇣ pulls done in 1.6s',
      '::group::▶ init step "one" on c-0',
      '::stop-commands::T',
      'c says',
      'c again',
      '::T::',
      '::endgroup::',
      '✓ init step "one" on c-0 succeeded',
      '::group::▶ init step "two" on d-0',
      '::stop-commands::T',
      'd says',
      '::T::',
      '::endgroup::',
      '✓ init step "two" on d-0 succeeded',
    ]);
  });

  it('keeps a waiting step whole when it ended while another group was open', () => {
    expect(
      run([
        start('a-0', 'one'),
        start('b-0', 'two'),
        out('b-0', 'two', 'b'),
        end('b-0', 'two'),
        start('c-0', 'three'),
        out('a-0', 'one', 'a'),
        end('a-0', 'one'),
        end('c-0', 'three'),
      ]),
    ).toEqual([
      '::group::▶ init step "one" on a-0',
      '::stop-commands::T',
      'a',
      '::T::',
      '::endgroup::',
      '✓ init step "one" on a-0 succeeded',
      '::group::▶ init step "two" on b-0',
      '::stop-commands::T',
      'b',
      '::T::',
      '::endgroup::',
      '✓ init step "two" on b-0 succeeded',
      '::group::▶ init step "three" on c-0',
      '::endgroup::',
      '✓ init step "three" on c-0 succeeded',
    ]);
  });

  it('closes a group the run left open and flushes what waits', () => {
    expect(run([start('a-0', 'one'), out('a-0', 'one', 'x'), { type: 'warning', message: 'late' }])).toEqual([
      '::group::▶ init step "one" on a-0',
      '::stop-commands::T',
      'x',
      '::T::',
      '::endgroup::',
      '::warning::late',
    ]);
  });

  it('masks secrets in titles, output and lines', () => {
    const core = new FakeCore();
    const log = new StepLog(core);
    log.mask = createMasker(['hunter2']);
    log.event(start('a-0', 'one'));
    log.event(out('a-0', 'one', 'password=hunter2'));
    log.event({ type: 'warning', message: 'hunter2 leaked' });
    log.finish();
    expect(core.log.join('\n')).not.toContain('hunter2');
    expect(core.log).toContain('password=***');
  });
});

describe('step output cannot issue a workflow command', () => {
  /** Runs the log against the real @actions/core, returning the bytes it wrote to stdout. */
  const stdoutOf = (events: RunEvent[]): string => {
    let written = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written += String(chunk);
      return true;
    });
    try {
      const log = new StepLog(actionsCore);
      events.forEach((e) => log.event(e));
      log.finish();
    } finally {
      spy.mockRestore();
    }
    return written;
  };
  const hostile = (instance: string, step: string): RunEvent[] =>
    HOSTILE_LINES.map((line) => out(instance, step, line));
  const mainOutput = (line: string): RunEvent => ({
    type: 'main-output',
    instance: 'web-0',
    stream: 'stdout',
    line,
  });

  it('keeps every workflow command a step prints (::, ##[ in mid-line, \\r-split, stop-commands) inside a block with a token it cannot know', () => {
    const stdout = stdoutOf([
      start('web-0', 'migrate'),
      ...hostile('web-0', 'migrate'),
      end('web-0', 'migrate'),
      { type: 'warning', message: 'the action still warns' },
      start('web-0', 'seed'),
      ...hostile('web-0', 'seed'),
      end('web-0', 'seed'),
      ...HOSTILE_LINES.map(mainOutput),
      { type: 'service-status', service: 'web', status: 'Running' },
    ]);
    const reading = readAsRunner(stdout);
    // Only the action's own commands: the groups it opened and closed, its warning.
    expect(reading.honoured.map((c) => `${c.name}:${c.data}`)).toEqual([
      'group:▶ init step "migrate" on web-0',
      'endgroup:',
      'warning:the action still warns',
      'group:▶ init step "seed" on web-0',
      'endgroup:',
    ]);
    expect(reading.openAtEnd).toBe(false);
    // A fresh 128-bit token per block, never one the step printed.
    expect(reading.tokens).toHaveLength(3);
    expect(new Set(reading.tokens).size).toBe(3);
    for (const token of reading.tokens) {
      expect(token).toMatch(TOKEN);
      expect(HOSTILE_LINES.join('\n')).not.toContain(token);
    }
    // Nothing the step printed is lost: it is shown, not acted on.
    for (const line of HOSTILE_LINES) expect(stdout).toContain(line);
    expect(stdout).toContain('✓ web is Running');
  });

  it('keeps a step block inside its group: the block ends before the group does', () => {
    const lines = stdoutOf([start('a-0', 'one'), out('a-0', 'one', 'x'), end('a-0', 'one')]).split('\n');
    expect(withT(lines.slice(0, 5))).toEqual([
      '::group::▶ init step "one" on a-0',
      '::stop-commands::T',
      'x',
      '::T::',
      '::endgroup::',
    ]);
  });

  it("prints a result line that quotes a step's message in a block when it could read as a command", () => {
    const stdout = stdoutOf([
      end('a-0', 'one', {
        status: 'Failed',
        reason: 'RuntimeError',
        message: 'bad ##[error]forged\r::warning::forged',
        exitCode: undefined,
      }),
    ]);
    expect(readAsRunner(stdout)).toMatchObject({ honoured: [], openAtEnd: false });
    expect(stdout).toContain(
      '✗ init step "one" on a-0 failed: RuntimeError after 1 attempt: bad ##[error]forged',
    );
  });
});
