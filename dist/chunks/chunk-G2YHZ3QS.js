import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  getMarkers,
  stateDir
} from "./chunk-BL2FPOT3.js";
import {
  instanceContainers,
  isPersistent
} from "./chunk-YGWJGLHB.js";
import {
  ensureSandboxImage,
  require_tar_stream
} from "./chunk-5W24PD4U.js";
import {
  LABEL,
  persistentVolumeName,
  volumeName
} from "./chunk-7UOYXJST.js";
import {
  __toESM,
  errorMessage
} from "./chunk-W6Z4UZRG.js";

// src/engine/facts.ts
import { existsSync } from "node:fs";

// src/engine/mount-check.ts
import { realpath } from "node:fs/promises";
import path from "node:path";
var HostPathRefusedError = class extends Error {
  name = "HostPathRefusedError";
};
var isWithin = (root, p) => {
  const rel = path.relative(root, p);
  return rel === "" || rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
};
async function realPath(p, what) {
  try {
    return await realpath(p);
  } catch (e) {
    throw new HostPathRefusedError(`${what} ${p} cannot be resolved: ${errorMessage(e)}`);
  }
}
async function resolveHostPath(p, what, gate) {
  const real = await realPath(p, what);
  if (gate.allowPrivileged) return real;
  const workspace = await realPath(gate.workspace, "workspace");
  if (!isWithin(workspace, real)) {
    throw new HostPathRefusedError(
      `${what} (${p}) resolves to ${real}, outside the workspace ${workspace}; allow it with --allow-privileged (action input \`allow-privileged: true\`)`
    );
  }
  return real;
}
function resolveHostPaths(volumes, gate) {
  return Promise.all(
    volumes.map(
      async (v) => v.source.kind === "hostPath" ? {
        ...v,
        source: {
          kind: "hostPath",
          path: await resolveHostPath(v.source.path, `hostPath volume "${v.name}"`, gate)
        }
      } : v
    )
  );
}

// src/engine/container-spec.ts
function entrypointAndCmd(spec) {
  if (spec.command !== void 0) return { entrypoint: spec.command, cmd: spec.args ?? [] };
  if (spec.args !== void 0) return { cmd: spec.args };
  return {};
}
var envList = (env) => env.map((e) => `${e.name}=${e.value}`);
function securityOpt(sc) {
  const seccomp = sc.seccompProfile;
  switch (seccomp?.type) {
    case "Unconfined":
      return ["seccomp=unconfined"];
    case "Localhost":
      if (seccomp.profile === void 0) {
        throw new Error(`seccomp profile ${seccomp.localhostProfile} was not read when the spec was loaded`);
      }
      return [`seccomp=${seccomp.profile}`];
    default:
      return [];
  }
}
function mountsFor(volumes, names) {
  return volumes.flatMap((v) => {
    if (v.subPath !== void 0) return [];
    if (v.source.kind === "hostPath") {
      return { type: "bind", source: v.source.path, target: v.mountPath, readOnly: v.readOnly };
    }
    const source = names.get(v.name);
    if (source === void 0) throw new Error(`no Docker volume prepared for ${v.name}`);
    return { type: "volume", source, target: v.mountPath, readOnly: v.readOnly };
  });
}
function toCreateSpec(spec, ctx) {
  const sc = spec.securityContext;
  return {
    ...ctx.name !== void 0 && { name: ctx.name },
    image: ctx.image,
    ...entrypointAndCmd(spec),
    env: envList(spec.env),
    ...spec.user !== void 0 && { user: spec.user },
    ...spec.workingDir !== void 0 && { workingDir: spec.workingDir },
    labels: ctx.labels,
    network: ctx.network,
    mounts: mountsFor(spec.volumes, ctx.volumes),
    securityOpt: securityOpt(sc),
    capAdd: sc.capAdd,
    capDrop: sc.capDrop,
    privileged: sc.privileged,
    ...spec.resources.nanoCpus !== void 0 && { nanoCpus: spec.resources.nanoCpus },
    ...spec.resources.memoryBytes !== void 0 && { memoryBytes: spec.resources.memoryBytes }
  };
}
async function specForCreate(spec, ctx, gate) {
  return toCreateSpec({ ...spec, volumes: await resolveHostPaths(spec.volumes, gate) }, ctx);
}

// src/engine/volumes.ts
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
var FILES_ROOT = "/files";
function filesTar(files, parents = true) {
  const tar = (0, import_tar_stream.pack)();
  const dirs = /* @__PURE__ */ new Set();
  for (const f of files) {
    const parts = f.path.split("/");
    for (let i = 1; parents && i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      tar.entry({ name: dir, type: "directory", mode: 493, uid: 0, gid: 0 });
    }
    tar.entry({ name: f.path, mode: f.mode, uid: 0, gid: 0 }, Buffer.from(f.contentBase64, "base64"));
  }
  tar.finalize();
  return Readable.from(tar);
}
async function writeFiles(ctx, volume, files) {
  const helper = await ctx.runtime.createContainer({
    image: ctx.sandboxImage,
    env: [],
    labels: { [LABEL.project]: ctx.project.name, [LABEL.role]: "volume", [LABEL.run]: ctx.runId },
    network: { mode: "none" },
    mounts: [{ type: "volume", source: volume, target: FILES_ROOT, readOnly: false }],
    securityOpt: [],
    capAdd: [],
    capDrop: ["ALL"],
    privileged: false
  });
  ctx.tracked.add("container", helper);
  try {
    await ctx.runtime.putArchive(helper, FILES_ROOT, filesTar(files));
  } finally {
    await ctx.runtime.removeContainer(helper);
    ctx.tracked.forget("container", helper);
  }
}
async function copySubPaths(runtime, id, mounts) {
  const files = mounts.flatMap((m) => {
    const { subPath, source } = m;
    if (subPath === void 0 || source.kind !== "files") return [];
    const target = m.mountPath.replace(/^\/+/, "").replace(/\/+$/, "");
    return source.files.flatMap((f) => {
      if (f.path === subPath) return [{ ...f, path: target }];
      if (!f.path.startsWith(`${subPath}/`)) return [];
      return [{ ...f, path: `${target}/${f.path.slice(subPath.length + 1)}` }];
    });
  });
  if (files.length > 0) await runtime.putArchive(id, "/", filesTar(files, false));
}
function instanceMounts(inst) {
  const mounts = /* @__PURE__ */ new Map();
  for (const m of instanceContainers(inst).flatMap((c) => c.volumes)) {
    if (!mounts.has(m.name) && m.subPath === void 0) mounts.set(m.name, m);
  }
  return [...mounts.values()];
}
function persistentVolumes(ctx, s, inst) {
  let pending = ctx.persistentVolumes.get(inst.name);
  if (!pending) {
    pending = preparePersistent(ctx, s, inst);
    pending.catch(() => void 0);
    ctx.persistentVolumes.set(inst.name, pending);
  }
  return pending;
}
async function preparePersistent(ctx, s, inst) {
  const prepared = /* @__PURE__ */ new Map();
  for (const mount of instanceMounts(inst).filter((m) => m.source.kind === "claim")) {
    const base = persistentVolumeName(ctx.project.name, inst.name, mount);
    let info = await ctx.runtime.inspectVolume(base);
    let createdNow = false;
    if (!info) {
      const fresh = randomUUID();
      const labels = { ...ctx.labels(s, inst, "volume"), [LABEL.volume]: mount.name };
      info = await ctx.runtime.createVolume(base, { ...labels, [LABEL.uid]: fresh });
      createdNow = info.labels[LABEL.uid] === fresh;
      if (createdNow) ctx.tracked.newVolumes.push({ name: base, uid: fresh });
    }
    const uid = info.labels[LABEL.uid];
    if (uid === void 0) {
      ctx.warn(`volume ${base} was not created by initsteps (no ${LABEL.uid} label): its steps always run`);
    }
    prepared.set(mount.name, { mount, dockerName: base, createdNow, ...uid !== void 0 && { uid } });
  }
  return prepared;
}
async function prepareVolumes(ctx, s, inst) {
  const prepared = new Map(await persistentVolumes(ctx, s, inst));
  for (const mount of instanceMounts(inst)) {
    if (mount.source.kind !== "emptyDir" && mount.source.kind !== "files") continue;
    const name = `${volumeName(ctx.project.name, inst.name, mount.name)}_${ctx.runId}`;
    const labels = {
      ...ctx.labels(s, inst, "volume"),
      [LABEL.volume]: mount.name,
      [LABEL.ephemeral]: "true"
    };
    await ctx.runtime.createVolume(name, labels);
    ctx.tracked.add("volume", name);
    if (mount.source.kind === "files") await writeFiles(ctx, name, mount.source.files);
    prepared.set(mount.name, { mount, dockerName: name, createdNow: true });
  }
  return prepared;
}
var dockerNames = (volumes) => new Map([...volumes].map(([name, v]) => [name, v.dockerName]));
var labelledVolumes = (volumes) => [...volumes.values()].filter((v) => v.uid !== void 0 || v.mount.source.kind === "emptyDir").map((v) => v.dockerName);
var VolumeGoneError = class extends Error {
  name = "VolumeGoneError";
};
async function checkMountedVolumes(runtime, id, mounts, labelled) {
  const mounted = new Set(mounts.flatMap((m) => m.type === "volume" ? [m.source] : []));
  const gone = [];
  for (const name of labelled.filter((n) => mounted.has(n))) {
    const info = await runtime.inspectVolume(name);
    if (info?.labels[LABEL.project] === void 0) gone.push(name);
  }
  if (gone.length === 0) return;
  await runtime.removeContainer(id);
  for (const name of gone) await runtime.removeVolume(name).catch(() => void 0);
  throw new VolumeGoneError(
    `volume(s) ${gone.join(", ")} removed while the run was using them (by a tool outside initsteps?)`
  );
}

// src/engine/path-check.ts
async function pathExistsOnMounts(runtime, probe, path2, track = { created() {
}, removed() {
} }) {
  let mounts;
  try {
    mounts = mountsFor(await resolveHostPaths(probe.volumes, probe.gate), probe.names);
  } catch (e) {
    if (e instanceof HostPathRefusedError) return false;
    throw e;
  }
  const id = await runtime.createContainer({
    image: probe.sandboxImage,
    env: [],
    labels: probe.labels,
    network: { mode: "none" },
    mounts,
    securityOpt: [],
    capAdd: [],
    capDrop: ["ALL"],
    privileged: false
  });
  track.created(id);
  try {
    await checkMountedVolumes(runtime, id, mounts, probe.labelled);
    return await runtime.pathExists(id, path2);
  } finally {
    await runtime.removeContainer(id);
    track.removed(id);
  }
}

// src/engine/facts.ts
async function stepFacts(step, source) {
  const facts = { volumes: {} };
  for (const m of step.volumes.filter(isPersistent)) {
    const v = source.volume(m.name);
    if (v === void 0) continue;
    facts.volumes[m.name] = { uid: v.uid, markers: v.uid ? await getMarkers(v.uid, source.stateDir) : [] };
  }
  const runIf = step.runIf;
  if (runIf.type === "fileMissing") {
    const mounts = step.volumes.filter(
      (m) => (runIf.volume === void 0 || m.name === runIf.volume) && (m.source.kind === "hostPath" || source.volume(m.name) !== void 0)
    );
    facts.fileExists = await source.pathExists(runIf.path, mounts);
  }
  return facts;
}
var hostPathExists = (path2) => Promise.resolve(existsSync(path2));
async function readFacts(runtime, project, dir = stateDir()) {
  const facts = /* @__PURE__ */ new Map();
  let sandboxImage;
  for (const service of project.services) {
    for (const inst of service.instances) {
      const existing = await existingVolumes(runtime, project.name, inst);
      const source = {
        stateDir: dir,
        volume: (name) => existing.get(name),
        pathExists: async (path2, mounts) => {
          if (service.runtime === "process") return hostPathExists(path2);
          sandboxImage ??= await ensureSandboxImage(runtime);
          const labels = { [LABEL.project]: project.name, [LABEL.role]: "step" };
          const names = new Map([...existing].map(([name, v]) => [name, v.dockerName]));
          const labelled = [...existing.values()].filter((v) => v.uid !== void 0).map((v) => v.dockerName);
          return pathExistsOnMounts(
            runtime,
            { sandboxImage, labels, volumes: mounts, names, labelled, gate: project },
            path2
          );
        }
      };
      for (const step of inst.steps) facts.set(`${inst.name}/${step.name}`, await stepFacts(step, source));
    }
  }
  return (inst, step) => facts.get(`${inst.name}/${step.name}`) ?? { volumes: {} };
}
async function existingVolumes(runtime, project, inst) {
  const found = /* @__PURE__ */ new Map();
  for (const m of inst.steps.flatMap((s) => s.volumes).filter(isPersistent)) {
    if (found.has(m.name)) continue;
    const dockerName = persistentVolumeName(project, inst.name, m);
    const info = await runtime.inspectVolume(dockerName);
    if (info) found.set(m.name, { dockerName, uid: info.labels[LABEL.uid] });
  }
  return found;
}

export {
  specForCreate,
  copySubPaths,
  persistentVolumes,
  prepareVolumes,
  dockerNames,
  labelledVolumes,
  VolumeGoneError,
  checkMountedVolumes,
  pathExistsOnMounts,
  stepFacts,
  hostPathExists,
  readFacts
};
