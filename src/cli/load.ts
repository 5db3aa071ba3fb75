// Spec loading shared by the commands that take `<spec...>`.
import { formatProblem, SpecError, UsageError } from '../errors.js';
import { loadProject } from '../spec/index.js';
import type { ResolvedProject } from '../spec/model.js';
import { flagBool, flagString, type CliIO, type ParsedArgs } from './io.js';
import path from 'node:path';

export async function loadFromArgs(args: ParsedArgs, io: CliIO): Promise<ResolvedProject> {
  const files = specFiles(args, io);
  const result = await loadProject({
    files,
    project: flagString(args, 'project'),
    env: io.env,
    allowPrivileged: flagBool(args, 'allow-privileged'),
  });
  if (!result.ok) throw new SpecError(result.problems);
  // On stderr, so `--json` output stays JSON; they never change the exit code.
  for (const w of result.warnings ?? []) io.err(`warning: ${formatProblem(w)}`);
  return result.project;
}

export function specFiles(args: ParsedArgs, io: CliIO): string[] {
  if (args.positionals.length === 0)
    throw new UsageError(`initsteps ${args.command}: name at least one spec file`);
  return args.positionals.map((f) => path.resolve(io.cwd, f));
}
