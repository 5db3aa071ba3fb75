import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  findLeftovers
} from "./chunk-M5ERF4UF.js";
import {
  connectDocker
} from "./chunk-2EY7RJGO.js";
import {
  acquireProjectLock,
  clearLastRun,
  loadLastRun,
  saveLastRun
} from "./chunk-5G55DTDK.js";
import {
  removeContainers,
  stopRecordedProcess,
  tryRemove
} from "./chunk-WJRM5WNP.js";
import {
  deleteMarkers,
  stateDir
} from "./chunk-BL2FPOT3.js";
import {
  LABEL
} from "./chunk-7UOYXJST.js";
import {
  flagBool,
  flagLockTimeout,
  flagString
} from "./chunk-KSWRTFLG.js";
import {
  loadProject
} from "./chunk-ZUVS5ZD6.js";
import {
  SpecError,
  UsageError
} from "./chunk-W6Z4UZRG.js";

// src/engine/down.ts
import { randomBytes } from "node:crypto";
async function down(runtime, options) {
  const lock = await acquireProjectLock(runtime, {
    project: options.project,
    command: "down",
    runId: `down-${randomBytes(4).toString("hex")}`,
    timeoutMs: options.lockTimeoutMs,
    signal: options.signal,
    onNotice: options.onNotice ?? (() => void 0)
  });
  let result;
  try {
    result = await downLocked(runtime, options);
    return result;
  } finally {
    await lock.release((message) => result?.warnings.push(message));
  }
}
async function downLocked(runtime, options) {
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
  const containers = (await runtime.listContainers(project)).filter((c) => c.labels[LABEL.role] !== "lock");
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
  const volumes = flagBool(args, "volumes");
  const lockTimeoutMs = flagLockTimeout(args);
  const runtime = await connectDocker(io.env);
  const unguard = io.guardCleanup?.({
    leftovers: () => findLeftovers(runtime, project, void 0, volumes),
    down: `initsteps down --project ${project}${volumes ? " --volumes" : ""}`
  });
  let res;
  try {
    res = await down(runtime, {
      project,
      volumes,
      signal: io.signal,
      onNotice: (message) => io.err(`\u2139 ${message}`),
      ...lockTimeoutMs !== void 0 && { lockTimeoutMs }
    });
  } finally {
    unguard?.();
  }
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
