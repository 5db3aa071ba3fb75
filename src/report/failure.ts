// The one place that maps an error to what the user sees: exit code, one-line message and annotations.
// The CLI prints the message and exits with the code; the Action calls setFailed and core.error with them.
import type { JobResult, RunReport, StepResult } from '../engine/types.js';
import {
  CancelledError,
  DockerUnavailableError,
  LockTimeoutError,
  SpecError,
  UsageError,
  errorMessage,
} from '../errors.js';
import type { Severity } from '../spec/model.js';
import { failureDetail, jobFailureDetail } from './lines.js';

export interface Annotation {
  file: string;
  /** Absent: the annotation is on the file as a whole. */
  line?: number;
  col?: number;
  title: string;
  message: string;
  /** Absent: error. */
  severity?: Severity;
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
 * A job that failed on its own account (not an init step's or a dependency's, which are annotated where
 * they happened): at its `command` line, else `args`, else the document's first line.
 */
export function jobAnnotation(job: JobResult): Annotation {
  const cancelled = job.reason === 'Cancelled';
  const tail = job.logTail.slice(-ANNOTATION_LOG_LINES);
  const detail = cancelled ? (job.message ?? 'Cancelled') : jobFailureDetail(job);
  return {
    file: job.failurePos.file,
    line: job.failurePos.line,
    col: job.failurePos.col,
    title: `job "${job.name}" ${cancelled ? 'cancelled' : 'failed'}`,
    message: tail.length > 0 ? `${detail}\nlast output:\n${tail.join('\n')}` : detail,
  };
}

const statusText = (r: { status: string; reason?: string }): string =>
  [r.status, r.reason].filter(Boolean).join(': ');

/**
 * A run that finished with a service not Running or a job not Succeeded: exit code 1, a message naming
 * them, and an annotation per failed or cancelled step, per failed job (jobAnnotation) and per instance
 * that failed otherwise (start, readiness) at the service's line. Undefined when all is well.
 */
export function runFailure(report: RunReport): Failure | undefined {
  const failed = report.services.filter((s) => s.status !== 'Running');
  const failedJobs = report.jobs.filter((j) => j.status !== 'Succeeded');
  if (failed.length === 0 && failedJobs.length === 0) return undefined;
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
  const jobs = failedJobs
    .filter((j) => j.reason !== 'InitStepFailed' && j.reason !== 'DependencyFailed')
    .map(jobAnnotation);
  const names = (list: { name: string; status: string; reason?: string }[]) =>
    list.map((r) => `${r.name} (${statusText(r)})`).join(', ');
  const message = [
    failed.length > 0 &&
      `${failed.length} of ${report.services.length} service(s) not running: ${names(failed)}`,
    failedJobs.length > 0 &&
      `${failedJobs.length} of ${report.jobs.length} job(s) not succeeded: ${names(failedJobs)}`,
  ]
    .filter(Boolean)
    .join('; ');
  return { exitCode: 1, message, annotations: [...steps, ...jobs, ...starts] };
}
