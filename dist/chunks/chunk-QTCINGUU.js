import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);

// src/report/problems.ts
function reportProblems(report) {
  const sources = [
    ...(report?.steps ?? []).map((s) => ({
      problems: s.problems,
      pos: s.pos,
      failed: `init step "${s.step}" on ${s.instance}`,
      cell: `${s.step} on ${s.instance}`
    })),
    ...(report?.jobs ?? []).map((j) => ({
      problems: j.problems,
      pos: j.failurePos,
      failed: `job "${j.name}"`,
      cell: `job ${j.name}`
    }))
  ];
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const { problems, ...source } of sources) {
    for (const problem of problems ?? []) {
      const where = problem.file ?? `${source.pos.file}:${source.pos.line}:${problem.named ?? ""}`;
      const key = JSON.stringify([where, problem.line, problem.col, problem.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ problem, ...source });
    }
  }
  return out;
}
var problemTitle = ({ problem: p, failed }) => `${p.owner}${p.code !== void 0 ? ` ${p.code}` : ""}: ${failed}`;
var lineCol = (p) => p.line === void 0 ? "" : `:${p.line}${p.col !== void 0 ? `:${p.col}` : ""}`;
var problemMessage = (p) => p.file === void 0 && p.named !== void 0 ? `${p.named}${lineCol(p)}: ${p.message}` : p.message;
function problemAnnotations(report) {
  return reportProblems(report).map((placed) => {
    const { problem: p, pos } = placed;
    const at = p.file !== void 0 ? {
      file: p.file,
      ...p.line !== void 0 ? { line: p.line } : {},
      ...p.col !== void 0 ? { col: p.col } : {}
    } : { file: pos.file, line: pos.line, col: pos.col };
    return { ...at, title: problemTitle(placed), message: problemMessage(p), severity: p.severity };
  });
}
function problemLines(report, display) {
  return reportProblems(report).flatMap(({ problem: p, pos }) => {
    const where = p.file !== void 0 ? `${display(p.file)}${p.line !== void 0 ? `:${p.line}:${p.col ?? 1}` : ""}` : `${pos.file}:${pos.line}:${pos.col}`;
    const [first = "", ...rest] = problemMessage(p).split("\n");
    const severity = p.severity === "error" ? "" : `${p.severity}: `;
    return [`${where}: ${severity}${p.owner}: ${first}`, ...rest.map((l) => `    ${l}`)];
  });
}

export {
  reportProblems,
  problemMessage,
  problemAnnotations,
  problemLines
};
