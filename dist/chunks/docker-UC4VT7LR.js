import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  DockerRuntime,
  connectDocker,
  demultiplex,
  dockerEndpoint,
  dockerMessage,
  remoteHostOf,
  stdcopyFrames
} from "./chunk-NFNYRGR5.js";
import "./chunk-2GHEQCGZ.js";
import "./chunk-L4P7FUFN.js";
import "./chunk-NTMVWVK7.js";
export {
  DockerRuntime,
  connectDocker,
  demultiplex,
  dockerEndpoint,
  dockerMessage,
  remoteHostOf,
  stdcopyFrames
};
