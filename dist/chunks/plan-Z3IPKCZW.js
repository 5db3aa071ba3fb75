import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  formatTable
} from "./chunk-K2QBAY2G.js";
import {
  connectDocker
} from "./chunk-NFNYRGR5.js";
import {
  freshFacts,
  planProject,
  readFacts
} from "./chunk-NO6JFL6F.js";
import "./chunk-2GHEQCGZ.js";
import "./chunk-2ORPUYOT.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-L4P7FUFN.js";
import "./chunk-KPTVEFL5.js";
import {
  loadFromArgs
} from "./chunk-JAY2OVSX.js";
import {
  flagBool
} from "./chunk-H6BP7LWE.js";
import "./chunk-ZK2VF37X.js";
import "./chunk-WWRB2GLG.js";
import {
  DockerUnavailableError
} from "./chunk-NTMVWVK7.js";

// src/cli/commands/plan.ts
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
        { project: project.name, assumedFresh: note !== void 0, note, steps: entries },
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
  return 0;
};
export {
  run
};
