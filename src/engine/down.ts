// `down` (by labels: everything of a project) and `removeObjects` (by id: what one run created, for the
// action's post step). Both go on past individual failures and report them as warnings.
import { errorMessage } from '../errors.js';
import { deleteMarkers, stateDir } from '../markers/store.js';
import type { ContainerRuntime } from '../runtime/types.js';
import { signalProcessGroup, stopRecordedProcess } from './host-process.js';
import { LABEL } from './labels.js';
import { clearLastRun, loadLastRun, saveLastRun } from './state.js';
import type { CreatedObjects } from './types.js';

export interface DownOptions {
  project: string;
  /** Also remove persistent volumes and their markers. */
  volumes: boolean;
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

export async function down(runtime: ContainerRuntime, options: DownOptions): Promise<DownResult> {
  const result: DownResult = {
    containers: 0,
    volumes: 0,
    networks: 0,
    processes: 0,
    warnings: [],
    notes: [],
  };
  const attempt = async (what: string, fn: () => Promise<void>): Promise<boolean> => {
    try {
      await fn();
      return true;
    } catch (e: unknown) {
      result.warnings.push(`could not remove ${what}: ${errorMessage(e)}`);
      return false;
    }
  };
  const project = { [LABEL.project]: options.project };
  const dir = stateDir();

  const last = await loadLastRun(options.project, dir, (message) => result.notes.push(message));
  for (const p of last?.processes ?? []) {
    const stop = stopRecordedProcess(p, 'SIGKILL');
    if (stop.signalled) result.processes += 1;
    if (stop.notSignalled) result.notes.push(`${p.instance}: ${stop.notSignalled}`);
  }

  const containers = await runtime.listContainers(project);
  // Containers joined to a sandbox go before the sandbox.
  const ordered = [
    ...containers.filter((c) => c.labels[LABEL.role] !== 'sandbox'),
    ...containers.filter((c) => c.labels[LABEL.role] === 'sandbox'),
  ];
  for (const c of ordered) {
    if (await attempt(`container ${c.id.slice(0, 12)}`, () => runtime.removeContainer(c.id)))
      result.containers += 1;
  }

  const volumes = await runtime.listVolumes(project);
  for (const v of volumes) {
    const ephemeral = v.labels[LABEL.ephemeral] === 'true';
    if (!ephemeral && !options.volumes) continue;
    const removed = await attempt(`volume ${v.name}`, () => runtime.removeVolume(v.name));
    if (!removed) continue;
    result.volumes += 1;
    const uid = v.labels[LABEL.uid];
    if (uid !== undefined) await deleteMarkers(uid, dir);
  }

  for (const n of await runtime.listNetworks(project)) {
    if (await attempt(`network ${n.name}`, () => runtime.removeNetwork(n.id))) result.networks += 1;
  }

  // Step results stay for `status`/`logs` unless the volumes (what they initialized) are gone too.
  if (options.volumes) await clearLastRun(options.project, dir);
  else if (last) await saveLastRun(options.project, { ...last, processes: [] }, dir);
  return result;
}

/** Remove what one run created, newest first (steps and main before their sandbox); returns warnings. */
export async function removeObjects(
  runtime: ContainerRuntime,
  created: CreatedObjects,
  onWarning: (message: string) => void = () => undefined,
): Promise<string[]> {
  const warnings: string[] = [];
  const attempt = async (what: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
    } catch (e: unknown) {
      const message = `could not remove ${what}: ${errorMessage(e)}`;
      warnings.push(message);
      onWarning(message);
    }
  };
  for (const pid of created.processes ?? []) signalProcessGroup(pid, 'SIGKILL');
  for (const id of [...created.containers].reverse()) {
    await attempt(`container ${id.slice(0, 12)}`, () => runtime.removeContainer(id));
  }
  for (const name of created.volumes) await attempt(`volume ${name}`, () => runtime.removeVolume(name));
  for (const id of created.networks)
    await attempt(`network ${id.slice(0, 12)}`, () => runtime.removeNetwork(id));
  return warnings;
}
