// Pure: the problems failed steps' output named (docs/spec.md#problem-matchers) as annotations, job summary
// rows and the CLI's `file:line:col: message` lines. A problem whose file is not in the repository stays on
// the step's spec line and names the file in its message. Identical problems of several instances (replicas
// running the same migration) are shown once.
import type { RunReport, StepProblem, StepResult } from '../engine/types.js';
import type { Annotation } from './failure.js';

export interface PlacedProblem {
  problem: StepProblem;
  step: StepResult;
}

/** Every problem of the report, in step order, each distinct one once. */
export function reportProblems(report: RunReport | undefined): PlacedProblem[] {
  const seen = new Set<string>();
  const out: PlacedProblem[] = [];
  for (const step of report?.steps ?? []) {
    for (const problem of step.problems ?? []) {
      const where = problem.file ?? `${step.pos.file}:${step.pos.line}:${problem.named ?? ''}`;
      const key = JSON.stringify([where, problem.line, problem.col, problem.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ problem, step });
    }
  }
  return out;
}

/** `psql: init step "migrate" on schema-0`, with the tool's code when it gave one. */
export const problemTitle = ({ problem: p, step: s }: PlacedProblem): string =>
  `${p.owner}${p.code !== undefined ? ` ${p.code}` : ''}: init step "${s.step}" on ${s.instance}`;

/** `:3:5` for whatever of line and column is known. */
const lineCol = (p: StepProblem): string =>
  p.line === undefined ? '' : `:${p.line}${p.col !== undefined ? `:${p.col}` : ''}`;

/** The message, led by the file the output named when that file is not in the repository. */
export const problemMessage = (p: StepProblem): string =>
  p.file === undefined && p.named !== undefined ? `${p.named}${lineCol(p)}: ${p.message}` : p.message;

/** One annotation per problem: at its file's line, or at the step's spec line when its file is not in the repository. */
export function problemAnnotations(report: RunReport | undefined): Annotation[] {
  return reportProblems(report).map((placed) => {
    const { problem: p, step: s } = placed;
    const at =
      p.file !== undefined
        ? {
            file: p.file,
            ...(p.line !== undefined ? { line: p.line } : {}),
            ...(p.col !== undefined ? { col: p.col } : {}),
          }
        : { file: s.pos.file, line: s.pos.line, col: s.pos.col };
    return { ...at, title: problemTitle(placed), message: problemMessage(p), severity: p.severity };
  });
}

/**
 * The CLI's lines, `file:line:col: owner: message` as compilers print them so editors and CI log parsers
 * link them; `display` turns an absolute file into what the user reads (relative to the working directory).
 * The message's further lines (psql's `LINE 4:` and caret) follow, indented.
 */
export function problemLines(report: RunReport | undefined, display: (file: string) => string): string[] {
  return reportProblems(report).flatMap(({ problem: p, step: s }) => {
    const where =
      p.file !== undefined
        ? `${display(p.file)}${p.line !== undefined ? `:${p.line}:${p.col ?? 1}` : ''}`
        : `${s.pos.file}:${s.pos.line}:${s.pos.col}`;
    const [first = '', ...rest] = problemMessage(p).split('\n');
    const severity = p.severity === 'error' ? '' : `${p.severity}: `;
    return [`${where}: ${severity}${p.owner}: ${first}`, ...rest.map((l) => `    ${l}`)];
  });
}
