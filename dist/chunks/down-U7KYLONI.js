import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  projectNameOf,
  run
} from "./chunk-32YERV3T.js";
import "./chunk-NFNYRGR5.js";
import "./chunk-ADJGJLWS.js";
import "./chunk-QD6O7SIM.js";
import "./chunk-2GHEQCGZ.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-L4P7FUFN.js";
import "./chunk-VWY335AX.js";
import "./chunk-H6BP7LWE.js";
import "./chunk-ZK2VF37X.js";
import "./chunk-Q3W2AYO6.js";
import "./chunk-NTMVWVK7.js";
export {
  projectNameOf,
  run
};
