import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  LineSplitter
} from "./chunk-5W24PD4U.js";
import {
  errorMessage
} from "./chunk-W6Z4UZRG.js";

// src/engine/attempt.ts
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
function raceEnd(done, timeoutMs, signal) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish("timeout"), timeoutMs);
    const onAbort = () => finish("abort");
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted) onAbort();
    void done.then(
      () => finish("done"),
      () => finish("done")
    );
    function finish(how) {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(how);
    }
  });
}
var aborted = (signal) => new Promise((resolve) => {
  if (signal?.aborted) resolve();
  signal?.addEventListener("abort", () => resolve(), { once: true });
});
var exitMessage = (code) => `exit code ${code}`;
async function runContainerAttempt(runtime, spec, o) {
  const id = await runtime.createContainer(spec);
  o.onCreated(id);
  try {
    await o.afterCreate?.(id);
    const splitters = {
      stdout: new LineSplitter((line) => o.onLine("stdout", line)),
      stderr: new LineSplitter((line) => o.onLine("stderr", line))
    };
    const attachment = await runtime.attach(id, (stream, chunk) => splitters[stream].push(chunk));
    try {
      await runtime.startContainer(id);
    } catch (e) {
      return { reason: "RuntimeError", message: `could not start: ${errorMessage(e)}` };
    }
    let end = await raceEnd(attachment.done, o.timeoutMs, o.signal);
    if (end === "timeout") {
      await runtime.killContainer(id, "SIGTERM");
      const after = await Promise.race([
        attachment.done.then(() => "done"),
        sleep(o.killGraceMs).then(() => "grace"),
        aborted(o.signal).then(() => "abort")
      ]);
      if (after !== "done") await runtime.killContainer(id, "SIGKILL");
      if (after === "abort") end = "abort";
    } else if (end === "abort") {
      await runtime.killContainer(id, "SIGKILL");
    }
    await attachment.done;
    splitters.stdout.end();
    splitters.stderr.end();
    const exitCode = await runtime.waitContainer(id);
    if (end === "abort") return { reason: "Cancelled", exitCode, message: "run cancelled" };
    if (end === "timeout") {
      return { reason: "Timeout", exitCode, message: `timed out after ${formatMs(o.timeoutMs)}` };
    }
    if (exitCode === 0) return { exitCode };
    const state = await runtime.inspectContainer(id);
    if (state.oomKilled) {
      return {
        reason: "OOMKilled",
        exitCode,
        message: `killed at the memory limit (${exitMessage(exitCode)})`
      };
    }
    return { reason: "ExitNonZero", exitCode, message: exitMessage(exitCode) };
  } finally {
    await runtime.removeContainer(id);
    o.onRemoved(id);
  }
}
async function runProcessAttempt(p, o) {
  const [file, ...args] = p.command;
  if (file === void 0) return { reason: "RuntimeError", message: "no command to run" };
  const child = spawn(file, args, {
    cwd: p.cwd,
    env: p.env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true
  });
  const kill = (signal) => {
    try {
      if (child.pid !== void 0) process.kill(-child.pid, signal);
    } catch {
    }
  };
  const splitters = {
    stdout: new LineSplitter((line) => o.onLine("stdout", line)),
    stderr: new LineSplitter((line) => o.onLine("stderr", line))
  };
  child.stdout.on("data", (c) => splitters.stdout.push(c));
  child.stderr.on("data", (c) => splitters.stderr.push(c));
  const closed = new Promise(
    (resolve) => {
      child.once("error", (error) => resolve({ code: null, signal: null, error }));
      child.once("close", (code, signal) => resolve({ code, signal }));
    }
  );
  let end = await raceEnd(closed, o.timeoutMs, o.signal);
  if (end === "timeout") {
    kill("SIGTERM");
    const after = await Promise.race([
      closed.then(() => "done"),
      sleep(o.killGraceMs).then(() => "grace"),
      aborted(o.signal).then(() => "abort")
    ]);
    if (after !== "done") kill("SIGKILL");
    if (after === "abort") end = "abort";
  } else if (end === "abort") {
    kill("SIGKILL");
  }
  const res = await closed;
  splitters.stdout.end();
  splitters.stderr.end();
  if (res.error) return { reason: "RuntimeError", message: `could not start ${file}: ${res.error.message}` };
  const exitCode = res.code ?? 128 + signalNumber(res.signal);
  if (end === "abort") return { reason: "RuntimeError", exitCode, message: "killed: run cancelled" };
  if (end === "timeout")
    return { reason: "Timeout", exitCode, message: `timed out after ${formatMs(o.timeoutMs)}` };
  if (exitCode === 0) return { exitCode };
  return { reason: "ExitNonZero", exitCode, message: exitMessage(exitCode) };
}
var signalNumber = (s) => s ? constants.signals[s] : 0;
function formatMs(ms) {
  if (ms % 36e5 === 0) return `${ms / 36e5}h`;
  if (ms % 6e4 === 0) return `${ms / 6e4}m`;
  if (ms % 1e3 === 0) return `${ms / 1e3}s`;
  return `${ms}ms`;
}

export {
  runContainerAttempt,
  runProcessAttempt,
  formatMs
};
