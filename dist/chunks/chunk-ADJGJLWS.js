import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  stateDir,
  writeFileAtomic
} from "./chunk-BL2FPOT3.js";
import {
  projectNameProblem
} from "./chunk-Q3W2AYO6.js";
import {
  UsageError
} from "./chunk-NTMVWVK7.js";

// src/engine/state.ts
import { constants } from "node:fs";
import { open, rm } from "node:fs/promises";
import { join } from "node:path";
var MAX_LAST_RUN_BYTES = 64 * 1024 * 1024;
function projectStateDir(project, dir = stateDir()) {
  const problem = projectNameProblem(project);
  if (problem) throw new UsageError(problem);
  return join(dir, "projects", project);
}
var lastRunPath = (project, dir) => join(projectStateDir(project, dir), "last-run.json");
var logKey = (instance, step) => `${instance}/${step}`;
var jobLogKey = (instance) => instance;
async function saveLastRun(project, run, dir) {
  await writeFileAtomic(lastRunPath(project, dir), `${JSON.stringify(run)}
`);
}
async function loadLastRun(project, dir, onWarning = () => void 0) {
  const file = lastRunPath(project, dir);
  let text;
  try {
    text = await readBounded(file, MAX_LAST_RUN_BYTES);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    if (e instanceof Unusable) {
      onWarning(`${file} ${e.message}: ignored`);
      return void 0;
    }
    throw e;
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    onWarning(`${file} is not valid JSON: ignored`);
    return void 0;
  }
  if (!isLastRun(parsed)) {
    onWarning(`${file} is not a last run written by initsteps: ignored`);
    return void 0;
  }
  const processes = parsed.processes.filter(isHostProcess);
  if (processes.length < parsed.processes.length) {
    onWarning(`${file}: ${parsed.processes.length - processes.length} process entry(ies) ignored`);
  }
  return { ...parsed, report: { ...parsed.report, jobs: parsed.report.jobs ?? [] }, processes };
}
async function clearLastRun(project, dir) {
  await rm(lastRunPath(project, dir), { force: true });
}
var Unusable = class extends Error {
};
async function readBounded(file, max) {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new Unusable("is not a regular file");
    if (st.size > max) throw new Unusable(`is larger than ${max / 1024 / 1024} MiB`);
    const buffer = Buffer.alloc(st.size);
    let got = 0;
    while (got < buffer.length) {
      const { bytesRead } = await handle.read(buffer, got, buffer.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buffer.subarray(0, got).toString("utf8");
  } finally {
    await handle.close();
  }
}
var isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
var isListOf = (v, item) => Array.isArray(v) && v.every(item);
function isLastRun(v) {
  if (!isObject(v) || !isObject(v.report) || !isObject(v.logs)) return false;
  const isService = (s) => isObject(s) && isListOf(s.instances, isObject);
  return typeof v.runId === "string" && typeof v.startedAt === "string" && typeof v.finishedAt === "string" && Array.isArray(v.report.services) && v.report.services.every(isService) && (v.report.jobs === void 0 || isListOf(v.report.jobs, isObject)) && isListOf(v.report.steps, isObject) && Object.values(v.logs).every((lines) => isListOf(lines, (l) => typeof l === "string")) && Array.isArray(v.processes);
}
function isHostProcess(v) {
  return isObject(v) && Number.isSafeInteger(v.pid) && typeof v.service === "string" && typeof v.instance === "string" && typeof v.log === "string" && (v.startTime === void 0 || typeof v.startTime === "string");
}

export {
  projectStateDir,
  logKey,
  jobLogKey,
  saveLastRun,
  loadLastRun,
  clearLastRun
};
