import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  UpCancelledError,
  cancelKind,
  selectServices,
  up
} from "./chunk-BLKWXC3L.js";
import "./chunk-G2YHZ3QS.js";
import "./chunk-5G55DTDK.js";
import "./chunk-KCRCI34F.js";
import "./chunk-WJRM5WNP.js";
import "./chunk-ICGTNBC3.js";
import "./chunk-USCXWSDY.js";
import "./chunk-HYKGSOXR.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-YGWJGLHB.js";
import "./chunk-5W24PD4U.js";
import "./chunk-7UOYXJST.js";
import "./chunk-ZUVS5ZD6.js";
import "./chunk-W6Z4UZRG.js";
export {
  UpCancelledError,
  cancelKind,
  selectServices,
  up
};
