// Pure: the problems a failed step's output names (docs/spec.md#problem-matchers). The user's matchers
// first, then the built-in patterns of the usual migration tools; colours removed, lines cut to a bound, so
// a matcher's regexp never runs on more than MAX_LINE_CHARS of untrusted output at a time.
import type { ProblemMatcher } from '../spec/model.js';
import { runUserMatchers } from './github.js';
import { BUILTIN_MATCHERS } from './tools/index.js';
import type { Match, RunInfo } from './types.js';
import { commandWords, stdinFile } from './words.js';

export type { Locator, Match } from './types.js';
export { hostPathOf, workspaceRelative, type OutputPlace } from './paths.js';
export { locate, type Spot } from './locate.js';

export const MAX_LINE_CHARS = 4096;

/** The runner's colour-code pattern (a lone ESC [ with digits, the `m` optional). */
// eslint-disable-next-line no-control-regex -- the escape character is what a colour code starts with
const COLOUR = /\x1b\[[0-9;]*m?/g;

export interface OutputSource {
  /** The step's command and args as the spec gave them. */
  argv: readonly string[];
  /** Its plain (not secret) environment. */
  env: Readonly<Record<string, string>>;
  matchers: readonly ProblemMatcher[];
}

/** Every problem the output names, each once (a retried step prints its error once per attempt). */
export function matchOutput(log: readonly string[], source: OutputSource): Match[] {
  const lines = log.map((l) => l.replace(COLOUR, '').slice(0, MAX_LINE_CHARS));
  const words = commandWords(source.argv);
  const stdin = stdinFile(words);
  const run: RunInfo = { words, env: source.env, ...(stdin !== undefined ? { stdin } : {}) };
  const all = [...runUserMatchers(lines, source.matchers), ...BUILTIN_MATCHERS.flatMap((b) => b(lines, run))];
  const seen = new Set<string>();
  return all.filter((m) => {
    const key = JSON.stringify([m.file, m.line, m.column, m.message]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
