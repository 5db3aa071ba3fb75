// The planner: pure. Given a step and what is known about its volumes and files, it decides run or skip
// and says why in words a person reads. The engine asks it right before each step (an earlier step may
// have created the file a later `fileMissing` checks); `initsteps plan` asks it for every step up front.
import {
  initSequence,
  isPersistent,
  type ResolvedInstance,
  type ResolvedProject,
  type ResolvedStep,
} from '../spec/model.js';

/** A marker: `initializedFor[<service>/<step>] = at`, stamped on one volume identity. */
export interface Marker {
  /** The identity of the volume it was stamped on (a volume removed and created again has a new one). */
  volumeUid: string;
  key: string;
  at: string;
}

export interface VolumeFacts {
  /** Identity of the volume as it exists now; undefined when it does not exist yet. */
  uid?: string;
  markers: Marker[];
}

export interface StepFacts {
  /** Facts per persistent mount name of the step. A missing entry means the volume does not exist yet. */
  volumes: Record<string, VolumeFacts | undefined>;
  /** For `fileMissing`: whether the file exists; undefined when it could not be known (volume absent). */
  fileExists?: boolean;
}

export interface Decision {
  action: 'run' | 'skip';
  reason: string;
}

export const markerKey = (service: string, step: string): string => `${service}/${step}`;

/** Whether a volume, as it exists now, carries the marker for this step. Stale identities never count. */
export const hasMarker = (facts: VolumeFacts | undefined, key: string): boolean =>
  facts?.uid !== undefined && facts.markers.some((m) => m.volumeUid === facts.uid && m.key === key);

/** The persistent volumes a `freshVolume` step looks at for its markers (`runIf.volume` restricts them). */
const markedVolumes = (step: ResolvedStep, only: string | undefined) =>
  step.volumes.filter(isPersistent).filter((v) => !only || v.name === only);

/**
 * Whether the step runs on every `up`, whatever its volumes hold: `runIf: always`, or a `freshVolume`
 * step with no persistent volume to carry its marker. What such a step does is redone on top of any
 * restored state, so the cache's base key leaves it out (docs/cache.md, "The key").
 */
export function runsOnEveryUp(step: ResolvedStep): boolean {
  const runIf = step.runIf;
  if (runIf.type === 'always') return true;
  return runIf.type === 'freshVolume' && markedVolumes(step, runIf.volume).length === 0;
}

export function decideStep(service: string, step: ResolvedStep, facts: StepFacts): Decision {
  const runIf = step.runIf;
  switch (runIf.type) {
    case 'always':
      return { action: 'run', reason: 'runIf always' };
    case 'fileMissing': {
      if (facts.fileExists === true) return { action: 'skip', reason: `${runIf.path} exists` };
      return { action: 'run', reason: `${runIf.path} is missing` };
    }
    case 'freshVolume': {
      const persistent = markedVolumes(step, runIf.volume);
      if (persistent.length === 0) return { action: 'run', reason: 'no persistent volume: always fresh' };
      const key = markerKey(service, step.name);
      const fresh = persistent.filter((v) => !hasMarker(facts.volumes[v.name], key));
      if (fresh.length === 0) return { action: 'skip', reason: 'volume already initialized' };
      const names = fresh.map((v) => v.name).join(', ');
      return { action: 'run', reason: `fresh volume ${names}` };
    }
  }
}

export interface PlanEntry {
  service: string;
  instance: string;
  step: string;
  /** `start`: a native sidecar, started in its place and kept running (docs/kubernetes.md#native-sidecars). */
  action: 'run' | 'skip' | 'start';
  reason: string;
}

/** Facts for a whole project, by instance name then step name. */
export type FactsLookup = (instance: ResolvedInstance, step: ResolvedStep) => StepFacts;

export function planProject(project: ResolvedProject, facts: FactsLookup): PlanEntry[] {
  const entries: PlanEntry[] = [];
  for (const service of project.services) {
    for (const instance of service.instances) {
      for (const entry of initSequence(instance)) {
        const at = { service: service.name, instance: instance.name };
        if (entry.kind === 'sidecar') {
          const reason = "native sidecar: runs for the pod's life";
          entries.push({ ...at, step: entry.sidecar.name, action: 'start', reason });
          continue;
        }
        const step = entry.step;
        entries.push({ ...at, step: step.name, ...decideStep(service.name, step, facts(instance, step)) });
      }
    }
  }
  return entries;
}

/** Facts for a project none of whose volumes exist yet (`plan` before any `up`, or without Docker). */
export const freshFacts: FactsLookup = () => ({ volumes: {} });
