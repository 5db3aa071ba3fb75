import { describe, expect, it } from 'vitest';
import { cacheLine, eventToLines, formatDuration } from '../../../src/report/lines.js';
import { report, step } from './fixtures.js';

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

it('keeps once-per-layer pull statuses and drops progress updates', () => {
  const pull = (progress: string) => eventToLines({ type: 'image-pull', image: 'postgres:15', progress });
  expect(pull('15-bookworm Pulling from library/postgres')).toEqual([
    '⇣ pulling postgres:15: 15-bookworm Pulling from library/postgres',
  ]);
  expect(pull('a2318d6c47ec Pull complete')).toEqual(['⇣ pulling postgres:15: a2318d6c47ec Pull complete']);
  expect(pull('a2318d6c47ec Downloading [=====>      ]  3.1MB/29.1MB')).toEqual([]);
  expect(pull('a2318d6c47ec Extracting [=>           ]  1.2MB/29.1MB')).toEqual([]);
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
