import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  projectNameOf,
  run
} from "./chunk-2L32WLIZ.js";
import "./chunk-M5ERF4UF.js";
import "./chunk-2EY7RJGO.js";
import "./chunk-5G55DTDK.js";
import "./chunk-WJRM5WNP.js";
import "./chunk-K5HTG44S.js";
import "./chunk-HYKGSOXR.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-5W24PD4U.js";
import "./chunk-7UOYXJST.js";
import "./chunk-KSWRTFLG.js";
import "./chunk-ZK2VF37X.js";
import "./chunk-ZUVS5ZD6.js";
import "./chunk-W6Z4UZRG.js";
export {
  projectNameOf,
  run
};
