// What a run created, and the one way objects are removed: each removal on its own (a failure is a
// warning and the rest goes on), containers joined to a sandbox before the sandbox, networks last.
// `up`'s cleanup, `down` and the action's post step all remove through here.
import { errorMessage } from '../errors.js';
import type { ContainerRuntime, Labels } from '../runtime/types.js';
import { stopRecordedProcess } from './host-process.js';
import { LABEL } from './labels.js';
import type { HostProcess } from './state.js';
import type { CreatedObjects, RunObserver } from './types.js';

export type Warn = (message: string) => void;
type ObjectKind = 'container' | 'network' | 'volume';

/** Runs one removal; a failure becomes a warning naming `what`. True when it succeeded. */
export async function tryRemove(what: string, remove: () => Promise<void>, warn: Warn): Promise<boolean> {
  try {
    await remove();
    return true;
  } catch (e: unknown) {
    warn(`could not remove ${what}: ${errorMessage(e)}`);
    return false;
  }
}

/**
 * Steps and main share their sandbox's network namespace: they go first, a pod's native sidecars after
 * them, last started first (docs/kubernetes.md#native-sidecars), the sandbox last. Returns the removed ids.
 */
export async function removeContainers(
  runtime: ContainerRuntime,
  containers: { id: string; labels: Labels }[],
  warn: Warn,
): Promise<string[]> {
  const rank = (c: { labels: Labels }): number => {
    const role = c.labels[LABEL.role];
    if (role === 'sandbox') return 2;
    return role === 'sidecar' ? 1 : 0;
  };
  const order = (c: { labels: Labels }): number => Number(c.labels[LABEL.sidecarOrder] ?? 0);
  const removed: string[] = [];
  for (const c of [...containers].sort((a, b) => rank(a) - rank(b) || order(b) - order(a))) {
    if (await tryRemove(`container ${c.id.slice(0, 12)}`, () => runtime.removeContainer(c.id), warn)) {
      removed.push(c.id);
    }
  }
  return removed;
}

/** Removes what one run created, newest container first (steps and main before their sandbox). */
export async function removeCreated(
  runtime: ContainerRuntime,
  created: CreatedObjects,
  warn: Warn,
): Promise<void> {
  for (const p of created.processes ?? []) {
    const { notSignalled } = await stopRecordedProcess(p);
    if (notSignalled) warn(`main process: ${notSignalled}`);
  }
  for (const id of [...created.containers].reverse()) {
    await tryRemove(`container ${id.slice(0, 12)}`, () => runtime.removeContainer(id), warn);
  }
  for (const name of created.volumes) {
    await tryRemove(`volume ${name}`, () => runtime.removeVolume(name), warn);
  }
  for (const id of created.networks) {
    await tryRemove(`network ${id.slice(0, 12)}`, () => runtime.removeNetwork(id), warn);
  }
}

/** The objects one run created, announced (`created` events) the moment each exists. */
export class Tracked {
  private readonly live: Record<`${ObjectKind}s`, string[]> = { containers: [], networks: [], volumes: [] };
  readonly processes: HostProcess[] = [];
  /** Persistent volumes this run created: kept after a run, removed (with markers) when it is cancelled. */
  readonly newVolumes: { name: string; uid: string }[] = [];

  constructor(private readonly emit: RunObserver) {}

  add(kind: ObjectKind, id: string): void {
    this.live[`${kind}s`].push(id);
    this.emit({ type: 'created', kind, id });
  }

  /** Removed already (a finished step's container): nothing left for cleanup. */
  forget(kind: ObjectKind, id: string): void {
    const list = this.live[`${kind}s`];
    const at = list.indexOf(id);
    if (at >= 0) list.splice(at, 1);
  }

  addProcess(info: HostProcess): void {
    this.processes.push(info);
    this.emit({
      type: 'created',
      kind: 'process',
      id: String(info.pid),
      ...(info.startTime !== undefined && { startTime: info.startTime }),
    });
  }

  snapshot(): CreatedObjects {
    return {
      containers: [...this.live.containers],
      networks: [...this.live.networks],
      volumes: [...this.live.volumes],
      processes: this.processes.map(({ pid, startTime }) => ({
        pid,
        ...(startTime !== undefined && { startTime }),
      })),
    };
  }

  /**
   * Removes everything this run created (networks last: every container on them is gone by then);
   * `withNewVolumes` also the persistent volumes it created (a cancelled run leaves nothing behind) and
   * returns their identities, whose markers go with them.
   */
  async removeAll(runtime: ContainerRuntime, warn: Warn, withNewVolumes: boolean): Promise<string[]> {
    const created = this.snapshot();
    if (withNewVolumes) created.volumes.push(...this.newVolumes.map((v) => v.name));
    await removeCreated(runtime, created, warn);
    for (const list of Object.values(this.live)) list.length = 0;
    this.processes.length = 0;
    return withNewVolumes ? this.newVolumes.map((v) => v.uid) : [];
  }
}
