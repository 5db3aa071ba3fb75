import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  endGroup,
  error,
  getState,
  info,
  saveState,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  summary,
  warning
} from "./chunk-5OJKDXDD.js";

// src/action/core.ts
var actionsCore = {
  info: (line) => info(line),
  warning: (message, props) => warning(message, props),
  error: (message, props) => error(message, props),
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
var ids = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
var processes = (v) => Array.isArray(v) ? v.flatMap((x) => {
  if (typeof x !== "object" || x === null) return [];
  const { pid, startTime } = x;
  if (!Number.isSafeInteger(pid)) return [];
  return [{ pid, ...typeof startTime === "string" && { startTime } }];
}) : [];
function readState(core) {
  const project = core.getState(STATE.project);
  const runId = core.getState(STATE.runId);
  if (!project || !runId) return void 0;
  let created = emptyCreated();
  const raw = core.getState(STATE.created);
  if (raw) {
    try {
      const parsed = JSON.parse(raw);
      created = {
        containers: ids(parsed.containers),
        networks: ids(parsed.networks),
        volumes: ids(parsed.volumes),
        processes: processes(parsed.processes)
      };
    } catch {
    }
  }
  return { project, runId, cleanup: core.getState(STATE.cleanup) !== "false", created };
}

export {
  actionsCore,
  StateRecorder,
  readState
};
