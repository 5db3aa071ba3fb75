import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  processStartTime,
  recordedProcessState
} from "./chunk-WJRM5WNP.js";
import {
  formatMs
} from "./chunk-HYKGSOXR.js";
import {
  stateDir,
  writeFileAtomic
} from "./chunk-BL2FPOT3.js";
import {
  LABEL,
  lockName
} from "./chunk-7UOYXJST.js";
import {
  projectNameProblem
} from "./chunk-ZUVS5ZD6.js";
import {
  CancelledError,
  LockTimeoutError,
  UsageError,
  errorMessage
} from "./chunk-W6Z4UZRG.js";

// src/engine/run-owner.ts
import { readlinkSync } from "node:fs";
import { hostname } from "node:os";
var self;
function thisProcess() {
  if (!self) {
    const startTime = processStartTime(process.pid);
    const pidNamespace = readPidNamespace();
    self = {
      pid: process.pid,
      host: hostname(),
      ...startTime !== void 0 && { startTime },
      ...pidNamespace !== void 0 && { pidNamespace }
    };
  }
  return self;
}
function readPidNamespace() {
  try {
    return readlinkSync("/proc/self/ns/pid");
  } catch {
    return void 0;
  }
}
function ownerState(owner, me = thisProcess()) {
  const sameSpace = owner.host === me.host && owner.pidNamespace !== void 0 && owner.pidNamespace === me.pidNamespace;
  if (!sameSpace) return "unknown";
  switch (recordedProcessState(owner)) {
    case "running":
      return "alive";
    case "gone":
    case "replaced":
      return "gone";
    case "unverifiable":
      return "unknown";
  }
}
var describeOwner = (owner) => `pid ${owner.pid} on host ${owner.host}`;
function parseOwner(v) {
  const pid = typeof v.pid === "string" ? Number(v.pid) : v.pid;
  if (typeof pid !== "number" || !Number.isSafeInteger(pid) || typeof v.host !== "string") return void 0;
  return {
    pid,
    host: v.host,
    ...typeof v.startTime === "string" && { startTime: v.startTime },
    ...typeof v.pidNamespace === "string" && { pidNamespace: v.pidNamespace }
  };
}

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
  const { owner, ...rest } = parsed;
  const checkedOwner = isObject(owner) ? parseOwner(owner) : void 0;
  return {
    ...rest,
    report: { ...rest.report, jobs: rest.report.jobs ?? [] },
    ...checkedOwner && { owner: checkedOwner },
    processes
  };
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
  return typeof v.runId === "string" && typeof v.startedAt === "string" && (v.finishedAt === void 0 || typeof v.finishedAt === "string") && Array.isArray(v.report.services) && v.report.services.every(isService) && (v.report.jobs === void 0 || isListOf(v.report.jobs, isObject)) && isListOf(v.report.steps, isObject) && Object.values(v.logs).every((lines) => isListOf(lines, (l) => typeof l === "string")) && Array.isArray(v.processes);
}
function isHostProcess(v) {
  return isObject(v) && Number.isSafeInteger(v.pid) && typeof v.service === "string" && typeof v.instance === "string" && typeof v.log === "string" && (v.startTime === void 0 || typeof v.startTime === "string");
}

// src/engine/project-lock.ts
import { setTimeout as sleep } from "node:timers/promises";
var DEFAULT_LOCK_TIMEOUT_MS = 10 * 6e4;
var FIRST_POLL_MS = 100;
var MAX_POLL_MS = 1e3;
function holderOf(labels) {
  return {
    command: labels[LABEL.lockCommand] ?? "?",
    runId: labels[LABEL.run] ?? "?",
    since: labels[LABEL.lockSince] ?? "?",
    owner: parseOwner({
      pid: labels[LABEL.lockPid],
      host: labels[LABEL.lockHost],
      startTime: labels[LABEL.lockStartTime],
      pidNamespace: labels[LABEL.lockPidNamespace]
    })
  };
}
var describeHolder = (h) => `initsteps ${h.command} (run ${h.runId}, ${h.owner ? describeOwner(h.owner) : "process unknown"}, since ${h.since})`;
function labelsFor(o, owner) {
  return {
    [LABEL.project]: o.project,
    [LABEL.role]: "lock",
    [LABEL.run]: o.runId,
    [LABEL.lockCommand]: o.command,
    [LABEL.lockPid]: String(owner.pid),
    [LABEL.lockHost]: owner.host,
    [LABEL.lockSince]: (/* @__PURE__ */ new Date()).toISOString(),
    ...owner.startTime !== void 0 && { [LABEL.lockStartTime]: owner.startTime },
    ...owner.pidNamespace !== void 0 && { [LABEL.lockPidNamespace]: owner.pidNamespace }
  };
}
async function acquireProjectLock(runtime, o) {
  const name = lockName(o.project);
  const timeoutMs = o.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const began = Date.now();
  let announced = false;
  let vanished = 0;
  for (let pollMs = FIRST_POLL_MS; ; pollMs = Math.min(pollMs * 2, o.maxPollMs ?? MAX_POLL_MS)) {
    const id = await runtime.createLock(name, labelsFor(o, thisProcess()));
    if (id !== void 0) return { release: (warn) => release(runtime, id, name, warn) };
    const lock = await runtime.inspectLock(name);
    if (!lock) {
      if (++vanished > 3) throw new Error(`lock ${name} is neither free nor held`);
      continue;
    }
    const holder = holderOf(lock.labels);
    if (holder.owner && ownerState(holder.owner) === "gone") {
      await runtime.removeLock(lock.id);
      o.onNotice(
        `project ${o.project}: took over the lock of ${describeHolder(holder)}: that process is gone`
      );
      continue;
    }
    const waited = Date.now() - began;
    if (waited >= timeoutMs) {
      const how = timeoutMs === 0 ? "and the lock timeout is 0" : `after waiting ${formatMs(timeoutMs)}`;
      throw new LockTimeoutError(
        `project ${o.project} is still locked by ${describeHolder(holder)} ${how} (--lock-timeout, action input lock-timeout); if that run is gone, remove its lock: docker rm ${name}`
      );
    }
    if (!announced) {
      announced = true;
      o.onNotice(
        `project ${o.project} is locked by ${describeHolder(holder)}: waiting up to ${formatMs(timeoutMs)} for it`
      );
    }
    try {
      await sleep(Math.min(pollMs, timeoutMs - waited), void 0, { signal: o.signal });
    } catch {
      const reason = o.signal?.reason;
      throw reason instanceof CancelledError ? reason : new CancelledError(reason === "SIGTERM" ? "SIGTERM" : "SIGINT");
    }
  }
}
async function release(runtime, id, name, warn) {
  try {
    await runtime.removeLock(id);
  } catch (e) {
    warn(`could not release the lock ${name}: ${errorMessage(e)}`);
  }
}

export {
  thisProcess,
  ownerState,
  describeOwner,
  projectStateDir,
  logKey,
  jobLogKey,
  saveLastRun,
  loadLastRun,
  clearLastRun,
  acquireProjectLock
};
