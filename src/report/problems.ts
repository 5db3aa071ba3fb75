// Pure: the problems failed steps' and jobs' output named (docs/spec.md#problem-matchers) as annotations, job summary
// rows and the CLI's `file:line:col: message` lines. A problem whose file is not in the repository stays on
// the step's spec line and names the file in its message. Identical problems of several instances (replicas
// running the same migration) are shown once.
import type { RunReport, StepProblem } from '../engine/types.js';
import type { SourcePos } from '../spec/model.js';
import type { Annotation } from './failure.js';

export interface PlacedProblem {
  problem: StepProblem;
  /** Where it goes when its file is not in the repository: the failed step's or job's spec line. */
  pos: SourcePos;
  /** What failed, as titles name it: `init step "migrate" on schema-0`, `job "migrate"`. */
  failed: string;
  /** The same, short, for a table cell: `migrate on schema-0`, `job migrate`. */
  cell: string;
}

/** Every problem of the report, steps' then jobs', each distinct one once. */
export function reportProblems(report: RunReport | undefined): PlacedProblem[] {
  const sources = [
    ...(report?.steps ?? []).map((s) => ({
      problems: s.problems,
      pos: s.pos,
      failed: `init step "${s.step}" on ${s.instance}`,
      cell: `${s.step} on ${s.instance}`,
    })),
    ...(report?.jobs ?? []).map((j) => ({
      problems: j.problems,
      pos: j.failurePos,
      failed: `job "${j.name}"`,
      cell: `job ${j.name}`,
    })),
  ];
  const seen = new Set<string>();
  const out: PlacedProblem[] = [];
  for (const { problems, ...source } of sources) {
    for (const problem of problems ?? []) {
      const where = problem.file ?? `${source.pos.file}:${source.pos.line}:${problem.named ?? ''}`;
      const key = JSON.stringify([where, problem.line, problem.col, problem.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ problem, ...source });
    }
  }
  return out;
}

/** `psql: init step "migrate" on schema-0`, with the tool's code when it gave one. */
export const problemTitle = ({ problem: p, failed }: PlacedProblem): string =>
  `${p.owner}${p.code !== undefined ? ` ${p.code}` : ''}: ${failed}`;

/** `:3:5` for whatever of line and column is known. */
const lineCol = (p: StepProblem): string =>
  p.line === undefined ? '' : `:${p.line}${p.col !== undefined ? `:${p.col}` : ''}`;

/** The message, led by the file the output named when that file is not in the repository. */
export const problemMessage = (p: StepProblem): string =>
  p.file === undefined && p.named !== undefined ? `${p.named}${lineCol(p)}: ${p.message}` : p.message;

/** One annotation per problem: at its file's line, or at the step's spec line when its file is not in the repository. */
export function problemAnnotations(report: RunReport | undefined): Annotation[] {
  return reportProblems(report).map((placed) => {
    const { problem: p, pos } = placed;
    const at =
      p.file !== undefined
        ? {
            file: p.file,
            ...(p.line !== undefined ? { line: p.line } : {}),
            ...(p.col !== undefined ? { col: p.col } : {}),
          }
        : { file: pos.file, line: pos.line, col: pos.col };
    return { ...at, title: problemTitle(placed), message: problemMessage(p), severity: p.severity };
  });
}

/**
 * The CLI's lines, `file:line:col: owner: message` as compilers print them so editors and CI log parsers
 * link them; `display` turns an absolute file into what the user reads (relative to the working directory).
 * The message's further lines (psql's `LINE 4:` and caret) follow, indented.
 */
export function problemLines(report: RunReport | undefined, display: (file: string) => string): string[] {
  return reportProblems(report).flatMap(({ problem: p, pos }) => {
    const where =
      p.file !== undefined
        ? `${display(p.file)}${p.line !== undefined ? `:${p.line}:${p.col ?? 1}` : ''}`
        : `${pos.file}:${pos.line}:${pos.col}`;
    const [first = '', ...rest] = problemMessage(p).split('\n');
    const severity = p.severity === 'error' ? '' : `${p.severity}: `;
    return [`${where}: ${severity}${p.owner}: ${first}`, ...rest.map((l) => `    ${l}`)];
  });
}
