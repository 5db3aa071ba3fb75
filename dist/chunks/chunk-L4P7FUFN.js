import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);

// src/runtime/pull.ts
var PullError = class extends Error {
  constructor(kind, message, registry, credentialSource, configFile) {
    super(message);
    this.kind = kind;
    this.registry = registry;
    this.credentialSource = credentialSource;
    this.configFile = configFile;
  }
  kind;
  registry;
  credentialSource;
  configFile;
  name = "PullError";
};
var UNAUTHORIZED = /\bunauthorized\b|no basic auth credentials|authentication required|\bdenied\b|incorrect username or password|401 Unauthorized|403 Forbidden/i;
var NOT_FOUND = /manifest unknown|\bnot found\b|name unknown|repository does not exist|404 Not Found/i;
var UNREACHABLE = /connection refused|no such host|no route to host|network is unreachable|server misbehaving|dial tcp.*: i\/o timeout/i;
var TRANSIENT = /connection reset|broken pipe|\bEOF\b|i\/o timeout|TLS handshake timeout|timeout exceeded|toomanyrequests|too many requests|\b429\b|\b5\d\d\b|service unavailable|bad gateway|gateway timeout|internal server error/i;
function classifyPullFailure(message) {
  if (UNAUTHORIZED.test(message)) return "unauthorized";
  if (NOT_FOUND.test(message)) return "notFound";
  if (UNREACHABLE.test(message)) return "unreachable";
  if (TRANSIENT.test(message)) return "transient";
  return "other";
}
var PullTally = class {
  layers = /* @__PURE__ */ new Map();
  add(p) {
    if (p.layer === void 0) return;
    const layer = this.layers.get(p.layer) ?? { current: 0, total: 0 };
    if (p.status === "Downloading" && p.total !== void 0 && p.total > 0) {
      layer.total = p.total;
      layer.current = Math.min(p.current ?? 0, p.total);
    } else if (/^(Download complete|Verifying Checksum|Extracting|Pull complete|Already exists)/.test(p.status)) {
      layer.current = layer.total;
    }
    this.layers.set(p.layer, layer);
  }
  bytes() {
    let done = 0;
    let total = 0;
    for (const l of this.layers.values()) {
      done += l.current;
      total += l.total;
    }
    return { done, total };
  }
};
var digestOf = (p) => /^Digest: (sha256:[0-9a-f]{64})$/.exec(p.status)?.[1];
function referenceParts(ref) {
  const at = ref.indexOf("@");
  if (at !== -1) return { repository: ref.slice(0, at), digest: ref.slice(at + 1) };
  const colon = ref.lastIndexOf(":");
  if (colon > ref.lastIndexOf("/")) return { repository: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { repository: ref, tag: "latest" };
}
var familiarRepository = (repository) => repository.replace(/^(docker\.io|index\.docker\.io)\//, "").replace(/^library\//, "");
function digestFor(ref, repoDigests, announced) {
  const { repository, digest } = referenceParts(ref);
  const own = repoDigests.map((d) => referenceParts(d)).find((d) => familiarRepository(d.repository) === familiarRepository(repository));
  return own?.digest ?? digest ?? announced;
}

// src/runtime/registry-auth.ts
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
var DOCKER_HUB = "docker.io";
var DOCKER_HUB_SERVER = "https://index.docker.io/v1/";
var DOCKER_HUB_ALIASES = /* @__PURE__ */ new Set([DOCKER_HUB, "index.docker.io", "registry-1.docker.io"]);
var HELPER_TIMEOUT_MS = 1e4;
var HELPER_MESSAGE_CHARS = 200;
var MAX_HELPER_OUTPUT = 64 * 1024;
var MAX_CONFIG_BYTES = 1024 * 1024;
var RegistryAuthError = class extends Error {
  name = "RegistryAuthError";
};
function registryOf(ref) {
  const slash = ref.indexOf("/");
  if (slash === -1) return DOCKER_HUB;
  const first = ref.slice(0, slash);
  const isHost = /[.:]/.test(first) || first === "localhost" || first !== first.toLowerCase();
  if (!isHost) return DOCKER_HUB;
  return canonicalRegistry(first);
}
function canonicalRegistry(key) {
  const host = (key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").split("/")[0] ?? "").toLowerCase();
  return DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB : host;
}
var serverAddressOf = (registry) => registry === DOCKER_HUB ? DOCKER_HUB_SERVER : registry;
function dockerConfigFile(env) {
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), ".docker");
  return join(dir, "config.json");
}
var isRecord = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var str = (v) => typeof v === "string" && v !== "" ? v : void 0;
async function readConfig(file) {
  let text;
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_CONFIG_BYTES) {
      throw new RegistryAuthError(`${file} is larger than ${MAX_CONFIG_BYTES / 1024} KiB`);
    }
    text = bytes.toString("utf8");
  } catch (e) {
    if (e instanceof RegistryAuthError) throw e;
    if (isRecord(e) && e.code === "ENOENT") return void 0;
    throw new RegistryAuthError(`cannot read ${file}: ${isRecord(e) ? String(e.code ?? "error") : "error"}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RegistryAuthError(`${file} is not valid JSON`);
  }
  return isRecord(parsed) ? parsed : void 0;
}
function entryFor(map, registry) {
  if (!isRecord(map)) return void 0;
  const exact = map[serverAddressOf(registry)] ?? map[registry];
  if (exact !== void 0) return exact;
  const key = Object.keys(map).find((k) => canonicalRegistry(k) === registry);
  return key === void 0 ? void 0 : map[key];
}
function fromAuthEntry(entry, registry) {
  const creds = { serveraddress: serverAddressOf(registry) };
  const auth = str(entry.auth);
  if (auth !== void 0) {
    const decoded = Buffer.from(auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) {
      creds.username = decoded.slice(0, colon);
      creds.password = decoded.slice(colon + 1);
    }
  }
  creds.username ??= str(entry.username);
  creds.password ??= str(entry.password);
  const identitytoken = str(entry.identitytoken);
  const registrytoken = str(entry.registrytoken);
  if (identitytoken !== void 0) creds.identitytoken = identitytoken;
  if (registrytoken !== void 0) creds.registrytoken = registrytoken;
  const usable = creds.username !== void 0 && creds.password !== void 0 || identitytoken !== void 0 || registrytoken !== void 0;
  return usable ? creds : void 0;
}
var helperProgram = (name) => {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new RegistryAuthError(`credential helper name "${name.slice(0, 64)}" is not a plain name`);
  }
  return `docker-credential-${name}`;
};
function runHelper(program, input, env) {
  return new Promise((resolve) => {
    const child = spawn(program, ["get"], { env, stdio: ["pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    let size = 0;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, HELPER_TIMEOUT_MS);
    const collect = (into) => (c) => {
      size += c.length;
      if (size <= MAX_HELPER_OUTPUT) into.push(c);
      else child.kill("SIGKILL");
    };
    child.stdout.on("data", collect(out));
    child.stderr.on("data", collect(err));
    child.stdin.on("error", () => void 0);
    child.stdin.end(input);
    let spawnError;
    child.once("error", (e) => {
      spawnError = e;
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        ...spawnError && { error: spawnError },
        timedOut
      });
    });
  });
}
var firstLine = (text) => {
  const line = text.trim().split(/\r?\n/)[0] ?? "";
  return line.length > HELPER_MESSAGE_CHARS ? `${line.slice(0, HELPER_MESSAGE_CHARS)}\u2026` : line;
};
async function fromHelper(name, registry, env) {
  const program = helperProgram(name);
  const serveraddress = serverAddressOf(registry);
  const run = await runHelper(program, serveraddress, env);
  const failed = (why) => new RegistryAuthError(`reading the credentials for ${registry} with ${program}: ${why}`);
  if (run.error?.code === "ENOENT") throw failed("not found on PATH (credsStore or credHelpers names it)");
  if (run.error) throw failed(run.error.code ?? "could not start");
  if (run.timedOut) throw failed(`no answer within ${HELPER_TIMEOUT_MS / 1e3} s`);
  if (run.code !== 0) {
    if (/credentials not found/i.test(run.stdout)) return void 0;
    const detail = firstLine(run.stdout) || firstLine(run.stderr);
    throw failed(`exit code ${run.code ?? "none"}${detail ? `: ${detail}` : ""}`);
  }
  let answer;
  try {
    answer = JSON.parse(run.stdout);
  } catch {
    throw failed("its answer is not JSON");
  }
  if (!isRecord(answer)) throw failed("its answer is not a JSON object");
  const username = str(answer.Username);
  const secret = str(answer.Secret);
  if (secret === void 0) return void 0;
  if (username === "<token>") return { identitytoken: secret, serveraddress };
  return { ...username !== void 0 && { username }, password: secret, serveraddress };
}
async function lookupCredentials(ref, env) {
  const registry = registryOf(ref);
  const configFile = dockerConfigFile(env);
  const config = await readConfig(configFile);
  const found = { registry, configFile };
  if (!config) return found;
  const helper = str(entryFor(config.credHelpers, registry)) ?? str(config.credsStore);
  if (helper !== void 0) {
    const credentials2 = await fromHelper(helper, registry, env);
    return credentials2 ? { ...found, credentials: credentials2, source: helperProgram(helper) } : found;
  }
  const entry = entryFor(config.auths, registry);
  const credentials = isRecord(entry) ? fromAuthEntry(entry, registry) : void 0;
  return credentials ? { ...found, credentials, source: `auths in ${configFile}` } : found;
}

// src/runtime/stream.ts
var MAX_LINE_CHARS = 64 * 1024;
var SPLIT_MARKER = " [\u2026 line longer than 64 KiB, continued on the next line]";
var LineSplitter = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  pieces = [];
  held = 0;
  decoder = new TextDecoder("utf-8");
  push(chunk) {
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }
  /** Emits the last unterminated line, if any. */
  end() {
    this.feed(this.decoder.decode());
    if (this.held > 0) this.flush(false);
  }
  feed(text) {
    for (let from = 0; ; ) {
      const newline = text.indexOf("\n", from);
      const end = newline === -1 ? text.length : newline;
      let at = from;
      while (end - at > MAX_LINE_CHARS - this.held) {
        let take = MAX_LINE_CHARS - this.held;
        if (take > 1 && isHighSurrogate(text.charCodeAt(at + take - 1))) take -= 1;
        this.hold(text.slice(at, at + take));
        at += take;
        this.flush(true);
      }
      if (end > at) this.hold(text.slice(at, end));
      if (newline === -1) return;
      this.flush(false);
      from = newline + 1;
    }
  }
  hold(piece) {
    this.pieces.push(piece);
    this.held += piece.length;
  }
  flush(cut) {
    let line = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join("");
    this.pieces = [];
    this.held = 0;
    if (cut) line += SPLIT_MARKER;
    else if (line.endsWith("\r")) line = line.slice(0, -1);
    this.onLine(line);
  }
};
var isHighSurrogate = (code) => code >= 55296 && code <= 56319;
var LineTail = class {
  constructor(maxLines, maxChars) {
    this.maxLines = maxLines;
    this.maxChars = maxChars;
  }
  maxLines;
  maxChars;
  lines = [];
  first = 0;
  chars = 0;
  push(line) {
    this.lines.push(line);
    this.chars += line.length;
    while (this.lines.length - this.first > this.maxLines || this.chars > this.maxChars) {
      this.chars -= this.lines[this.first].length;
      this.first += 1;
    }
    if (this.first > this.maxLines) {
      this.lines = this.lines.slice(this.first);
      this.first = 0;
    }
  }
  values() {
    return this.lines.slice(this.first);
  }
};

export {
  PullError,
  classifyPullFailure,
  PullTally,
  digestOf,
  referenceParts,
  digestFor,
  RegistryAuthError,
  registryOf,
  lookupCredentials,
  LineSplitter,
  LineTail
};
