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
  jobLogKey,
  loadLastRun,
  logKey,
  projectStateDir
} from "./chunk-5G55DTDK.js";
import "./chunk-WJRM5WNP.js";
import "./chunk-K5HTG44S.js";
import "./chunk-HYKGSOXR.js";
import "./chunk-BL2FPOT3.js";
import {
  LineSplitter
} from "./chunk-5W24PD4U.js";
import {
  LABEL
} from "./chunk-7UOYXJST.js";
import {
  flagBool,
  flagString
} from "./chunk-KSWRTFLG.js";
import "./chunk-ZK2VF37X.js";
import "./chunk-ZUVS5ZD6.js";
import {
  UsageError,
  errorMessage
} from "./chunk-W6Z4UZRG.js";

// src/engine/main-output.ts
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
var MAIN_OUTPUT_LINES = 200;
var PROCESS_LOG_TAIL_BYTES = 256 * 1024;
var ordinal = (instance) => Number(/-(\d+)$/.exec(instance)?.[1] ?? 0);
async function mainOutput(runtime, project, service, last, tail = MAIN_OUTPUT_LINES) {
  const mains = await runtime.listContainers({
    [LABEL.project]: project,
    [LABEL.service]: service,
    [LABEL.role]: "main"
  });
  const out = [];
  for (const c of mains) {
    const instance = c.labels[LABEL.instance] ?? c.id.slice(0, 12);
    try {
      out.push({ instance, lines: (await runtime.containerLogs(c.id, tail)).map((l) => l.line) });
    } catch (e) {
      out.push({ instance, lines: [], note: `no output: ${errorMessage(e)}` });
    }
  }
  const dir = projectStateDir(project);
  for (const p of last?.processes.filter((x) => x.service === service) ?? []) {
    if (path.dirname(path.resolve(p.log)) !== dir) {
      out.push({ instance: p.instance, lines: [], note: `not reading ${p.log}: outside ${dir}` });
      continue;
    }
    try {
      out.push({ instance: p.instance, lines: await fileTail(p.log, tail) });
    } catch (e) {
      out.push({ instance: p.instance, lines: [], note: `no output: ${errorMessage(e)}` });
    }
  }
  return out.sort((a, b) => ordinal(a.instance) - ordinal(b.instance));
}
async function fileTail(file, lines) {
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new Error(`${file} is not a regular file`);
    const length = Math.min(st.size, PROCESS_LOG_TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, st.size - length);
    const all = [];
    const splitter = new LineSplitter((line) => all.push(line));
    splitter.push(buffer.subarray(0, bytesRead));
    splitter.end();
    return (length < st.size ? all.slice(1) : all).slice(-lines);
  } finally {
    await handle.close();
  }
}

// src/report/steps-table.ts
var cell = (v) => v === void 0 || v === "" ? "-" : String(v);
function stepsTable(results) {
  return formatTable(
    ["INSTANCE", "STATUS", "EXIT", "ATTEMPTS", "REASON", "MESSAGE"],
    results.map((r) => [
      r.instance,
      r.status,
      cell(r.exitCode),
      String(r.attempts),
      cell(r.reason),
      cell(r.message?.replace(/\s*\n\s*/g, " "))
    ])
  );
}
function jobTable(job) {
  return formatTable(
    ["INSTANCE", "STATUS", "EXIT", "ATTEMPTS", "DURATION", "REASON", "MESSAGE"],
    [
      [
        job.instance,
        job.status,
        cell(job.exitCode),
        String(job.attempts),
        job.durationMs > 0 ? formatDuration(job.durationMs) : "-",
        cell(job.reason),
        cell(job.message?.replace(/\s*\n\s*/g, " "))
      ]
    ]
  );
}

// src/cli/commands/logs.ts
import path2 from "node:path";
var USAGE = "usage: initsteps logs <service or job> [--init-step <name>] [--spec F] [--output]";
var run = async (args, io) => {
  const [name, ...extra] = args.positionals;
  if (name === void 0 || extra.length > 0) throw new UsageError(USAGE);
  const step = flagString(args, "init-step");
  const spec = flagString(args, "spec");
  const project = await projectNameOf(args, io, spec === void 0 ? [] : [path2.resolve(io.cwd, spec)]);
  const last = await loadLastRun(project, void 0, (message) => io.err(`\u26A0 ${message}`));
  if (step !== void 0) return stepLogs(io, last, project, name, step, flagBool(args, "output"));
  const job = last?.report.jobs.find((j) => j.name === name);
  if (job) {
    for (const line of jobTable(job).split("\n")) io.out(line);
    io.out("");
    io.out(`--- ${job.instance} ---`);
    for (const line of last?.logs[jobLogKey(job.instance)] ?? []) io.untrusted(line);
    return 0;
  }
  const outputs = await mainOutput(await connectDocker(io.env), project, name, last);
  if (outputs.length === 0) {
    throw new UsageError(
      `nothing of "${name}" runs in project ${project} and the last run has no job of that name: run \`initsteps up\` first`
    );
  }
  outputs.forEach((o, i) => {
    if (i > 0) io.out("");
    io.out(`--- ${o.instance} ---`);
    if (o.note !== void 0) io.err(`\u26A0 ${o.instance}: ${o.note}`);
    for (const line of o.lines) io.untrusted(line);
  });
  return 0;
};
function stepLogs(io, last, project, service, step, output) {
  const results = (last?.report.steps ?? []).filter((r) => r.service === service && r.step === step);
  if (results.length === 0) {
    throw new UsageError(
      `no results for init step "${step}" of "${service}" in project ${project}: run \`initsteps up\` first`
    );
  }
  for (const line of stepsTable(results).split("\n")) io.out(line);
  if (output) {
    for (const r of results) {
      io.out("");
      io.out(`--- ${r.instance} ---`);
      for (const line of last?.logs[logKey(r.instance, r.step)] ?? []) io.untrusted(line);
    }
  }
  return 0;
}
export {
  run
};
