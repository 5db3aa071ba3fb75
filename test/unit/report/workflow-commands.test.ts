import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BLOCK_DELAY_MS,
  freshToken,
  inertLines,
  mayReadAsCommand,
  stopCommandsBlock,
  UntrustedLines,
} from '../../../src/report/workflow-commands.js';
import { HOSTILE_LINES, readAsRunner } from '../../support/runner.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('stopCommandsBlock', () => {
  it('hides every workflow command from the runner and ends where it says', () => {
    const block = stopCommandsBlock(HOSTILE_LINES);
    const reading = readAsRunner([...block, '::warning::after the block'].join('\n'));
    expect(reading.honoured.map((c) => c.name)).toEqual(['warning']);
    expect(reading.tokens).toEqual([block[0]?.slice('::stop-commands::'.length)]);
  });

  it('never closes on a line of its content: a token the lines contain is drawn again', () => {
    const tokens = ['abc', 'abc', 'fresh'];
    expect(stopCommandsBlock(['x ::abc:: y'], () => tokens.shift() ?? '')).toEqual([
      '::stop-commands::fresh',
      'x ::abc:: y',
      '::fresh::',
    ]);
  });

  it('draws 128 random bits per block', () => {
    const tokens = new Set(Array.from({ length: 100 }, freshToken));
    expect(tokens.size).toBe(100);
    for (const t of tokens) expect(t).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('inertLines', () => {
  it('leaves the runner nothing to act on in any hostile line, and the text readable', () => {
    const inert = HOSTILE_LINES.flatMap(inertLines);
    expect(readAsRunner(inert.join('\n'))).toMatchObject({ honoured: [], tokens: [] });
    expect(inert.join('\n').replaceAll('\u200b', '')).toBe(HOSTILE_LINES.join('\n').replaceAll('\r', '\n'));
  });

  it('leaves ordinary lines alone', () => {
    expect(inertLines('✓ init step "seed" on db-0 succeeded')).toEqual([
      '✓ init step "seed" on db-0 succeeded',
    ]);
    expect(mayReadAsCommand('db-0/seed | INSERT 0 1 :: done')).toBe(false);
  });
});

describe('mayReadAsCommand', () => {
  it.each([
    ['::error::x', true],
    ['  ::error::x', true],
    ['\u0085::error::x', true],
    ['a ##[error]x', true],
    ['a\rb', true],
    ['a\nb', true],
    ['a :: b', false],
    ['#[error]', false],
  ])('%j → %s', (line, expected) => {
    expect(mayReadAsCommand(line)).toBe(expected);
  });
});

describe('UntrustedLines', () => {
  it('gives lines that arrive together one block, printed once they stop arriving', () => {
    vi.useFakeTimers();
    const printed: string[] = [];
    const lines = new UntrustedLines((l) => printed.push(l));
    lines.push('one');
    lines.push('two');
    expect(printed).toEqual([]);
    vi.advanceTimersByTime(BLOCK_DELAY_MS);
    expect(printed).toHaveLength(4);
    expect(printed.slice(1, 3)).toEqual(['one', 'two']);
    lines.push('three');
    lines.flush();
    expect(printed.slice(4)).toHaveLength(3);
    expect(printed[4]).not.toBe(printed[0]);
  });

  it('holds a bounded amount: a flood goes out in blocks at once', () => {
    const printed: string[] = [];
    const lines = new UntrustedLines((l) => printed.push(l));
    for (let i = 0; i < 1200; i++) lines.push(`line ${i}`);
    // Two full blocks are out without waiting; the rest waits for its delay.
    expect(printed).toHaveLength(2 * 502);
    for (let i = 0; i < 3; i++) lines.push('x'.repeat(100 * 1024));
    expect(printed.length).toBeGreaterThan(2 * 502);
    lines.flush();
    expect(readAsRunner(printed.join('\n'))).toMatchObject({ honoured: [], openAtEnd: false });
  });
});
