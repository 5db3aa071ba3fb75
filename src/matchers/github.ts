// The user's problem matchers, run the way GitHub's runner runs them (docs/spec.md#problem-matchers): each
// line goes to the matchers in order and the first that completes a match takes it (the others start
// over); a matcher of several patterns matches them on consecutive lines, and a `loop` last pattern goes on
// matching, one problem per line, with what the earlier patterns captured. A match with an empty message
// or a severity other than error, warning and notice is dropped; line and column must be digits.
import path from 'node:path';
import type { MatcherPattern, ProblemMatcher, Severity } from '../spec/model.js';
import type { Match } from './types.js';

type Captured = Partial<
  Record<'file' | 'line' | 'column' | 'severity' | 'code' | 'message' | 'fromPath', string>
>;

const FIELDS = ['file', 'line', 'column', 'severity', 'code', 'message', 'fromPath'] as const;

class Running {
  private readonly regexps: RegExp[];
  /** state[i]: what patterns 0..i captured on the lines just before, when they matched in a row. */
  private state: (Captured | undefined)[] = [];

  constructor(readonly matcher: ProblemMatcher) {
    this.regexps = matcher.patterns.map((p) => new RegExp(p.regexp));
  }

  reset(): void {
    this.state = [];
  }

  /** The capture of a completed match on this line, or undefined. */
  match(line: string): Captured | undefined {
    const patterns = this.matcher.patterns;
    if (patterns.length === 1) {
      const m = this.regexps[0]?.exec(line);
      return m && patterns[0] ? capture(undefined, patterns[0], m) : undefined;
    }
    // Last pattern first, so a line completes a running match before it can start a new one.
    for (let i = patterns.length - 1; i >= 0; i--) {
      const running = i > 0 ? this.state[i - 1] : undefined;
      if (i > 0 && running === undefined) continue;
      const pattern = patterns[i] as MatcherPattern;
      const m = this.regexps[i]?.exec(line);
      const last = i === patterns.length - 1;
      if (m) {
        const captured = capture(running, pattern, m);
        if (last) {
          this.reset();
          if (pattern.loop) this.state[i - 1] = running;
          return captured;
        }
        this.state[i] = captured;
      } else {
        this.state[last ? i - 1 : i] = undefined;
      }
    }
    return undefined;
  }
}

/** Earlier patterns' captures win, as in the runner. */
function capture(running: Captured | undefined, p: MatcherPattern, m: RegExpExecArray): Captured {
  const out: Captured = { ...running };
  for (const field of FIELDS) {
    const group = p[field];
    if (out[field] === undefined && group !== undefined && group < m.length) out[field] = m[group] ?? '';
  }
  return out;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];
const DIGITS = /^\d+$/;

function toMatch(c: Captured, matcher: ProblemMatcher): Match | undefined {
  const message = c.message?.trim() ?? '';
  if (message === '') return undefined;
  const severity = (c.severity || matcher.severity || 'error').toLowerCase() as Severity;
  if (!SEVERITIES.includes(severity)) return undefined;
  let file = c.file?.trim() || undefined;
  const from = c.fromPath?.trim();
  if (file !== undefined && from && !path.posix.isAbsolute(file)) {
    file = path.posix.join(path.posix.dirname(from), file);
  }
  const code = c.code?.trim();
  return {
    owner: matcher.owner,
    severity,
    message,
    ...(code ? { code } : {}),
    ...(file !== undefined ? { file } : {}),
    ...(c.line !== undefined && DIGITS.test(c.line) ? { line: Number(c.line) } : {}),
    ...(c.column !== undefined && DIGITS.test(c.column) ? { column: Number(c.column) } : {}),
  };
}

/** The problems the user's matchers find in the lines (colours already removed). */
export function runUserMatchers(lines: readonly string[], matchers: readonly ProblemMatcher[]): Match[] {
  const running = matchers.map((m) => new Running(m));
  const out: Match[] = [];
  for (const line of lines) {
    for (const r of running) {
      const captured = r.match(line);
      if (!captured) continue;
      for (const other of running) if (other !== r) other.reset();
      const match = toMatch(captured, r.matcher);
      if (match) {
        out.push(match);
        break;
      }
    }
  }
  return out;
}
