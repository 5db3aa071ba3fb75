// What the planner is told about a step, gathered one way for `plan` (nothing runs: the volumes that
// exist now) and for `up` (right before the step: an earlier step may have created the file a later
// `fileMissing` checks). Only where the facts come from differs.
import { existsSync } from 'node:fs';
import { getMarkers, stateDir } from '../markers/store.js';
import type { FactsLookup, StepFacts } from '../plan/plan.js';
import type { ContainerRuntime } from '../runtime/types.js';
import { ensureSandboxImage } from '../runtime/sandbox-image.js';
import {
  isPersistent,
  type ResolvedProject,
  type ResolvedInstance,
  type ResolvedStep,
  type VolumeMount,
} from '../spec/model.js';
import { LABEL, persistentVolumeName } from './labels.js';
import { pathExistsOnMounts } from './path-check.js';

/** Where an instance's facts come from. */
export interface FactSource {
  /** The Docker volume behind a spec volume, with its identity label; undefined when it does not exist. */
  volume(name: string): { uid: string | undefined } | undefined;
  /** Whether `path` exists on these mounts (hostPath ones and volumes that exist). */
  pathExists(path: string, mounts: VolumeMount[]): Promise<boolean>;
  stateDir: string;
}

export async function stepFacts(step: ResolvedStep, source: FactSource): Promise<StepFacts> {
  const facts: StepFacts = { volumes: {} };
  for (const m of step.volumes.filter(isPersistent)) {
    const v = source.volume(m.name);
    if (v === undefined) continue;
    facts.volumes[m.name] = { uid: v.uid, markers: v.uid ? await getMarkers(v.uid, source.stateDir) : [] };
  }
  const runIf = step.runIf;
  if (runIf.type === 'fileMissing') {
    const mounts = step.volumes.filter(
      (m) =>
        (runIf.volume === undefined || m.name === runIf.volume) &&
        (m.source.kind === 'hostPath' || source.volume(m.name) !== undefined),
    );
    facts.fileExists = await source.pathExists(runIf.path, mounts);
  }
  return facts;
}

/** A process step's paths are the host's own. */
export const hostPathExists = (path: string): Promise<boolean> => Promise.resolve(existsSync(path));

/** `initsteps plan`: the facts of every step as things are now, starting nothing. */
export async function readFacts(
  runtime: ContainerRuntime,
  project: ResolvedProject,
  dir: string = stateDir(),
): Promise<FactsLookup> {
  const facts = new Map<string, StepFacts>();
  let sandboxImage: string | undefined;
  for (const service of project.services) {
    for (const inst of service.instances) {
      const existing = await existingVolumes(runtime, project.name, inst);
      const source: FactSource = {
        stateDir: dir,
        volume: (name) => existing.get(name),
        pathExists: async (path, mounts) => {
          if (service.runtime === 'process') return hostPathExists(path);
          sandboxImage ??= await ensureSandboxImage(runtime);
          const labels = { [LABEL.project]: project.name, [LABEL.role]: 'step' };
          const names = new Map([...existing].map(([name, v]) => [name, v.dockerName]));
          const labelled = [...existing.values()].filter((v) => v.uid !== undefined).map((v) => v.dockerName);
          return pathExistsOnMounts(
            runtime,
            { sandboxImage, labels, volumes: mounts, names, labelled, gate: project },
            path,
          );
        },
      };
      for (const step of inst.steps) facts.set(`${inst.name}/${step.name}`, await stepFacts(step, source));
    }
  }
  return (inst, step) => facts.get(`${inst.name}/${step.name}`) ?? { volumes: {} };
}

/** The instance's persistent volumes that exist now; emptyDir volumes never exist before a run. */
async function existingVolumes(
  runtime: ContainerRuntime,
  project: string,
  inst: ResolvedInstance,
): Promise<Map<string, { uid: string | undefined; dockerName: string }>> {
  const found = new Map<string, { uid: string | undefined; dockerName: string }>();
  for (const m of inst.steps.flatMap((s) => s.volumes).filter(isPersistent)) {
    if (found.has(m.name)) continue;
    const dockerName = persistentVolumeName(project, inst.name, m);
    const info = await runtime.inspectVolume(dockerName);
    if (info) found.set(m.name, { dockerName, uid: info.labels[LABEL.uid] });
  }
  return found;
}
