// Every action input (action.yml) parsed in one place. A bad value is a UsageError naming the input and what
// it accepts. Reads `INPUT_<NAME>` the way @actions/core does, from the environment it is given.
import path from 'node:path';
import { create as createGlobber } from '@actions/glob';
import { UsageError } from '../errors.js';
import { MAX_DURATION_MS, parseDuration } from '../spec/duration.js';
import { parseMemory } from '../spec/quantity.js';

export type Env = Record<string, string | undefined>;

export interface ActionInputs {
  /** The `spec` lines as written (paths or globs, relative to the workspace). */
  specPatterns: string[];
  /** Absolute spec files, in pattern order, each once. */
  specFiles: string[];
  /** Only these services (and what they depend on); undefined: all. */
  services?: string[];
  project?: string;
  /** Run-level timeout; undefined: none. */
  timeoutMs?: number;
  /** How long to wait for another run of the project to release it (docs/action.md). */
  lockTimeoutMs: number;
  cache: boolean;
  allowPrivileged: boolean;
  cleanup: boolean;
  summary: boolean;
  /** Largest cache entry to save or restore, in bytes. */
  cacheMaxSizeBytes: number;
  /** Save runs whose containers receive `valueFrom` values to the Actions cache. */
  cacheSecrets: boolean;
  /** On a miss of the exact key, restore the newest entry of the same base key (docs/cache.md). */
  cacheRestoreBase: boolean;
}

export const DEFAULT_CACHE_MAX_SIZE = '2Gi';

/** The value of input `name` as the runner passes it (`INPUT_ALLOW-PRIVILEGED` keeps its dash), trimmed. */
export const getInput = (env: Env, name: string): string =>
  (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();

const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

// The YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

export function booleanInput(env: Env, name: string, fallback: boolean): boolean {
  const v = getInput(env, name);
  if (v === '') return fallback;
  if (TRUE.includes(v)) return true;
  if (FALSE.includes(v)) return false;
  throw new UsageError(`input "${name}": "${v}" is not a boolean; use true or false (default ${fallback})`);
}

export function timeoutInput(env: Env): number | undefined {
  const v = getInput(env, 'timeout');
  if (v === '') return undefined;
  const ms = parseDuration(v);
  if (ms === undefined || ms <= 0 || ms > MAX_DURATION_MS) {
    throw new UsageError(
      `input "timeout": "${v}" is not a duration; use units ms, s, m, h, combinable (90s, 10m, 1h30m), ` +
        'or a bare number of seconds, up to 596h',
    );
  }
  return ms;
}

export const DEFAULT_LOCK_TIMEOUT = '10m';

/** `lock-timeout`: a duration, `0` for not waiting at all. */
export function lockTimeoutInput(env: Env): number {
  const v = getInput(env, 'lock-timeout') || DEFAULT_LOCK_TIMEOUT;
  const ms = parseDuration(v);
  if (ms === undefined || ms > MAX_DURATION_MS) {
    throw new UsageError(
      `input "lock-timeout": "${v}" is not a duration; use units ms, s, m, h, combinable (30s, 10m), ` +
        'a bare number of seconds, or 0 to fail at once when another run holds the project',
    );
  }
  return ms;
}

/** Sizes as quantities (`2Gi`, `500M`, bytes), also with a trailing B (`2GiB`, `500MB`). */
export function sizeInput(env: Env, name: string, fallback: string): number {
  const v = getInput(env, name) || fallback;
  const bytes = parseMemory(v.replace(/(?<=[kKMGTPE]i?)B$/, ''));
  if (bytes === undefined) {
    throw new UsageError(
      `input "${name}": "${v}" is not a size; use bytes or a unit like 500Mi, 2Gi, 2GiB, 1G, 500MB`,
    );
  }
  return bytes;
}

/** `a,b` or one per line. */
export function listInput(env: Env, name: string): string[] | undefined {
  const items = getInput(env, name)
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/**
 * Expands the `spec` lines against the workspace. Each line must match at least one file, so a typo is an
 * error rather than a silently smaller project; `!pattern` lines exclude.
 */
export async function expandSpecs(patterns: string[], workspace: string): Promise<string[]> {
  const excludes = patterns
    .filter((p) => p.startsWith('!'))
    .map((p) => `!${path.resolve(workspace, p.slice(1))}`);
  const files: string[] = [];
  for (const pattern of patterns.filter((p) => !p.startsWith('!') && !p.startsWith('#'))) {
    const globber = await createGlobber([path.resolve(workspace, pattern), ...excludes].join('\n'), {
      matchDirectories: false,
      implicitDescendants: false,
    });
    const matched = (await globber.glob()).sort();
    if (matched.length === 0) {
      throw new UsageError(
        `input "spec": no file matches "${pattern}" (paths and globs are relative to ${workspace})`,
      );
    }
    for (const f of matched) if (!files.includes(f)) files.push(f);
  }
  if (files.length === 0)
    throw new UsageError('input "spec": name at least one spec file (a path or glob per line)');
  return files;
}

export async function parseInputs(env: Env, workspace: string): Promise<ActionInputs> {
  const specPatterns = lines(getInput(env, 'spec'));
  if (specPatterns.length === 0) {
    throw new UsageError(
      'input "spec" is required: one spec file path or glob per line, relative to the workspace',
    );
  }
  // Parse every scalar before touching the file system, so a bad value fails fast whatever the globs match.
  const scalars = {
    services: listInput(env, 'services'),
    project: getInput(env, 'project') || undefined,
    timeoutMs: timeoutInput(env),
    lockTimeoutMs: lockTimeoutInput(env),
    cache: booleanInput(env, 'cache', true),
    allowPrivileged: booleanInput(env, 'allow-privileged', false),
    cleanup: booleanInput(env, 'cleanup', true),
    summary: booleanInput(env, 'summary', true),
    cacheMaxSizeBytes: sizeInput(env, 'cache-max-size', DEFAULT_CACHE_MAX_SIZE),
    cacheSecrets: booleanInput(env, 'cache-secrets', false),
    cacheRestoreBase: booleanInput(env, 'cache-restore-base', true),
  };
  return { specPatterns, specFiles: await expandSpecs(specPatterns, workspace), ...scalars };
}
