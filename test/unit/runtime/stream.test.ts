import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, LineTail, MAX_LINE_CHARS, SPLIT_MARKER } from '../../../src/runtime/stream.js';

/** Cuts a buffer at the given offsets. */
const cut = (buf: Buffer, at: number[]): Buffer[] => {
  const points = [...new Set(at.map((a) => a % (buf.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let prev = 0;
  for (const p of [...points, buf.length]) {
    parts.push(buf.subarray(prev, p));
    prev = p;
  }
  return parts;
};

describe('LineSplitter', () => {
  it('yields lines (LF or CRLF), joins UTF-8 split across chunks, and flushes the last partial line', () => {
    const text = Buffer.from('α line\r\nβ two\n\nlast');
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), (at) => {
        const lines: string[] = [];
        const s = new LineSplitter((l) => lines.push(l));
        for (const part of cut(text, at)) s.push(part);
        s.end();
        expect(lines).toEqual(['α line', 'β two', '', 'last']);
      }),
    );
  });

  it('emits nothing at the end when the output ended with a newline', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    s.push(Buffer.from('a\n'));
    s.end();
    expect(lines).toEqual(['a']);
  });
});

describe('LineSplitter bounds', () => {
  it('cuts a line longer than 64 KiB into marked pieces and keeps every character', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    const long = 'x'.repeat(MAX_LINE_CHARS * 2 + 10);
    s.push(Buffer.from(`${long}\nshort\n`));
    s.end();
    expect(lines.map((l) => l.length)).toEqual([
      MAX_LINE_CHARS + SPLIT_MARKER.length,
      MAX_LINE_CHARS + SPLIT_MARKER.length,
      10,
      5,
    ]);
    expect(lines.map((l) => l.replace(SPLIT_MARKER, '')).join('')).toBe(`${long}short`);
  });

  it('keeps a line of exactly 64 KiB whole', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    s.push(Buffer.from(`${'y'.repeat(MAX_LINE_CHARS)}\n`));
    s.end();
    expect(lines).toEqual(['y'.repeat(MAX_LINE_CHARS)]);
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const lines: string[] = [];
    const s = new LineSplitter((l) => lines.push(l));
    s.push(Buffer.from(`${'a'.repeat(MAX_LINE_CHARS - 1)}😀tail`));
    s.end();
    expect(lines[0]).toBe(`${'a'.repeat(MAX_LINE_CHARS - 1)}${SPLIT_MARKER}`);
    expect(lines[1]).toBe('😀tail');
  });

  it('takes time linear in the bytes: 64 MiB without a newline, in small chunks, within seconds', () => {
    let count = 0;
    const s = new LineSplitter(() => count++);
    const chunk = Buffer.alloc(32 * 1024, 0x7a);
    const began = performance.now();
    for (let i = 0; i < 2048; i++) s.push(chunk);
    s.end();
    // Quadratic splitting took 61 s for 64 MB on this machine; linear takes well under a second.
    expect(performance.now() - began).toBeLessThan(5000);
    expect(count).toBe(1024);
  });
});

describe('LineTail', () => {
  it('keeps the last n lines', () => {
    const t = new LineTail(3, 1000);
    for (let i = 0; i < 10; i++) t.push(String(i));
    expect(t.values()).toEqual(['7', '8', '9']);
  });

  it('keeps at most maxChars characters, dropping the oldest lines', () => {
    const t = new LineTail(100, 10);
    for (const line of ['aaaa', 'bbbb', 'cccc', 'dd']) t.push(line);
    expect(t.values()).toEqual(['bbbb', 'cccc', 'dd']);
    t.push('e'.repeat(20));
    expect(t.values()).toEqual([]);
  });
});
