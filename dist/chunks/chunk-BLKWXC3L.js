import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  VolumeGoneError,
  checkMountedVolumes,
  copySubPaths,
  dockerNames,
  hostPathExists,
  labelledVolumes,
  pathExistsOnMounts,
  persistentVolumes,
  prepareVolumes,
  specForCreate,
  stepFacts
} from "./chunk-G2YHZ3QS.js";
import {
  acquireProjectLock,
  jobLogKey,
  loadLastRun,
  logKey,
  projectStateDir,
  saveLastRun,
  thisProcess
} from "./chunk-5G55DTDK.js";
import {
  createMasker,
  secretValues
} from "./chunk-KCRCI34F.js";
import {
  Tracked,
  processStartTime,
  removeContainers,
  stopRecordedProcess,
  tryRemove
} from "./chunk-WJRM5WNP.js";
import {
  ImageError,
  RunImages,
  instanceImageNeeds
} from "./chunk-ICGTNBC3.js";
import {
  decideStep,
  markerKey
} from "./chunk-USCXWSDY.js";
import {
  runContainerAttempt,
  runProcessAttempt
} from "./chunk-HYKGSOXR.js";
import {
  addMarker,
  deleteMarkers,
  stateDir
} from "./chunk-BL2FPOT3.js";
import {
  initSequence,
  instanceContainers,
  isPersistent
} from "./chunk-YGWJGLHB.js";
import {
  LineTail,
  ensureSandboxImage
} from "./chunk-5W24PD4U.js";
import {
  LABEL,
  mainName,
  networkName,
  podContainerName,
  sandboxName
} from "./chunk-7UOYXJST.js";
import {
  addressVariables,
  addressedDependencies,
  expandContainer,
  usesPodFields,
  viewOf,
  withPodFields,
  withoutRunnerVariables
} from "./chunk-ZUVS5ZD6.js";
import {
  CancelledError,
  UsageError,
  errorMessage
} from "./chunk-W6Z4UZRG.js";

// src/engine/up.ts
import { randomBytes as randomBytes2 } from "node:crypto";

// src/engine/readiness.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect as connect2 } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

// src/engine/grpc-health.ts
import { connect, constants } from "node:http2";
var SERVING = 1;
var STATUS_NAMES = ["UNKNOWN", "SERVING", "NOT_SERVING", "SERVICE_UNKNOWN"];
var MAX_RESPONSE_BYTES = 64 * 1024;
function grpcHealthCheck(host, port, service, signal) {
  const authority = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const session = connect(authority);
    let settled = false;
    const settle = (done) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onAbort);
      done();
    };
    const fail = (e) => settle(() => {
      session.destroy();
      reject(new Error(`gRPC health check at ${host}:${port}: ${e.message}`));
    });
    const onAbort = () => fail(new Error("aborted"));
    signal.addEventListener("abort", onAbort, { once: true });
    session.once("error", fail);
    const req = session.request({
      [constants.HTTP2_HEADER_METHOD]: "POST",
      [constants.HTTP2_HEADER_PATH]: "/grpc.health.v1.Health/Check",
      [constants.HTTP2_HEADER_CONTENT_TYPE]: "application/grpc",
      te: "trailers"
    });
    req.once("error", fail);
    let httpStatus = 0;
    let grpcStatus;
    let grpcMessage;
    const chunks = [];
    let size = 0;
    const grpcHeaders = (h) => {
      if (h["grpc-status"] !== void 0) grpcStatus = String(h["grpc-status"]);
      if (h["grpc-message"] !== void 0) grpcMessage = decodeURIComponent(String(h["grpc-message"]));
    };
    req.once("response", (h) => {
      httpStatus = Number(h[constants.HTTP2_HEADER_STATUS] ?? 0);
      grpcHeaders(h);
    });
    req.once("trailers", grpcHeaders);
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) fail(new Error(`answer longer than ${MAX_RESPONSE_BYTES} bytes`));
      else chunks.push(chunk);
    });
    req.once(
      "end",
      () => settle(() => {
        session.close();
        resolve(verdict(httpStatus, grpcStatus, grpcMessage, Buffer.concat(chunks), service));
      })
    );
    req.once("close", () => fail(new Error("the stream closed without an answer")));
    req.end(frame(encodeRequest(service)));
  });
}
function verdict(httpStatus, grpcStatus, grpcMessage, body, service) {
  if (httpStatus !== 200) return `gRPC health check answered HTTP ${httpStatus}`;
  if (grpcStatus !== "0") {
    const why = grpcMessage ? `: ${grpcMessage.slice(0, 200)}` : "";
    return `gRPC health check failed with gRPC status ${grpcStatus ?? "missing"}${why}`;
  }
  const status = decodeStatus(body);
  if (status === void 0) return "gRPC health check: the answer is not a HealthCheckResponse";
  if (status === SERVING) return void 0;
  const name = STATUS_NAMES[status] ?? String(status);
  return `gRPC health check${service ? ` of "${service}"` : ""}: ${name}`;
}
function encodeRequest(service) {
  if (service === "") return Buffer.alloc(0);
  const bytes = Buffer.from(service, "utf8");
  return Buffer.concat([Buffer.from([10]), varint(bytes.length), bytes]);
}
function frame(message) {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
}
function decodeStatus(body) {
  if (body.length < 5 || body[0] !== 0) return void 0;
  const length = body.readUInt32BE(1);
  if (body.length !== 5 + length) return void 0;
  const message = body.subarray(5);
  let status = 0;
  let at = 0;
  while (at < message.length) {
    const tag = readVarint(message, at);
    if (!tag) return void 0;
    at = tag.next;
    const field = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    if (wire === 0) {
      const v = readVarint(message, at);
      if (!v) return void 0;
      at = v.next;
      if (field === 1) status = v.value;
    } else if (wire === 2) {
      const len = readVarint(message, at);
      if (!len) return void 0;
      at = len.next + len.value;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else return void 0;
  }
  return at === message.length ? status : void 0;
}
function varint(n) {
  const out = [];
  let v = n;
  while (v >= 128) {
    out.push(v % 128 | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Buffer.from(out);
}
function readVarint(buf, start) {
  let value = 0;
  let scale = 1;
  for (let at = start; at < buf.length && at < start + 7; at++) {
    const byte = buf[at] ?? 0;
    value += (byte & 127) * scale;
    if (byte < 128) return { value, next: at + 1 };
    scale *= 128;
  }
  return void 0;
}

// src/engine/readiness.ts
var HEALTH_POLL_MS = 250;
var FIRST_RETRY_MS = 100;
async function waitReady(probe, useHealthcheck, target, signal, probeKind = "readiness") {
  if (probe) return waitProbe(probeKind, probe, target, signal);
  for (; ; ) {
    const st = await target.state();
    if (!st.running) return exited(target, st.exitCode);
    if (!useHealthcheck || st.health === "healthy") return { ok: true };
    if (st.health === "unhealthy") {
      return {
        ok: false,
        reason: "ReadinessTimeout",
        message: `${target.name ? `${target.name}: ` : ""}image HEALTHCHECK reports unhealthy`
      };
    }
    await sleep(HEALTH_POLL_MS, void 0, { signal });
  }
}
var exited = (target, code) => ({
  ok: false,
  reason: "StartFailed",
  message: `${target.name ?? "main container"} exited with code ${code}`,
  exited: true
});
async function waitProbe(kind, probe, target, signal) {
  await sleep(probe.initialDelayMs, void 0, { signal });
  const budgetMs = (probe.failureThreshold - 1) * probe.periodMs;
  const began = Date.now();
  let retryMs = Math.min(FIRST_RETRY_MS, probe.periodMs);
  let failures = 0;
  let passes = 0;
  for (; ; ) {
    const st = await target.state();
    if (!st.running) return exited(target, st.exitCode);
    const error = await runCheck(probe.check, probe.timeoutMs, target, signal);
    if (error === void 0) {
      passes += 1;
      if (passes >= (probe.successThreshold ?? 1)) return { ok: true };
    } else {
      passes = 0;
      failures += 1;
      if (failures >= probe.failureThreshold && Date.now() - began >= budgetMs) {
        return {
          ok: false,
          reason: kind === "startup" ? "StartFailed" : "ReadinessTimeout",
          message: `${target.name ? `${target.name}: ` : ""}${kind} probe failed ${failures} times in ${Math.round((Date.now() - began) / 1e3)} s: ${error}`
        };
      }
    }
    await sleep(retryMs, void 0, { signal });
    retryMs = Math.min(retryMs * 2, probe.periodMs);
  }
}
async function runCheck(check, timeoutMs, target, signal) {
  const limit = AbortSignal.timeout(timeoutMs);
  const both = signal ? AbortSignal.any([signal, limit]) : limit;
  try {
    switch (check.kind) {
      case "exec": {
        const code = await target.exec(check.command, both);
        return code === 0 ? void 0 : `exec ${JSON.stringify(check.command)} exited with code ${code}`;
      }
      case "tcpSocket": {
        const addr = check.host ? { host: check.host, port: check.port } : await target.address(check.port);
        await tcpConnect(addr.host, addr.port, both);
        return void 0;
      }
      case "httpGet": {
        const addr = check.host ? { host: check.host, port: check.port } : await target.address(check.port);
        const status = await httpGet(check.scheme, addr.host, addr.port, check.path, both);
        return status >= 200 && status < 400 ? void 0 : `GET ${check.path} answered ${status}`;
      }
      case "grpc": {
        const addr = await target.address(check.port);
        return await grpcHealthCheck(addr.host, addr.port, check.service, both);
      }
    }
  } catch (e) {
    signal?.throwIfAborted();
    return limit.aborted ? `no answer within ${timeoutMs} ms` : errorMessage(e);
  }
}
function tcpConnect(host, port, signal) {
  return new Promise((resolve, reject) => {
    const socket = connect2({ host, port, signal });
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("error", (e) => reject(new Error(`connect ${host}:${port}: ${e.message}`)));
  });
}
function httpGet(scheme, host, port, path6, signal) {
  return new Promise((resolve, reject) => {
    const request = scheme === "https" ? httpsRequest : httpRequest;
    const req = request({ host, port, path: path6, method: "GET", signal, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once("error", (e) => reject(new Error(`GET ${scheme}://${host}:${port}${path6}: ${e.message}`)));
    req.end();
  });
}

// src/engine/addresses.ts
var isAnyAddress = (ip) => ip === "" || ip === "0.0.0.0" || ip === "::";
function publishedHost(d, hostIp, remoteHost) {
  if (d.runtime === "container" && remoteHost !== void 0) return remoteHost;
  return hostIp === void 0 || isAnyAddress(hostIp) ? "127.0.0.1" : hostIp;
}
function addressEnv(services, s, published) {
  const view = viewOf(s.runtime);
  const addresses = addressedDependencies(services, s, view).map((d) => {
    if (view === "container") {
      const ports2 = d.ports.map((p) => ({ containerPort: p.containerPort, port: p.containerPort }));
      return { service: d.name, host: d.name, ports: ports2 };
    }
    const found = published.ports(d.name) ?? [];
    const ports = d.ports.flatMap((p) => {
      const pub = found.find((x) => x.containerPort === p.containerPort && x.protocol === p.protocol);
      return pub ? [{ containerPort: p.containerPort, port: pub.hostPort, hostIp: pub.hostIp }] : [];
    });
    return { service: d.name, host: publishedHost(d, ports[0]?.hostIp, published.remoteHost), ports };
  });
  return addressVariables(addresses);
}
function runAddressEnv(ctx, s) {
  return addressEnv(ctx.project.services, s, {
    ports: (service) => ctx.results.findService(service)?.instances[0]?.ports,
    remoteHost: ctx.runtime.remoteHost
  });
}

// src/engine/problems.ts
import { constants as constants2 } from "node:fs";
import { open, realpath } from "node:fs/promises";
import path5 from "node:path";

// src/matchers/github.ts
import path from "node:path";
var FIELDS = ["file", "line", "column", "severity", "code", "message", "fromPath"];
var Running = class {
  constructor(matcher) {
    this.matcher = matcher;
    this.regexps = matcher.patterns.map((p) => new RegExp(p.regexp));
  }
  matcher;
  regexps;
  /** state[i]: what patterns 0..i captured on the lines just before, when they matched in a row. */
  state = [];
  reset() {
    this.state = [];
  }
  /** The capture of a completed match on this line, or undefined. */
  match(line) {
    const patterns = this.matcher.patterns;
    if (patterns.length === 1) {
      const m = this.regexps[0]?.exec(line);
      return m && patterns[0] ? capture(void 0, patterns[0], m) : void 0;
    }
    for (let i = patterns.length - 1; i >= 0; i--) {
      const running = i > 0 ? this.state[i - 1] : void 0;
      if (i > 0 && running === void 0) continue;
      const pattern = patterns[i];
      const m = this.regexps[i]?.exec(line);
      const last = i === patterns.length - 1;
      if (m) {
        const captured = capture(running, pattern, m);
        if (last) {
          this.reset();
          if (pattern.loop) this.state[i - 1] = running;
          return captured;
        }
        this.state[i] = captured;
      } else {
        this.state[last ? i - 1 : i] = void 0;
      }
    }
    return void 0;
  }
};
function capture(running, p, m) {
  const out = { ...running };
  for (const field of FIELDS) {
    const group = p[field];
    if (out[field] === void 0 && group !== void 0 && group < m.length) out[field] = m[group] ?? "";
  }
  return out;
}
var SEVERITIES = ["error", "warning", "notice"];
var DIGITS = /^\d+$/;
function toMatch(c, matcher) {
  const message = c.message?.trim() ?? "";
  if (message === "") return void 0;
  const severity = (c.severity || matcher.severity || "error").toLowerCase();
  if (!SEVERITIES.includes(severity)) return void 0;
  let file = c.file?.trim() || void 0;
  const from = c.fromPath?.trim();
  if (file !== void 0 && from && !path.posix.isAbsolute(file)) {
    file = path.posix.join(path.posix.dirname(from), file);
  }
  const code = c.code?.trim();
  return {
    owner: matcher.owner,
    severity,
    message,
    ...code ? { code } : {},
    ...file !== void 0 ? { file } : {},
    ...c.line !== void 0 && DIGITS.test(c.line) ? { line: Number(c.line) } : {},
    ...c.column !== void 0 && DIGITS.test(c.column) ? { column: Number(c.column) } : {}
  };
}
function runUserMatchers(lines, matchers) {
  const running = matchers.map((m) => new Running(m));
  const out = [];
  for (const line of lines) {
    for (const r of running) {
      const captured = r.match(line);
      if (!captured) continue;
      for (const other of running) if (other !== r) other.reset();
      const match = toMatch(captured, r.matcher);
      if (match) {
        out.push(match);
        break;
      }
    }
  }
  return out;
}

// src/matchers/words.ts
import path2 from "node:path";
var OPERATORS = ["<<<", "<<-", "<<", "<(", "&&", "||", ">>", "<", ">", "|", "&", ";", "(", ")"];
function splitShell(text) {
  const words = [];
  let word = "";
  let inWord = false;
  const end = () => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 ? text.length : close;
      word += text.slice(i + 1, stop);
      inWord = true;
      i = stop;
    } else if (c === '"') {
      inWord = true;
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === "\\" && i + 1 < text.length && '"\\$`'.includes(text[i + 1] ?? "")) i++;
        word += text[i];
      }
    } else if (c === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      end();
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op) {
        end();
        words.push(op);
        i += op.length - 1;
      } else {
        word += c;
        inWord = true;
      }
    }
  }
  end();
  return words;
}
var commandWords = (argv) => argv.flatMap((arg) => /[\s;&|<>()]/.test(arg) ? splitShell(arg) : [arg]);
var isLiteralPath = (word) => word !== "" && !/[$`*?[\]~{}]/.test(word);
function stdinFile(words) {
  const files = /* @__PURE__ */ new Set();
  words.forEach((w, i) => {
    const next = words[i + 1] ?? "";
    if (w === "<") files.add(OPERATORS.includes(next) ? "" : next);
  });
  const [only] = files;
  return files.size === 1 && only !== void 0 && isLiteralPath(only) ? only : void 0;
}
function flagValue(words, names) {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? "";
    for (const name of names) {
      if (w === name && i + 1 < words.length) return words[i + 1];
      if (w.startsWith(`${name}=`)) return w.slice(name.length + 1);
    }
  }
  return void 0;
}
var runs = (words, program) => words.some((w) => path2.posix.basename(w) === program);
var joinPath = (dir, name) => path2.posix.join(dir, name);

// src/matchers/tools/dbmate.ts
var APPLYING = /^Applying: (\S+)\s*$/;
var ERROR = /^Error: (?:line: (\d+), column: (\d+), position: \d+: )?(.*)$/;
var dbmate = (lines, run2) => {
  const dir = flagValue(run2.words, ["-d", "--migrations-dir"]) ?? run2.env.DBMATE_MIGRATIONS_DIR ?? "./db/migrations";
  if (!isLiteralPath(dir)) return [];
  let applying;
  const out = [];
  for (const text of lines) {
    const a = APPLYING.exec(text);
    if (a) applying = a[1];
    const m = ERROR.exec(text);
    if (!m || applying === void 0) continue;
    out.push({
      owner: "dbmate",
      severity: "error",
      message: m[3] ?? "",
      file: joinPath(dir, applying),
      ...m[1] !== void 0 ? { line: Number(m[1]), column: Number(m[2]) } : {}
    });
  }
  return out;
};

// src/matchers/tools/flyway.ts
var HEADER = /(?:^|\s)(?:Migration|Script) (\S+) failed\s*$/;
var FIELD = /^(SQL State|Error Code|Message|Location|Line|Statement)\s*: ?(.*)$/;
var BLOCK_LINES = 12;
var flyway = (lines) => {
  const out = [];
  lines.forEach((text, i) => {
    const header = HEADER.exec(text);
    if (!header) return;
    const fields = /* @__PURE__ */ new Map();
    for (const next of lines.slice(i + 1, i + 1 + BLOCK_LINES)) {
      if (HEADER.test(next)) break;
      const f = FIELD.exec(next);
      if (f && !fields.has(f[1] ?? "")) fields.set(f[1] ?? "", (f[2] ?? "").trim());
    }
    const location = fields.get("Location");
    if (location === void 0) return;
    const onDisk = /\(([^()]+)\)$/.exec(location)?.[1];
    const file = (onDisk ?? location).replace(/^filesystem:/, "");
    const line = Number(fields.get("Line"));
    const state = fields.get("SQL State");
    out.push({
      owner: "flyway",
      severity: "error",
      message: fields.get("Message") || `${header[1] ?? ""} failed`,
      file,
      ...state && state !== "null" ? { code: state } : {},
      ...Number.isInteger(line) && line > 0 ? { line } : {}
    });
  });
  return out;
};

// src/matchers/tools/golang-migrate.ts
var PROGRESS = /(?:^|\s)(?:Start buffering|Read and execute) (\d+)\/([ud]) (\S+)\s*$/;
var ERROR2 = /(?:^|\s)error: (migration failed(?:: .*?)?) in line (\d+): /;
var COLUMN = / \(column (\d+)\)/;
var PAD_WIDTHS = [2, 3, 4, 5, 6, 7, 8];
var golangMigrate = (lines, run2) => {
  const source = flagValue(run2.words, ["-path", "--path"]) ?? flagValue(run2.words, ["-source", "--source"]);
  const dir = source?.replace(/^file:\/\//, "");
  if (dir === void 0 || !isLiteralPath(dir)) return [];
  let current;
  const out = [];
  for (const text of lines) {
    const progress = PROGRESS.exec(text);
    if (progress) {
      current = {
        version: progress[1] ?? "",
        direction: progress[2] === "d" ? "down" : "up",
        name: progress[3] ?? ""
      };
      continue;
    }
    const m = ERROR2.exec(text);
    if (!m || !current) continue;
    const { version, direction, name } = current;
    const spellings = [
      version,
      ...PAD_WIDTHS.filter((w) => w > version.length).map((w) => version.padStart(w, "0"))
    ];
    const [file, ...alternatives] = spellings.map((v) => joinPath(dir, `${v}_${name}.${direction}.sql`));
    const column = COLUMN.exec(m[1] ?? "");
    out.push({
      owner: "golang-migrate",
      severity: "error",
      message: m[1] ?? "",
      ...file !== void 0 ? { file, alternatives } : {},
      line: Number(m[2]),
      ...column ? { column: Number(column[1]) } : {}
    });
  }
  return out;
};

// src/matchers/tools/liquibase.ts
var FAILED = /Migration failed for change ?set (.+?)::(.+?)::(.+?):\s*$/;
var REASON = /^\s*Reason: (?:[\w.]+Exception: )?(.*)$/;
var liquibase = (lines, run2) => {
  const searchPath = flagValue(run2.words, ["--search-path", "--searchPath"]) ?? run2.env.LIQUIBASE_SEARCH_PATH;
  const roots = searchPath?.split(",").map((d) => d.trim()).filter((d) => d !== "") ?? [];
  return lines.flatMap((text, i) => {
    const m = FAILED.exec(text);
    if (!m) return [];
    const changelog = m[1] ?? "";
    const reason = lines.slice(i + 1, i + 4).map((l) => REASON.exec(l)).find((r) => r !== null);
    const [file = changelog, ...alternatives] = [
      changelog,
      ...roots.map((root) => joinPath(root, changelog)).filter((p) => p !== changelog)
    ];
    return [
      {
        owner: "liquibase",
        severity: "error",
        message: reason?.[1] ?? `changeset ${m[2] ?? ""} by ${m[3] ?? ""} failed`,
        file,
        alternatives,
        locate: { kind: "changeset", id: m[2] ?? "", author: m[3] ?? "" }
      }
    ];
  });
};

// src/matchers/tools/mysql.ts
var ERROR3 = /^ERROR (\d+) \(([0-9A-Z]{5})\)(?: at line (\d+))?(?: in file: '(.+)')?: (.*)$/;
var WITHIN = /at line (\d+)$/;
var mysql = (lines, run2) => {
  const stdin = runs(run2.words, "mysql") || runs(run2.words, "mariadb") ? run2.stdin : void 0;
  return lines.flatMap((text) => {
    const m = ERROR3.exec(text);
    const file = m?.[4] ?? stdin;
    if (!m || file === void 0) return [];
    const message = m[5] ?? "";
    const start = m[3] === void 0 ? void 0 : Number(m[3]);
    const within = WITHIN.exec(message);
    const line = start !== void 0 && within ? start + Number(within[1]) - 1 : start;
    return [
      {
        owner: "mysql",
        severity: "error",
        code: m[1],
        message,
        file,
        ...line !== void 0 ? { line } : {}
      }
    ];
  });
};

// src/matchers/tools/node-pg-migrate.ts
var MIGRATION = /^### MIGRATION (\S+) \((?:UP|DOWN)\) ###$/;
var FAILED2 = /^Error executing:$/;
var CARETS = /^(\s*)\^+\s*$/;
var MESSAGE = /^error: (.*)$/;
var EXTENSIONS = [".js", ".cjs", ".mjs", ".ts", ".cts", ".mts", ".sql"];
var BLOCK_LINES2 = 200;
var nodePgMigrate = (lines, run2) => {
  const dir = flagValue(run2.words, ["-m", "--migrations-dir"]) ?? "migrations";
  if (!isLiteralPath(dir)) return [];
  let current;
  const out = [];
  lines.forEach((text, i) => {
    const migration = MIGRATION.exec(text);
    if (migration) current = migration[1];
    if (!FAILED2.test(text) || current === void 0) return;
    const block = lines.slice(i + 1, i + 1 + BLOCK_LINES2);
    const end = block.findIndex((l) => MESSAGE.test(l));
    const message = end >= 0 ? MESSAGE.exec(block[end] ?? "")?.[1] ?? "" : "migration failed";
    const sql = end >= 0 ? block.slice(0, end) : block;
    const caretAt = sql.findIndex((l, j) => j > 0 && CARETS.test(l));
    const [file = "", ...alternatives] = EXTENSIONS.map((ext) => joinPath(dir, `${current}${ext}`));
    const match = { owner: "node-pg-migrate", severity: "error", message, file, alternatives };
    if (caretAt > 0) {
      const quoted = sql[caretAt - 1] ?? "";
      match.locate = {
        kind: "quote",
        text: quoted,
        caret: (CARETS.exec(sql[caretAt] ?? "")?.[1] ?? "").length,
        near: "after"
      };
      match.message = `${message}
${quoted}
${sql[caretAt] ?? ""}`;
    }
    out.push(match);
  });
  return out;
};

// src/matchers/tools/prisma.ts
import path3 from "node:path";
var APPLYING2 = /Applying migration `([^`]+)`/;
var NAMED = /^Migration name: (\S+)\s*$/;
var SHADOW = /^Migration `?([^`\s]+)`? failed to apply cleanly to the (?:shadow|temporary) database/;
var CODE = /^Error: (P3\d{3})\s*$/;
var NUMBERED = /^\s*(\d+)(?: (.*))?$/;
var prisma = (lines, run2) => {
  const schema = flagValue(run2.words, ["--schema"]);
  const root = schema !== void 0 && isLiteralPath(schema) ? path3.posix.dirname(schema) : "prisma";
  let applying;
  let failed2;
  lines.forEach((text, i) => {
    const applied = APPLYING2.exec(text);
    if (applied) applying = applied[1];
    const code = CODE.exec(text);
    if (code) failed2 = { code: code[1], ...applying !== void 0 ? { name: applying } : {} };
    if (!failed2) return;
    const name = NAMED.exec(text)?.[1] ?? SHADOW.exec(text)?.[1];
    if (name !== void 0) failed2.name = name;
    if ((text === "Database error:" || text === "Error:") && failed2.message === void 0) {
      failed2.message = lines.slice(i + 1).find((l) => l.trim() !== "");
    }
    if (text === "Position:") {
      for (const next of lines.slice(i + 1)) {
        const numbered = NUMBERED.exec(next);
        if (!numbered) break;
        failed2.line = Number(numbered[1]);
      }
    }
  });
  if (failed2?.name === void 0) return [];
  const match = {
    owner: "prisma",
    severity: "error",
    message: failed2.message ?? `migration ${failed2.name} failed`,
    file: joinPath(root, `migrations/${failed2.name}/migration.sql`),
    ...failed2.code !== void 0 ? { code: failed2.code } : {},
    ...failed2.line !== void 0 && failed2.line > 0 ? { line: failed2.line } : {}
  };
  return [match];
};

// src/matchers/tools/psql.ts
var ERROR4 = /^(?:psql:(.+?):(\d+): )?(ERROR|FATAL): {2}(.*)$/;
var CONTEXT = /^LINE (\d+): (.*)$/;
var CARET = /^( *)\^\s*$/;
var DETAIL = /^(DETAIL|HINT): {2}(.*)$/;
var LOOKAHEAD = 6;
var psql = (lines, run2) => {
  const out = [];
  lines.forEach((text, i) => {
    const m = ERROR4.exec(text);
    if (!m) return;
    const named = m[1] === "<stdin>" ? void 0 : m[1];
    const file = named ?? (m[1] !== void 0 || runs(run2.words, "psql") ? run2.stdin : void 0);
    if (file === void 0) return;
    const match = { owner: "psql", severity: "error", message: m[4] ?? "", file };
    if (m[2] !== void 0) match.line = Number(m[2]);
    const details = [];
    for (let j = i + 1; j < Math.min(lines.length, i + 1 + LOOKAHEAD); j++) {
      const next = lines[j] ?? "";
      if (ERROR4.test(next)) break;
      const context = CONTEXT.exec(next);
      const caret = CARET.exec(lines[j + 1] ?? "");
      if (context && caret) {
        const prefix = next.length - (context[2] ?? "").length;
        match.locate = {
          kind: "quote",
          text: context[2] ?? "",
          caret: (caret[1] ?? "").length - prefix,
          near: match.line === void 0 ? "after" : "before"
        };
        details.push(`${next}
${lines[j + 1] ?? ""}`);
        j++;
        continue;
      }
      const detail = DETAIL.exec(next);
      if (detail) details.push(`${detail[1] ?? ""}: ${detail[2] ?? ""}`);
    }
    if (details.length > 0) match.message = [match.message, ...details].join("\n");
    out.push(match);
  });
  return out;
};

// src/matchers/tools/sqlite.ts
var ERROR5 = /^(?:(?:Parse|Runtime) error|Error:) near line (\d+): (.*)$/;
var CARET2 = /^ {2}(?:( *)\^--- error here|( *)error here ---\^)\s*$/;
function inputFile(run2) {
  if (!runs(run2.words, "sqlite3")) return void 0;
  if (run2.stdin !== void 0) return run2.stdin;
  for (const [i, w] of run2.words.entries()) {
    const read = /^\.read\s+(\S+)$/.exec(w)?.[1] ?? (w === ".read" ? run2.words[i + 1] : void 0);
    if (read !== void 0 && isLiteralPath(read)) return read;
  }
  const init = flagValue(run2.words, ["-init"]);
  return init !== void 0 && isLiteralPath(init) ? init : void 0;
}
var sqlite = (lines, run2) => {
  const file = inputFile(run2);
  if (file === void 0) return [];
  return lines.flatMap((text, i) => {
    const m = ERROR5.exec(text);
    if (!m) return [];
    const match = {
      owner: "sqlite3",
      severity: "error",
      message: m[2] ?? "",
      file,
      line: Number(m[1])
    };
    const quoted = lines[i + 1] ?? "";
    const caret = CARET2.exec(lines[i + 2] ?? "");
    if (caret && quoted.startsWith("  ")) {
      const caretAt = caret[1] !== void 0 ? caret[1].length : (caret[2] ?? "").length + 14;
      match.locate = { kind: "quote", text: quoted.slice(2), caret: caretAt, near: "after" };
      match.message = `${match.message}
${quoted}
${lines[i + 2] ?? ""}`;
    }
    return [match];
  });
};

// src/matchers/tools/index.ts
var BUILTIN_MATCHERS = [
  psql,
  mysql,
  sqlite,
  golangMigrate,
  flyway,
  liquibase,
  nodePgMigrate,
  prisma,
  dbmate
];

// src/matchers/paths.ts
import path4 from "node:path";
function hostPathOf(name, place2) {
  if (name === "" || name.includes("\0")) return void 0;
  if (place2.kind === "host") return path4.resolve(place2.cwd, name);
  let p = name;
  if (!path4.posix.isAbsolute(p)) {
    if (place2.workingDir === void 0) return void 0;
    p = path4.posix.join(place2.workingDir, p);
  }
  p = path4.posix.normalize(p);
  let best;
  for (const mount of place2.volumes) {
    const at = path4.posix.normalize(mount.mountPath).replace(/(.)\/+$/, "$1");
    const inside = p === at || p.startsWith(at === "/" ? "/" : `${at}/`);
    if (inside && (best === void 0 || at.length > best.at.length)) best = { mount, at };
  }
  const source = best?.mount.source;
  if (best === void 0 || source?.kind !== "hostPath") return void 0;
  const rel = path4.posix.relative(best.at, p);
  return rel === "" ? source.path : path4.join(source.path, ...rel.split("/"));
}
function workspaceRelative(file, workspace) {
  const rel = path4.relative(workspace, file);
  if (rel === "" || rel.startsWith("..") || path4.isAbsolute(rel)) return void 0;
  return rel.split(path4.sep).join("/");
}

// src/matchers/locate.ts
var SEARCH_LINES = 500;
var isBlank = (c) => c === " " || c === "	" || c === "\r" || c === "\n";
function quotedAt(text, i, quote) {
  if (i + quote.length > text.length) return false;
  for (let j = 0; j < quote.length; j++) {
    const q = quote[j];
    const c = text[i + j];
    if (q === " " ? !isBlank(c) : q !== c) return false;
  }
  return true;
}
var escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
function spotAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}
function locateQuote(text, loc, line) {
  let quote = loc.text;
  let caret = loc.caret;
  if (quote.startsWith("...")) {
    quote = quote.slice(3);
    caret -= 3;
  }
  if (quote.endsWith("...")) quote = quote.slice(0, -3);
  if (quote.trim() === "") return void 0;
  caret = Math.min(Math.max(caret, 0), quote.length - 1);
  const starts = lineStarts(text);
  const at = (l) => l < 1 ? 0 : l > starts.length ? text.length : starts[l - 1] ?? 0;
  if (loc.near === "before" && line !== void 0) {
    const from2 = Math.min(at(line + 1) - 1, text.length - quote.length);
    const stop2 = at(line - SEARCH_LINES);
    for (let i = from2; i >= stop2; i--) if (quotedAt(text, i, quote)) return spotAt(starts, i + caret);
    return void 0;
  }
  const from = line === void 0 ? 0 : at(line);
  const stop = line === void 0 ? text.length : at(line + SEARCH_LINES);
  for (let i = from; i < stop; i++) if (quotedAt(text, i, quote)) return spotAt(starts, i + caret);
  return void 0;
}
function locateChangeset(text, id, author) {
  const lines = text.split("\n");
  const patterns = [
    // Formatted SQL: `--changeset author:id attributes...`
    new RegExp(`^\\s*--\\s*changeset\\s+${escapeRegExp(author)}:${escapeRegExp(id)}(\\s|$)`),
    // XML: `<changeSet id="id" author="author">` (the id on the element's first line)
    new RegExp(`<changeSet\\b.*\\bid\\s*=\\s*["']${escapeRegExp(id)}["']`),
    // YAML and JSON changelogs: the changeSet's `id` entry
    new RegExp(`^\\s*(-\\s*)?["']?id["']?\\s*:\\s*["']?${escapeRegExp(id)}["']?\\s*,?\\s*$`)
  ];
  for (const pattern of patterns) {
    const i = lines.findIndex((l) => pattern.test(l));
    if (i >= 0) return { line: i + 1 };
  }
  return void 0;
}
function locate(text, locator, line) {
  return locator.kind === "quote" ? locateQuote(text, locator, line) : locateChangeset(text, locator.id, locator.author);
}

// src/matchers/index.ts
var MAX_LINE_CHARS = 4096;
var COLOUR = /\x1b\[[0-9;]*m?/g;
function matchOutput(log, source) {
  const lines = log.map((l) => l.replace(COLOUR, "").slice(0, MAX_LINE_CHARS));
  const words = commandWords(source.argv);
  const stdin = stdinFile(words);
  const run2 = { words, env: source.env, ...stdin !== void 0 ? { stdin } : {} };
  const all = [...runUserMatchers(lines, source.matchers), ...BUILTIN_MATCHERS.flatMap((b) => b(lines, run2))];
  const seen = /* @__PURE__ */ new Set();
  return all.filter((m) => {
    const key = JSON.stringify([m.file, m.line, m.column, m.message]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

// src/engine/problems.ts
var MAX_STEP_PROBLEMS = 10;
var MAX_MESSAGE_CHARS = 2e3;
var MAX_MESSAGE_LINES = 12;
var MAX_NAME_CHARS = 500;
var MAX_SOURCE_BYTES = 1024 * 1024;
var bound = (text) => {
  const lines = text.split("\n");
  const kept = lines.length > MAX_MESSAGE_LINES ? [...lines.slice(0, MAX_MESSAGE_LINES), "\u2026"] : lines;
  const joined = kept.join("\n");
  return joined.length > MAX_MESSAGE_CHARS ? `${joined.slice(0, MAX_MESSAGE_CHARS)}\u2026` : joined;
};
async function repositoryFile(host, workspace, realWorkspace) {
  if (workspaceRelative(host, workspace) === void 0) return void 0;
  try {
    const real = await realpath(host);
    return workspaceRelative(real, realWorkspace) === void 0 ? void 0 : real;
  } catch {
    return void 0;
  }
}
async function readSource(file) {
  try {
    const handle = await open(file, constants2.O_RDONLY | constants2.O_NONBLOCK);
    try {
      const st = await handle.stat();
      if (!st.isFile() || st.size > MAX_SOURCE_BYTES) return void 0;
      return await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
  } catch {
    return void 0;
  }
}
async function place(m, where, workspace, realWorkspace) {
  const base = {
    severity: m.severity,
    owner: m.owner.slice(0, MAX_NAME_CHARS),
    message: bound(m.message),
    ...m.code !== void 0 ? { code: m.code.slice(0, MAX_NAME_CHARS) } : {}
  };
  const at = (line, col) => ({
    ...line !== void 0 && line > 0 ? { line } : {},
    ...col !== void 0 && col > 0 ? { col } : {}
  });
  for (const name of m.file === void 0 ? [] : [m.file, ...m.alternatives ?? []]) {
    const host = hostPathOf(name, where);
    const real = host === void 0 ? void 0 : await repositoryFile(host, workspace, realWorkspace);
    if (host === void 0 || real === void 0) continue;
    const text = m.locate ? await readSource(real) : void 0;
    const spot = text === void 0 || !m.locate ? void 0 : locate(text, m.locate, m.line);
    return { ...base, file: host, ...spot ? at(spot.line, spot.column) : at(m.line, m.column) };
  }
  return {
    ...base,
    ...m.file !== void 0 ? { named: m.file.slice(0, MAX_NAME_CHARS) } : {},
    ...at(m.line, m.column)
  };
}
async function findProblems(log, source) {
  const { spec } = source;
  const matches = matchOutput(log, {
    argv: [...spec.command ?? [], ...spec.args ?? []],
    // Secret values are left out: a matcher learns directories from the environment, never secrets.
    env: Object.fromEntries(spec.env.filter((e) => !e.secret).map((e) => [e.name, e.value])),
    matchers: spec.problemMatchers ?? []
  });
  if (matches.length === 0) return [];
  const where = source.runtime === "process" ? { kind: "host", cwd: spec.workingDir ?? source.specDir } : {
    kind: "container",
    volumes: spec.volumes,
    ...spec.workingDir !== void 0 ? { workingDir: spec.workingDir } : {}
  };
  const workspace = path5.resolve(source.workspace);
  const realWorkspace = await realpath(workspace).catch(() => workspace);
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const m of matches) {
    if (out.length >= MAX_STEP_PROBLEMS) break;
    const p = await place(m, where, workspace, realWorkspace);
    const key = JSON.stringify([p.file ?? p.named, p.line, p.col, p.message]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}
async function readProblems(ctx, s, spec, lines, what) {
  try {
    return await findProblems(lines, {
      spec,
      runtime: s.runtime,
      specDir: path5.dirname(s.file),
      workspace: ctx.project.workspace
    });
  } catch (e) {
    ctx.warn(`${what}: could not read its output for problems: ${errorMessage(e)}`);
    return [];
  }
}

// src/engine/retry.ts
import { setTimeout as sleep2 } from "node:timers/promises";
var LOG_KEEP_LINES = 1e3;
var LOG_KEEP_CHARS = 256 * 1024;
function backoffDelayMs(n, baseMs, capMs) {
  return Math.min(capMs, baseMs * 2 ** Math.min(n - 1, 30));
}
var Deadline = class _Deadline {
  constructor(atMs, seconds) {
    this.atMs = atMs;
    this.seconds = seconds;
  }
  atMs;
  seconds;
  /** Set once the deadline cut an attempt or a backoff short, or stopped one from starting. */
  exceeded = false;
  static after(ms) {
    return new _Deadline(Date.now() + ms, ms / 1e3);
  }
  remainingMs() {
    return this.atMs - Date.now();
  }
  /**
   * Aborts with `outer`, or once the deadline passes (setting `exceeded`): for waits that take a signal.
   * Already aborted when the deadline has passed.
   */
  signal(outer) {
    const left = this.remainingMs();
    if (left <= 0) this.exceeded = true;
    const limit = left <= 0 ? AbortSignal.abort() : AbortSignal.timeout(left);
    limit.addEventListener("abort", () => this.exceeded = true, { once: true });
    return outer ? AbortSignal.any([outer, limit]) : limit;
  }
  get message() {
    return `activeDeadlineSeconds ${this.seconds} exceeded`;
  }
};
async function runAttempts(ctx, attempt, onLine, loop) {
  const { deadline } = loop;
  const pastDeadline = (outcome2, n2) => {
    if (deadline) deadline.exceeded = true;
    return { outcome: { ...outcome2, reason: "Timeout", message: deadline?.message }, attempts: n2 };
  };
  let outcome = { reason: "RuntimeError", message: "no attempt made" };
  let n = 0;
  while (n < loop.attempts) {
    const left = deadline?.remainingMs() ?? Infinity;
    if (left <= 0) return pastDeadline(outcome, n);
    n += 1;
    loop.onAttempt(n);
    const timeoutMs = Math.min(loop.timeoutMs, left);
    try {
      outcome = await attempt(onLine, timeoutMs);
    } catch (e) {
      outcome = { reason: "RuntimeError", message: errorMessage(e) };
    }
    if (outcome.reason === void 0 || ctx.signal?.aborted) break;
    if (outcome.reason === "Timeout" && timeoutMs < loop.timeoutMs) return pastDeadline(outcome, n);
    if (n < loop.attempts) {
      const delayMs = backoffDelayMs(
        n,
        loop.backoff?.baseMs ?? ctx.backoffBaseMs,
        loop.backoff?.capMs ?? ctx.backoffCapMs
      );
      if (delayMs >= (deadline?.remainingMs() ?? Infinity)) return pastDeadline(outcome, n);
      loop.onRetry(n, delayMs, outcome);
      try {
        await sleep2(delayMs, void 0, { signal: ctx.signal });
      } catch {
        return { outcome: { ...outcome, reason: "Cancelled", message: "run cancelled" }, attempts: n };
      }
    }
  }
  return { outcome, attempts: n };
}
function captureOutput(ctx, live) {
  const log = new LineTail(LOG_KEEP_LINES, LOG_KEEP_CHARS);
  return {
    log,
    onLine: (stream, raw) => {
      const line = ctx.mask(raw);
      log.push(line);
      live(stream, line);
    }
  };
}

// src/engine/steps.ts
var StepSetupError = class extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
  reason;
  name = "StepSetupError";
};
async function runInitSteps(ctx, s, inst, driver, deadline) {
  let sidecars = 0;
  for (const [index, entry] of initSequence(inst).entries()) {
    ctx.throwIfAborted();
    if (entry.kind === "sidecar") {
      const r2 = await startSidecar(ctx, s, inst, entry.sidecar, sidecars++, driver);
      if (r2.status === "Started") continue;
      ctx.throwIfAborted();
      ctx.results.notRun(inst, index + 1, `sidecar "${entry.sidecar.name}" did not start`);
      const detail2 = [r2.reason, r2.message].filter(Boolean).join(" ");
      const why = `sidecar "${entry.sidecar.name}" did not start: ${detail2}`;
      ctx.results.setInstance(s, inst, "Failed", "InitStepFailed", why);
      return false;
    }
    const step = entry.step;
    const began = Date.now();
    const decision = decideStep(s.name, step, await stepFacts(step, driver.facts));
    if (decision.action === "skip") {
      ctx.results.skipStep(inst.name, step.name, decision.reason, Date.now() - began);
      continue;
    }
    const r = await runStep(ctx, s, inst, step, driver, deadline);
    if (r.status === "Succeeded") {
      const key = markerKey(s.name, step.name);
      for (const m of step.volumes.filter(isPersistent)) {
        const uid = driver.facts.volume(m.name)?.uid;
        if (uid !== void 0) await addMarker(uid, key, /* @__PURE__ */ new Date(), ctx.stateDir);
      }
      continue;
    }
    ctx.throwIfAborted();
    ctx.results.notRun(inst, index + 1, `init step "${step.name}" failed`);
    const detail = [r.reason, r.message].filter(Boolean).join(" ");
    if (deadline?.exceeded) {
      const why = `${deadline.message} during init step "${step.name}"`;
      ctx.results.setInstance(s, inst, "Failed", "DeadlineExceeded", why);
    } else {
      ctx.results.setInstance(
        s,
        inst,
        "Failed",
        "InitStepFailed",
        `init step "${step.name}" failed: ${detail}`
      );
    }
    return false;
  }
  return true;
}
async function startSidecar(ctx, s, inst, sidecar, order, driver) {
  const began = Date.now();
  ctx.results.stepAttempt(s.name, inst.name, sidecar.name, 1, 1);
  let outcome;
  try {
    if (!driver.startSidecar) throw new Error(`internal: ${inst.name} cannot run native sidecars`);
    outcome = await driver.startSidecar(sidecar, order);
  } catch (e) {
    ctx.throwIfAborted();
    outcome = e instanceof StepSetupError ? { reason: e.reason, message: e.message } : { reason: "RuntimeError", message: errorMessage(e) };
  }
  return ctx.results.finishStep(inst.name, sidecar.name, {
    status: outcome.reason === void 0 ? "Started" : "Failed",
    attempts: 1,
    durationMs: Date.now() - began,
    exitCode: outcome.exitCode,
    reason: outcome.reason,
    message: outcome.message,
    log: []
  });
}
async function runStep(ctx, s, inst, step, driver, deadline) {
  const began = Date.now();
  const { log, onLine } = captureOutput(
    ctx,
    (stream, line) => ctx.emit({ type: "step-output", instance: inst.name, step: step.name, stream, line })
  );
  const finish = async (outcome, attempts) => {
    const status = outcome.reason === void 0 ? "Succeeded" : outcome.reason === "Cancelled" ? "Cancelled" : "Failed";
    const durationMs = Date.now() - began;
    const lines = log.values();
    const problems = status === "Failed" ? await readProblems(ctx, s, step, lines, `init step "${step.name}"`) : [];
    return ctx.results.finishStep(inst.name, step.name, {
      status,
      attempts,
      durationMs,
      exitCode: outcome.exitCode,
      reason: outcome.reason,
      message: outcome.message,
      log: lines,
      ...problems.length > 0 ? { problems } : {}
    });
  };
  let attempt;
  try {
    attempt = await driver.prepareStep(step);
  } catch (e) {
    ctx.throwIfAborted();
    if (e instanceof StepSetupError) return finish({ reason: e.reason, message: e.message }, 0);
    return finish({ reason: "RuntimeError", message: errorMessage(e) }, 0);
  }
  const end = await runAttempts(ctx, attempt, onLine, {
    attempts: step.attempts,
    timeoutMs: step.timeoutMs,
    backoff: step.backoff,
    deadline,
    onAttempt: (n) => ctx.results.stepAttempt(s.name, inst.name, step.name, n, step.attempts),
    onRetry: (n, delayMs, outcome) => ctx.emit({
      type: "step-retry",
      instance: inst.name,
      step: step.name,
      attempt: n,
      delayMs,
      detail: `${outcome.reason} ${outcome.message ?? ""}`.trim()
    })
  });
  return finish(end.outcome, end.attempts);
}

// src/engine/container-instance.ts
var ContainerInstance = class {
  constructor(ctx, s, inst) {
    this.ctx = ctx;
    this.s = s;
    this.inst = inst;
    this.addresses = runAddressEnv(ctx, s);
    this.facts = {
      stateDir: ctx.stateDir,
      volume: (name) => {
        const v = this.volumes.get(name);
        return v && { uid: v.uid };
      },
      pathExists: (path6, mounts) => this.pathExists(path6, mounts)
    };
  }
  ctx;
  s;
  inst;
  volumes = /* @__PURE__ */ new Map();
  sandbox = "";
  /** The native sidecars started so far, in order: they stop last first, after the job's container. */
  sidecars = [];
  /** Kubernetes' `status.podIP`: the sandbox's address on the project network, read when a container uses it. */
  podIP = "";
  /**
   * The addresses of the services it depends on (DNS names, container ports), added to every step and the
   * main container with their `$(VAR)` references expanded (docs/spec.md, "Addresses and references").
   */
  addresses;
  facts;
  async open() {
    const { ctx, s, inst } = this;
    ctx.images.ensureAll(s, inst).catch(() => void 0);
    const opening = ctx.sandboxes.claim(s, inst);
    let sandbox;
    try {
      await opening.cleared;
      this.volumes = await prepareVolumes(ctx, s, inst);
      sandbox = await opening.sandbox;
    } catch (e) {
      await Promise.allSettled([opening.sandbox, ctx.cacheRestored]);
      throw e;
    }
    if (!sandbox.ok) {
      await ctx.cacheRestored;
      ctx.throwIfAborted();
      const why = `could not start the instance sandbox: ${errorMessage(sandbox.error)}`;
      ctx.results.notRun(inst, 0, why);
      ctx.results.setInstance(s, inst, "Failed", "StartFailed", why);
      return false;
    }
    this.sandbox = sandbox.id;
    await ctx.cacheRestored;
    ctx.throwIfAborted();
    const sandboxInfo = await ctx.runtime.inspectContainer(this.sandbox);
    ctx.results.setPorts(s.name, inst.name, sandboxInfo.ports);
    if (usesPodFields(instanceContainers(inst))) {
      const network = networkName(ctx.project.name);
      this.podIP = await ctx.runtime.containerIp(this.sandbox, network) ?? "";
      if (this.podIP === "") {
        const why = `the instance sandbox has no address on network ${network} (status.podIP)`;
        ctx.results.notRun(inst, 0, why);
        ctx.results.setInstance(s, inst, "Failed", "StartFailed", why);
        return false;
      }
    }
    return true;
  }
  prepareStep(step) {
    return this.prepareRun(step, step.pullPolicy, this.ctx.labels(this.s, this.inst, "step", step.name));
  }
  prepareJob() {
    return this.prepareRun(this.inst.main, this.s.pullPolicy, this.ctx.labels(this.s, this.inst, "job"));
  }
  /** A container that runs to completion (a step's, a job's), joined to the sandbox, one per attempt. */
  async prepareRun(spec, policy, labels) {
    const { ctx } = this;
    const image = spec.image ?? "";
    await this.image(image, policy);
    const create = {
      image,
      labels,
      network: { mode: "container", container: this.sandbox },
      volumes: dockerNames(this.volumes)
    };
    const expanded = this.expand(spec);
    return async (onLine, timeoutMs) => {
      const created = await specForCreate(expanded, create, ctx.project);
      return runContainerAttempt(ctx.runtime, created, {
        timeoutMs,
        killGraceMs: ctx.killGraceMs,
        signal: ctx.signal,
        onLine,
        onCreated: (id) => ctx.tracked.add("container", id),
        afterCreate: async (id) => {
          await this.checkVolumes(id, created);
          await copySubPaths(ctx.runtime, id, expanded.volumes);
        },
        onRemoved: (id) => ctx.tracked.forget("container", id)
      });
    };
  }
  /**
   * Its sandbox goes once the job ended (docs/spec.md, "Jobs"), in the background: what depends on the job
   * need not wait for it, `up` does. Its volumes stay, and go to the project's cache entry at the end of the
   * run (engine/project-cache.ts).
   */
  async finishJob() {
    await this.stopSidecars();
    if (this.sandbox !== "") this.ctx.sandboxes.removeLater(this.sandbox, `sandbox of ${this.inst.name}`);
    this.sandbox = "";
  }
  /**
   * The main container, then a Kubernetes pod's other containers in order (Kubernetes starts them one
   * after another too, without waiting); a failure of any is the instance's, naming it.
   */
  async startMain() {
    const { ctx, s, inst } = this;
    const others = inst.containers ?? [];
    const mainWhat = others.length > 0 && inst.mainName !== void 0 ? `container "${inst.mainName}"` : "main container";
    const main = await this.startContainer(inst.main, s.pullPolicy, mainWhat, {
      name: mainName(ctx.project.name, inst.name),
      labels: ctx.labels(s, inst, "main")
    });
    if (!main) return void 0;
    const healthcheck = s.readinessProbe === void 0 && await ctx.runtime.imageHasHealthcheck(main.image);
    const target = this.readinessTarget(main.id, others.length > 0 ? mainWhat : void 0);
    const started = {
      target,
      healthcheck,
      control: {
        stop: (graceSeconds) => ctx.runtime.stopContainer(main.id, graceSeconds),
        start: () => ctx.runtime.startContainer(main.id)
      }
    };
    const running = { containerId: main.id, started, others: [], sidecars: this.sidecars };
    ctx.mains.set(inst.name, running);
    if (others.length === 0) return started;
    started.others = [];
    for (const c of others) {
      const what = `container "${c.name}"`;
      const other = await this.startContainer(c, c.pullPolicy, what, this.podContainer(c, "container"));
      if (!other) return void 0;
      running.others.push(other.id);
      const hc = c.readinessProbe === void 0 && await ctx.runtime.imageHasHealthcheck(other.image);
      started.others.push({
        ...c.readinessProbe && { probe: c.readinessProbe },
        started: { target: this.readinessTarget(other.id, what), healthcheck: hc }
      });
    }
    return started;
  }
  /**
   * A native sidecar, joined to the sandbox, kept running; started once it runs and its startupProbe
   * (if any) passed (docs/kubernetes.md#native-sidecars). An image that could not be had is a StepSetupError.
   */
  async startSidecar(sidecar, order) {
    const { ctx } = this;
    const image = sidecar.image ?? "";
    await this.image(image, sidecar.pullPolicy);
    const { name, labels } = this.podContainer(sidecar, "sidecar");
    const spec = await specForCreate(
      this.expand(sidecar),
      {
        name,
        image,
        labels: { ...labels, [LABEL.sidecarOrder]: String(order) },
        network: { mode: "container", container: this.sandbox },
        volumes: dockerNames(this.volumes)
      },
      ctx.project
    );
    const id = await ctx.runtime.createContainer(spec);
    ctx.tracked.add("container", id);
    const target = this.readinessTarget(id, `sidecar "${sidecar.name}"`);
    this.sidecars.push({
      id,
      name: sidecar.name,
      ...sidecar.startupProbe && { startupProbe: sidecar.startupProbe },
      target
    });
    await this.checkVolumes(id, spec);
    await copySubPaths(ctx.runtime, id, sidecar.volumes);
    await ctx.runtime.startContainer(id);
    const started = await waitReady(sidecar.startupProbe, false, target, ctx.signal, "startup");
    if (started.ok) return {};
    const state = await ctx.runtime.inspectContainer(id);
    return state.running ? { reason: "StartupProbeFailed", message: started.message } : { reason: "ExitNonZero", exitCode: state.exitCode, message: started.message };
  }
  /** Name and labels of a pod's other container or sidecar. */
  podContainer(c, role) {
    const { ctx, s, inst } = this;
    return {
      name: podContainerName(ctx.project.name, inst.name, c.name),
      labels: { ...ctx.labels(s, inst, role), [LABEL.container]: c.name }
    };
  }
  /** A container that keeps running (main or other), created and started; undefined: the instance failed. */
  async startContainer(c, policy, what, naming) {
    const { ctx, s, inst } = this;
    const image = c.image ?? "";
    try {
      await ctx.images.ensure(image, policy);
    } catch (e) {
      ctx.throwIfAborted();
      if (!(e instanceof ImageError)) throw e;
      ctx.results.setInstance(s, inst, "Failed", e.reason, `${what}: ${e.message}`);
      return void 0;
    }
    try {
      const spec = await specForCreate(
        this.expand(c),
        {
          ...naming,
          image,
          network: { mode: "container", container: this.sandbox },
          volumes: dockerNames(this.volumes)
        },
        ctx.project
      );
      const id = await ctx.runtime.createContainer(spec);
      ctx.tracked.add("container", id);
      await this.checkVolumes(id, spec);
      await copySubPaths(ctx.runtime, id, c.volumes);
      await ctx.runtime.startContainer(id);
      return { id, image };
    } catch (e) {
      ctx.throwIfAborted();
      ctx.results.setInstance(s, inst, "Failed", "StartFailed", `${what}: ${errorMessage(e)}`);
      return void 0;
    }
  }
  /**
   * A job's sidecars once its container has ended: last started first, each given the kill grace to exit
   * on its stop signal, then removed (docs/kubernetes.md#native-sidecars).
   */
  async stopSidecars() {
    const { ctx } = this;
    const grace = Math.ceil(ctx.killGraceMs / 1e3);
    for (const { id, name } of this.sidecars.splice(0).reverse()) {
      const removed = await tryRemove(
        `sidecar "${name}" of ${this.inst.name}`,
        async () => {
          await ctx.runtime.stopContainer(id, grace);
          await ctx.runtime.removeContainer(id);
        },
        (m) => ctx.warn(m)
      );
      if (removed) ctx.tracked.forget("container", id);
    }
  }
  /** Its pod fields, then its references, with the addresses of what it depends on (docs/spec.md). */
  expand(spec) {
    return expandContainer(withPodFields(spec, { "status.podIP": this.podIP }), this.addresses);
  }
  /** A volume the container mounts was removed meanwhile: the container and Docker's stand-in go. */
  async checkVolumes(id, spec) {
    try {
      await checkMountedVolumes(this.ctx.runtime, id, spec.mounts, labelledVolumes(this.volumes));
    } catch (e) {
      if (e instanceof VolumeGoneError) this.ctx.tracked.forget("container", id);
      throw e;
    }
  }
  /** The image by its container's pull policy (once per run); a failure is the reason of what needs it. */
  async image(ref, policy) {
    try {
      await this.ctx.images.ensure(ref, policy);
    } catch (e) {
      if (e instanceof ImageError) throw new StepSetupError(e.reason, e.message);
      throw e;
    }
  }
  readinessTarget(main, name) {
    const { runtime, project } = this.ctx;
    const network = networkName(project.name);
    const sandbox = this.sandbox;
    const inst = this.inst.name;
    return {
      ...name !== void 0 && { name },
      address: async (port) => {
        if (runtime.remoteHost === void 0) {
          const ip = await runtime.containerIp(sandbox, network);
          if (ip === void 0) throw new Error(`instance ${inst} has no address on network ${network}`);
          return { host: ip, port };
        }
        const published = this.ctx.results.instance(this.s.name, inst).ports.find((p) => p.containerPort === port && p.protocol === "tcp");
        if (!published) throw new Error(`port ${port} is not published, and the Docker engine is remote`);
        const host = isAnyAddress2(published.hostIp) ? runtime.remoteHost : published.hostIp;
        return { host, port: published.hostPort };
      },
      exec: (command, signal) => runtime.exec(main, command, signal),
      state: () => runtime.inspectContainer(main)
    };
  }
  /** Checks a path on the volumes without starting anything. */
  pathExists(path6, mounts) {
    const { ctx } = this;
    const labels = { [LABEL.project]: ctx.project.name, [LABEL.role]: "step", [LABEL.run]: ctx.runId };
    return pathExistsOnMounts(
      ctx.runtime,
      {
        sandboxImage: ctx.sandboxImage,
        labels,
        volumes: mounts,
        names: dockerNames(this.volumes),
        labelled: labelledVolumes(this.volumes),
        gate: ctx.project
      },
      path6,
      {
        created: (id) => ctx.tracked.add("container", id),
        removed: (id) => ctx.tracked.forget("container", id)
      }
    );
  }
};
var isAnyAddress2 = (hostIp) => hostIp === "" || hostIp === "0.0.0.0" || hostIp === "::";

// src/engine/process-instance.ts
import { spawn } from "node:child_process";
import { mkdir, open as open2 } from "node:fs/promises";
import { dirname, join } from "node:path";

// src/engine/host-env.ts
function processEnv(host, env) {
  const out = withoutRunnerVariables(host);
  for (const e of env) out[e.name] = e.value;
  return out;
}

// src/engine/process-instance.ts
var ProcessInstance = class {
  constructor(ctx, s, inst, previous) {
    this.ctx = ctx;
    this.s = s;
    this.inst = inst;
    this.previous = previous;
    this.facts = { stateDir: ctx.stateDir, volume: () => void 0, pathExists: hostPathExists };
  }
  ctx;
  s;
  inst;
  previous;
  facts;
  /**
   * The addresses of the services it depends on (127.0.0.1 and the published ports), read when the
   * instance opens: its dependencies have started by then (docs/spec.md, "Addresses and references").
   */
  addresses = [];
  async open() {
    this.addresses = runAddressEnv(this.ctx, this.s);
    for (const p of this.previous.filter((p2) => p2.instance === this.inst.name)) {
      const { notSignalled } = await stopRecordedProcess(p);
      if (notSignalled) this.ctx.warn(`${this.inst.name}: ${notSignalled}`);
    }
    this.ctx.results.setPorts(
      this.s.name,
      this.inst.name,
      this.s.ports.map((p) => ({
        containerPort: p.containerPort,
        protocol: p.protocol,
        hostIp: "127.0.0.1",
        hostPort: p.hostPort ?? p.containerPort
      }))
    );
    return true;
  }
  prepareStep(step) {
    return Promise.resolve(this.runToCompletion(step));
  }
  prepareJob() {
    return Promise.resolve(this.runToCompletion(this.inst.main));
  }
  /** Nothing of a process job outlives its attempts. */
  finishJob() {
    return Promise.resolve();
  }
  /** A host process that runs to completion (a step's, a job's), one per attempt. */
  runToCompletion(spec) {
    const expanded = expandContainer(spec, this.addresses);
    const p = {
      command: [...expanded.command ?? [], ...expanded.args ?? []],
      cwd: this.cwd(spec),
      env: processEnv(process.env, expanded.env)
    };
    return (onLine, timeoutMs) => runProcessAttempt(p, { timeoutMs, killGraceMs: this.ctx.killGraceMs, signal: this.ctx.signal, onLine });
  }
  async startMain() {
    const main = expandContainer(this.inst.main, this.addresses);
    let child;
    try {
      child = await this.spawnMain(main);
    } catch (e) {
      this.ctx.results.setInstance(
        this.s,
        this.inst,
        "Failed",
        "StartFailed",
        `main process: ${errorMessage(e)}`
      );
      return void 0;
    }
    const cwd = this.cwd(main);
    const env = processEnv(process.env, main.env);
    return {
      healthcheck: false,
      target: {
        address: (port) => Promise.resolve({ host: "127.0.0.1", port }),
        exec: async (command, signal) => {
          const outcome = await runProcessAttempt(
            { command, cwd, env },
            { timeoutMs: 2 ** 31 - 1, killGraceMs: 0, signal, onLine: () => void 0 }
          );
          return outcome.exitCode ?? -1;
        },
        state: () => Promise.resolve({
          running: child.exitCode === null && child.signalCode === null,
          exitCode: child.exitCode ?? -1
        })
      }
    };
  }
  async spawnMain(main) {
    const { ctx, s, inst } = this;
    const [file, ...args] = [...main.command ?? [], ...main.args ?? []];
    if (file === void 0) throw new Error("no command to run");
    const dir = projectStateDir(ctx.project.name, ctx.stateDir);
    await mkdir(dir, { recursive: true });
    const log = join(dir, `${inst.name}.log`);
    const out = await open2(log, "a");
    try {
      const child = spawn(file, args, {
        cwd: this.cwd(main),
        env: processEnv(process.env, main.env),
        detached: true,
        stdio: ["ignore", out.fd, out.fd]
      });
      await new Promise((resolve, reject) => {
        child.once("spawn", resolve);
        child.once("error", reject);
      });
      child.unref();
      if (child.pid === void 0) throw new Error(`could not start ${file}`);
      const startTime = processStartTime(child.pid);
      ctx.tracked.addProcess({ service: s.name, instance: inst.name, pid: child.pid, startTime, log });
      return child;
    } finally {
      await out.close();
    }
  }
  cwd(spec) {
    return spec.workingDir ?? dirname(this.s.file);
  }
};

// src/engine/job.ts
async function runJob(ctx, s, job) {
  const inst = s.instances[0];
  if (!inst) throw new Error(`internal: job ${s.name} has no instance`);
  ctx.results.setInstance(s, inst, "Initializing");
  const deadline = job.activeDeadlineMs === void 0 ? void 0 : Deadline.after(job.activeDeadlineMs);
  const driver = s.runtime === "process" ? new ProcessInstance(ctx, s, inst, []) : new ContainerInstance(ctx, s, inst);
  let end;
  try {
    end = await run({ ctx, s, job, inst, driver, deadline });
  } catch (e) {
    if (ctx.signal?.aborted) {
      ctx.results.finishJob(s.name, { status: "Failed", reason: "Cancelled", message: "run cancelled" });
    }
    await driver.finishJob();
    throw e;
  }
  ctx.results.finishJob(s.name, end);
  await driver.finishJob();
  ctx.throwIfAborted();
}
var failed = (reason, message) => ({
  status: "Failed",
  reason,
  ...message !== void 0 && { message }
});
async function run({ ctx, s, job, inst, driver, deadline }) {
  const { results } = ctx;
  if (!await driver.open()) {
    const recorded = results.job(s.name);
    return failed(recorded.reason ?? "StartFailed", recorded.message);
  }
  if (!await runInitSteps(ctx, s, inst, driver, deadline)) {
    if (deadline?.exceeded) {
      const step = results.steps().find((r) => r.instance === inst.name && r.status === "Failed");
      return failed("DeadlineExceeded", `${deadline.message} during init step "${step?.step ?? "?"}"`);
    }
    return failed("InitStepFailed", results.job(s.name).message);
  }
  ctx.throwIfAborted();
  let attempt;
  try {
    attempt = await driver.prepareJob();
  } catch (e) {
    ctx.throwIfAborted();
    return failed("StartFailed", e instanceof StepSetupError ? `${e.reason}: ${e.message}` : errorMessage(e));
  }
  const { log, onLine } = captureOutput(
    ctx,
    (stream, line) => ctx.emit({ type: "job-output", job: s.name, instance: inst.name, stream, line })
  );
  const { outcome, attempts } = await runAttempts(ctx, attempt, onLine, {
    attempts: job.attempts,
    timeoutMs: job.timeoutMs,
    backoff: job.backoff,
    deadline,
    onAttempt: (n) => results.jobAttempt(s.name, n, job.attempts),
    onRetry: (n, delayMs, o) => ctx.emit({
      type: "job-retry",
      job: s.name,
      instance: inst.name,
      attempt: n,
      delayMs,
      detail: `${o.reason} ${o.message ?? ""}`.trim()
    })
  });
  const ran = { attempts, log: log.values(), exitCode: outcome.exitCode };
  if (outcome.reason === void 0) return { status: "Succeeded", ...ran };
  if (outcome.reason === "Cancelled" || ctx.signal?.aborted) {
    return { ...failed("Cancelled", outcome.message ?? "run cancelled"), ...ran };
  }
  if (deadline?.exceeded) return { ...failed("DeadlineExceeded", deadline.message), ...ran };
  const detail = outcome.reason === "ExitNonZero" ? void 0 : `${outcome.reason}: ${outcome.message ?? ""}`;
  const problems = await readProblems(ctx, s, inst.main, ran.log, `job "${s.name}"`);
  return { ...failed("JobFailed", detail), ...ran, ...problems.length > 0 ? { problems } : {} };
}

// src/engine/main-probes.ts
import { setTimeout as sleep3 } from "node:timers/promises";
var START_ATTEMPTS = 3;
async function mainReady(ctx, s, inst, main, startSignal = ctx.signal) {
  if (!s.startupProbe && !s.livenessProbe) {
    return waitReady(s.readinessProbe, main.healthcheck, main.target, startSignal);
  }
  return new MainWatch(ctx, s, inst, main).untilReady(startSignal);
}
async function stopLivenessWatches(ctx) {
  const stops = [...ctx.livenessWatches];
  ctx.livenessWatches.clear();
  await Promise.all(stops.map((stop) => stop()));
}
var MainWatch = class {
  constructor(ctx, s, inst, main) {
    this.ctx = ctx;
    this.s = s;
    this.inst = inst;
    this.main = main;
    this.signal = ctx.signal ? AbortSignal.any([ctx.signal, this.stopping.signal]) : this.stopping.signal;
  }
  ctx;
  s;
  inst;
  main;
  stopping = new AbortController();
  signal;
  restarts = 0;
  startedAt = Date.now();
  /** Kubernetes restarts under Always and OnFailure alike (a killed container has failed); not a host process. */
  get restartable() {
    return this.s.restartPolicy !== "Never" && this.main.control !== void 0;
  }
  async untilReady(startSignal) {
    const end = () => this.stopping.abort();
    startSignal?.addEventListener("abort", end, { once: true });
    try {
      startSignal?.throwIfAborted();
      return await this.starts();
    } finally {
      startSignal?.removeEventListener("abort", end);
    }
  }
  async starts() {
    const attempts = this.restartable ? START_ATTEMPTS : 1;
    for (let start = 1; ; start++) {
      const r = await this.oneStart();
      if (r.ok) {
        if (this.s.livenessProbe) this.watchAfterReady(r.liveness);
        return { ok: true };
      }
      if (!r.restart || start >= attempts) {
        const why = !r.restart ? "" : this.restartable ? ` (started ${start} times)` : this.s.restartPolicy === "Never" ? " (restartPolicy Never)" : "";
        return { ok: false, reason: r.reason, message: `${r.message}${why}` };
      }
      try {
        await this.restart(r.message, r.probe);
      } catch (e) {
        this.ctx.throwIfAborted();
        return { ok: false, reason: "StartFailed", message: `main container restart: ${errorMessage(e)}` };
      }
    }
  }
  /**
   * One start of the container until it is ready. `restart`: a startup or liveness probe failed it (the
   * pod's restartPolicy decides); a readiness failure or an exit is the instance's, as without these probes.
   */
  async oneStart() {
    const { s, main } = this;
    if (s.startupProbe) {
      const started = await waitProbe("startup", s.startupProbe, main.target, this.signal);
      if (!started.ok) {
        return started.exited ? { ok: false, restart: false, reason: started.reason, message: started.message } : {
          ok: false,
          restart: true,
          reason: "StartFailed",
          message: started.message,
          probe: s.startupProbe
        };
      }
    }
    const readying = new AbortController();
    const liveness = s.livenessProbe ? this.liveness(s.livenessProbe) : new Promise(() => {
    });
    const ready = waitReady(
      s.readinessProbe,
      main.healthcheck,
      main.target,
      AbortSignal.any([this.signal, readying.signal])
    );
    const first = await Promise.race([ready, liveness]);
    if (typeof first === "object" && "failed" in first) {
      readying.abort();
      await ready.catch(() => void 0);
      return { ok: false, restart: true, reason: "StartFailed", message: first.failed, probe: first.probe };
    }
    if (first === "stopped" || first === "exited") {
      return this.notReady(await ready);
    }
    if (!first.ok) {
      this.stopping.abort();
      await liveness;
      return this.notReady(first);
    }
    return { ok: true, liveness };
  }
  notReady(r) {
    if (r.ok) throw new Error("internal: readiness passed after the liveness watch ended");
    return { ok: false, restart: false, reason: r.reason, message: r.message };
  }
  /**
   * Checks the livenessProbe a period apart from its initial delay after the container's start; resolves
   * once failureThreshold checks in a row failed, or with why it stopped watching.
   */
  async liveness(probe) {
    const { target } = this.main;
    try {
      const delay = this.startedAt + probe.initialDelayMs - Date.now();
      if (delay > 0) await sleep3(delay, void 0, { signal: this.signal });
      let failures = 0;
      for (; ; ) {
        const st = await target.state();
        if (!st.running) return "exited";
        const error = await runCheck(probe.check, probe.timeoutMs, target, this.signal);
        failures = error === void 0 ? 0 : failures + 1;
        if (error !== void 0 && failures >= probe.failureThreshold) {
          return { failed: `liveness probe failed ${failures} times: ${error}`, probe };
        }
        await sleep3(probe.periodMs, void 0, { signal: this.signal });
      }
    } catch (e) {
      if (this.signal.aborted) return "stopped";
      throw e;
    }
  }
  /** After ready: each liveness failure restarts the container (its startup probe gates the watch again). */
  watchAfterReady(first) {
    const { ctx, s, inst } = this;
    const loop = async () => {
      let verdict2 = await first;
      while (typeof verdict2 === "object") {
        if (!this.restartable) {
          await this.main.control?.stop(this.graceOf(verdict2.probe));
          const why = `${verdict2.failed}; restartPolicy Never: its main container was stopped`;
          ctx.warn(`${inst.name}: ${why}`);
          ctx.results.setInstance(s, inst, "Failed", "LivenessProbeFailed", why);
          if (ctx.results.service(s.name).status === "Running") {
            ctx.results.setService(s.name, "Failed", "LivenessProbeFailed", `${inst.name}: ${why}`);
          }
          return;
        }
        await this.restart(verdict2.failed, verdict2.probe);
        verdict2 = await this.afterRestart();
      }
    };
    const running = loop().catch((e) => {
      if (!this.signal.aborted) ctx.warn(`${inst.name}: liveness watch ended: ${errorMessage(e)}`);
    });
    ctx.livenessWatches.add(async () => {
      this.stopping.abort();
      await running;
    });
  }
  /** A restarted container passes its startup probe (restarting again while it fails), then is watched. */
  async afterRestart() {
    const { s, main } = this;
    if (s.startupProbe) {
      for (; ; ) {
        const started = await waitProbe("startup", s.startupProbe, main.target, this.signal);
        if (started.ok) break;
        if (started.exited) return "exited";
        await this.restart(started.message, s.startupProbe);
      }
    }
    return s.livenessProbe ? this.liveness(s.livenessProbe) : "stopped";
  }
  async restart(why, probe) {
    const { ctx, inst } = this;
    const control = this.main.control;
    if (!control) throw new Error("internal: restart of a main that cannot be restarted");
    this.restarts += 1;
    const delayMs = backoffDelayMs(this.restarts, ctx.backoffBaseMs, ctx.backoffCapMs);
    ctx.warn(`${inst.name}: ${why}; restarting its main container (restart ${this.restarts})`);
    await sleep3(delayMs, void 0, { signal: this.signal });
    await control.stop(this.graceOf(probe));
    await control.start();
    this.startedAt = Date.now();
  }
  graceOf(probe) {
    return probe.terminationGraceSeconds ?? this.ctx.stopGraceSeconds;
  }
};

// src/engine/pod-readiness.ts
async function waitInstanceReady(mainReadiness, main, signal) {
  const results = await Promise.all([
    mainReadiness,
    ...(main.others ?? []).map(
      ({ probe, started }) => waitReady(probe, started.healthcheck, started.target, signal)
    )
  ]);
  return results.find((r) => !r.ok) ?? { ok: true };
}

// src/engine/clean-point.ts
var KILLED = 137;
async function snapshotAtCleanPoint(ctx, selected, cacheCtx, save) {
  const inEntry = new Set(cacheCtx.instances.map((i) => i.instance.name));
  const groups = selected.map((s) => ({
    s,
    mains: s.instances.flatMap((inst) => {
      const main = inEntry.has(inst.name) ? ctx.mains.get(inst.name) : void 0;
      return main ? [{ inst, main }] : [];
    })
  })).filter((g) => g.mains.length > 0);
  const names = groups.flatMap((g) => g.mains.map((m) => m.inst.name));
  if (names.length === 0) return save(() => void 0);
  ctx.emit({
    type: "notice",
    message: `cache: stopping ${names.join(", ")} to snapshot the volumes at a clean point, then starting again`
  });
  let clean = true;
  let restarting;
  const restart = () => {
    restarting ??= (async () => {
      for (const g of groups) await startAgain(ctx, g);
    })();
    return restarting;
  };
  try {
    for (const g of [...groups].reverse()) {
      await Promise.all(
        g.mains.map(async ({ inst, main }) => {
          const stopped = await Promise.all(
            [main.containerId, ...main.others].map((id) => stopCleanly(ctx, id))
          );
          for (const { id } of [...main.sidecars].reverse()) stopped.push(await stopCleanly(ctx, id));
          if (stopped.includes(false)) {
            clean = false;
            ctx.warn(
              `cache: not saved: ${inst.name} did not stop within ${ctx.stopGraceSeconds} s of its stop signal and was killed, so its volumes are not at a clean point`
            );
          }
        })
      );
    }
    return clean ? await save(() => void restart().catch(() => void 0)) : false;
  } finally {
    await restart();
  }
}
async function stopCleanly(ctx, id) {
  await ctx.runtime.stopContainer(id, ctx.stopGraceSeconds);
  const state = await ctx.runtime.inspectContainer(id);
  return !state.running && state.exitCode !== KILLED;
}
async function startAgain(ctx, { s, mains }) {
  const { results } = ctx;
  await Promise.all(
    mains.map(async ({ inst, main }) => {
      try {
        for (const sidecar of main.sidecars) {
          await ctx.runtime.startContainer(sidecar.id);
          const started = await waitReady(sidecar.startupProbe, false, sidecar.target, ctx.signal, "startup");
          if (!started.ok) throw new Error(started.message);
        }
        for (const id of [main.containerId, ...main.others]) await ctx.runtime.startContainer(id);
      } catch (e) {
        ctx.throwIfAborted();
        const what = main.sidecars.length + main.others.length > 0 ? "pod" : "main container";
        const why = `${what} did not start again after the cache snapshot: ${errorMessage(e)}`;
        results.setInstance(s, inst, "Failed", "StartFailed", why);
        return;
      }
      const mainReady2 = s.startupProbe ? waitProbe("startup", s.startupProbe, main.started.target, ctx.signal).then(
        (started) => started.ok ? waitReady(s.readinessProbe, main.started.healthcheck, main.started.target, ctx.signal) : started
      ) : waitReady(s.readinessProbe, main.started.healthcheck, main.started.target, ctx.signal);
      const ready = await waitInstanceReady(mainReady2, main.started, ctx.signal);
      if (!ready.ok) {
        results.setInstance(s, inst, "Failed", ready.reason, `after the cache snapshot: ${ready.message}`);
      }
    })
  );
  const failed2 = results.service(s.name).instances.find((i) => i.status === "Failed");
  if (failed2) {
    results.setService(s.name, "Failed", failed2.reason, `${failed2.name}: ${failed2.message ?? failed2.reason}`);
  }
}

// src/engine/project-cache.ts
var ProjectCache = class _ProjectCache {
  constructor(ctx, cache, selected) {
    this.ctx = ctx;
    this.cache = cache;
    this.selected = selected;
    this.prepared = this.prepare();
    this.prepared.catch(() => void 0);
    this.outcome = this.prepared.then(
      (cacheCtx) => this.guarded("restore", () => cache.restore(cacheCtx), { result: "miss" }),
      (e) => {
        if (!ctx.signal?.aborted) ctx.warn(`cache restore failed: ${errorMessage(e)}`);
        return { result: "miss" };
      }
    );
    ctx.cacheRestored = this.outcome.then(
      (outcome) => {
        ctx.cacheReport = { ...outcome, saved: false };
      },
      () => void 0
    );
  }
  ctx;
  cache;
  selected;
  prepared;
  outcome;
  /** The project's cache, its restore under way; undefined without a cache or without a persistent volume. */
  static start(ctx, selected) {
    const hasPersistent = selected.some(
      (s) => s.runtime === "container" && s.template.volumes.some(isPersistent)
    );
    return ctx.cache && hasPersistent ? new _ProjectCache(ctx, ctx.cache, selected) : void 0;
  }
  /** After the services: when `up` succeeded and the cache wants an entry, the save at a clean point. */
  async saveIfWanted() {
    const { ctx } = this;
    await ctx.cacheRestored;
    const report = ctx.cacheReport;
    if (report === void 0 || ctx.signal?.aborted) return;
    const allUp = ctx.results.services().every((s) => s.status === "Running") && ctx.results.jobs().every((j) => j.status === "Succeeded");
    if (!allUp) return;
    const cacheCtx = await this.prepared;
    if (!await this.guarded("save", () => this.cache.wantsSave(cacheCtx), false)) return;
    const saved = await snapshotAtCleanPoint(
      ctx,
      this.selected,
      cacheCtx,
      (volumesRead) => this.guarded("save", () => this.cache.save(cacheCtx, volumesRead), false)
    );
    ctx.cacheReport = { ...report, saved };
  }
  /** Once the cache's housekeeping is done (VolumeCache.settled); never rejects. */
  async settled() {
    await this.ctx.cacheRestored;
    await this.cache.settled?.().catch(() => void 0);
  }
  /** Every persistent volume of the selection (created now when new) and every image's ID. */
  async prepare() {
    const { ctx } = this;
    const containers = this.selected.filter((s) => s.runtime === "container");
    const imageIds = Promise.all(
      containers.flatMap((s) => s.instances.map((i) => ctx.images.ensureAll(s, i)))
    );
    imageIds.catch(() => void 0);
    const instances = await Promise.all(
      containers.flatMap(
        (service) => service.instances.map(async (instance) => ({
          service,
          instance,
          // A Kubernetes PersistentVolumeClaim is shared by instances: not one instance's to cache
          // (docs/kubernetes.md).
          volumes: [...(await persistentVolumes(ctx, service, instance)).values()].filter((v) => !(v.mount.source.kind === "claim" && v.mount.source.claimName !== void 0)).map((v) => ({
            mount: v.mount,
            volumeName: v.dockerName,
            createdNow: v.createdNow,
            ...v.uid !== void 0 && { uid: v.uid }
          }))
        }))
      )
    );
    const ids = await imageIds;
    return {
      project: ctx.project,
      services: this.selected,
      instances: instances.filter((i) => i.volumes.length > 0),
      imageIds: ids.every((r) => r !== void 0) ? Object.assign({}, ...ids) : void 0
    };
  }
  /** The cache never fails a run (docs/cache.md): its error is a warning and the run goes on without it. */
  async guarded(what, fn, fallback) {
    try {
      return await fn();
    } catch (e) {
      this.ctx.throwIfAborted();
      this.ctx.warn(`cache ${what} failed: ${errorMessage(e)}`);
      return fallback;
    }
  }
};

// src/engine/run-context.ts
import { randomBytes } from "node:crypto";

// src/engine/results.ts
var TAIL_LINES = 50;
var RunResults = class {
  constructor(emit) {
    this.emit = emit;
  }
  emit;
  byService = /* @__PURE__ */ new Map();
  byJob = /* @__PURE__ */ new Map();
  bySteps = /* @__PURE__ */ new Map();
  /** Each step's log (its last lines), by `logKey`. */
  logs = {};
  /** Everything `Pending` for a service or job this run will try. */
  add(s) {
    if (s.job) {
      this.byJob.set(s.name, {
        name: s.name,
        instance: s.instances[0]?.name ?? `${s.name}-0`,
        pos: s.pos,
        failurePos: s.job.pos,
        status: "Pending",
        attempts: 0,
        durationMs: 0,
        logTail: []
      });
    } else {
      this.byService.set(s.name, {
        name: s.name,
        pos: s.pos,
        status: "Pending",
        instances: s.instances.map((i) => ({
          name: i.name,
          ordinal: i.ordinal,
          ...s.runtime === "container" && i.main.image !== void 0 && { image: i.main.image },
          status: "Pending",
          ports: []
        }))
      });
    }
    for (const i of s.instances) {
      for (const entry of initSequence(i)) {
        const step = entry.kind === "step" ? entry.step : entry.sidecar;
        this.bySteps.set(logKey(i.name, step.name), {
          service: s.name,
          instance: i.name,
          step: step.name,
          pos: step.pos,
          ...entry.kind === "sidecar" && { sidecar: true },
          status: "Pending",
          attempts: 0,
          durationMs: 0,
          logTail: []
        });
      }
    }
  }
  services() {
    return [...this.byService.values()];
  }
  jobs() {
    return [...this.byJob.values()].map(({ startedAt: _startedAt, ...r }) => r);
  }
  steps() {
    return [...this.bySteps.values()];
  }
  /**
   * An instance's status. A job's one instance is the job: its status and reason are recorded here
   * without an event, and the job's runner ends it with `finishJob`.
   */
  setInstance(s, inst, status, reason, message) {
    const job = this.byJob.get(s.name);
    if (job) {
      if (status === "Initializing" && job.startedAt === void 0) job.startedAt = Date.now();
      Object.assign(job, { status, ...reason && { reason }, ...message && { message } });
      return;
    }
    const r = this.instance(s.name, inst.name);
    r.status = status;
    if (reason) r.reason = reason;
    if (message) r.message = message;
    this.emit({
      type: "service-status",
      service: s.name,
      instance: inst.name,
      status,
      ...reason && { reason },
      ...message && { message }
    });
  }
  setService(name, status, reason, message) {
    const r = this.service(name);
    r.status = status;
    if (reason) r.reason = reason;
    if (message) r.message = message;
    this.emit({
      type: "service-status",
      service: name,
      status,
      ...reason && { reason },
      ...message && { message }
    });
  }
  service(name) {
    const r = this.byService.get(name);
    if (!r) throw new Error(`internal: no result for service ${name}`);
    return r;
  }
  /** The service's result, if this run tries it. */
  findService(name) {
    return this.byService.get(name);
  }
  job(name) {
    const r = this.byJob.get(name);
    if (!r) throw new Error(`internal: no result for job ${name}`);
    return r;
  }
  /** Whether the service or job this run tried has failed (its dependents are `DependencyFailed`). */
  hasFailed(name) {
    return (this.byService.get(name) ?? this.byJob.get(name))?.status === "Failed";
  }
  /** An attempt of the job's own container begins. */
  jobAttempt(name, attempt, attempts) {
    const r = this.job(name);
    r.status = "Running";
    this.emit({ type: "job-start", job: name, instance: r.instance, attempt, attempts });
  }
  /** The job ended; its duration counts from its start (init steps included). */
  finishJob(name, end) {
    const r = this.byJob.get(name);
    if (!r) throw new Error(`internal: no result for job ${name}`);
    const { log, ...fields } = end;
    Object.assign(r, fields, { durationMs: r.startedAt === void 0 ? 0 : Date.now() - r.startedAt });
    if (log) {
      r.logTail = log.slice(-TAIL_LINES);
      this.logs[jobLogKey(r.instance)] = log;
    }
    const { startedAt: _startedAt, ...result } = r;
    this.emit({ type: "job-end", result });
    return result;
  }
  /** A service or job whose dependency failed: it is `DependencyFailed`, its steps do not run. */
  dependencyFailed(s, dependency) {
    const why = `dependency "${dependency}" failed`;
    for (const inst of s.instances) this.notRun(inst, 0, why);
    if (s.job) {
      this.finishJob(s.name, { status: "Failed", reason: "DependencyFailed", message: why });
      return;
    }
    for (const inst of s.instances) this.setInstance(s, inst, "Failed", "DependencyFailed", why);
    this.setService(s.name, "Failed", "DependencyFailed", why);
  }
  instance(service, instance) {
    const r = this.service(service).instances.find((i) => i.name === instance);
    if (!r) throw new Error(`internal: no result for instance ${instance}`);
    return r;
  }
  step(instance, step) {
    const r = this.bySteps.get(logKey(instance, step));
    if (!r) throw new Error(`internal: no result for step ${instance}/${step}`);
    return r;
  }
  /** A job publishes no ports: nothing to record. */
  setPorts(service, instance, ports) {
    if (this.byJob.has(service)) return;
    this.instance(service, instance).ports = ports;
  }
  /** An attempt of the step begins (a native sidecar's one start). */
  stepAttempt(service, instance, step, attempt, attempts) {
    const r = this.step(instance, step);
    r.status = "Running";
    this.emit({
      type: "step-start",
      service,
      instance,
      step,
      attempt,
      attempts,
      ...r.sidecar && { sidecar: true }
    });
  }
  skipStep(instance, step, why, durationMs) {
    const r = this.step(instance, step);
    Object.assign(r, { status: "Skipped", message: why, durationMs });
    this.emit({ type: "step-end", result: { ...r } });
  }
  finishStep(instance, step, end) {
    const r = this.step(instance, step);
    const { log, ...fields } = end;
    Object.assign(r, { ...fields, logTail: log.slice(-TAIL_LINES) });
    this.logs[logKey(instance, step)] = log;
    this.emit({ type: "step-end", result: { ...r } });
    return r;
  }
  /** Steps (and sidecars) from `from` in the init sequence (`initSequence`) that will not run keep `Pending` and say why. */
  notRun(inst, from, why) {
    for (const entry of initSequence(inst).slice(from)) {
      const name = entry.kind === "step" ? entry.step.name : entry.sidecar.name;
      this.step(inst.name, name).message = `not run: ${why}`;
    }
  }
};
function maskReportText(report, mask) {
  const text = (x) => x.message === void 0 ? x : { ...x, message: mask(x.message) };
  return {
    ...report,
    services: report.services.map((s) => ({ ...text(s), instances: s.instances.map(text) })),
    jobs: report.jobs.map((j) => ({
      ...text(j),
      logTail: j.logTail.map(mask),
      ...j.problems ? { problems: maskProblems(j.problems, mask) } : {}
    })),
    steps: report.steps.map((s) => ({
      ...text(s),
      logTail: s.logTail.map(mask),
      ...s.problems ? { problems: maskProblems(s.problems, mask) } : {}
    })),
    ...report.images && { images: report.images.map(text) }
  };
}
var maskProblems = (problems, mask) => problems.map((p) => ({
  ...p,
  message: mask(p.message),
  ...p.named !== void 0 ? { named: mask(p.named) } : {}
}));

// src/engine/sandboxes.ts
var Sandboxes = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  entries = /* @__PURE__ */ new Map();
  queue = [];
  removals = /* @__PURE__ */ new Set();
  /** Starts the sandboxes of the container instances of `services`, one after another in their order. */
  prestart(services) {
    this.queue = services.filter((s) => s.runtime === "container").flatMap((s) => s.instances.map((inst) => ({ s, inst })));
    void this.drain();
  }
  /** The instance's opening: the one under way, or begun now. */
  claim(s, inst) {
    const entry = this.entries.get(inst.name) ?? this.begin(s, inst);
    entry.claimed = true;
    return entry;
  }
  /** Removes a job's sandbox without making anything wait for it; `settle` does. */
  removeLater(id, what) {
    const { ctx } = this;
    const removal = tryRemove(
      what,
      () => ctx.runtime.removeContainer(id),
      (m) => ctx.warn(m)
    ).then((removed) => {
      if (removed) ctx.tracked.forget("container", id);
    });
    this.removals.add(removal);
    void removal.finally(() => this.removals.delete(removal));
  }
  /**
   * Before `up` returns or cleans up: starts no more sandboxes, waits for those being started and removed,
   * and removes the ones no instance claimed (a dependency failed, the run stopped).
   */
  async settle() {
    this.queue = [];
    const unclaimed = [];
    for (const entry of this.entries.values()) {
      const started = await entry.sandbox.catch(() => void 0);
      if (!entry.claimed && started?.id !== void 0) unclaimed.push(started.id);
    }
    while (this.removals.size > 0) await Promise.all([...this.removals]);
    for (const id of unclaimed) this.removeLater(id, `sandbox ${id.slice(0, 12)}`);
    await Promise.all([...this.removals]);
  }
  async drain() {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      if (this.ctx.signal?.aborted) return;
      if (this.entries.has(next.inst.name)) continue;
      if (next.s.dependsOn.some((d) => this.ctx.results.hasFailed(d))) continue;
      await this.begin(next.s, next.inst).sandbox.catch(() => void 0);
    }
  }
  begin(s, inst) {
    const cleared = this.removeLeftovers(inst);
    const sandbox = cleared.then(async () => {
      await this.ctx.network;
      const created = {};
      try {
        return { ok: true, id: await this.start(s, inst, created) };
      } catch (error) {
        return { ok: false, error, ...created };
      }
    });
    cleared.catch(() => void 0);
    sandbox.catch(() => void 0);
    const entry = { s, inst, cleared, sandbox, claimed: false };
    this.entries.set(inst.name, entry);
    return entry;
  }
  /** A restart: what an earlier run left of this instance (containers, run-scoped volumes) goes first. */
  async removeLeftovers(inst) {
    const { runtime, project } = this.ctx;
    const sel = { [LABEL.project]: project.name, [LABEL.instance]: inst.name };
    await removeContainers(runtime, await runtime.listContainers(sel), (m) => this.ctx.warn(m));
    for (const v of await runtime.listVolumes({ ...sel, [LABEL.ephemeral]: "true" })) {
      await runtime.removeVolume(v.name);
    }
  }
  async start(s, inst, created) {
    const { ctx } = this;
    const id = await ctx.runtime.createContainer({
      name: sandboxName(ctx.project.name, inst.name),
      image: ctx.sandboxImage,
      env: [],
      hostname: inst.name,
      labels: ctx.labels(s, inst, "sandbox"),
      network: {
        mode: "network",
        network: networkName(ctx.project.name),
        aliases: [s.name, inst.name, ...inst.aliases ?? []]
      },
      mounts: [],
      ports: s.ports,
      securityOpt: [],
      capAdd: [],
      capDrop: ["ALL"],
      privileged: false
    });
    ctx.tracked.add("container", id);
    created.id = id;
    await ctx.runtime.startContainer(id);
    return id;
  }
};

// src/engine/run-context.ts
var RunContext = class {
  constructor(runtime, o) {
    this.runtime = runtime;
    this.project = o.project;
    this.runId = o.runId ?? randomBytes(4).toString("hex");
    this.emit = o.observer;
    this.signal = o.signal;
    this.cache = o.cache;
    this.backoffBaseMs = o.backoffBaseMs ?? 1e3;
    this.backoffCapMs = o.backoffCapMs ?? 1e4;
    this.killGraceMs = o.killGraceMs ?? 2e3;
    this.stopGraceSeconds = o.stopGraceSeconds ?? 30;
    this.mask = createMasker(secretValues(o.project));
    this.results = new RunResults(o.observer);
    this.tracked = new Tracked(o.observer);
    this.images = new RunImages(runtime, o.observer, o.signal, o.pulls);
  }
  runtime;
  project;
  runId;
  emit;
  signal;
  cache;
  backoffBaseMs;
  backoffCapMs;
  killGraceMs;
  stopGraceSeconds;
  stateDir = stateDir();
  results;
  tracked;
  images;
  /** Every `valueFrom` value of the project, hidden in captured output (docs/spec.md, "Secrets"). */
  mask;
  /** Persistent volumes by instance, found or created once (engine/volumes.ts). */
  persistentVolumes = /* @__PURE__ */ new Map();
  /** Settles once the project's cache restore is done; instances wait for it before deciding steps. */
  cacheRestored = Promise.resolve();
  /** What the cache did, for the report (engine/project-cache.ts). */
  cacheReport;
  mains = /* @__PURE__ */ new Map();
  /** Stops a main's liveness watch (engine/main-probes.ts); all are stopped before `up` returns or cleans up. */
  livenessWatches = /* @__PURE__ */ new Set();
  /** The image of sandboxes and probe containers; set once a container instance is in the run. */
  sandboxImage = "";
  /** The project network, being created while the first instance prepares its volumes and restore. */
  network = Promise.resolve();
  /** Every container instance's sandbox, started at the start of `up` (engine/sandboxes.ts). */
  sandboxes = new Sandboxes(this);
  labels(s, inst, role, step) {
    return {
      [LABEL.project]: this.project.name,
      [LABEL.service]: s.name,
      [LABEL.instance]: inst.name,
      [LABEL.role]: role,
      [LABEL.run]: this.runId,
      ...step !== void 0 && { [LABEL.step]: step }
    };
  }
  warn(message) {
    this.emit({ type: "warning", message });
  }
  throwIfAborted() {
    this.signal?.throwIfAborted();
  }
};

// src/engine/run-state.ts
var STATE_WRITE_INTERVAL_MS = 250;
var LAST_RUN_LOG_CHARS = 4 * 1024 * 1024;
var TAIL_LINES2 = 50;
var UNRECORDED = /* @__PURE__ */ new Set([
  "step-output",
  "main-output",
  "image-pull",
  "warning",
  "notice"
]);
function lastRunOf(ctx, report, prev, startedAt, selected, finishedAt) {
  const names = new Set(selected.map((s) => s.name));
  const keep = (items) => (items ?? []).filter((x) => !names.has(x.service));
  const logs = boundLogs({ ...keptLogs(prev, names), ...ctx.results.logs }, LAST_RUN_LOG_CHARS);
  const steps = [...keep(prev?.report.steps).map((s) => interrupted(s, prev)), ...report.steps].map((s) => {
    const log = logs[logKey(s.instance, s.step)];
    return log === void 0 ? s : { ...s, logTail: log.slice(-TAIL_LINES2) };
  });
  const run2 = {
    runId: ctx.runId,
    startedAt: startedAt.toISOString(),
    ...finishedAt && { finishedAt: finishedAt.toISOString() },
    owner: thisProcess(),
    report: {
      ...report,
      services: [...(prev?.report.services ?? []).filter((s) => !names.has(s.name)), ...report.services],
      jobs: [...(prev?.report.jobs ?? []).filter((j) => !names.has(j.name)), ...report.jobs],
      steps
    },
    logs,
    processes: [...keep(prev?.processes), ...ctx.tracked.processes]
  };
  return { ...run2, report: maskReportText(run2.report, ctx.mask) };
}
function interrupted(step, prev) {
  if (step.status !== "Running" || prev?.finishedAt !== void 0) return step;
  return {
    ...step,
    status: "Cancelled",
    reason: "Cancelled",
    message: `interrupted: run ${prev?.runId ?? "?"} stopped while the step ran`
  };
}
function keptLogs(prev, names) {
  if (!prev) return {};
  const keys = new Set(
    prev.report.steps.filter((s) => !names.has(s.service)).map((s) => logKey(s.instance, s.step))
  );
  return Object.fromEntries(Object.entries(prev.logs).filter(([k]) => keys.has(k)));
}
function boundLogs(logs, budget) {
  const entries = Object.entries(logs);
  const total = entries.reduce((sum, [, lines]) => sum + lines.reduce((n, l) => n + l.length, 0), 0);
  if (total <= budget) return logs;
  const share = Math.floor(budget / entries.length);
  return Object.fromEntries(entries.map(([key, lines]) => [key, lastChars(lines, share)]));
}
function lastChars(lines, max) {
  const kept = [];
  let room = max;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (line.length > room) {
      if (kept.length === 0 && room > 0) kept.push(line.slice(line.length - room));
      break;
    }
    kept.push(line);
    room -= line.length;
  }
  return kept.reverse();
}
var RunStateWriter = class {
  constructor(project, dir, warn, save = saveLastRun) {
    this.project = project;
    this.dir = dir;
    this.warn = warn;
    this.save = save;
  }
  project;
  dir;
  warn;
  save;
  snapshot;
  timer;
  writing = Promise.resolve();
  lastWrite = 0;
  warned = false;
  /** The observer to give the run: passes every event on, and schedules a write for those that change it. */
  observe(next) {
    return (event) => {
      next(event);
      if (!UNRECORDED.has(event.type)) this.schedule();
    };
  }
  /** The first write, at once; later ones take their snapshot from `snapshot`. */
  start(snapshot) {
    this.snapshot = snapshot;
    return this.write();
  }
  /** The last write, after any still under way; its failure is the caller's (the run's state is lost). */
  async finish(run2) {
    this.snapshot = void 0;
    clearTimeout(this.timer);
    await this.writing;
    await this.save(this.project, run2, this.dir);
  }
  schedule() {
    if (!this.snapshot || this.timer) return;
    const wait = Math.max(0, this.lastWrite + STATE_WRITE_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = void 0;
      void this.write();
    }, wait);
    this.timer.unref();
  }
  /** One write of the snapshot as it is now, after the one under way (they land in order). */
  write() {
    const snapshot = this.snapshot;
    if (!snapshot) return this.writing;
    this.lastWrite = Date.now();
    const run2 = snapshot();
    this.writing = this.writing.then(() => this.save(this.project, run2, this.dir)).catch((e) => {
      if (this.warned) return;
      this.warned = true;
      this.warn(`could not record the run's progress in ${this.dir}: ${errorMessage(e)}`);
    });
    return this.writing;
  }
};

// src/engine/schedule.ts
async function runDag(nodes, run2) {
  const names = new Set(nodes.map((n) => n.name));
  const waitingOn = new Map(nodes.map((n) => [n.name, new Set(n.dependsOn.filter((d) => names.has(d)))]));
  const pending = [...nodes];
  const running = /* @__PURE__ */ new Set();
  let failure;
  return new Promise((resolve, reject) => {
    const settle = () => {
      if (running.size > 0) return;
      if (failure) return reject(failure.error);
      if (pending.length > 0) {
        return reject(new Error(`dependency cycle among ${pending.map((n) => n.name).join(", ")}`));
      }
      resolve();
    };
    const startReady = () => {
      if (failure) return settle();
      for (const node of pending.filter((n) => waitingOn.get(n.name)?.size === 0)) {
        pending.splice(pending.indexOf(node), 1);
        const task = Promise.resolve().then(() => run2(node)).then(
          () => {
            for (const deps of waitingOn.values()) deps.delete(node.name);
          },
          (error) => {
            failure ??= { error };
          }
        ).finally(() => {
          running.delete(task);
          startReady();
        });
        running.add(task);
      }
      settle();
    };
    startReady();
  });
}

// src/engine/up.ts
var UpCancelledError = class extends CancelledError {
  constructor(signal, report) {
    super(signal);
    this.report = report;
  }
  report;
};
function cancelKind(reason) {
  if (reason instanceof CancelledError) return reason.signal;
  if (reason === "SIGINT" || reason === "SIGTERM") return reason;
  if (reason instanceof DOMException && reason.name === "TimeoutError") return "timeout";
  return "SIGINT";
}
function selectServices(project, names) {
  if (names === void 0 || names.length === 0) return project.services;
  const byName = new Map(project.services.map((s) => [s.name, s]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown service ${unknown.map((n) => `"${n}"`).join(", ")}; the spec defines ${[...byName.keys()].join(", ")}`
    );
  }
  const wanted = /* @__PURE__ */ new Set();
  const visit = (name) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const d of byName.get(name)?.dependsOn ?? []) visit(d);
  };
  names.forEach(visit);
  return project.services.filter((s) => wanted.has(s.name));
}
async function up(runtime, options) {
  selectServices(options.project, options.services);
  const runId = options.runId ?? randomBytes2(4).toString("hex");
  const lock = await acquireProjectLock(runtime, {
    project: options.project.name,
    command: "up",
    runId,
    timeoutMs: options.lockTimeoutMs,
    signal: options.signal,
    onNotice: (message) => options.observer({ type: "notice", message })
  });
  try {
    return await upLocked(runtime, { ...options, runId });
  } finally {
    await lock.release((message) => options.observer({ type: "warning", message }));
  }
}
async function upLocked(runtime, options) {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const state = new RunStateWriter(
    options.project.name,
    stateDir(),
    (message) => options.observer({ type: "warning", message })
  );
  const ctx = new RunContext(runtime, { ...options, signal, observer: state.observe(options.observer) });
  const startedAt = /* @__PURE__ */ new Date();
  const selected = selectServices(ctx.project, options.services);
  for (const s of selected) ctx.results.add(s);
  const previous = await loadLastRun(ctx.project.name, ctx.stateDir, (m) => ctx.warn(m));
  const record = (finished) => lastRunOf(ctx, reportOf(ctx), previous, startedAt, selected, finished);
  await state.start(() => record());
  const finish = async () => {
    const report = reportOf(ctx);
    await state.finish(record(/* @__PURE__ */ new Date()));
    return report;
  };
  let cache;
  try {
    ctx.throwIfAborted();
    ctx.images.prefetch(selected.flatMap((s) => s.instances.flatMap((i) => instanceImageNeeds(s, i))));
    if (selected.some((s) => s.runtime === "container")) {
      ctx.sandboxImage = await ensureSandboxImage(runtime);
      ctx.network = ensureNetwork(ctx);
      ctx.network.catch(() => void 0);
    }
    cache = ProjectCache.start(ctx, selected);
    ctx.sandboxes.prestart(selected);
    await runDag(selected, async (s) => {
      try {
        ctx.throwIfAborted();
        const failedDep = s.dependsOn.find((d) => ctx.results.hasFailed(d));
        if (failedDep !== void 0) ctx.results.dependencyFailed(s, failedDep);
        else if (s.job) await runJob(ctx, s, s.job);
        else await runService(ctx, s, previous);
      } catch (e) {
        stop.abort(e);
        throw e;
      }
    });
    await stopLivenessWatches(ctx);
    await ctx.network;
    await ctx.images.settled();
    await Promise.all([ctx.sandboxes.settle(), cache?.saveIfWanted()]);
    await cache?.settled();
  } catch (e) {
    stop.abort(e);
    await stopLivenessWatches(ctx);
    await ctx.network.catch(() => void 0);
    await ctx.images.settled();
    await cache?.settled();
    await ctx.sandboxes.settle();
    if (options.signal?.aborted) {
      if (!options.keepOnCancel) await cleanup(ctx, true);
      const report = await finish();
      throw new UpCancelledError(cancelKind(options.signal.reason), report);
    }
    await cleanup(ctx, false);
    await state.finish(record(/* @__PURE__ */ new Date())).catch(() => void 0);
    throw e;
  }
  return finish();
}
async function ensureNetwork(ctx) {
  const labels = { [LABEL.project]: ctx.project.name, [LABEL.role]: "network" };
  const net = await ctx.runtime.ensureNetwork(networkName(ctx.project.name), labels);
  if (net.created) ctx.tracked.add("network", net.id);
}
async function runService(ctx, s, previous) {
  const { results } = ctx;
  results.setService(s.name, "Initializing");
  if (s.runtime === "container") await removeScaledDown(ctx, s);
  const start = (inst) => runInstance(ctx, s, inst, previous);
  if (s.podManagementPolicy === "Parallel") {
    const settled = await Promise.allSettled(s.instances.map(start));
    const thrown = settled.find((r) => r.status === "rejected");
    if (thrown) throw thrown.reason;
  } else {
    for (const inst of s.instances) await start(inst);
  }
  const failed2 = results.service(s.name).instances.find((i) => i.status === "Failed");
  if (failed2) {
    results.setService(s.name, "Failed", failed2.reason, `${failed2.name}: ${failed2.message ?? failed2.reason}`);
  } else {
    results.setService(s.name, "Running");
  }
}
async function runInstance(ctx, s, inst, previous) {
  ctx.throwIfAborted();
  const { results } = ctx;
  results.setInstance(s, inst, "Initializing");
  const driver = s.runtime === "process" ? new ProcessInstance(ctx, s, inst, previous?.processes ?? []) : new ContainerInstance(ctx, s, inst);
  const deadline = s.activeDeadlineMs === void 0 ? void 0 : Deadline.after(s.activeDeadlineMs);
  if (!await driver.open() || !await runInitSteps(ctx, s, inst, driver, deadline)) return;
  const main = await driver.startMain();
  if (!main) return;
  let ready;
  try {
    const signal = deadline ? deadline.signal(ctx.signal) : ctx.signal;
    signal?.throwIfAborted();
    ready = await waitInstanceReady(mainReady(ctx, s, inst, main, signal), main, signal);
  } catch (e) {
    if (!deadline?.exceeded || ctx.signal?.aborted) throw e;
    ready = { ok: false, reason: "DeadlineExceeded", message: `${deadline.message} before it was ready` };
  }
  if (ready.ok) results.setInstance(s, inst, "Running");
  else results.setInstance(s, inst, "Failed", ready.reason, ready.message);
}
async function removeScaledDown(ctx, s) {
  const current = new Set(s.instances.map((i) => i.name));
  const found = await ctx.runtime.listContainers({
    [LABEL.project]: ctx.project.name,
    [LABEL.service]: s.name
  });
  const stale = found.filter((c) => !current.has(c.labels[LABEL.instance] ?? ""));
  await removeContainers(ctx.runtime, stale, (m) => ctx.warn(m));
}
async function cleanup(ctx, cancelled) {
  const dropped = await ctx.tracked.removeAll(ctx.runtime, (m) => ctx.warn(m), cancelled);
  for (const uid of dropped) await deleteMarkers(uid, ctx.stateDir);
}
function reportOf(ctx) {
  return {
    project: ctx.project.name,
    services: ctx.results.services(),
    jobs: ctx.results.jobs(),
    steps: ctx.results.steps(),
    images: ctx.images.results(),
    cacheHit: ctx.cacheReport?.result === "exact",
    ...ctx.cacheReport && { cache: ctx.cacheReport },
    created: ctx.tracked.snapshot()
  };
}

export {
  UpCancelledError,
  cancelKind,
  selectServices,
  up
};
