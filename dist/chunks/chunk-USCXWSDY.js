import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  initSequence,
  isPersistent
} from "./chunk-YGWJGLHB.js";

// src/plan/plan.ts
var markerKey = (service, step) => `${service}/${step}`;
var hasMarker = (facts, key) => facts?.uid !== void 0 && facts.markers.some((m) => m.volumeUid === facts.uid && m.key === key);
var markedVolumes = (step, only) => step.volumes.filter(isPersistent).filter((v) => !only || v.name === only);
function runsOnEveryUp(step) {
  const runIf = step.runIf;
  if (runIf.type === "always") return true;
  return runIf.type === "freshVolume" && markedVolumes(step, runIf.volume).length === 0;
}
function decideStep(service, step, facts) {
  const runIf = step.runIf;
  switch (runIf.type) {
    case "always":
      return { action: "run", reason: "runIf always" };
    case "fileMissing": {
      if (facts.fileExists === true) return { action: "skip", reason: `${runIf.path} exists` };
      return { action: "run", reason: `${runIf.path} is missing` };
    }
    case "freshVolume": {
      const persistent = markedVolumes(step, runIf.volume);
      if (persistent.length === 0) return { action: "run", reason: "no persistent volume: always fresh" };
      const key = markerKey(service, step.name);
      const fresh = persistent.filter((v) => !hasMarker(facts.volumes[v.name], key));
      if (fresh.length === 0) return { action: "skip", reason: "volume already initialized" };
      const names = fresh.map((v) => v.name).join(", ");
      return { action: "run", reason: `fresh volume ${names}` };
    }
  }
}
function planProject(project, facts) {
  const entries = [];
  for (const service of project.services) {
    for (const instance of service.instances) {
      for (const entry of initSequence(instance)) {
        const at = { service: service.name, instance: instance.name };
        if (entry.kind === "sidecar") {
          const reason = "native sidecar: runs for the pod's life";
          entries.push({ ...at, step: entry.sidecar.name, action: "start", reason });
          continue;
        }
        const step = entry.step;
        entries.push({ ...at, step: step.name, ...decideStep(service.name, step, facts(instance, step)) });
      }
    }
  }
  return entries;
}
var freshFacts = () => ({ volumes: {} });

export {
  markerKey,
  runsOnEveryUp,
  decideStep,
  planProject,
  freshFacts
};
