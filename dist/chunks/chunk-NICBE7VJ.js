import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  flagBool,
  flagString
} from "./chunk-KSWRTFLG.js";
import {
  loadProject
} from "./chunk-ZUVS5ZD6.js";
import {
  SpecError,
  UsageError,
  formatProblem
} from "./chunk-W6Z4UZRG.js";

// src/cli/load.ts
import path from "node:path";
async function loadFromArgs(args, io) {
  const files = specFiles(args, io);
  const result = await loadProject({
    files,
    project: flagString(args, "project"),
    env: io.env,
    allowPrivileged: flagBool(args, "allow-privileged")
  });
  if (!result.ok) throw new SpecError(result.problems);
  for (const w of result.warnings ?? []) io.err(`warning: ${formatProblem(w)}`);
  return result.project;
}
function specFiles(args, io) {
  if (args.positionals.length === 0)
    throw new UsageError(`initsteps ${args.command}: name at least one spec file`);
  return args.positionals.map((f) => path.resolve(io.cwd, f));
}

export {
  loadFromArgs
};
