import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  loadLastRun
} from "./chunk-5G55DTDK.js";
import {
  recordedProcessState
} from "./chunk-WJRM5WNP.js";
import {
  LABEL
} from "./chunk-7UOYXJST.js";

// src/engine/leftovers.ts
async function findLeftovers(runtime, project, runId, withVolumes = false) {
  const ofProject = { [LABEL.project]: project };
  const of = runId === void 0 ? ofProject : { ...ofProject, [LABEL.run]: runId };
  const objects = [];
  for (const c of await runtime.listContainers(of)) {
    const role = c.labels[LABEL.role] ?? "container";
    const what = role === "lock" ? "the project lock: the next initsteps command of the project takes it over" : [role, c.labels[LABEL.instance], c.labels[LABEL.step]].filter(Boolean).join(" ");
    objects.push(`container ${c.id.slice(0, 12)} (${what})`);
  }
  for (const n of await runtime.listNetworks(ofProject)) objects.push(`network ${n.name}`);
  const volumes = await runtime.listVolumes(ofProject);
  const persistent = volumes.filter((v) => v.labels[LABEL.ephemeral] !== "true");
  const ours = runId === void 0 ? withVolumes ? persistent : [] : persistent.filter((v) => v.labels[LABEL.run] === runId);
  for (const v of volumes) {
    if (v.labels[LABEL.ephemeral] === "true") {
      if (runId === void 0 || v.labels[LABEL.run] === runId) objects.push(`volume ${v.name}`);
    } else if (ours.includes(v)) {
      objects.push(`volume ${v.name} (persistent${runId === void 0 ? "" : ", created by this run"})`);
    }
  }
  const last = await loadLastRun(project).catch(() => void 0);
  for (const p of last?.processes ?? []) {
    if (recordedProcessState(p) === "running") objects.push(`process ${p.pid} (main of ${p.instance})`);
  }
  const others = persistent.filter((v) => !ours.includes(v));
  const needsVolumes = ours.length > 0;
  return {
    objects,
    down: `initsteps down --project ${project}${needsVolumes ? " --volumes" : ""}`,
    ...needsVolumes && others.length > 0 && {
      caution: `--volumes also removes the project's other persistent volume(s) ${others.map((v) => v.name).join(", ")}; to keep them, run it without --volumes and then: docker volume rm ${ours.map((v) => v.name).join(" ")}`
    }
  };
}

export {
  findLeftovers
};
