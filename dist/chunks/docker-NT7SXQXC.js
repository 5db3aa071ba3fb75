import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  DockerRuntime,
  connectDocker,
  demultiplex,
  dockerEndpoint,
  dockerMessage,
  remoteHostOf,
  stdcopyFrames
} from "./chunk-2EY7RJGO.js";
import "./chunk-K5HTG44S.js";
import "./chunk-5W24PD4U.js";
import "./chunk-W6Z4UZRG.js";
export {
  DockerRuntime,
  connectDocker,
  demultiplex,
  dockerEndpoint,
  dockerMessage,
  remoteHostOf,
  stdcopyFrames
};
