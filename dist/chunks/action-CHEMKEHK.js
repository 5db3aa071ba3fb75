import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  ActionsCacheStore,
  CacheStoreError,
  createVolumeCache,
  uploadPending
} from "./chunk-BNTQKJTE.js";
import "./chunk-RAQAL5ER.js";
import "./chunk-5V4RRTMO.js";
import "./chunk-K5HTG44S.js";
import "./chunk-ICGTNBC3.js";
import "./chunk-USCXWSDY.js";
import "./chunk-HYKGSOXR.js";
import "./chunk-BL2FPOT3.js";
import "./chunk-YGWJGLHB.js";
import "./chunk-5W24PD4U.js";
import "./chunk-7UOYXJST.js";
import "./chunk-W6Z4UZRG.js";

// src/cache/action.ts
var PENDING = "pending";
var MAX_PENDING_CHARS = 64 * 1024;
var MAX_PENDING = 256;
var actionCacheFactory = (ctx) => createVolumeCache({
  store: new ActionsCacheStore(ctx.env),
  observer: ctx.observer,
  runtime: ctx.runtime,
  maxBytes: ctx.inputs.cacheMaxSizeBytes,
  cacheSecrets: ctx.inputs.cacheSecrets,
  restoreBase: ctx.inputs.cacheRestoreBase,
  deferUpload: (pending) => ctx.saveState(PENDING, JSON.stringify(pending))
});
var shown = (v) => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 200 ? `${text.slice(0, 200)}\u2026` : text;
};
function parsePending(raw, store, warn) {
  if (!raw) return [];
  const ignoring = (what, why) => {
    warn(`cache: ignoring ${what} in the post step's state (${why}): nothing of it is uploaded or removed`);
    return [];
  };
  const list = "the pending uploads";
  if (raw.length > MAX_PENDING_CHARS) return ignoring(list, `${raw.length} characters`);
  let value;
  try {
    value = JSON.parse(raw);
  } catch {
    return ignoring(list, "not JSON");
  }
  if (!Array.isArray(value)) return ignoring(list, "not a list");
  if (value.length > MAX_PENDING) return ignoring(list, `${value.length} entries`);
  const kept = [];
  for (const entry of value) {
    const { key, file } = typeof entry === "object" && entry !== null ? entry : {};
    let staged;
    try {
      staged = typeof key === "string" ? store.stagingFile(key) : void 0;
    } catch (e) {
      if (!(e instanceof CacheStoreError)) throw e;
    }
    if (staged !== void 0 && file === staged && !kept.some((p) => p.key === key)) {
      kept.push({ key, file: staged });
    } else {
      ignoring(shown(entry), "not a snapshot this run staged");
    }
  }
  return kept;
}
var actionCachePostHook = async ({ env, core }) => {
  const warn = (message) => core.warning(message);
  const store = new ActionsCacheStore(env);
  const pending = parsePending(core.getState(`cache-${PENDING}`), store, warn);
  if (pending.length === 0) return;
  const observer = (e) => {
    if (e.type === "warning") warn(e.message);
  };
  core.info(`initsteps: saving ${pending.length} volume snapshot(s) to the Actions cache`);
  await uploadPending(store, pending, observer);
};
export {
  actionCacheFactory,
  actionCachePostHook,
  parsePending
};
