// Typed errors. Only src/report/failure.ts (one place) turns them into exit codes, setFailed and annotations.
import type { SourcePos } from './spec/model.js';

/** One problem in a spec file, with the field path it concerns (`spec.initSteps[1].runIf.path`). */
export interface SpecProblem {
  pos: SourcePos;
  /** Dotted field path; empty for document-level problems. */
  path: string;
  message: string;
}

export const formatProblem = (p: SpecProblem): string =>
  `${p.pos.file}:${p.pos.line}:${p.pos.col}: ${p.path ? `${p.path}: ` : ''}${p.message}`;

/** The spec is invalid; carries every problem found, not only the first. */
export class SpecError extends Error {
  override readonly name = 'SpecError';
  constructor(readonly problems: SpecProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

/** Bad command-line or action input. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The Docker engine does not answer. */
export class DockerUnavailableError extends Error {
  override readonly name = 'DockerUnavailableError';
  constructor(
    /** The socket path or DOCKER_HOST value that was tried. */
    readonly endpoint: string,
    readonly cause_: string,
  ) {
    super(
      `cannot reach the Docker engine at ${endpoint} (${cause_}); start it (for example \`sudo dockerd &\` ` +
        `or \`bash scripts/ensure-docker.sh\`) or set DOCKER_HOST`,
    );
  }
}

/** Another run held the project's lock for longer than the lock timeout: nothing was started. */
export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
}

/** The run was cancelled (signal or run-level timeout). */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(readonly signal: 'SIGINT' | 'SIGTERM' | 'timeout') {
    super(signal === 'timeout' ? 'run timeout reached' : `cancelled by ${signal}`);
  }
}

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
