// Byte-stream helpers, pure: Docker's multiplexed attach framing and splitting output into lines.
import type { OutputStream } from './types.js';

/**
 * Docker's stdcopy framing for non-TTY attach streams: an 8-byte header (stream type, 3 zero bytes,
 * big-endian payload length) before each payload. Frames arrive split across chunks arbitrarily.
 */
export class Demuxer {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onFrame: (stream: OutputStream, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 8) {
      const type = this.pending.readUInt8(0);
      const length = this.pending.readUInt32BE(4);
      if (this.pending.length < 8 + length) break;
      const payload = this.pending.subarray(8, 8 + length);
      this.pending = this.pending.subarray(8 + length);
      // Type 0 (stdin echo) never happens without a TTY/stdin; treat anything but 2 as stdout.
      this.onFrame(type === 2 ? 'stderr' : 'stdout', payload);
    }
  }
}

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
