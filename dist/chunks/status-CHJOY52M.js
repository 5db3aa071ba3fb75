import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  formatTable
} from "./chunk-K2QBAY2G.js";
import {
  projectNameOf
} from "./chunk-2L32WLIZ.js";
import "./chunk-M5ERF4UF.js";
import {
  formatDuration
} from "./chunk-MQIBN7SM.js";
import {
  connectDocker
} from "./chunk-2EY7RJGO.js";
import {
  describeOwner,
  loadLastRun,
  ownerState
} from "./chunk-5G55DTDK.js";
import {
  recordedProcessState
} from "./chunk-WJRM5WNP.js";
import "./chunk-K5HTG44S.js";
import "./chunk-HYKGSOXR.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-5W24PD4U.js";
import {
  LABEL
} from "./chunk-7UOYXJST.js";
import {
  flagBool
} from "./chunk-KSWRTFLG.js";
import "./chunk-ZK2VF37X.js";
import "./chunk-ZUVS5ZD6.js";
import "./chunk-W6Z4UZRG.js";

// src/engine/status.ts
var PROCESS_STATE = {
  running: "running",
  gone: "exited",
  replaced: "exited",
  unverifiable: "unknown"
};
async function status(runtime, project, onWarning = () => void 0) {
  const name = typeof project === "string" ? project : project.name;
  const last = await loadLastRun(name, void 0, onWarning);
  const containers = await runtime.listContainers({ [LABEL.project]: name });
  const instancesBy = /* @__PURE__ */ new Map();
  const add = (service, instance) => {
    const set = instancesBy.get(service) ?? /* @__PURE__ */ new Set();
    set.add(instance);
    instancesBy.set(service, set);
  };
  const specJobs = typeof project === "string" ? [] : project.services.filter((s) => s.job);
  if (typeof project !== "string") {
    for (const s of project.services) if (!s.job) for (const i of s.instances) add(s.name, i.name);
  }
  for (const s of last?.report.services ?? []) for (const i of s.instances) add(s.name, i.name);
  for (const c of containers) {
    const service = c.labels[LABEL.service];
    const instance = c.labels[LABEL.instance];
    if (service !== void 0 && instance !== void 0 && c.labels[LABEL.role] === "main")
      add(service, instance);
  }
  const services = [];
  for (const [service, instances] of instancesBy) {
    const lastService = last?.report.services.find((s) => s.name === service);
    services.push({
      name: service,
      ...lastService && { lastStatus: lastService.status },
      ...lastService?.reason && { lastReason: lastService.reason },
      instances: [...instances].sort(byOrdinal).map((instance) => {
        const of = (role) => containers.find((c) => c.labels[LABEL.instance] === instance && c.labels[LABEL.role] === role);
        const proc = last?.processes.find((p) => p.instance === instance);
        const main = of("main");
        const state = main?.state ?? (proc ? PROCESS_STATE[recordedProcessState(proc)] : "absent");
        const lastPorts = lastService?.instances.find((i) => i.name === instance)?.ports ?? [];
        return {
          name: instance,
          state,
          ports: of("sandbox")?.ports ?? (proc ? lastPorts : []),
          steps: (last?.report.steps ?? []).filter((s) => s.instance === instance)
        };
      })
    });
  }
  const lastJobs = last?.report.jobs ?? [];
  const jobNames = [.../* @__PURE__ */ new Set([...specJobs.map((s) => s.name), ...lastJobs.map((j) => j.name)])];
  const jobs = jobNames.map((job) => {
    const r = lastJobs.find((j) => j.name === job);
    const ended = r && {
      status: r.status,
      reason: r.reason,
      message: r.message,
      exitCode: r.exitCode,
      attempts: r.attempts,
      durationMs: r.durationMs
    };
    return {
      name: job,
      ...ended && { last: ended },
      steps: (last?.report.steps ?? []).filter((s) => s.service === job)
    };
  });
  return {
    project: name,
    ...last && {
      lastRun: {
        runId: last.runId,
        startedAt: last.startedAt,
        ...last.finishedAt !== void 0 && { finishedAt: last.finishedAt },
        state: runState(last),
        ...last.owner && { owner: last.owner }
      }
    },
    services,
    jobs
  };
}
function runState(last) {
  if (last.finishedAt !== void 0) return "finished";
  if (!last.owner) return "unknown";
  return OWNER_STATE[ownerState(last.owner)];
}
var OWNER_STATE = { alive: "running", gone: "stopped", unknown: "unknown" };
function byOrdinal(a, b) {
  const n = (s) => Number(/-(\d+)$/.exec(s)?.[1] ?? 0);
  return a.replace(/-\d+$/, "").localeCompare(b.replace(/-\d+$/, "")) || n(a) - n(b);
}

// src/cli/commands/status.ts
import path from "node:path";
var portText = (p) => `${p.hostIp || "0.0.0.0"}:${p.hostPort}->${p.containerPort}/${p.protocol}`;
function statusTable(st) {
  const stopped = st.lastRun?.state === "stopped";
  const stepText = (r) => `${r.step}: ${r.status}${stopped && r.status === "Running" ? " (interrupted)" : ""}`;
  const rows = st.services.flatMap(
    (s) => s.instances.map((i) => [
      s.name,
      i.name,
      i.state,
      i.ports.map(portText).join(", ") || "-",
      i.steps.map(stepText).join(", ") || "-"
    ])
  );
  return formatTable(["SERVICE", "INSTANCE", "STATE", "PORTS", "INIT STEPS (last run)"], rows);
}
function jobsTable(st) {
  const rows = st.jobs.map((j) => [
    j.name,
    j.last?.status ?? "not run",
    j.last?.exitCode === void 0 ? "-" : String(j.last.exitCode),
    j.last?.durationMs ? formatDuration(j.last.durationMs) : "-",
    [j.last?.reason, j.last?.message].filter(Boolean).join(": ") || "-",
    j.steps.map((r) => `${r.step}: ${r.status}`).join(", ") || "-"
  ]);
  return formatTable(["JOB", "STATE", "EXIT", "DURATION", "REASON", "INIT STEPS (last run)"], rows);
}
var run = async (args, io) => {
  const files = args.positionals.map((f) => path.resolve(io.cwd, f));
  const project = await projectNameOf(args, io, files);
  const runtime = await connectDocker(io.env);
  const st = await status(runtime, project, (message) => io.err(`\u26A0 ${message}`));
  if (flagBool(args, "json")) {
    io.out(JSON.stringify(st, null, 2));
    return 0;
  }
  io.out(`project ${st.project}${st.lastRun ? ` (${lastRunText(st.lastRun)})` : ""}`);
  const empty = st.services.length === 0 && st.jobs.length === 0;
  const tables = [
    ...st.services.length > 0 ? [statusTable(st)] : [],
    ...st.jobs.length > 0 ? [jobsTable(st)] : []
  ];
  for (const line of (empty ? "nothing started" : tables.join("\n\n")).split("\n")) io.out(line);
  const last = st.lastRun;
  if (last?.state === "stopped" && st.services.some((s) => s.instances.some((i) => i.steps.some(running)))) {
    io.out(
      `note: run ${last.runId} was stopped while a step ran (killed?): a step shown Running (interrupted) did not finish; the next up decides again whether to run it`
    );
  }
  return 0;
};
var running = (r) => r.status === "Running";
function lastRunText(r) {
  const owner = r.owner ? describeOwner(r.owner) : "its process unknown";
  switch (r.state) {
    case "finished":
      return `last run ${r.runId}, ${r.finishedAt ?? ""}`;
    case "running":
      return `run ${r.runId} in progress since ${r.startedAt}, ${owner}`;
    case "stopped":
      return `run ${r.runId} from ${r.startedAt} stopped without finishing: ${owner} is gone`;
    case "unknown":
      return `run ${r.runId} from ${r.startedAt} has not finished: ${owner}, which cannot be checked from here`;
  }
}
export {
  jobsTable,
  run,
  statusTable
};
