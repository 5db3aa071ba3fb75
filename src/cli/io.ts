// What a CLI command is given: parsed arguments and its I/O, so tests call commands directly.
import { inertLines, mayReadAsCommand, UntrustedLines } from '../report/workflow-commands.js';

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
