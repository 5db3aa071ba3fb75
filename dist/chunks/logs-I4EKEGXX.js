import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  formatTable
} from "./chunk-K2QBAY2G.js";
import {
  projectNameOf
} from "./chunk-4G445HZC.js";
import "./chunk-GMSGMNWM.js";
import {
  loadLastRun,
  logKey
} from "./chunk-AVAWBNUK.js";
import "./chunk-PITX224K.js";
import "./chunk-2GHEQCGZ.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-KPTVEFL5.js";
import {
  flagBool,
  flagString
} from "./chunk-H6BP7LWE.js";
import "./chunk-ZK2VF37X.js";
import "./chunk-Y57W2XSD.js";
import {
  UsageError
} from "./chunk-NTMVWVK7.js";

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

// src/cli/commands/logs.ts
import path from "node:path";
var run = async (args, io) => {
  const [service, ...extra] = args.positionals;
  const step = flagString(args, "init-step");
  if (service === void 0 || extra.length > 0 || step === void 0) {
    throw new UsageError("usage: initsteps logs <service> --init-step <name> [--spec F] [--output]");
  }
  const spec = flagString(args, "spec");
  const project = await projectNameOf(args, io, spec === void 0 ? [] : [path.resolve(io.cwd, spec)]);
  const last = await loadLastRun(project, void 0, (message) => io.err(`\u26A0 ${message}`));
  const results = (last?.report.steps ?? []).filter((r) => r.service === service && r.step === step);
  if (results.length === 0) {
    throw new UsageError(
      `no results for init step "${step}" of service "${service}" in project ${project}: run \`initsteps up\` first`
    );
  }
  for (const line of stepsTable(results).split("\n")) io.out(line);
  if (flagBool(args, "output")) {
    for (const r of results) {
      io.out("");
      io.out(`--- ${r.instance} ---`);
      for (const line of last?.logs[logKey(r.instance, r.step)] ?? []) io.untrusted(line);
    }
  }
  return 0;
};
export {
  run
};
