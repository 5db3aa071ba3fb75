// What `initsteps plan` reads from the engine without running anything: which persistent volumes exist,
// the markers of their current identity, and whether each fileMissing path is there now.
import { existsSync } from 'node:fs';
import { getMarkers, stateDir } from '../markers/store.js';
import type { FactsLookup, StepFacts } from '../plan/plan.js';
import type { ContainerRuntime } from '../runtime/types.js';
import { ensureSandboxImage } from '../runtime/sandbox-image.js';
import { isPersistent, type ResolvedProject } from '../spec/model.js';
import { LABEL, volumeName } from './labels.js';
import { pathExistsOnMounts } from './path-check.js';

export async function readFacts(
  runtime: ContainerRuntime,
  project: ResolvedProject,
  dir: string = stateDir(),
): Promise<FactsLookup> {
  const facts = new Map<string, StepFacts>();
  let sandboxImage: string | undefined;
  for (const service of project.services) {
    for (const inst of service.instances) {
      // Docker names of the persistent volumes that exist now; emptyDir volumes never exist before a run.
      const existing = new Map<string, string>();
      for (const step of inst.steps) {
        const stepFacts: StepFacts = { volumes: {} };
        for (const m of step.volumes.filter(isPersistent)) {
          const name = volumeName(project.name, inst.name, m.name);
          const info = await runtime.inspectVolume(name);
          if (!info) continue;
          existing.set(m.name, name);
          const uid = info.labels[LABEL.uid];
          stepFacts.volumes[m.name] = { uid, markers: uid ? await getMarkers(uid, dir) : [] };
        }
        const runIf = step.runIf;
        if (runIf.type === 'fileMissing') {
          if (service.runtime === 'process') {
            stepFacts.fileExists = existsSync(runIf.path);
          } else {
            const mounts = step.volumes.filter(
              (m) =>
                (runIf.volume === undefined || m.name === runIf.volume) &&
                (m.source.kind === 'hostPath' || existing.has(m.name)),
            );
            sandboxImage ??= await ensureSandboxImage(runtime);
            const labels = { [LABEL.project]: project.name, [LABEL.role]: 'step' };
            stepFacts.fileExists = await pathExistsOnMounts(
              runtime,
              { sandboxImage, labels, volumes: mounts, names: existing, gate: project },
              runIf.path,
            );
          }
        }
        facts.set(`${inst.name}/${step.name}`, stepFacts);
      }
    }
  }
  return (inst, step) => facts.get(`${inst.name}/${step.name}`) ?? { volumes: {} };
}
