import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  LABEL
} from "./chunk-7UOYXJST.js";
import {
  errorMessage
} from "./chunk-W6Z4UZRG.js";

// src/engine/host-process.ts
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
function processStartTime(pid, proc = "/proc") {
  if (!isSignallablePid(pid)) return void 0;
  try {
    const stat = readFileSync(`${proc}/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = fields[22 - 3];
    if (ticks === void 0 || !/^\d+$/.test(ticks)) return void 0;
    const boot = readFileSync(`${proc}/sys/kernel/random/boot_id`, "utf8").trim();
    return `${boot}:${ticks}`;
  } catch {
    return void 0;
  }
}
function processAlive(pid) {
  if (!isSignallablePid(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
var isSignallablePid = (pid) => Number.isSafeInteger(pid) && pid >= 2;
function recordedProcessState(p, proc = "/proc") {
  if (!isSignallablePid(p.pid) || !processAlive(p.pid)) return "gone";
  const now = processStartTime(p.pid, proc);
  if (p.startTime === void 0 || now === void 0) return "unverifiable";
  return now === p.startTime ? "running" : "replaced";
}
function signalProcessGroup(pid, signal) {
  if (!isSignallablePid(pid)) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
var STOP_GRACE_MS = 2e3;
var STOP_POLL_MS = 50;
async function stopRecordedProcess(p, graceMs = STOP_GRACE_MS, proc = "/proc") {
  if (!isSignallablePid(p.pid)) return { signalled: false, notSignalled: `pid ${p.pid} is not a process id` };
  switch (recordedProcessState(p, proc)) {
    case "replaced":
      return {
        signalled: false,
        notSignalled: `pid ${p.pid} was not signalled: it now belongs to another process (its start time differs)`
      };
    case "unverifiable":
      return {
        signalled: false,
        notSignalled: `pid ${p.pid} was not signalled: nothing tells whether it is still the process initsteps started (${p.startTime === void 0 ? "no start time was recorded" : "its start time cannot be read"})`
      };
    case "running":
    case "gone":
      break;
  }
  if (!signalProcessGroup(p.pid, "SIGTERM")) return { signalled: false };
  for (let waited = 0; waited < graceMs && signalProcessGroup(p.pid, 0); waited += STOP_POLL_MS) {
    await sleep(STOP_POLL_MS);
  }
  signalProcessGroup(p.pid, "SIGKILL");
  return { signalled: true };
}

// src/engine/tracked.ts
async function tryRemove(what, remove, warn) {
  try {
    await remove();
    return true;
  } catch (e) {
    warn(`could not remove ${what}: ${errorMessage(e)}`);
    return false;
  }
}
async function removeContainers(runtime, containers, warn) {
  const rank = (c) => {
    const role = c.labels[LABEL.role];
    if (role === "sandbox") return 2;
    return role === "sidecar" ? 1 : 0;
  };
  const order = (c) => Number(c.labels[LABEL.sidecarOrder] ?? 0);
  const removed = [];
  for (const c of [...containers].sort((a, b) => rank(a) - rank(b) || order(b) - order(a))) {
    if (await tryRemove(`container ${c.id.slice(0, 12)}`, () => runtime.removeContainer(c.id), warn)) {
      removed.push(c.id);
    }
  }
  return removed;
}
async function removeCreated(runtime, created, warn) {
  for (const p of created.processes ?? []) {
    const { notSignalled } = await stopRecordedProcess(p);
    if (notSignalled) warn(`main process: ${notSignalled}`);
  }
  for (const id of [...created.containers].reverse()) {
    await tryRemove(`container ${id.slice(0, 12)}`, () => runtime.removeContainer(id), warn);
  }
  for (const name of created.volumes) {
    await tryRemove(`volume ${name}`, () => runtime.removeVolume(name), warn);
  }
  for (const id of created.networks) {
    await tryRemove(`network ${id.slice(0, 12)}`, () => runtime.removeNetwork(id), warn);
  }
}
var Tracked = class {
  constructor(emit) {
    this.emit = emit;
  }
  emit;
  live = { containers: [], networks: [], volumes: [] };
  processes = [];
  /** Persistent volumes this run created: kept after a run, removed (with markers) when it is cancelled. */
  newVolumes = [];
  add(kind, id) {
    this.live[`${kind}s`].push(id);
    this.emit({ type: "created", kind, id });
  }
  /** Removed already (a finished step's container): nothing left for cleanup. */
  forget(kind, id) {
    const list = this.live[`${kind}s`];
    const at = list.indexOf(id);
    if (at >= 0) list.splice(at, 1);
  }
  addProcess(info) {
    this.processes.push(info);
    this.emit({
      type: "created",
      kind: "process",
      id: String(info.pid),
      ...info.startTime !== void 0 && { startTime: info.startTime }
    });
  }
  snapshot() {
    return {
      containers: [...this.live.containers],
      networks: [...this.live.networks],
      volumes: [...this.live.volumes],
      processes: this.processes.map(({ pid, startTime }) => ({
        pid,
        ...startTime !== void 0 && { startTime }
      }))
    };
  }
  /**
   * Removes everything this run created (networks last: every container on them is gone by then);
   * `withNewVolumes` also the persistent volumes it created (a cancelled run leaves nothing behind) and
   * returns their identities, whose markers go with them.
   */
  async removeAll(runtime, warn, withNewVolumes) {
    const created = this.snapshot();
    if (withNewVolumes) created.volumes.push(...this.newVolumes.map((v) => v.name));
    await removeCreated(runtime, created, warn);
    for (const list of Object.values(this.live)) list.length = 0;
    this.processes.length = 0;
    return withNewVolumes ? this.newVolumes.map((v) => v.uid) : [];
  }
};

export {
  processStartTime,
  recordedProcessState,
  stopRecordedProcess,
  tryRemove,
  removeContainers,
  removeCreated,
  Tracked
};
