// Text a step or a container printed must never reach the GitHub runner as a workflow command
// (docs/action.md, "Step output and the runner"). The runner reads a step's stdout and stderr line by line,
// ending a line at `\n`, `\r\n` or a lone `\r`, and honours `::name props::data` at the start of a line
// (after white space) and the legacy `##[name props]data` anywhere in a line, until `::stop-commands::TOKEN`
// makes it honour nothing but the line `::TOKEN::`. So untrusted text goes out only inside such a block,
// with a fresh random token the text cannot contain.
import { randomBytes } from 'node:crypto';

/** 128 random bits: no step can guess the line that ends its block. */
export const freshToken = (): string => randomBytes(16).toString('hex');

/**
 * Whether the runner could take the line, or a piece of it after a line break, for a workflow command.
 * `\u0085` counts as the white space .NET trims before `::` (JavaScript's `\s` does not include it).
 */
export const mayReadAsCommand = (line: string): boolean =>
  /##\[|[\r\n]/.test(line) || /^[\s\u0085]*::/.test(line);

/** `lines` wrapped so the runner honours none of them; the closing token appears nowhere in them. */
export function stopCommandsBlock(lines: readonly string[], token: () => string = freshToken): string[] {
  let t = token();
  while (lines.some((l) => l.includes(t))) t = token();
  return [`::stop-commands::${t}`, ...lines, `::${t}::`];
}

/**
 * A line of ours that may quote untrusted text, made inert without a block: split where the runner splits
 * it, a zero-width space between `##` and `[` and before a leading `::`. For a stream where a block cannot
 * be used: blocks on stdout and stderr can interleave in the order the runner reads them.
 */
export function inertLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/##\[/g, '##\u200b[').replace(/^([\s\u0085]*)::/, '$1\u200b::'));
}

/** Lines held before a block is printed; more than this is printed at once. */
const MAX_LINES = 500;
const MAX_CHARS = 256 * 1024;
/** How long untrusted lines wait for more to share their block (each block adds two lines to the log). */
export const BLOCK_DELAY_MS = 100;

/**
 * Untrusted lines printed in stop-commands blocks: lines that arrive close together share one block. A
 * block is printed whole in one synchronous call, so nothing else (a line of ours, a library's log line,
 * an `::add-mask::`) can ever land inside it and be ignored; call `flush` before printing anything else.
 */
export class UntrustedLines {
  private waiting: string[] = [];
  private chars = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly print: (line: string) => void) {}

  push(line: string): void {
    this.waiting.push(line);
    this.chars += line.length;
    if (this.waiting.length >= MAX_LINES || this.chars >= MAX_CHARS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), BLOCK_DELAY_MS);
  }

  /** Prints what waits as one block. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.waiting.length === 0) return;
    const lines = this.waiting;
    this.waiting = [];
    this.chars = 0;
    for (const line of stopCommandsBlock(lines)) this.print(line);
  }
}
