import { describe, expect, it } from 'vitest';
import { StepLog } from '../../../src/action/log.js';
import type { RunEvent, StepResult } from '../../../src/engine/types.js';
import { createMasker } from '../../../src/spec/secrets.js';
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

const run = (events: RunEvent[]): string[] => {
  const core = new FakeCore();
  const log = new StepLog(core);
  events.forEach((e) => log.event(e));
  log.finish();
  return core.log;
};

describe('StepLog', () => {
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
      'formatting',
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
      'boom',
      '::endgroup::',
      '↻ init step "format" on tb-0: attempt 1 failed (ExitNonZero exit code 9); retrying in 1s',
      '::group::▶ init step "format" on tb-0 (attempt 2 of 3)',
      'ok',
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
    const core = new FakeCore();
    const log = new StepLog(core);
    log.event(start('a-0', 'one'));
    log.event(start('b-0', 'two'));
    log.event(out('b-0', 'two', 'b first'));
    log.event({ type: 'service-status', service: 'c', status: 'Initializing' });
    log.event(out('a-0', 'one', 'a first'));
    expect(core.log).toEqual(['::group::▶ init step "one" on a-0', 'a first']);
    log.event(end('a-0', 'one'));
    expect(core.log.slice(2)).toEqual([
      '::endgroup::',
      '✓ init step "one" on a-0 succeeded',
      '::group::▶ init step "two" on b-0',
      'b first',
    ]);
    // b-0 is now the open group: its output is live, the waiting status line still waits.
    log.event(out('b-0', 'two', 'b live'));
    expect(core.log.at(-1)).toBe('b live');
    log.event(end('b-0', 'two'));
    expect(core.log.slice(7)).toEqual([
      '::endgroup::',
      '✓ init step "two" on b-0 succeeded',
      '• c is Initializing',
    ]);
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
      'c says',
      'c again',
      '::endgroup::',
      '✓ init step "one" on c-0 succeeded',
      '::group::▶ init step "two" on d-0',
      'd says',
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
      'a',
      '::endgroup::',
      '✓ init step "one" on a-0 succeeded',
      '::group::▶ init step "two" on b-0',
      'b',
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
      'x',
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
