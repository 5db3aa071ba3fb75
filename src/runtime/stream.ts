// Byte-stream helpers, pure: splitting output into lines, keeping the last lines.
/** Splits a byte stream into lines (LF or CRLF), decoding UTF-8 across chunk boundaries. */
export class LineSplitter {
  private partial = '';
  private readonly decoder = new TextDecoder('utf-8');

  constructor(private readonly onLine: (line: string) => void) {}

  push(chunk: Buffer): void {
    const text = this.partial + this.decoder.decode(chunk, { stream: true });
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    for (const p of parts) this.onLine(p.endsWith('\r') ? p.slice(0, -1) : p);
  }

  /** Emits the last unterminated line, if any. */
  end(): void {
    const rest = this.partial + this.decoder.decode();
    this.partial = '';
    if (rest !== '') this.onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
  }
}

/** Keeps the last `max` items. */
export class Tail<T> {
  private items: T[] = [];

  constructor(private readonly max: number) {}

  push(item: T): void {
    this.items.push(item);
    if (this.items.length > this.max * 2) this.items = this.items.slice(-this.max);
  }

  values(): T[] {
    return this.items.slice(-this.max);
  }
}
