import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);

// src/blocking-output.ts
function makeOutputBlocking(streams = [process.stdout, process.stderr]) {
  for (const stream of streams) {
    stream._handle?.setBlocking?.(true);
  }
}

export {
  makeOutputBlocking
};
