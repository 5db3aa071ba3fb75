import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  formatTable
} from "./chunk-K2QBAY2G.js";
import {
  connectDocker
} from "./chunk-2EY7RJGO.js";
import {
  readFacts
} from "./chunk-G2YHZ3QS.js";
import "./chunk-K5HTG44S.js";
import {
  freshFacts,
  planProject
} from "./chunk-USCXWSDY.js";
import "./chunk-BL2FPOT3.js";
import {
  initSequence,
  instanceContainers
} from "./chunk-YGWJGLHB.js";
import "./chunk-5W24PD4U.js";
import "./chunk-7UOYXJST.js";
import {
  loadFromArgs
} from "./chunk-NICBE7VJ.js";
import {
  flagBool
} from "./chunk-KSWRTFLG.js";
import "./chunk-ZK2VF37X.js";
import "./chunk-ZUVS5ZD6.js";
import {
  DockerUnavailableError
} from "./chunk-W6Z4UZRG.js";

// src/cli/commands/plan.ts
function kubernetesMapping(project) {
  return project.services.flatMap((s) => {
    if (!s.origin) return [];
    const first = s.instances[0];
    const volumes = /* @__PURE__ */ new Map();
    for (const v of first ? instanceContainers(first).flatMap((c) => c.volumes) : []) {
      const src = v.source;
      const what = src.kind === "claim" ? src.claimName !== void 0 ? `pvc ${src.claimName} (shared)` : "claim per instance" : src.kind === "files" ? `${src.secret ? "secret" : "files"}, ${src.files.length} file(s)` : src.kind;
      volumes.set(v.name, `${v.name}: ${what}`);
    }
    return [
      [
        `${s.origin.kind}/${s.origin.name} (${s.origin.namespace})`,
        `${s.job ? "job" : "service"} ${s.name}`,
        s.instances.map((i) => i.name).join(", "),
        [first?.mainName ?? "main", ...(first?.containers ?? []).map((c) => c.name)].join(", "),
        (first ? initSequence(first) : []).map(
          (e) => e.kind === "step" ? `${e.step.name} (${e.step.runIf.type})` : `${e.sidecar.name} (sidecar)`
        ).join(", ") || "-",
        [...volumes.values()].join("; ") || "-"
      ]
    ];
  });
}
var run = async (args, io) => {
  const project = await loadFromArgs(args, io);
  let facts = freshFacts;
  let note;
  try {
    facts = await readFacts(await connectDocker(io.env), project);
  } catch (e) {
    if (!(e instanceof DockerUnavailableError)) throw e;
    note = `Docker is not reachable at ${e.endpoint}: every persistent volume is assumed fresh`;
  }
  const entries = planProject(project, facts);
  if (flagBool(args, "json")) {
    io.out(
      JSON.stringify(
        {
          project: project.name,
          assumedFresh: note !== void 0,
          note,
          steps: entries,
          kubernetes: project.services.flatMap(
            (s) => s.origin ? [{ ...s.origin, became: s.name, instances: s.instances.map((i) => i.name) }] : []
          )
        },
        null,
        2
      )
    );
    return 0;
  }
  io.out(`plan for project ${project.name}${note ? ` (${note})` : ""}`);
  const table = formatTable(
    ["SERVICE", "INSTANCE", "STEP", "ACTION", "WHY"],
    entries.map((e) => [e.service, e.instance, e.step, e.action, e.reason])
  );
  for (const line of table.split("\n")) io.out(line);
  const mapping = kubernetesMapping(project);
  if (mapping.length > 0) {
    io.out("");
    io.out("from Kubernetes objects (docs/kubernetes.md)");
    const rows = formatTable(
      ["OBJECT", "BECAME", "INSTANCES", "CONTAINERS", "INIT STEPS", "VOLUMES"],
      mapping
    );
    for (const line of rows.split("\n")) io.out(line);
  }
  return 0;
};
export {
  run
};
