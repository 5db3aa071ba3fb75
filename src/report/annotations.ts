// Pure: annotations for the Action (docs/action.md): each failed step, failed start and spec problem on the
// spec file at its line, then the problems failed steps' output named at their files' lines
// (docs/spec.md#problem-matchers). The runner shows at most 10 annotations of each severity per step, so
// past that the rest are left to the job summary and a note says so; spec-line ones come first.
import path from 'node:path';
import type { RunReport } from '../engine/types.js';
import { describeFailure, runFailure, type Annotation } from './failure.js';
import { problemAnnotations } from './problems.js';

export const MAX_ANNOTATIONS = 10;

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

/**
 * Annotations for a run that produced a report and/or failed with an error (a SpecError's problems become
 * annotations at their fields through describeFailure). Files are made workspace-relative; at most `max`
 * errors, and MAX_ANNOTATIONS - 1 warnings (the note is one) and MAX_ANNOTATIONS notices.
 */
export function buildAnnotations(
  report: RunReport | undefined,
  error: unknown,
  workspace: string,
  max = MAX_ANNOTATIONS,
): AnnotationSet {
  const all = [
    ...((report && runFailure(report)?.annotations) ?? []),
    ...(error === undefined ? [] : describeFailure(error).annotations),
    ...problemAnnotations(report),
  ];
  const budget = { error: max, warning: MAX_ANNOTATIONS - 1, notice: MAX_ANNOTATIONS };
  const annotations: Annotation[] = [];
  for (const a of all) {
    const severity = a.severity ?? 'error';
    if (budget[severity] <= 0) continue;
    budget[severity] -= 1;
    annotations.push({ ...a, file: workspaceRelative(a.file, workspace) });
  }
  const left = all.length - annotations.length;
  return left > 0
    ? { annotations, note: `${left} more problem(s) not annotated: see the job summary for all of them` }
    : { annotations };
}
