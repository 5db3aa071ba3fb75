// Public face of the spec module: load files, validate every rule, resolve inheritance.
import { readFile, stat } from 'node:fs/promises';
import { errorMessage, formatProblem, type SpecProblem } from '../errors.js';
import { loadFromText, MAX_SPEC_BYTES, type SpecSource } from './load.js';
import type { ResolvedProject } from './model.js';

export { parseDuration, MAX_DURATION_MS } from './duration.js';
export {
  loadFromText,
  MAX_SPEC_BYTES,
  projectNameProblem,
  type SpecSource,
  type TextLoadOptions,
} from './load.js';

export interface LoadOptions {
  /** Spec files (already expanded from globs). */
  files: string[];
  /** Bounds hostPath mounts; defaults to the git top level of the first file, else its directory. */
  workspace?: string;
  /** Project name; defaults to a DNS-safe form of the workspace directory's name. */
  project?: string;
  /** Source of `valueFrom.env`; defaults to process.env. */
  env?: Record<string, string | undefined>;
  allowPrivileged?: boolean;
}

export type LoadResult =
  /** `warnings`: what does not stop a run, like a `$(VAR)` reference that can never resolve. */
  { ok: true; project: ResolvedProject; warnings?: SpecProblem[] } | { ok: false; problems: SpecProblem[] };

/** One `file:line:col: path: message` line per problem. */
export const formatProblems = (problems: SpecProblem[]): string => problems.map(formatProblem).join('\n');

const start = (file: string) => ({ file, line: 1, col: 1 });

/** Reads one spec file; a problem instead of text when it cannot be used. */
async function readSpec(file: string): Promise<SpecSource | SpecProblem> {
  try {
    const st = await stat(file);
    if (st.isDirectory()) return { pos: start(file), path: '', message: 'is a directory, not a spec file' };
    if (!st.isFile()) return { pos: start(file), path: '', message: 'is not a regular file' };
    if (st.size > MAX_SPEC_BYTES) {
      return {
        pos: start(file),
        path: '',
        message: `file is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MB`,
      };
    }
    const bytes = await readFile(file);
    // NUL bytes mean binary: the text layer reports them with a position, so they pass through here.
    const binary = bytes.includes(0);
    try {
      return { file, text: new TextDecoder('utf-8', { fatal: !binary }).decode(bytes) };
    } catch {
      return { pos: start(file), path: '', message: 'not a text file (invalid UTF-8)' };
    }
  } catch (e: unknown) {
    const code = (e as { code?: unknown } | null)?.code;
    const message = code === 'ENOENT' ? 'file not found' : `cannot read: ${errorMessage(e)}`;
    return { pos: start(file), path: '', message };
  }
}

export async function loadProject(options: LoadOptions): Promise<LoadResult> {
  const { files, ...rest } = options;
  try {
    const read = await Promise.all(files.map(readSpec));
    const unreadable = read.filter((r): r is SpecProblem => 'pos' in r);
    const sources = read.filter((r): r is SpecSource => !('pos' in r));
    if (unreadable.length === 0) return loadFromText(sources, rest);
    // The readable files are still checked, so one run reports everything, in the order of the files.
    const result = sources.length > 0 ? loadFromText(sources, rest) : undefined;
    const problems = [...unreadable, ...(result && !result.ok ? result.problems : [])];
    const order = (p: SpecProblem) => files.indexOf(p.pos.file);
    return { ok: false, problems: problems.sort((a, b) => order(a) - order(b)) };
  } catch (e: unknown) {
    return {
      ok: false,
      problems: [{ pos: start(files[0] ?? ''), path: '', message: `cannot load: ${errorMessage(e)}` }],
    };
  }
}
