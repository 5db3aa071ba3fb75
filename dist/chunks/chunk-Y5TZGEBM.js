import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  decideStep,
  hostPathExists,
  isPersistent,
  markerKey,
  pathExistsOnMounts,
  specForCreate,
  stepFacts
} from "./chunk-NO6JFL6F.js";
import {
  jobLogKey,
  loadLastRun,
  logKey,
  projectStateDir,
  saveLastRun
} from "./chunk-PX7O33BB.js";
import {
  createMasker,
  secretValues
} from "./chunk-JZIBWBZC.js";
import {
  LineSplitter,
  LineTail
} from "./chunk-PWORFADY.js";
import {
  Tracked,
  processStartTime,
  removeContainers,
  stopRecordedProcess,
  tryRemove
} from "./chunk-PITX224K.js";
import {
  ImageError,
  RunImages
} from "./chunk-MNVSXEYI.js";
import {
  ensureSandboxImage
} from "./chunk-2ORPUYOT.js";
import {
  addMarker,
  deleteMarkers,
  stateDir
} from "./chunk-BL2FPOT3.js";
import {
  LABEL,
  mainName,
  networkName,
  sandboxName,
  volumeName
} from "./chunk-KPTVEFL5.js";
import {
  addressVariables,
  addressedDependencies,
  expandContainer,
  viewOf,
  withoutRunnerVariables
} from "./chunk-2YOAVF4L.js";
import {
  CancelledError,
  UsageError,
  errorMessage
} from "./chunk-NTMVWVK7.js";

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

// src/engine/retry.ts
import { setTimeout as sleep2 } from "node:timers/promises";
var LOG_KEEP_LINES = 1e3;
var LOG_KEEP_CHARS = 256 * 1024;
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
      const delayMs = n * ctx.backoffBaseMs;
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
  for (const [index, step] of inst.steps.entries()) {
    ctx.throwIfAborted();
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
    ctx.results.setInstance(
      s,
      inst,
      "Failed",
      "InitStepFailed",
      `init step "${step.name}" failed: ${detail}`
    );
    return false;
  }
  return true;
}
async function runStep(ctx, s, inst, step, driver, deadline) {
  const began = Date.now();
  const { log, onLine } = captureOutput(
    ctx,
    (stream, line) => ctx.emit({ type: "step-output", instance: inst.name, step: step.name, stream, line })
  );
  const finish = (outcome, attempts) => ctx.results.finishStep(inst.name, step.name, {
    status: outcome.reason === void 0 ? "Succeeded" : outcome.reason === "Cancelled" ? "Cancelled" : "Failed",
    attempts,
    durationMs: Date.now() - began,
    exitCode: outcome.exitCode,
    reason: outcome.reason,
    message: outcome.message,
    log: log.values()
  });
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

// src/engine/volumes.ts
import { randomUUID } from "node:crypto";
async function prepareVolumes(ctx, s, inst) {
  const mounts = /* @__PURE__ */ new Map();
  for (const m of [...inst.main.volumes, ...inst.steps.flatMap((st) => st.volumes)]) {
    if (!mounts.has(m.name)) mounts.set(m.name, m);
  }
  const prepared = /* @__PURE__ */ new Map();
  for (const mount of mounts.values()) {
    const base = volumeName(ctx.project.name, inst.name, mount.name);
    const labels = { ...ctx.labels(s, inst, "volume"), [LABEL.volume]: mount.name };
    if (mount.source.kind === "claim") {
      let info = await ctx.runtime.inspectVolume(base);
      let createdNow = false;
      if (!info) {
        const fresh = randomUUID();
        info = await ctx.runtime.createVolume(base, { ...labels, [LABEL.uid]: fresh });
        createdNow = info.labels[LABEL.uid] === fresh;
        if (createdNow) ctx.tracked.newVolumes.push({ name: base, uid: fresh });
      }
      const uid = info.labels[LABEL.uid];
      if (uid === void 0) {
        ctx.warn(`volume ${base} was not created by initsteps (no ${LABEL.uid} label): its steps always run`);
      }
      prepared.set(mount.name, { mount, dockerName: base, createdNow, ...uid !== void 0 && { uid } });
    } else if (mount.source.kind === "emptyDir") {
      const name = `${base}_${ctx.runId}`;
      await ctx.runtime.createVolume(name, { ...labels, [LABEL.ephemeral]: "true" });
      ctx.tracked.add("volume", name);
      prepared.set(mount.name, { mount, dockerName: name, createdNow: true });
    }
  }
  return prepared;
}
var dockerNames = (volumes) => new Map([...volumes].map(([name, v]) => [name, v.dockerName]));

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
      pathExists: (path, mounts) => this.pathExists(path, mounts)
    };
  }
  ctx;
  s;
  inst;
  volumes = /* @__PURE__ */ new Map();
  sandbox = "";
  cacheCtx;
  /**
   * The addresses of the services it depends on (DNS names, container ports), added to every step and the
   * main container with their `$(VAR)` references expanded (docs/spec.md, "Addresses and references").
   */
  addresses;
  facts;
  async open() {
    const { ctx, s, inst } = this;
    const imageIds = ctx.images.ensureAll(s, inst);
    imageIds.catch(() => void 0);
    await this.removeLeftovers();
    this.volumes = await prepareVolumes(ctx, s, inst);
    const persistent = [...this.volumes.values()].filter((v) => isPersistent(v.mount));
    const cache = persistent.length > 0 ? ctx.cache : void 0;
    const restoring = cache && ctx.cacheStep(
      "restore",
      async () => {
        this.cacheCtx = {
          project: ctx.project,
          service: s,
          instance: inst,
          volumes: persistent.map((v) => ({
            mount: v.mount,
            volumeName: v.dockerName,
            createdNow: v.createdNow,
            ...v.uid !== void 0 && { uid: v.uid }
          })),
          imageIds: await imageIds
        };
        return cache.restore(this.cacheCtx);
      },
      false
    );
    restoring?.catch(() => void 0);
    try {
      await ctx.network;
    } catch (e) {
      await restoring?.catch(() => void 0);
      throw e;
    }
    try {
      this.sandbox = await this.startSandbox();
    } catch (e) {
      await restoring?.catch(() => void 0);
      ctx.throwIfAborted();
      const why = `could not start the instance sandbox: ${errorMessage(e)}`;
      ctx.results.notRun(inst, 0, why);
      ctx.results.setInstance(s, inst, "Failed", "StartFailed", why);
      return false;
    }
    if (restoring) ctx.cacheRestores.push(await restoring);
    const sandboxInfo = await ctx.runtime.inspectContainer(this.sandbox);
    ctx.results.setPorts(s.name, inst.name, sandboxInfo.ports);
    return true;
  }
  prepareStep(step) {
    return this.prepareRun(step, this.ctx.labels(this.s, this.inst, "step", step.name));
  }
  prepareJob() {
    return this.prepareRun(this.inst.main, this.ctx.labels(this.s, this.inst, "job"));
  }
  /** A container that runs to completion (a step's, a job's), joined to the sandbox, one per attempt. */
  async prepareRun(spec, labels) {
    const { ctx } = this;
    const image = spec.image ?? "";
    await this.image(image);
    const create = {
      image,
      labels,
      network: { mode: "container", container: this.sandbox },
      volumes: dockerNames(this.volumes)
    };
    const expanded = expandContainer(spec, this.addresses);
    return async (onLine, timeoutMs) => runContainerAttempt(ctx.runtime, await specForCreate(expanded, create, ctx.project), {
      timeoutMs,
      killGraceMs: ctx.killGraceMs,
      signal: ctx.signal,
      onLine,
      onCreated: (id) => ctx.tracked.add("container", id),
      onRemoved: (id) => ctx.tracked.forget("container", id)
    });
  }
  /** The volumes go to the cache once the job did its work; its sandbox goes (docs/spec.md, "Jobs"). */
  async finishJob(succeeded) {
    const { ctx } = this;
    if (succeeded) await this.saveCache();
    if (this.sandbox === "") return;
    const sandbox = this.sandbox;
    this.sandbox = "";
    const removed = await tryRemove(
      `sandbox of ${this.inst.name}`,
      () => ctx.runtime.removeContainer(sandbox),
      (m) => ctx.warn(m)
    );
    if (removed) ctx.tracked.forget("container", sandbox);
  }
  /** What the init sequence left in the persistent volumes, before anything else uses them. */
  async saveCache() {
    const cache = this.cacheCtx && this.ctx.cache;
    if (cache && this.cacheCtx) {
      const cacheCtx = this.cacheCtx;
      await this.ctx.cacheStep("save", () => cache.save(cacheCtx), void 0);
    }
  }
  async startMain() {
    const { ctx, s, inst } = this;
    await this.saveCache();
    const image = inst.main.image ?? "";
    let main;
    try {
      await this.image(image);
      const spec = await specForCreate(
        expandContainer(inst.main, this.addresses),
        {
          name: mainName(ctx.project.name, inst.name),
          image,
          labels: ctx.labels(s, inst, "main"),
          network: { mode: "container", container: this.sandbox },
          volumes: dockerNames(this.volumes)
        },
        ctx.project
      );
      main = await ctx.runtime.createContainer(spec);
      ctx.tracked.add("container", main);
      await ctx.runtime.startContainer(main);
    } catch (e) {
      ctx.throwIfAborted();
      ctx.results.setInstance(s, inst, "Failed", "StartFailed", `main container: ${errorMessage(e)}`);
      return void 0;
    }
    const healthcheck = s.readinessProbe === void 0 && await ctx.runtime.imageHasHealthcheck(image);
    return { target: this.readinessTarget(main), healthcheck };
  }
  /** The image by the service's pull policy (once per run); a failure is the reason of what needs it. */
  async image(ref) {
    try {
      await this.ctx.images.ensure(ref, this.s.pullPolicy);
    } catch (e) {
      if (e instanceof ImageError) throw new StepSetupError(e.reason, e.message);
      throw e;
    }
  }
  readinessTarget(main) {
    const { runtime, project } = this.ctx;
    const network = networkName(project.name);
    const sandbox = this.sandbox;
    const inst = this.inst.name;
    return {
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
  /** A restart: what an earlier run left of this instance (containers, run-scoped volumes) goes first. */
  async removeLeftovers() {
    const { runtime, project } = this.ctx;
    const sel = { [LABEL.project]: project.name, [LABEL.instance]: this.inst.name };
    await removeContainers(runtime, await runtime.listContainers(sel), (m) => this.ctx.warn(m));
    for (const v of await runtime.listVolumes({ ...sel, [LABEL.ephemeral]: "true" })) {
      await runtime.removeVolume(v.name);
    }
  }
  async startSandbox() {
    const { ctx, s, inst } = this;
    const id = await ctx.runtime.createContainer({
      name: sandboxName(ctx.project.name, inst.name),
      image: ctx.sandboxImage,
      env: [],
      hostname: inst.name,
      labels: ctx.labels(s, inst, "sandbox"),
      network: { mode: "network", network: networkName(ctx.project.name), aliases: [s.name, inst.name] },
      mounts: [],
      ports: s.ports,
      securityOpt: [],
      capAdd: [],
      capDrop: ["ALL"],
      privileged: false
    });
    ctx.tracked.add("container", id);
    await ctx.runtime.startContainer(id);
    return id;
  }
  /** Checks a path on the volumes without starting anything. */
  pathExists(path, mounts) {
    const { ctx } = this;
    const labels = { [LABEL.project]: ctx.project.name, [LABEL.role]: "step", [LABEL.run]: ctx.runId };
    return pathExistsOnMounts(
      ctx.runtime,
      {
        sandboxImage: ctx.sandboxImage,
        labels,
        volumes: mounts,
        names: dockerNames(this.volumes),
        gate: ctx.project
      },
      path,
      {
        created: (id) => ctx.tracked.add("container", id),
        removed: (id) => ctx.tracked.forget("container", id)
      }
    );
  }
};
var isAnyAddress2 = (hostIp) => hostIp === "" || hostIp === "0.0.0.0" || hostIp === "::";

// src/engine/process-instance.ts
import { spawn as spawn2 } from "node:child_process";
import { mkdir, open } from "node:fs/promises";
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
    const out = await open(log, "a");
    try {
      const child = spawn2(file, args, {
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
    await driver.finishJob(false);
    throw e;
  }
  ctx.results.finishJob(s.name, end);
  await driver.finishJob(end.status === "Succeeded");
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
  return { ...failed("JobFailed", detail), ...ran };
}

// src/engine/readiness.ts
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect } from "node:net";
import { setTimeout as sleep3 } from "node:timers/promises";
var HEALTH_POLL_MS = 250;
var FIRST_RETRY_MS = 100;
async function waitReady(probe, useHealthcheck, target, signal) {
  const exited = (code) => ({
    ok: false,
    reason: "StartFailed",
    message: `main container exited with code ${code}`
  });
  if (probe) {
    await sleep3(probe.initialDelayMs, void 0, { signal });
    const budgetMs = (probe.failureThreshold - 1) * probe.periodMs;
    const began = Date.now();
    let retryMs = Math.min(FIRST_RETRY_MS, probe.periodMs);
    let failures = 0;
    for (; ; ) {
      const st = await target.state();
      if (!st.running) return exited(st.exitCode);
      const error = await runCheck(probe.check, probe.timeoutMs, target, signal);
      if (error === void 0) return { ok: true };
      failures += 1;
      if (failures >= probe.failureThreshold && Date.now() - began >= budgetMs) {
        return {
          ok: false,
          reason: "ReadinessTimeout",
          message: `readiness probe failed ${failures} times in ${Math.round((Date.now() - began) / 1e3)} s: ${error}`
        };
      }
      await sleep3(retryMs, void 0, { signal });
      retryMs = Math.min(retryMs * 2, probe.periodMs);
    }
  }
  for (; ; ) {
    const st = await target.state();
    if (!st.running) return exited(st.exitCode);
    if (!useHealthcheck || st.health === "healthy") return { ok: true };
    if (st.health === "unhealthy") {
      return { ok: false, reason: "ReadinessTimeout", message: "image HEALTHCHECK reports unhealthy" };
    }
    await sleep3(HEALTH_POLL_MS, void 0, { signal });
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
    }
  } catch (e) {
    signal?.throwIfAborted();
    return limit.aborted ? `no answer within ${timeoutMs} ms` : errorMessage(e);
  }
}
function tcpConnect(host, port, signal) {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, signal });
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("error", (e) => reject(new Error(`connect ${host}:${port}: ${e.message}`)));
  });
}
function httpGet(scheme, host, port, path, signal) {
  return new Promise((resolve, reject) => {
    const request = scheme === "https" ? httpsRequest : httpRequest;
    const req = request({ host, port, path, method: "GET", signal, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once("error", (e) => reject(new Error(`GET ${scheme}://${host}:${port}${path}: ${e.message}`)));
    req.end();
  });
}

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
          status: "Pending",
          ports: []
        }))
      });
    }
    for (const i of s.instances) {
      for (const step of i.steps) {
        this.bySteps.set(logKey(i.name, step.name), {
          service: s.name,
          instance: i.name,
          step: step.name,
          pos: step.pos,
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
  /** An attempt of the step begins. */
  stepAttempt(service, instance, step, attempt, attempts) {
    this.step(instance, step).status = "Running";
    this.emit({ type: "step-start", service, instance, step, attempt, attempts });
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
  /** Steps that will not run keep `Pending` and say why. */
  notRun(inst, from, why) {
    for (const step of inst.steps.slice(from)) this.step(inst.name, step.name).message = `not run: ${why}`;
  }
};
function maskReportText(report, mask) {
  const text = (x) => x.message === void 0 ? x : { ...x, message: mask(x.message) };
  return {
    ...report,
    services: report.services.map((s) => ({ ...text(s), instances: s.instances.map(text) })),
    jobs: report.jobs.map((j) => ({ ...text(j), logTail: j.logTail.map(mask) })),
    steps: report.steps.map((s) => ({ ...text(s), logTail: s.logTail.map(mask) }))
  };
}

// src/engine/run-context.ts
import { randomBytes } from "node:crypto";
var RunContext = class {
  constructor(runtime, o) {
    this.runtime = runtime;
    this.project = o.project;
    this.runId = o.runId ?? randomBytes(4).toString("hex");
    this.emit = o.observer;
    this.signal = o.signal;
    this.cache = o.cache;
    this.backoffBaseMs = o.backoffBaseMs ?? 1e3;
    this.killGraceMs = o.killGraceMs ?? 2e3;
    this.mask = createMasker(secretValues(o.project));
    this.results = new RunResults(o.observer);
    this.tracked = new Tracked(o.observer);
    this.images = new RunImages(runtime, o.observer, o.signal);
  }
  runtime;
  project;
  runId;
  emit;
  signal;
  cache;
  backoffBaseMs;
  killGraceMs;
  stateDir = stateDir();
  results;
  tracked;
  images;
  /** Every `valueFrom` value of the project, hidden in captured output (docs/spec.md, "Secrets"). */
  mask;
  /** Each restore's outcome: the report's cacheHit. */
  cacheRestores = [];
  /** The image of sandboxes and probe containers; set once a container instance is in the run. */
  sandboxImage = "";
  /** The project network, being created while the first instance prepares its volumes and restore. */
  network = Promise.resolve();
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
  /** The cache never fails a run (docs/cache.md): its error is a warning, a failed restore leaves volumes fresh. */
  async cacheStep(what, fn, fallback) {
    try {
      return await fn();
    } catch (e) {
      this.throwIfAborted();
      this.warn(`cache ${what} failed: ${errorMessage(e)}`);
      return fallback;
    }
  }
};

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
  const ctx = new RunContext(runtime, options);
  const startedAt = /* @__PURE__ */ new Date();
  const selected = selectServices(ctx.project, options.services);
  for (const s of selected) ctx.results.add(s);
  const previous = await loadLastRun(ctx.project.name, ctx.stateDir, (m) => ctx.warn(m));
  const finish = async () => {
    const report = reportOf(ctx);
    await persist(ctx, previous, startedAt, selected);
    return report;
  };
  try {
    ctx.throwIfAborted();
    if (selected.some((s) => s.runtime === "container")) {
      ctx.sandboxImage = await ensureSandboxImage(runtime);
      ctx.network = ensureNetwork(ctx);
      ctx.network.catch(() => void 0);
    }
    for (const s of selected) {
      ctx.throwIfAborted();
      const failedDep = s.dependsOn.find((d) => ctx.results.hasFailed(d));
      if (failedDep !== void 0) ctx.results.dependencyFailed(s, failedDep);
      else if (s.job) await runJob(ctx, s, s.job);
      else await runService(ctx, s, previous);
    }
    await ctx.network;
  } catch (e) {
    await ctx.network.catch(() => void 0);
    if (ctx.signal?.aborted) {
      if (!options.keepOnCancel) await cleanup(ctx, true);
      const report = await finish();
      throw new UpCancelledError(cancelKind(ctx.signal.reason), report);
    }
    await cleanup(ctx, false);
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
  const started = [];
  for (const inst of s.instances) {
    ctx.throwIfAborted();
    results.setInstance(s, inst, "Initializing");
    const driver = s.runtime === "process" ? new ProcessInstance(ctx, s, inst, previous?.processes ?? []) : new ContainerInstance(ctx, s, inst);
    if (!await driver.open() || !await runInitSteps(ctx, s, inst, driver)) continue;
    const main = await driver.startMain();
    if (main) started.push({ inst, main });
  }
  await Promise.all(
    started.map(async ({ inst, main }) => {
      const ready = await waitReady(s.readinessProbe, main.healthcheck, main.target, ctx.signal);
      if (ready.ok) results.setInstance(s, inst, "Running");
      else results.setInstance(s, inst, "Failed", ready.reason, ready.message);
    })
  );
  const failed2 = results.service(s.name).instances.find((i) => i.status === "Failed");
  if (failed2) {
    results.setService(s.name, "Failed", failed2.reason, `${failed2.name}: ${failed2.message ?? failed2.reason}`);
  } else {
    results.setService(s.name, "Running");
  }
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
  const restores = ctx.cacheRestores;
  return {
    project: ctx.project.name,
    services: ctx.results.services(),
    jobs: ctx.results.jobs(),
    steps: ctx.results.steps(),
    cacheHit: restores.length > 0 && restores.every(Boolean),
    created: ctx.tracked.snapshot()
  };
}
async function persist(ctx, prev, startedAt, selected) {
  const names = new Set(selected.map((s) => s.name));
  const report = reportOf(ctx);
  const keep = (items) => (items ?? []).filter((x) => !names.has(x.service));
  const merged = {
    runId: ctx.runId,
    startedAt: startedAt.toISOString(),
    finishedAt: (/* @__PURE__ */ new Date()).toISOString(),
    report: {
      ...report,
      services: [...(prev?.report.services ?? []).filter((s) => !names.has(s.name)), ...report.services],
      jobs: [...(prev?.report.jobs ?? []).filter((j) => !names.has(j.name)), ...report.jobs],
      steps: [...keep(prev?.report.steps), ...report.steps]
    },
    logs: { ...keptLogs(prev, names), ...ctx.results.logs },
    processes: [...keep(prev?.processes), ...ctx.tracked.processes]
  };
  const masked = { ...merged, report: maskReportText(merged.report, ctx.mask) };
  await saveLastRun(ctx.project.name, masked, ctx.stateDir);
}
function keptLogs(prev, names) {
  if (!prev) return {};
  const keys = /* @__PURE__ */ new Set([
    ...prev.report.steps.filter((s) => !names.has(s.service)).map((s) => logKey(s.instance, s.step)),
    ...prev.report.jobs.filter((j) => !names.has(j.name)).map((j) => jobLogKey(j.instance))
  ]);
  return Object.fromEntries(Object.entries(prev.logs).filter(([k]) => keys.has(k)));
}

export {
  UpCancelledError,
  cancelKind,
  selectServices,
  up
};
