// The problems a failed step's output names, placed in the repository (docs/spec.md#problem-matchers): the
// matchers (src/matchers, pure) read the output; here each file they name is mapped back to the host, kept
// only when it is a regular file inside the workspace (on its real path too), and read, bounded, when the
// tool quoted the failing line so the exact line and column can be found. Nothing in the output is run.
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import {
  hostPathOf,
  locate,
  matchOutput,
  workspaceRelative,
  type Match,
  type OutputPlace,
} from '../matchers/index.js';
import { errorMessage } from '../errors.js';
import type { ContainerSpec, ResolvedService, RuntimeKind } from '../spec/model.js';
import type { RunContext } from './run-context.js';
import type { StepProblem } from './types.js';

/** Problems kept per step; the runner shows 10 error annotations per step at most anyway. */
export const MAX_STEP_PROBLEMS = 10;
/** A problem's message is the tool's, with its context lines: cut beyond these. */
const MAX_MESSAGE_CHARS = 2000;
const MAX_MESSAGE_LINES = 12;
const MAX_NAME_CHARS = 500;
/** Migrations are small; a larger file is not read to refine a line. */
const MAX_SOURCE_BYTES = 1024 * 1024;

/** What the step ran and where, as far as its output's paths are concerned. */
export interface ProblemSource {
  /** The step (or a job's container): command, args, env, volumes, workingDir, problemMatchers. */
  spec: ContainerSpec;
  runtime: RuntimeKind;
  /** The directory of the spec file that declared it: a host process runs there unless it has a workingDir. */
  specDir: string;
  workspace: string;
}

const bound = (text: string): string => {
  const lines = text.split('\n');
  const kept = lines.length > MAX_MESSAGE_LINES ? [...lines.slice(0, MAX_MESSAGE_LINES), '…'] : lines;
  const joined = kept.join('\n');
  return joined.length > MAX_MESSAGE_CHARS ? `${joined.slice(0, MAX_MESSAGE_CHARS)}…` : joined;
};

/** The real path of a regular file inside the workspace (lexically and on its real path), or undefined. */
async function repositoryFile(
  host: string,
  workspace: string,
  realWorkspace: string,
): Promise<string | undefined> {
  if (workspaceRelative(host, workspace) === undefined) return undefined;
  try {
    const real = await realpath(host);
    return workspaceRelative(real, realWorkspace) === undefined ? undefined : real;
  } catch {
    return undefined;
  }
}

/** A regular file's text, when it is at most MAX_SOURCE_BYTES. */
async function readSource(file: string): Promise<string | undefined> {
  try {
    // Non-blocking: a FIFO in the repository must not hang the run.
    const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const st = await handle.stat();
      if (!st.isFile() || st.size > MAX_SOURCE_BYTES) return undefined;
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}

async function place(
  m: Match,
  where: OutputPlace,
  workspace: string,
  realWorkspace: string,
): Promise<StepProblem> {
  const base = {
    severity: m.severity,
    owner: m.owner.slice(0, MAX_NAME_CHARS),
    message: bound(m.message),
    ...(m.code !== undefined ? { code: m.code.slice(0, MAX_NAME_CHARS) } : {}),
  };
  const at = (line?: number, col?: number) => ({
    ...(line !== undefined && line > 0 ? { line } : {}),
    ...(col !== undefined && col > 0 ? { col } : {}),
  });
  for (const name of m.file === undefined ? [] : [m.file, ...(m.alternatives ?? [])]) {
    const host = hostPathOf(name, where);
    const real = host === undefined ? undefined : await repositoryFile(host, workspace, realWorkspace);
    if (host === undefined || real === undefined) continue;
    const text = m.locate ? await readSource(real) : undefined;
    const spot = text === undefined || !m.locate ? undefined : locate(text, m.locate, m.line);
    return { ...base, file: host, ...(spot ? at(spot.line, spot.column) : at(m.line, m.column)) };
  }
  return {
    ...base,
    ...(m.file !== undefined ? { named: m.file.slice(0, MAX_NAME_CHARS) } : {}),
    ...at(m.line, m.column),
  };
}

/** The problems in a failed step's log (already masked), at most MAX_STEP_PROBLEMS, each once. */
export async function findProblems(log: readonly string[], source: ProblemSource): Promise<StepProblem[]> {
  const { spec } = source;
  const matches = matchOutput(log, {
    argv: [...(spec.command ?? []), ...(spec.args ?? [])],
    // Secret values are left out: a matcher learns directories from the environment, never secrets.
    env: Object.fromEntries(spec.env.filter((e) => !e.secret).map((e) => [e.name, e.value])),
    matchers: spec.problemMatchers ?? [],
  });
  if (matches.length === 0) return [];
  const where: OutputPlace =
    source.runtime === 'process'
      ? { kind: 'host', cwd: spec.workingDir ?? source.specDir }
      : {
          kind: 'container',
          volumes: spec.volumes,
          ...(spec.workingDir !== undefined ? { workingDir: spec.workingDir } : {}),
        };
  const workspace = path.resolve(source.workspace);
  const realWorkspace = await realpath(workspace).catch(() => workspace);
  const out: StepProblem[] = [];
  const seen = new Set<string>();
  for (const m of matches) {
    if (out.length >= MAX_STEP_PROBLEMS) break;
    const p = await place(m, where, workspace, realWorkspace);
    const key = JSON.stringify([p.file ?? p.named, p.line, p.col, p.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** The problems a failed step's or job's output names; reading them never fails the run (a warning instead). */
export async function readProblems(
  ctx: RunContext,
  s: ResolvedService,
  spec: ContainerSpec,
  lines: string[],
  what: string,
): Promise<StepProblem[]> {
  try {
    return await findProblems(lines, {
      spec,
      runtime: s.runtime,
      specDir: path.dirname(s.file),
      workspace: ctx.project.workspace,
    });
  } catch (e: unknown) {
    ctx.warn(`${what}: could not read its output for problems: ${errorMessage(e)}`);
    return [];
  }
}
