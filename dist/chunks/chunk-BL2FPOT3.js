import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);

// src/markers/store.ts
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
function stateDir(env = process.env) {
  if (env.INITSTEPS_STATE_DIR) return env.INITSTEPS_STATE_DIR;
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, "initsteps");
  return join(homedir(), ".local", "state", "initsteps");
}
var UID_RE = /^[A-Za-z0-9._-]+$/;
function markerPath(uid, dir) {
  if (!UID_RE.test(uid) || uid.startsWith(".")) throw new Error(`invalid volume uid ${JSON.stringify(uid)}`);
  return join(dir, "markers", `${uid}.json`);
}
async function writeFileAtomic(path, content) {
  const tmp = `${path}.${randomUUID()}.tmp`;
  await mkdir(join(path, ".."), { recursive: true });
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
}
async function getMarkers(uid, dir = stateDir()) {
  let text;
  try {
    text = await readFile(markerPath(uid, dir), "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return [];
    throw e;
  }
  const file = JSON.parse(text);
  return file.markers.filter((m) => m.volumeUid === uid);
}
async function setMarkers(uid, markers, dir = stateDir()) {
  const file = { volumeUid: uid, markers: markers.map((m) => ({ ...m, volumeUid: uid })) };
  await writeFileAtomic(markerPath(uid, dir), `${JSON.stringify(file, null, 2)}
`);
}
async function addMarker(uid, key, at = /* @__PURE__ */ new Date(), dir = stateDir()) {
  const markers = (await getMarkers(uid, dir)).filter((m) => m.key !== key);
  markers.push({ volumeUid: uid, key, at: at.toISOString() });
  await setMarkers(uid, markers, dir);
}
async function deleteMarkers(uid, dir = stateDir()) {
  await rm(markerPath(uid, dir), { force: true });
}

export {
  stateDir,
  writeFileAtomic,
  getMarkers,
  setMarkers,
  addMarker,
  deleteMarkers
};
