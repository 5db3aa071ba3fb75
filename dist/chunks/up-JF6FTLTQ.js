import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  findLeftovers
} from "./chunk-M5ERF4UF.js";
import {
  problemLines
} from "./chunk-QTCINGUU.js";
import {
  runFailure
} from "./chunk-7KP3UWAU.js";
import {
  cacheLine,
  eventToLines,
  isUntrustedOutput
} from "./chunk-MQIBN7SM.js";
import {
  connectDocker
} from "./chunk-2EY7RJGO.js";
import {
  UpCancelledError,
  up
} from "./chunk-BLKWXC3L.js";
import "./chunk-G2YHZ3QS.js";
import "./chunk-5G55DTDK.js";
import {
  createMasker,
  maskStrings,
  secretValues
} from "./chunk-KCRCI34F.js";
import "./chunk-WJRM5WNP.js";
import {
  DirCacheStore,
  createVolumeCache
} from "./chunk-BNTQKJTE.js";
import "./chunk-RAQAL5ER.js";
import "./chunk-5V4RRTMO.js";
import "./chunk-K5HTG44S.js";
import "./chunk-ICGTNBC3.js";
import "./chunk-USCXWSDY.js";
import "./chunk-HYKGSOXR.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-YGWJGLHB.js";
import "./chunk-5W24PD4U.js";
import "./chunk-7UOYXJST.js";
import {
  loadFromArgs
} from "./chunk-NICBE7VJ.js";
import {
  flagBool,
  flagList,
  flagLockTimeout,
  flagString
} from "./chunk-KSWRTFLG.js";
import "./chunk-ZK2VF37X.js";
import {
  parseDuration
} from "./chunk-ZUVS5ZD6.js";
import {
  CancelledError,
  UsageError
} from "./chunk-W6Z4UZRG.js";

// src/cli/commands/up.ts
import { randomBytes } from "node:crypto";
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
  const lockTimeoutMs = flagLockTimeout(args);
  const runtime = await connecting;
  const runId = randomBytes(4).toString("hex");
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
    if (json) {
      if (event.type === "notice") io.err(mask(`\u2139 ${event.message}`));
      return;
    }
    const print = event.type === "warning" ? io.err : isUntrustedOutput(event) ? io.untrusted : io.out;
    for (const line of eventToLines(event)) print(mask(line));
  };
  const cacheDir = flagString(args, "cache-dir");
  const cacheExact = flagBool(args, "cache-exact");
  if (cacheExact && cacheDir === void 0) throw new UsageError("--cache-exact needs --cache-dir");
  const cache = cacheDir === void 0 ? void 0 : createVolumeCache({
    store: new DirCacheStore(path.resolve(io.cwd, cacheDir)),
    observer,
    runtime,
    cacheSecrets: true,
    restoreBase: !cacheExact
  });
  const unguard = io.guardCleanup?.({
    leftovers: () => findLeftovers(runtime, project.name, runId),
    down: `initsteps down --project ${project.name}`
  });
  let report;
  try {
    report = await up(runtime, {
      project,
      services: flagList(args, "services"),
      signal,
      observer,
      cache,
      runId,
      ...lockTimeoutMs !== void 0 && { lockTimeoutMs }
    });
  } catch (e) {
    if (e instanceof UpCancelledError) printReport(e.report);
    throw e;
  } finally {
    unguard?.();
    clearTimeout(timer);
    io.signal.removeEventListener("abort", abort);
  }
  printReport(report);
  const cacheSaid = cacheLine(report);
  if (cacheSaid && !json) io.out(mask(cacheSaid));
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
