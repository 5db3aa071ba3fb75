// The one place that maps an error to what the user sees: exit code, one-line message and annotations.
// The CLI prints the message and exits with the code; the Action calls setFailed and core.error with them.
import { CancelledError, DockerUnavailableError, SpecError, UsageError, errorMessage } from '../errors.js';

export interface Annotation {
  file: string;
  line: number;
  col?: number;
  title: string;
  message: string;
}

export interface Failure {
  exitCode: number;
  message: string;
  annotations: Annotation[];
}

export function describeFailure(error: unknown): Failure {
  if (error instanceof SpecError) {
    return {
      exitCode: 2,
      message: error.message,
      annotations: error.problems.map((p) => ({
        file: p.pos.file,
        line: p.pos.line,
        col: p.pos.col,
        title: p.path ? `invalid spec: ${p.path}` : 'invalid spec',
        message: p.message,
      })),
    };
  }
  if (error instanceof UsageError || error instanceof DockerUnavailableError) {
    return { exitCode: 2, message: error.message, annotations: [] };
  }
  if (error instanceof CancelledError) {
    const exitCode = error.signal === 'SIGINT' ? 130 : error.signal === 'SIGTERM' ? 143 : 1;
    return { exitCode, message: error.message, annotations: [] };
  }
  return { exitCode: 1, message: `internal error: ${errorMessage(error)}`, annotations: [] };
}
