// What a CLI command is given: parsed arguments and its I/O, so tests call commands directly.
import { inertLines, mayReadAsCommand, UntrustedLines } from '../report/workflow-commands.js';
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

/** The I/O a command prints through. */
export interface CommandIO extends CliIO {
  /** A line the CLI did not write (a step's or a container's output): never read as a workflow command. */
  untrusted(line: string): void;
  /** Prints what `untrusted` still holds. */
  flush(): void;
}

/**
 * Inside a GitHub Actions job (`GITHUB_ACTIONS=true`) the runner reads the CLI's output for workflow
 * commands: untrusted lines go to stdout in stop-commands blocks, and any other line that could read as a
 * command (one of ours quoting a step's message) is made inert, on both streams (docs/action.md, "Step
 * output and the runner"). Elsewhere lines go out as they are.
 */
export function commandIO(io: CliIO): CommandIO {
  if (io.env.GITHUB_ACTIONS !== 'true') return { ...io, untrusted: io.out, flush: () => undefined };
  const blocks = new UntrustedLines(io.out);
  const inert =
    (print: (line: string) => void) =>
    (line: string): void => {
      blocks.flush();
      if (!mayReadAsCommand(line)) return print(line);
      for (const part of inertLines(line)) print(part);
    };
  return {
    ...io,
    out: inert(io.out),
    err: inert(io.err),
    untrusted: (line) => blocks.push(line),
    flush: () => blocks.flush(),
  };
}

export type Command = (args: ParsedArgs, io: CommandIO) => Promise<number>;

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
