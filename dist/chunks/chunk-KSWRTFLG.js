import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  UntrustedLines,
  inertLines,
  mayReadAsCommand
} from "./chunk-ZK2VF37X.js";
import {
  MAX_DURATION_MS,
  parseDuration
} from "./chunk-ZUVS5ZD6.js";
import {
  UsageError
} from "./chunk-W6Z4UZRG.js";

// src/cli/io.ts
function commandIO(io) {
  if (io.env.GITHUB_ACTIONS !== "true") return { ...io, untrusted: io.out, flush: () => void 0 };
  const blocks = new UntrustedLines(io.out);
  const inert = (print) => (line) => {
    blocks.flush();
    if (!mayReadAsCommand(line)) return print(line);
    for (const part of inertLines(line)) print(part);
  };
  return {
    ...io,
    out: inert(io.out),
    err: inert(io.err),
    untrusted: (line) => blocks.push(line),
    flush: () => blocks.flush()
  };
}
var flagString = (args, name) => {
  const v = args.flags[name];
  return typeof v === "string" ? v : void 0;
};
var flagBool = (args, name) => args.flags[name] === true;
var flagList = (args, name) => flagString(args, name)?.split(",").map((s) => s.trim()).filter(Boolean);
function flagLockTimeout(args) {
  const text = flagString(args, "lock-timeout");
  if (text === void 0) return void 0;
  const ms = parseDuration(text);
  if (ms === void 0 || ms > MAX_DURATION_MS) {
    throw new UsageError(`--lock-timeout: "${text}" is not a duration (examples: 0, 30s, 10m, 1h)`);
  }
  return ms;
}

export {
  commandIO,
  flagString,
  flagBool,
  flagList,
  flagLockTimeout
};
