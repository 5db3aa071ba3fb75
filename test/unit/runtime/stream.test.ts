import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter, Tail } from '../../../src/runtime/stream.js';

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

describe('Tail', () => {
  it('keeps the last n items', () => {
    const t = new Tail<number>(3);
    for (let i = 0; i < 10; i++) t.push(i);
    expect(t.values()).toEqual([7, 8, 9]);
  });
});
