import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  endGroup,
  error,
  getState,
  info,
  notice,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  summary,
  warning
} from "./chunk-5V4RRTMO.js";

// src/action/core.ts
var actionsCore = {
  info: (line) => info(line),
  warning: (message, props) => warning(message, props),
  error: (message, props) => error(message, props),
  notice: (message, props) => notice(message, props),
  setFailed: (message) => setFailed(message),
  setOutput: (name, value) => setOutput(name, value),
  setSecret: (value) => setSecret(value),
  saveState: (name, value) => saveState(name, value),
  getState: (name) => getState(name),
  startGroup: (title) => startGroup(title),
  endGroup: () => endGroup(),
  writeSummary: async (html) => {
    await summary.addRaw(html).write();
  }
};

// src/action/state.ts
var STATE = {
  project: "project",
  runId: "run-id",
  cleanup: "cleanup",
  created: "created"
};
var emptyCreated = () => ({ containers: [], networks: [], volumes: [], processes: [] });
var StateRecorder = class {
  constructor(core) {
    this.core = core;
  }
  core;
  created = emptyCreated();
  begin(project, runId, cleanup) {
    this.core.saveState(STATE.project, project);
    this.core.saveState(STATE.runId, runId);
    this.core.saveState(STATE.cleanup, String(cleanup));
  }
  record(event) {
    if (event.kind === "process") {
      const pid = Number(event.id);
      const running = this.created.processes ??= [];
      if (!Number.isInteger(pid) || running.some((p) => p.pid === pid)) return;
      running.push({ pid, ...event.startTime !== void 0 && { startTime: event.startTime } });
    } else {
      const list = this.created[`${event.kind}s`];
      if (list.includes(event.id)) return;
      list.push(event.id);
    }
    this.core.saveState(STATE.created, JSON.stringify(this.created));
  }
};
var PROJECT = /^[a-z0-9][a-z0-9_-]{0,254}$/;
var RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
var DOCKER_ID = /^[0-9a-f]{64}$/;
var VOLUME_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,511}$/;
var MAX_PID = 4194304;
var MAX_CREATED_CHARS = 128 * 1024;
var MAX_PER_KIND = 4096;
var ownPids = /* @__PURE__ */ new Set([process.pid, process.ppid]);
var isPid = (v) => Number.isInteger(v) && v > 1 && v <= MAX_PID && !ownPids.has(v);
var START_TIME = /^[0-9a-f-]{1,64}:\d{1,20}$/;
var isRecordedProcess = (v) => {
  if (typeof v !== "object" || v === null) return false;
  const { pid, startTime } = v;
  return isPid(pid) && (startTime === void 0 || typeof startTime === "string" && START_TIME.test(startTime));
};
function accepted(v, ok, dropped) {
  if (v === void 0) return [];
  if (!Array.isArray(v)) {
    dropped.n++;
    return [];
  }
  const kept = [...new Set(v.filter(ok))].slice(0, MAX_PER_KIND);
  dropped.n += v.length - kept.length;
  return kept;
}
var matching = (re) => (x) => typeof x === "string" && re.test(x);
function readCreated(raw, warn) {
  if (!raw) return emptyCreated();
  if (raw.length > MAX_CREATED_CHARS) {
    warn(
      `post state: ignoring the recorded objects (${raw.length} characters; at most ${MAX_CREATED_CHARS})`
    );
    return emptyCreated();
  }
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return emptyCreated();
  }
  if (typeof parsed !== "object" || parsed === null) return emptyCreated();
  const dropped = { n: 0 };
  const created = {
    containers: accepted(parsed.containers, matching(DOCKER_ID), dropped),
    networks: accepted(parsed.networks, matching(DOCKER_ID), dropped),
    volumes: accepted(parsed.volumes, matching(VOLUME_NAME), dropped),
    processes: accepted(parsed.processes, isRecordedProcess, dropped)
  };
  if (dropped.n > 0)
    warn(
      `post state: ignored ${dropped.n} recorded object(s): not of the shape main records, repeated or too many`
    );
  return created;
}
function readState(core) {
  const warn = (message) => core.warning(message);
  const project = core.getState(STATE.project);
  const runId = core.getState(STATE.runId);
  if (!project || !runId) return void 0;
  if (!PROJECT.test(project) || !RUN_ID.test(runId)) {
    warn("post state: the project or run id is not one main records: nothing is cleaned up");
    return void 0;
  }
  return {
    project,
    runId,
    cleanup: core.getState(STATE.cleanup) !== "false",
    created: readCreated(core.getState(STATE.created), warn)
  };
}

export {
  actionsCore,
  StateRecorder,
  readState
};
