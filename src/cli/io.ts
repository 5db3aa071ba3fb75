// What a CLI command is given: parsed arguments and its I/O, so tests call commands directly.
import { UsageError } from '../errors.js';
import { MAX_DURATION_MS, parseDuration } from '../spec/duration.js';
import type { CleanupGuard } from './interrupts.js';
export interface ParsedArgs {
  command: string;
  positionals: string[];
  /** Flags by long name; string-valued options hold strings, switches hold true. */
  flags: Record<string, string | boolean | undefined>;
}

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Fires on SIGINT/SIGTERM; the abort reason names the signal. */
  signal: AbortSignal;
  /**
   * Set by a command while it has something to clean up: later signals let the cleanup finish, and
   * a third one prints what the guard says is left before stopping (interrupts.ts). Returns the undo.
   */
  guardCleanup?(guard: CleanupGuard): () => void;
}

export type Command = (args: ParsedArgs, io: CliIO) => Promise<number>;

export const flagString = (args: ParsedArgs, name: string): string | undefined => {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
};

export const flagBool = (args: ParsedArgs, name: string): boolean => args.flags[name] === true;

/** `--services a,b` → ['a', 'b']. */
export const flagList = (args: ParsedArgs, name: string): string[] | undefined =>
  flagString(args, name)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `--lock-timeout D`: how long `up` and `down` wait for another run of the project (default 10m). */
export function flagLockTimeout(args: ParsedArgs): number | undefined {
  const text = flagString(args, 'lock-timeout');
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined || ms > MAX_DURATION_MS) {
    throw new UsageError(`--lock-timeout: "${text}" is not a duration (examples: 0, 30s, 10m, 1h)`);
  }
  return ms;
}
