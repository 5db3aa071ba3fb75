// `down`: everything of a project, found by its labels (and the main processes its last run recorded).
// It goes on past individual failures and reports them as warnings.
import { randomBytes } from 'node:crypto';
import { deleteMarkers, stateDir } from '../markers/store.js';
import type { ContainerRuntime } from '../runtime/types.js';
import { stopRecordedProcess } from './host-process.js';
import { LABEL } from './labels.js';
import { acquireProjectLock } from './project-lock.js';
import { clearLastRun, loadLastRun, saveLastRun } from './state.js';
import { removeContainers, tryRemove } from './tracked.js';

export interface DownOptions {
  project: string;
  /** Also remove persistent volumes and their markers. */
  volumes: boolean;
  /** How long to wait for a run of the project to finish (default 10 minutes). */
  lockTimeoutMs?: number;
  /** Cancels the wait for the lock. */
  signal?: AbortSignal;
  /** The line saying whose run `down` waits for (or whose dead run's lock it takes over). */
  onNotice?: (message: string) => void;
}

export interface DownResult {
  containers: number;
  volumes: number;
  networks: number;
  processes: number;
  /** What could not be removed: the exit code says so. */
  warnings: string[];
  /** What was left alone on purpose: a recorded pid that is no longer our process, an unusable last run. */
  notes: string[];
}

/** Holds the project's lock, so no `up` creates what it removes (a volume recreated without labels). */
export async function down(runtime: ContainerRuntime, options: DownOptions): Promise<DownResult> {
  const lock = await acquireProjectLock(runtime, {
    project: options.project,
    command: 'down',
    runId: `down-${randomBytes(4).toString('hex')}`,
    timeoutMs: options.lockTimeoutMs,
    signal: options.signal,
    onNotice: options.onNotice ?? (() => undefined),
  });
  let result: DownResult | undefined;
  try {
    result = await downLocked(runtime, options);
    return result;
  } finally {
    await lock.release((message) => result?.warnings.push(message));
  }
}

async function downLocked(runtime: ContainerRuntime, options: DownOptions): Promise<DownResult> {
  const result: DownResult = {
    containers: 0,
    volumes: 0,
    networks: 0,
    processes: 0,
    warnings: [],
    notes: [],
  };
  const warn = (message: string): void => void result.warnings.push(message);
  const project = { [LABEL.project]: options.project };
  const dir = stateDir();

  const last = await loadLastRun(options.project, dir, (message) => result.notes.push(message));
  for (const p of last?.processes ?? []) {
    const stop = await stopRecordedProcess(p);
    if (stop.signalled) result.processes += 1;
    if (stop.notSignalled) result.notes.push(`${p.instance}: ${stop.notSignalled}`);
  }

  // Not the lock this command holds.
  const containers = (await runtime.listContainers(project)).filter((c) => c.labels[LABEL.role] !== 'lock');
  result.containers = (await removeContainers(runtime, containers, warn)).length;

  const volumes = await runtime.listVolumes(project);
  for (const v of volumes) {
    const ephemeral = v.labels[LABEL.ephemeral] === 'true';
    if (!ephemeral && !options.volumes) continue;
    const removed = await tryRemove(`volume ${v.name}`, () => runtime.removeVolume(v.name), warn);
    if (!removed) continue;
    result.volumes += 1;
    const uid = v.labels[LABEL.uid];
    if (uid !== undefined) await deleteMarkers(uid, dir);
  }

  for (const n of await runtime.listNetworks(project)) {
    if (await tryRemove(`network ${n.name}`, () => runtime.removeNetwork(n.id), warn)) result.networks += 1;
  }

  // Step results stay for `status`/`logs` unless the volumes (what they initialized) are gone too.
  if (options.volumes) await clearLastRun(options.project, dir);
  else if (last) await saveLastRun(options.project, { ...last, processes: [] }, dir);
  return result;
}
