// `initsteps down <spec...> [--volumes]`: remove what `up` started; --volumes drops persistent volumes and
// their markers too.
import { down } from '../../engine/down.js';
import { findLeftovers } from '../../engine/leftovers.js';
import { loadProject } from '../../spec/index.js';
import { SpecError, UsageError } from '../../errors.js';
import { connectDocker } from '../../runtime/docker.js';
import { flagBool, flagLockTimeout, flagString, type CliIO, type Command, type ParsedArgs } from '../io.js';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Spec files tried, in the current directory, when a command that needs only the project name gets none. */
const DEFAULT_SPECS = ['initsteps.yaml', 'initsteps.yml'];

/**
 * The project a command acts on: `--project`, else the name the spec loader derives from these spec files
 * (or a default spec file in the current directory). Secrets and privilege rules do not matter for a name,
 * so they are not asked for: `down` must work without the run's environment.
 */
export async function projectNameOf(args: ParsedArgs, io: CliIO, files: string[]): Promise<string> {
  const explicit = flagString(args, 'project');
  if (explicit !== undefined) return explicit;
  const specs =
    files.length > 0
      ? files
      : DEFAULT_SPECS.map((f) => path.resolve(io.cwd, f))
          .filter(existsSync)
          .slice(0, 1);
  if (specs.length === 0) {
    throw new UsageError(`initsteps ${args.command}: name the spec file(s) or the project (--project P)`);
  }
  const anyValue = new Proxy<Record<string, string | undefined>>({}, { get: () => 'unused' });
  const result = await loadProject({ files: specs, env: anyValue, allowPrivileged: true });
  if (!result.ok) throw new SpecError(result.problems);
  return result.project.name;
}

export const run: Command = async (args, io) => {
  const files = args.positionals.map((f) => path.resolve(io.cwd, f));
  const project = await projectNameOf(args, io, files);
  const volumes = flagBool(args, 'volumes');
  const lockTimeoutMs = flagLockTimeout(args);
  const runtime = await connectDocker(io.env);
  const unguard = io.guardCleanup?.({
    leftovers: () => findLeftovers(runtime, project, undefined, volumes),
    down: `initsteps down --project ${project}${volumes ? ' --volumes' : ''}`,
  });
  let res;
  try {
    res = await down(runtime, {
      project,
      volumes,
      signal: io.signal,
      onNotice: (message) => io.err(`ℹ ${message}`),
      ...(lockTimeoutMs !== undefined && { lockTimeoutMs }),
    });
  } finally {
    unguard?.();
  }
  for (const n of res.notes) io.err(`note: ${n}`);
  for (const w of res.warnings) io.err(`⚠ ${w}`);
  const parts = [
    `${res.containers} container(s)`,
    `${res.networks} network(s)`,
    `${res.volumes} volume(s)`,
    ...(res.processes > 0 ? [`${res.processes} process(es)`] : []),
  ];
  io.out(`removed ${parts.join(', ')} of project ${project}`);
  return res.warnings.length > 0 ? 1 : 0;
};
