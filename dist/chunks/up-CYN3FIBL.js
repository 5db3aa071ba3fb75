import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  UpCancelledError,
  cancelKind,
  selectServices,
  up
} from "./chunk-QBKJZWEG.js";
import "./chunk-ZGIAUJA2.js";
import "./chunk-KSFZBMUT.js";
import "./chunk-JZIBWBZC.js";
import "./chunk-M2N422SH.js";
import "./chunk-ZV6KTCG6.js";
import "./chunk-5IZTL4FF.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-KPTVEFL5.js";
import "./chunk-MPD32TKY.js";
import "./chunk-WDIJ67FA.js";
export {
  UpCancelledError,
  cancelKind,
  selectServices,
  up
};
