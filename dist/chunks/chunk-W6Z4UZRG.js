import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/errors.ts
var formatProblem = (p) => `${p.pos.file}:${p.pos.line}:${p.pos.col}: ${p.path ? `${p.path}: ` : ""}${p.message}`;
var SpecError = class extends Error {
  constructor(problems) {
    super(problems.map(formatProblem).join("\n"));
    this.problems = problems;
  }
  problems;
  name = "SpecError";
};
var UsageError = class extends Error {
  name = "UsageError";
};
var DockerUnavailableError = class extends Error {
  constructor(endpoint, cause_) {
    super(
      `cannot reach the Docker engine at ${endpoint} (${cause_}); start it (for example \`sudo dockerd &\` or \`bash scripts/ensure-docker.sh\`) or set DOCKER_HOST`
    );
    this.endpoint = endpoint;
    this.cause_ = cause_;
  }
  endpoint;
  cause_;
  name = "DockerUnavailableError";
};
var LockTimeoutError = class extends Error {
  name = "LockTimeoutError";
};
var CancelledError = class extends Error {
  constructor(signal) {
    super(signal === "timeout" ? "run timeout reached" : `cancelled by ${signal}`);
    this.signal = signal;
  }
  signal;
  name = "CancelledError";
};
var errorMessage = (e) => e instanceof Error ? e.message : String(e);

export {
  __require,
  __commonJS,
  __export,
  __toESM,
  formatProblem,
  SpecError,
  UsageError,
  DockerUnavailableError,
  LockTimeoutError,
  CancelledError,
  errorMessage
};
