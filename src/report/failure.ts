// The one place that maps an error to what the user sees: exit code, one-line message and annotations.
// The CLI prints the message and exits with the code; the Action calls setFailed and core.error with them.
import type { RunReport, StepResult } from '../engine/types.js';
import {
  CancelledError,
  DockerUnavailableError,
  LockTimeoutError,
  SpecError,
  UsageError,
  errorMessage,
} from '../errors.js';
import { failureDetail } from './lines.js';

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
  // Exit 2: nothing was started (bad input, no engine, the project busy with another run).
  if (
    error instanceof UsageError ||
    error instanceof DockerUnavailableError ||
    error instanceof LockTimeoutError
  ) {
    return { exitCode: 2, message: error.message, annotations: [] };
  }
  if (error instanceof CancelledError) {
    const exitCode = error.signal === 'SIGINT' ? 130 : error.signal === 'SIGTERM' ? 143 : 1;
    return { exitCode, message: error.message, annotations: [] };
  }
  return { exitCode: 1, message: `internal error: ${errorMessage(error)}`, annotations: [] };
}

/** Log lines quoted in a failed step's annotation; the job summary has the longer tail. */
export const ANNOTATION_LOG_LINES = 5;

export function stepAnnotation(step: StepResult): Annotation {
  const cancelled = step.status === 'Cancelled';
  const detail = cancelled ? (step.message ?? 'Cancelled') : failureDetail(step);
  const tail = step.logTail.slice(-ANNOTATION_LOG_LINES);
  return {
    file: step.pos.file,
    line: step.pos.line,
    col: step.pos.col,
    title: `init step "${step.step}" on ${step.instance} ${cancelled ? 'cancelled' : 'failed'}`,
    message: tail.length > 0 ? `${detail}\nlast output:\n${tail.join('\n')}` : detail,
  };
}

/**
 * A run that finished with a service not Running: exit code 1, a message naming the failed services, and an
 * annotation per failed or cancelled step and per instance that failed otherwise (start, readiness) at the
 * service's line. Undefined when every service is Running.
 */
export function runFailure(report: RunReport): Failure | undefined {
  const failed = report.services.filter((s) => s.status !== 'Running');
  if (failed.length === 0) return undefined;
  const steps = report.steps
    .filter((s) => s.status === 'Failed' || s.status === 'Cancelled')
    .map(stepAnnotation);
  const starts: Annotation[] = [];
  for (const svc of report.services) {
    for (const inst of svc.instances) {
      if (inst.status !== 'Failed' || inst.reason === 'InitStepFailed' || inst.reason === 'DependencyFailed')
        continue;
      starts.push({
        file: svc.pos.file,
        line: svc.pos.line,
        col: svc.pos.col,
        title: `${inst.name} failed: ${inst.reason ?? 'Failed'}`,
        message: inst.message ?? inst.reason ?? 'the service did not start',
      });
    }
  }
  const names = failed
    .map((s) => `${s.name} (${[s.status, s.reason].filter(Boolean).join(': ')})`)
    .join(', ');
  return {
    exitCode: 1,
    message: `${failed.length} of ${report.services.length} service(s) not running: ${names}`,
    annotations: [...steps, ...starts],
  };
}
