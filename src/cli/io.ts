// What a CLI command is given: parsed arguments and its I/O, so tests call commands directly.
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
