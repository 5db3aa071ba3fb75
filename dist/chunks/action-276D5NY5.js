import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  ActionsCacheStore,
  createVolumeCache,
  uploadPending
} from "./chunk-B6Q6MB2F.js";
import "./chunk-NVFXTDXN.js";
import "./chunk-5OJKDXDD.js";
import "./chunk-NJV5EQHO.js";
import "./chunk-ZV6KTCG6.js";
import "./chunk-5IZTL4FF.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-KPTVEFL5.js";
import "./chunk-WDIJ67FA.js";

// src/cache/action.ts
var PENDING = "pending";
var actionCacheFactory = (ctx) => createVolumeCache({
  store: new ActionsCacheStore(ctx.env),
  observer: ctx.observer,
  runtime: ctx.runtime,
  maxBytes: ctx.inputs.cacheMaxSizeBytes,
  cacheSecrets: ctx.inputs.cacheSecrets,
  deferUpload: (pending) => ctx.saveState(PENDING, JSON.stringify(pending))
});
function parsePending(raw) {
  if (!raw) return [];
  const value = JSON.parse(raw);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p) => typeof p === "object" && p !== null && typeof p.key === "string" && typeof p.file === "string"
  );
}
var actionCachePostHook = async ({ env, core }) => {
  const pending = parsePending(core.getState(`cache-${PENDING}`));
  if (pending.length === 0) return;
  const observer = (e) => {
    if (e.type === "warning") core.warning(e.message);
  };
  core.info(`initsteps: saving ${pending.length} volume snapshot(s) to the Actions cache`);
  await uploadPending(new ActionsCacheStore(env), pending, observer);
};
export {
  actionCacheFactory,
  actionCachePostHook
};
