// Markers live outside the volume (postgres initdb, for one, refuses a non-empty data directory): a JSON
// file per volume identity under the state dir. Keyed by the volume's uid label, so a volume removed and
// created again (new uid) has no markers, whatever an old file says.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Marker } from '../plan/plan.js';

/** `INITSTEPS_STATE_DIR`, else `$XDG_STATE_HOME/initsteps`, else `~/.local/state/initsteps`. */
export function stateDir(env: Record<string, string | undefined> = process.env): string {
  if (env.INITSTEPS_STATE_DIR) return env.INITSTEPS_STATE_DIR;
  if (env.XDG_STATE_HOME) return join(env.XDG_STATE_HOME, 'initsteps');
  return join(homedir(), '.local', 'state', 'initsteps');
}

interface MarkerFile {
  volumeUid: string;
  markers: Marker[];
}

const UID_RE = /^[A-Za-z0-9._-]+$/;

function markerPath(uid: string, dir: string): string {
  // The uid names a file: refuse anything that could escape the directory.
  if (!UID_RE.test(uid) || uid.startsWith('.')) throw new Error(`invalid volume uid ${JSON.stringify(uid)}`);
  return join(dir, 'markers', `${uid}.json`);
}

/** Write a file atomically: readers see the old or the new content, never a torn one. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tmp = `${path}.${randomUUID()}.tmp`;
  await mkdir(join(path, '..'), { recursive: true });
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Markers stamped on the volume with this uid (only those that name it). */
export async function getMarkers(uid: string, dir: string = stateDir()): Promise<Marker[]> {
  let text: string;
  try {
    text = await readFile(markerPath(uid, dir), 'utf8');
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const file = JSON.parse(text) as MarkerFile;
  return file.markers.filter((m) => m.volumeUid === uid);
}

/** Replace the volume's markers (the cache restores them this way together with the volume's contents). */
export async function setMarkers(uid: string, markers: Marker[], dir: string = stateDir()): Promise<void> {
  const file: MarkerFile = { volumeUid: uid, markers: markers.map((m) => ({ ...m, volumeUid: uid })) };
  await writeFileAtomic(markerPath(uid, dir), `${JSON.stringify(file, null, 2)}\n`);
}

/** Stamp `key` on the volume (replacing an older stamp of the same key). */
export async function addMarker(
  uid: string,
  key: string,
  at: Date = new Date(),
  dir: string = stateDir(),
): Promise<void> {
  const markers = (await getMarkers(uid, dir)).filter((m) => m.key !== key);
  markers.push({ volumeUid: uid, key, at: at.toISOString() });
  await setMarkers(uid, markers, dir);
}

export async function deleteMarkers(uid: string, dir: string = stateDir()): Promise<void> {
  await rm(markerPath(uid, dir), { force: true });
}
