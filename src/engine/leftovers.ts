// What a run left behind when it was stopped before its cleanup finished, found the way `down` finds it
// (by label, and the host processes its state file records), and the `initsteps down` command that
// removes it. Persistent volumes need `down --volumes`, which removes every persistent volume of the
// project: the lines say so when that would take more than this run's.
import type { ContainerRuntime } from '../runtime/types.js';
import { recordedProcessState } from './host-process.js';
import { LABEL } from './labels.js';
import { loadLastRun } from './state.js';

export interface Leftovers {
  /** One line per object (`container 1a2b3c4d5e6f (sandbox tb-0)`); empty when nothing is left. */
  objects: string[];
  /** The command that removes them. */
  down: string;
  /** Set when `down --volumes` would also remove persistent volumes that existed before the run. */
  caution?: string;
}

/**
 * What still exists of run `runId` of `project`; with no run id, what `down` (with `--volumes` when
 * `withVolumes`) was removing.
 */
export async function findLeftovers(
  runtime: ContainerRuntime,
  project: string,
  runId?: string,
  withVolumes = false,
): Promise<Leftovers> {
  const ofProject = { [LABEL.project]: project };
  const of = runId === undefined ? ofProject : { ...ofProject, [LABEL.run]: runId };
  const objects: string[] = [];
  for (const c of await runtime.listContainers(of)) {
    const role = c.labels[LABEL.role] ?? 'container';
    const what =
      role === 'lock'
        ? 'the project lock: the next initsteps command of the project takes it over'
        : [role, c.labels[LABEL.instance], c.labels[LABEL.step]].filter(Boolean).join(' ');
    objects.push(`container ${c.id.slice(0, 12)} (${what})`);
  }
  for (const n of await runtime.listNetworks(ofProject)) objects.push(`network ${n.name}`);
  const volumes = await runtime.listVolumes(ofProject);
  const persistent = volumes.filter((v) => v.labels[LABEL.ephemeral] !== 'true');
  const ours =
    runId === undefined
      ? withVolumes
        ? persistent
        : []
      : persistent.filter((v) => v.labels[LABEL.run] === runId);
  for (const v of volumes) {
    if (v.labels[LABEL.ephemeral] === 'true') {
      if (runId === undefined || v.labels[LABEL.run] === runId) objects.push(`volume ${v.name}`);
    } else if (ours.includes(v)) {
      objects.push(`volume ${v.name} (persistent${runId === undefined ? '' : ', created by this run'})`);
    }
  }
  const last = await loadLastRun(project).catch(() => undefined);
  for (const p of last?.processes ?? []) {
    if (recordedProcessState(p) === 'running') objects.push(`process ${p.pid} (main of ${p.instance})`);
  }
  const others = persistent.filter((v) => !ours.includes(v));
  const needsVolumes = ours.length > 0;
  return {
    objects,
    down: `initsteps down --project ${project}${needsVolumes ? ' --volumes' : ''}`,
    ...(needsVolumes &&
      others.length > 0 && {
        caution:
          `--volumes also removes the project's other persistent volume(s) ${others.map((v) => v.name).join(', ')}; ` +
          `to keep them, run it without --volumes and then: docker volume rm ${ours.map((v) => v.name).join(' ')}`,
      }),
  };
}
