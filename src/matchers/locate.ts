// The exact line and column of a problem, from the file's text: tools quote the failing source line with a
// caret (psql's `LINE 4:`, sqlite3's `^--- error here`, node-pg-migrate's `^^^^`) or name a changeset, but
// psql numbers the statement's last line, sqlite3 its first, node-pg-migrate none.
import type { Locator } from './types.js';

/** How far from the tool's line a quoted line is looked for (a statement longer than this is rare). */
const SEARCH_LINES = 500;

export interface Spot {
  line: number;
  column?: number;
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n';

/** Whether the quote is at offset i of the text; a blank in the quote stands for any one blank (tools print a newline or tab as a space). */
function quotedAt(text: string, i: number, quote: string): boolean {
  if (i + quote.length > text.length) return false;
  for (let j = 0; j < quote.length; j++) {
    const q = quote[j];
    const c = text[i + j];
    if (q === ' ' ? !isBlank(c) : q !== c) return false;
  }
  return true;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Line starts (offsets) of a text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function spotAt(starts: number[], offset: number): Spot {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

function locateQuote(
  text: string,
  loc: Extract<Locator, { kind: 'quote' }>,
  line?: number,
): Spot | undefined {
  let quote = loc.text;
  let caret = loc.caret;
  // psql cuts long lines with `...` at either end.
  if (quote.startsWith('...')) {
    quote = quote.slice(3);
    caret -= 3;
  }
  if (quote.endsWith('...')) quote = quote.slice(0, -3);
  if (quote.trim() === '') return undefined;
  caret = Math.min(Math.max(caret, 0), quote.length - 1);
  const starts = lineStarts(text);
  /** Offset where line l (1-based) starts; past the last line, the end of the text. */
  const at = (l: number) => (l < 1 ? 0 : l > starts.length ? text.length : (starts[l - 1] ?? 0));
  if (loc.near === 'before' && line !== undefined) {
    // From the end of the tool's line back: the nearest quote before it is the failing one.
    const from = Math.min(at(line + 1) - 1, text.length - quote.length);
    const stop = at(line - SEARCH_LINES);
    for (let i = from; i >= stop; i--) if (quotedAt(text, i, quote)) return spotAt(starts, i + caret);
    return undefined;
  }
  const from = line === undefined ? 0 : at(line);
  const stop = line === undefined ? text.length : at(line + SEARCH_LINES);
  for (let i = from; i < stop; i++) if (quotedAt(text, i, quote)) return spotAt(starts, i + caret);
  return undefined;
}

function locateChangeset(text: string, id: string, author: string): Spot | undefined {
  const lines = text.split('\n');
  const patterns = [
    // Formatted SQL: `--changeset author:id attributes...`
    new RegExp(`^\\s*--\\s*changeset\\s+${escapeRegExp(author)}:${escapeRegExp(id)}(\\s|$)`),
    // XML: `<changeSet id="id" author="author">` (the id on the element's first line)
    new RegExp(`<changeSet\\b.*\\bid\\s*=\\s*["']${escapeRegExp(id)}["']`),
    // YAML and JSON changelogs: the changeSet's `id` entry
    new RegExp(`^\\s*(-\\s*)?["']?id["']?\\s*:\\s*["']?${escapeRegExp(id)}["']?\\s*,?\\s*$`),
  ];
  for (const pattern of patterns) {
    const i = lines.findIndex((l) => pattern.test(l));
    if (i >= 0) return { line: i + 1 };
  }
  return undefined;
}

/** Where the locator points in the file's text, from the tool's line if it gave one; undefined when not found. */
export function locate(text: string, locator: Locator, line?: number): Spot | undefined {
  return locator.kind === 'quote'
    ? locateQuote(text, locator, line)
    : locateChangeset(text, locator.id, locator.author);
}
