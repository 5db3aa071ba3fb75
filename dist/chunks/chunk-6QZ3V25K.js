import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);

// src/cli/io.ts
var flagString = (args, name) => {
  const v = args.flags[name];
  return typeof v === "string" ? v : void 0;
};
var flagBool = (args, name) => args.flags[name] === true;
var flagList = (args, name) => flagString(args, name)?.split(",").map((s) => s.trim()).filter(Boolean);

export {
  flagString,
  flagBool,
  flagList
};
