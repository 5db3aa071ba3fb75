// Pure: error annotations for the Action (contract §5): each failed step, failed start and spec problem on
// the spec file at its line. The runner shows at most 10 error annotations per step, so past that the rest
// are left to the job summary and a note says so.
import path from 'node:path';
import type { RunReport, StepResult } from '../engine/types.js';
import { describeFailure, type Annotation } from './failure.js';
import { failureDetail } from './lines.js';

export const MAX_ANNOTATIONS = 10;
/** Log lines quoted in a failed step's annotation; the summary has the longer tail. */
export const ANNOTATION_LOG_LINES = 5;

export interface AnnotationSet {
  annotations: Annotation[];
  /** Set when annotations were left out; meant for a warning (a separate budget from errors). */
  note?: string;
}

/** A path as the runner expects it: relative to the workspace, `/`-separated; absolute when outside it. */
export function workspaceRelative(file: string, workspace: string): string {
  const rel = path.relative(workspace, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join('/');
}

export function stepAnnotation(step: StepResult): Annotation {
  const verb = step.status === 'Cancelled' ? 'cancelled' : 'failed';
  const detail = step.status === 'Cancelled' ? (step.message ?? 'Cancelled') : failureDetail(step);
  const tail = step.logTail.slice(-ANNOTATION_LOG_LINES);
  return {
    file: step.pos.file,
    line: step.pos.line,
    col: step.pos.col,
    title: `init step "${step.step}" on ${step.instance} ${verb}`,
    message: tail.length > 0 ? `${detail}\nlast output:\n${tail.join('\n')}` : detail,
  };
}

/** Failed and cancelled steps, then instances that failed for another reason than a step (start, readiness). */
export function runAnnotations(report: RunReport): Annotation[] {
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
  return [...steps, ...starts];
}

/**
 * Annotations for a run that produced a report and/or failed with an error (a SpecError's problems become
 * annotations at their fields through describeFailure). Files are made workspace-relative; at most 10.
 */
export function buildAnnotations(
  report: RunReport | undefined,
  error: unknown,
  workspace: string,
): AnnotationSet {
  const all = [
    ...(report ? runAnnotations(report) : []),
    ...(error === undefined ? [] : describeFailure(error).annotations),
  ];
  const annotations = all
    .slice(0, MAX_ANNOTATIONS)
    .map((a) => ({ ...a, file: workspaceRelative(a.file, workspace) }));
  const left = all.length - annotations.length;
  return left > 0
    ? { annotations, note: `${left} more problem(s) not annotated: see the job summary for all of them` }
    : { annotations };
}
