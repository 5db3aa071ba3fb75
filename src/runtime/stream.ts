// Byte-stream helpers, pure: splitting output into bounded lines, keeping the last lines.

/** Longest line passed on; a longer one is cut into pieces of this size (docs/spec.md, "Step output"). */
export const MAX_LINE_CHARS = 64 * 1024;
/** Ends each piece of a line that was cut, so a reader sees it continues on the next line. */
export const SPLIT_MARKER = ' [… line longer than 64 KiB, continued on the next line]';

/**
 * Splits a byte stream into lines (LF or CRLF), decoding UTF-8 across chunk boundaries, in time linear in
 * the bytes whatever the line lengths: a line is held as pieces, and one longer than MAX_LINE_CHARS is
 * passed on in pieces, each ending with SPLIT_MARKER.
 */
export class LineSplitter {
  private pieces: string[] = [];
  private held = 0;
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }

  /** Emits the last unterminated line, if any. */
  end(): void {
    this.feed(this.decoder.decode());
    if (this.held > 0) this.flush(false);
  }

  private feed(text: string): void {
    for (let from = 0; ;) {
      const newline = text.indexOf('\n', from);
      const end = newline === -1 ? text.length : newline;
      let at = from;
      while (end - at > MAX_LINE_CHARS - this.held) {
        let take = MAX_LINE_CHARS - this.held;
        // Never between the halves of a surrogate pair.
        if (take > 1 && isHighSurrogate(text.charCodeAt(at + take - 1))) take -= 1;
        this.hold(text.slice(at, at + take));
        at += take;
        this.flush(true);
      }
      if (end > at) this.hold(text.slice(at, end));
      if (newline === -1) return;
      this.flush(false);
      from = newline + 1;
    }
  }

  private hold(piece: string): void {
    this.pieces.push(piece);
    this.held += piece.length;
  }

  private flush(cut: boolean): void {
    let line = this.pieces.length === 1 ? (this.pieces[0] as string) : this.pieces.join('');
    this.pieces = [];
    this.held = 0;
    if (cut) line += SPLIT_MARKER;
    else if (line.endsWith('\r')) line = line.slice(0, -1);
    this.onLine(line);
  }
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** The last lines of a log: at most `maxLines` of them and `maxChars` characters in all. */
export class LineTail {
  private lines: string[] = [];
  private first = 0;
  private chars = 0;

  constructor(
    private readonly maxLines: number,
    private readonly maxChars: number,
  ) {}

  push(line: string): void {
    this.lines.push(line);
    this.chars += line.length;
    while (this.lines.length - this.first > this.maxLines || this.chars > this.maxChars) {
      this.chars -= (this.lines[this.first] as string).length;
      // Released now, not at the next compaction: up to maxLines dropped lines would stay reachable.
      this.lines[this.first] = '';
      this.first += 1;
    }
    // Compact now and then, so dropped lines are freed (amortised constant time per line).
    if (this.first > this.maxLines) {
      this.lines = this.lines.slice(this.first);
      this.first = 0;
    }
  }

  values(): string[] {
    return this.lines.slice(this.first);
  }
}
