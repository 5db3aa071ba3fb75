import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  problemLines
} from "./chunk-QTCINGUU.js";
import {
  runFailure
} from "./chunk-YO7BH4LF.js";
import {
  eventToLines
} from "./chunk-RU42N2RX.js";
import {
  connectDocker
} from "./chunk-NFNYRGR5.js";
import {
  UpCancelledError,
  up
} from "./chunk-UF4QILFR.js";
import "./chunk-X5YQ2WJM.js";
import "./chunk-ADJGJLWS.js";
import {
  createMasker,
  maskStrings,
  secretValues
} from "./chunk-FAYQYIMA.js";
import "./chunk-QD6O7SIM.js";
import {
  DirCacheStore,
  createVolumeCache
} from "./chunk-7VLDJWE5.js";
import "./chunk-RAQAL5ER.js";
import "./chunk-5V4RRTMO.js";
import "./chunk-2GHEQCGZ.js";
import "./chunk-IEEBKQ6C.js";
import "./chunk-2ORPUYOT.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-L4P7FUFN.js";
import "./chunk-VWY335AX.js";
import {
  loadFromArgs
} from "./chunk-DB73D2ZF.js";
import {
  flagBool,
  flagList,
  flagString
} from "./chunk-H6BP7LWE.js";
import "./chunk-ZK2VF37X.js";
import {
  parseDuration
} from "./chunk-Q3W2AYO6.js";
import {
  CancelledError,
  UsageError
} from "./chunk-NTMVWVK7.js";

// src/cli/commands/up.ts
import path from "node:path";
var run = async (args, io) => {
  const connecting = connectDocker(io.env);
  connecting.catch(() => void 0);
  const project = await loadFromArgs(args, io);
  const json = flagBool(args, "json");
  const timeoutText = flagString(args, "timeout");
  const timeoutMs = timeoutText === void 0 ? void 0 : parseDuration(timeoutText);
  if (timeoutText !== void 0 && (timeoutMs === void 0 || timeoutMs <= 0)) {
    throw new UsageError(`--timeout: "${timeoutText}" is not a duration (examples: 90s, 5m, 1h30m)`);
  }
  const runtime = await connecting;
  const controller = new AbortController();
  const abort = () => controller.abort(io.signal.reason);
  io.signal.addEventListener("abort", abort, { once: true });
  if (io.signal.aborted) abort();
  const timer = timeoutMs === void 0 ? void 0 : setTimeout(() => controller.abort(new CancelledError("timeout")), timeoutMs);
  const signal = controller.signal;
  const mask = createMasker(secretValues(project));
  const printReport = (report2) => {
    if (json) io.out(JSON.stringify(maskStrings(report2, mask), null, 2));
  };
  const observer = (event) => {
    if (json) return;
    const print = event.type === "warning" ? io.err : event.type === "step-output" || event.type === "main-output" ? io.untrusted : io.out;
    for (const line of eventToLines(event)) print(mask(line));
  };
  const cacheDir = flagString(args, "cache-dir");
  const cache = cacheDir === void 0 ? void 0 : createVolumeCache({
    store: new DirCacheStore(path.resolve(io.cwd, cacheDir)),
    observer,
    runtime,
    cacheSecrets: true
  });
  let report;
  try {
    report = await up(runtime, { project, services: flagList(args, "services"), signal, observer, cache });
  } catch (e) {
    if (e instanceof UpCancelledError) printReport(e.report);
    throw e;
  } finally {
    clearTimeout(timer);
    io.signal.removeEventListener("abort", abort);
  }
  printReport(report);
  const failure = runFailure(report);
  if (failure) {
    for (const a of failure.annotations) io.err(mask(`${a.file}:${a.line ?? 1}:${a.col ?? 1}: ${a.title}`));
    for (const line of problemLines(report, (file) => path.relative(io.cwd, file) || file))
      io.err(mask(line));
    io.err(mask(failure.message));
    return failure.exitCode;
  }
  return 0;
};
export {
  run
};
