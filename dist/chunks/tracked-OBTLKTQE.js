import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  Tracked,
  removeContainers,
  removeCreated,
  tryRemove
} from "./chunk-WJRM5WNP.js";
import "./chunk-7UOYXJST.js";
import "./chunk-W6Z4UZRG.js";
export {
  Tracked,
  removeContainers,
  removeCreated,
  tryRemove
};
