import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  loadFromArgs
} from "./chunk-NICBE7VJ.js";
import "./chunk-KSWRTFLG.js";
import "./chunk-ZK2VF37X.js";
import "./chunk-ZUVS5ZD6.js";
import "./chunk-W6Z4UZRG.js";

// src/cli/commands/validate.ts
var run = async (args, io) => {
  const project = await loadFromArgs(args, io);
  const steps = project.services.reduce((n, s) => n + (s.instances[0]?.steps.length ?? 0), 0);
  const jobs = project.services.filter((s) => s.job).length;
  const services = project.services.length - jobs;
  io.out(
    `ok: ${services} service(s), ${jobs > 0 ? `${jobs} job(s), ` : ""}${steps} init step(s) in ${project.files.length} file(s)`
  );
  return 0;
};
export {
  run
};
