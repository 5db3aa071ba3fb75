// Public face of the spec module: load files, validate every rule, resolve inheritance.
// (Implementation lands with the spec loader; this file fixes the API other modules build against.)
import type { SpecProblem } from '../errors.js';
import type { ResolvedProject } from './model.js';

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

export type LoadResult = { ok: true; project: ResolvedProject } | { ok: false; problems: SpecProblem[] };

export async function loadProject(_options: LoadOptions): Promise<LoadResult> {
  throw new Error('spec loader not implemented yet');
}
