import { describe, expect, it } from 'vitest';
import { cacheLine, eventToLines, formatBytes, formatDuration } from '../../../src/report/lines.js';
import { failedJob, job, report, step } from './fixtures.js';

describe('eventToLines', () => {
  it('prints the docs/action.md, "What the run shows" transition lines exactly', () => {
    expect(
      eventToLines({
        type: 'step-start',
        service: 'tb',
        instance: 'tb-0',
        step: 'format',
        attempt: 1,
        attempts: 3,
      }),
    ).toEqual(['▶ init step "format" on tb-0']);
    expect(eventToLines({ type: 'step-end', result: step() })).toEqual([
      '✓ init step "format" on tb-0 succeeded',
    ]);
    expect(
      eventToLines({
        type: 'step-end',
        result: step({ step: 'seed', status: 'Skipped', message: 'volume already initialized', attempts: 0 }),
      }),
    ).toEqual(['↷ init step "seed" on tb-0: skipped (volume already initialized)']);
    expect(
      eventToLines({
        type: 'step-end',
        result: step({
          instance: 'tb-1',
          status: 'Failed',
          reason: 'ExitNonZero',
          exitCode: 9,
          attempts: 3,
          message: 'exit code 9',
        }),
      }),
    ).toEqual(['✗ init step "format" on tb-1 failed: ExitNonZero exit code 9 after 3 attempts']);
    expect(eventToLines({ type: 'service-status', service: 'tb', status: 'Running' })).toEqual([
      '✓ tb is Running',
    ]);
  });

  it('names the attempt on a retry and says why and when', () => {
    expect(
      eventToLines({
        type: 'step-start',
        service: 'tb',
        instance: 'tb-0',
        step: 'format',
        attempt: 2,
        attempts: 3,
      }),
    ).toEqual(['▶ init step "format" on tb-0 (attempt 2 of 3)']);
    expect(
      eventToLines({
        type: 'step-retry',
        instance: 'tb-0',
        step: 'format',
        attempt: 1,
        delayMs: 500,
        detail: 'ExitNonZero exit code 9',
      }),
    ).toEqual(['↻ init step "format" on tb-0: attempt 1 failed (ExitNonZero exit code 9); retrying in 0.5s']);
  });

  it('keeps the message of non-exit-code failures and uses the singular for one attempt', () => {
    const r = step({
      status: 'Failed',
      reason: 'Timeout',
      exitCode: undefined,
      attempts: 1,
      message: 'no exit within 2m',
    });
    expect(eventToLines({ type: 'step-end', result: r })).toEqual([
      '✗ init step "format" on tb-0 failed: Timeout after 1 attempt: no exit within 2m',
    ]);
    const c = step({ status: 'Cancelled', reason: 'Cancelled', message: 'run timeout reached' });
    expect(eventToLines({ type: 'step-end', result: c })).toEqual([
      '✗ init step "format" on tb-0 cancelled: run timeout reached',
    ]);
  });

  it('shows failed services and instances with their reason', () => {
    expect(
      eventToLines({
        type: 'service-status',
        service: 'tb',
        instance: 'tb-1',
        status: 'Failed',
        reason: 'ReadinessTimeout',
        message: 'port 3000 closed after 60 checks',
      }),
    ).toEqual(['✗ tb-1 is Failed: ReadinessTimeout: port 3000 closed after 60 checks']);
    expect(eventToLines({ type: 'service-status', service: 'tb', status: 'Initializing' })).toEqual([
      '• tb is Initializing',
    ]);
  });

  it('prefixes output lines with their origin, prints warnings and notices and hides created objects', () => {
    expect(
      eventToLines({ type: 'step-output', instance: 'tb-0', step: 'format', stream: 'stdout', line: 'hi' }),
    ).toEqual(['tb-0/format | hi']);
    expect(eventToLines({ type: 'main-output', instance: 'tb-0', stream: 'stderr', line: 'up' })).toEqual([
      'tb-0 | up',
    ]);
    expect(eventToLines({ type: 'warning', message: 'cache restore failed' })).toEqual([
      '⚠ cache restore failed',
    ]);
    expect(eventToLines({ type: 'notice', message: 'cache: db-0 not saved' })).toEqual([
      'ℹ cache: db-0 not saved',
    ]);
    expect(eventToLines({ type: 'created', kind: 'container', id: 'abc' })).toEqual([]);
  });
});

describe('pull lines', () => {
  it('announces the pulls at once, then one line per image as it goes and when it ends', () => {
    expect(eventToLines({ type: 'image-pulls', phase: 'start', images: ['a:1', 'b:2'] })).toEqual([
      '⇣ pulling 2 images: a:1, b:2',
    ]);
    expect(eventToLines({ type: 'image-pull', image: 'a:1', phase: 'start' })).toEqual(['⇣ pulling a:1']);
    expect(
      eventToLines({
        type: 'image-pull',
        image: 'a:1',
        phase: 'progress',
        doneBytes: 3_100_000,
        totalBytes: 29_100_000,
        elapsedMs: 4000,
      }),
    ).toEqual(['⇣ a:1: 3.1 MB of 29 MB (4s)']);
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(
      eventToLines({ type: 'image-pull', image: 'a:1', phase: 'done', durationMs: 2100, digest }),
    ).toEqual([`✓ pulled a:1 in 2.1s (${digest})`]);
    expect(eventToLines({ type: 'image-pulls', phase: 'end', durationMs: 2500, failed: 1 })).toEqual([
      '⇣ pulls done in 2.5s, 1 failed',
    ]);
  });

  it('says which attempt failed, why, and when the next comes', () => {
    expect(
      eventToLines({
        type: 'image-pull',
        image: 'a:1',
        phase: 'retry',
        attempt: 1,
        attempts: 4,
        delayMs: 2000,
        detail: 'received unexpected HTTP status: 503 Service Unavailable',
      }),
    ).toEqual([
      '↻ pulling a:1: attempt 1 of 4 failed (received unexpected HTTP status: 503 Service Unavailable); retrying in 2s',
    ]);
    expect(
      eventToLines({ type: 'image-pull', image: 'a:1', phase: 'failed', message: 'pulling a:1: boom' }),
    ).toEqual(['✗ pulling a:1: boom']);
  });
});

describe('formatBytes', () => {
  it.each([
    [512, '512 B'],
    [1500, '1.5 kB'],
    [29_100_000, '29 MB'],
    [1_200_000_000, '1.2 GB'],
  ])('%i → %s', (n, text) => expect(formatBytes(n)).toBe(text));
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [500, '0.5s'],
    [1000, '1s'],
    [1500, '1.5s'],
    [12_345, '12s'],
    [61_000, '1m1s'],
    [120_000, '2m'],
    [5_400_000, '1h30m'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('job lines', () => {
  it('announces each attempt, names the job container in its output, and says how it ended', () => {
    const start = { type: 'job-start', job: 'migrate', instance: 'migrate-0', attempts: 3 } as const;
    expect(eventToLines({ ...start, attempt: 1 })).toEqual(['▶ job "migrate"']);
    expect(eventToLines({ ...start, attempt: 2 })).toEqual(['▶ job "migrate" (attempt 2 of 3)']);
    expect(
      eventToLines({
        type: 'job-output',
        job: 'migrate',
        instance: 'migrate-0',
        stream: 'stdout',
        line: 'ok',
      }),
    ).toEqual(['migrate-0/migrate | ok']);
    expect(
      eventToLines({
        type: 'job-retry',
        job: 'migrate',
        instance: 'migrate-0',
        attempt: 1,
        delayMs: 1000,
        detail: 'ExitNonZero exit code 3',
      }),
    ).toEqual(['↻ job "migrate": attempt 1 failed (ExitNonZero exit code 3); retrying in 1s']);
    expect(eventToLines({ type: 'job-end', result: job() })).toEqual(['✓ job "migrate" succeeded (4.2s)']);
    expect(eventToLines({ type: 'job-end', result: failedJob() })).toEqual([
      '✗ job "migrate" failed: JobFailed exit code 3 after 1 attempt',
    ]);
  });

  it.each([
    [
      job({
        status: 'Failed',
        reason: 'JobFailed',
        exitCode: 143,
        attempts: 2,
        message: 'Timeout: timed out after 1s',
      }),
      '✗ job "migrate" failed: JobFailed after 2 attempts: Timeout: timed out after 1s',
    ],
    [
      job({
        status: 'Failed',
        reason: 'DeadlineExceeded',
        attempts: 2,
        message: 'activeDeadlineSeconds 5 exceeded',
      }),
      '✗ job "migrate" failed: DeadlineExceeded after 2 attempts: activeDeadlineSeconds 5 exceeded',
    ],
    [
      job({
        status: 'Failed',
        reason: 'InitStepFailed',
        exitCode: undefined,
        attempts: 0,
        message: 'init step "seed" failed: ExitNonZero exit code 1',
      }),
      '✗ job "migrate" failed: InitStepFailed: init step "seed" failed: ExitNonZero exit code 1',
    ],
    [
      job({ status: 'Failed', reason: 'DependencyFailed', attempts: 0, message: 'dependency "db" failed' }),
      '✗ job "migrate" failed: DependencyFailed: dependency "db" failed',
    ],
    [job({ status: 'Failed', reason: 'Cancelled', message: 'run cancelled' }), '✗ job "migrate" cancelled'],
  ])('%#: a failed job says why', (result, line) => {
    expect(eventToLines({ type: 'job-end', result })).toEqual([line]);
  });
});

describe('cacheLine', () => {
  const key = `initsteps-2-demo-${'b'.repeat(64)}-${'f'.repeat(64)}`;
  const older = `initsteps-2-demo-${'b'.repeat(64)}-${'e'.repeat(64)}`;
  const ran = [step(), step({ step: 'seed', status: 'Skipped', attempts: 0 })];

  it('says which entry was restored, how, and how many steps ran on top of it', () => {
    expect(
      cacheLine(report({ steps: ran, cache: { result: 'exact', key, matchedKey: key, saved: false } })),
    ).toBe(`cache: restored from entry ${key} (exact), 1 step ran on top`);
    expect(
      cacheLine(
        report({
          steps: [...ran, step({ step: 'migrate' })],
          cache: { result: 'base', key, matchedKey: older, saved: true },
        }),
      ),
    ).toBe(`cache: restored from base entry ${older}, 2 steps ran on top; saved as ${key}`);
  });

  it('says a miss, and nothing without a cache', () => {
    expect(cacheLine(report({ cache: { result: 'miss', key, saved: true } }))).toBe(
      `cache: no entry for ${key}; saved as ${key}`,
    );
    expect(cacheLine(report({ cache: { result: 'miss', saved: false } }))).toBe('cache: no entry');
    expect(cacheLine(report({ cache: { result: 'miss', key, initialized: true, saved: false } }))).toBe(
      'cache: nothing restored, the volumes are initialized already',
    );
    expect(cacheLine(report())).toBeUndefined();
  });
});
