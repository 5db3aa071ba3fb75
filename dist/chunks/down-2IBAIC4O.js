import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  projectNameOf,
  run
} from "./chunk-EZOYNFQZ.js";
import "./chunk-FYGA65SB.js";
import "./chunk-2EY7RJGO.js";
import "./chunk-UJAG4HBS.js";
import "./chunk-UXN4OFML.js";
import "./chunk-K5HTG44S.js";
import "./chunk-HYKGSOXR.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-5W24PD4U.js";
import "./chunk-IGII6NWG.js";
import "./chunk-CPAFRWTU.js";
import "./chunk-ZK2VF37X.js";
import "./chunk-U6R2DYUG.js";
import "./chunk-W6Z4UZRG.js";
export {
  projectNameOf,
  run
};
