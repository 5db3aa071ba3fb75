import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  connectDocker
} from "./chunk-NFNYRGR5.js";
import {
  clearLastRun,
  loadLastRun,
  saveLastRun
} from "./chunk-ADJGJLWS.js";
import {
  removeContainers,
  stopRecordedProcess,
  tryRemove
} from "./chunk-QD6O7SIM.js";
import {
  deleteMarkers,
  stateDir
} from "./chunk-BL2FPOT3.js";
import {
  LABEL
} from "./chunk-VWY335AX.js";
import {
  flagBool,
  flagString
} from "./chunk-H6BP7LWE.js";
import {
  loadProject
} from "./chunk-Q3W2AYO6.js";
import {
  SpecError,
  UsageError
} from "./chunk-NTMVWVK7.js";

// src/engine/down.ts
async function down(runtime, options) {
  const result = {
    containers: 0,
    volumes: 0,
    networks: 0,
    processes: 0,
    warnings: [],
    notes: []
  };
  const warn = (message) => void result.warnings.push(message);
  const project = { [LABEL.project]: options.project };
  const dir = stateDir();
  const last = await loadLastRun(options.project, dir, (message) => result.notes.push(message));
  for (const p of last?.processes ?? []) {
    const stop = await stopRecordedProcess(p);
    if (stop.signalled) result.processes += 1;
    if (stop.notSignalled) result.notes.push(`${p.instance}: ${stop.notSignalled}`);
  }
  const containers = await runtime.listContainers(project);
  result.containers = (await removeContainers(runtime, containers, warn)).length;
  const volumes = await runtime.listVolumes(project);
  for (const v of volumes) {
    const ephemeral = v.labels[LABEL.ephemeral] === "true";
    if (!ephemeral && !options.volumes) continue;
    const removed = await tryRemove(`volume ${v.name}`, () => runtime.removeVolume(v.name), warn);
    if (!removed) continue;
    result.volumes += 1;
    const uid = v.labels[LABEL.uid];
    if (uid !== void 0) await deleteMarkers(uid, dir);
  }
  for (const n of await runtime.listNetworks(project)) {
    if (await tryRemove(`network ${n.name}`, () => runtime.removeNetwork(n.id), warn)) result.networks += 1;
  }
  if (options.volumes) await clearLastRun(options.project, dir);
  else if (last) await saveLastRun(options.project, { ...last, processes: [] }, dir);
  return result;
}

// src/cli/commands/down.ts
import { existsSync } from "node:fs";
import path from "node:path";
var DEFAULT_SPECS = ["initsteps.yaml", "initsteps.yml"];
async function projectNameOf(args, io, files) {
  const explicit = flagString(args, "project");
  if (explicit !== void 0) return explicit;
  const specs = files.length > 0 ? files : DEFAULT_SPECS.map((f) => path.resolve(io.cwd, f)).filter(existsSync).slice(0, 1);
  if (specs.length === 0) {
    throw new UsageError(`initsteps ${args.command}: name the spec file(s) or the project (--project P)`);
  }
  const anyValue = new Proxy({}, { get: () => "unused" });
  const result = await loadProject({ files: specs, env: anyValue, allowPrivileged: true });
  if (!result.ok) throw new SpecError(result.problems);
  return result.project.name;
}
var run = async (args, io) => {
  const files = args.positionals.map((f) => path.resolve(io.cwd, f));
  const project = await projectNameOf(args, io, files);
  const runtime = await connectDocker(io.env);
  const res = await down(runtime, { project, volumes: flagBool(args, "volumes") });
  for (const n of res.notes) io.err(`note: ${n}`);
  for (const w of res.warnings) io.err(`\u26A0 ${w}`);
  const parts = [
    `${res.containers} container(s)`,
    `${res.networks} network(s)`,
    `${res.volumes} volume(s)`,
    ...res.processes > 0 ? [`${res.processes} process(es)`] : []
  ];
  io.out(`removed ${parts.join(", ")} of project ${project}`);
  return res.warnings.length > 0 ? 1 : 0;
};

export {
  projectNameOf,
  run
};
