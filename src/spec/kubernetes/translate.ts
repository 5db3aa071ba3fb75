// Kubernetes objects → the resolved model (docs/kubernetes.md): a Pod, Deployment, StatefulSet or Job
// becomes a service (a Job a job) whose instances are its pods, their init containers init steps that
// always run (those with `restartPolicy: Always` native sidecars), the first container the main and the
// others started beside it; Services become network aliases and service variables;
// ConfigMaps, Secrets and PersistentVolumeClaims are read where pods use them. What Docker cannot do is a
// problem at its field; what initsteps does not run is ignored with a notice (reader.ts).
//
// The steps, one module each: objects.ts indexes the objects; workload.ts makes a workload a service, one
// pod.ts instance a replica, of container.ts containers with env.ts variables, volumes.ts mounts and
// probes.ts ports and probes; services.ts gives pods the Services' names; order.ts infers the start order.
import type { ResolvedService, SourcePos } from '../model.js';
import { indexObjects } from './objects.js';
import { dependencies } from './order.js';
import type { Reader } from './reader.js';
import type { Context, KubeObject, TranslateOptions } from './shared.js';
import { workloadService } from './workload.js';

export type { KubeObject, TranslateOptions };

export class Translator {
  constructor(
    private readonly r: Reader,
    private readonly options: TranslateOptions,
  ) {}

  translate(objects: KubeObject[]): ResolvedService[] {
    const t: Context = { r: this.r, options: this.options, objects: indexObjects(this.r, objects) };
    const names = new Map<string, SourcePos>(this.options.nativeNames);
    const out: ResolvedService[] = [];
    for (const w of t.objects.workloads) {
      const first = names.get(w.meta.name);
      if (first) {
        this.r.problem(
          { pos: w.meta.namePos, path: 'metadata.name' },
          `duplicate name "${w.meta.name}" (first declared at ${first.file}:${first.line}:${first.col}): workloads, services and jobs share one namespace`,
        );
        continue;
      }
      names.set(w.meta.name, w.meta.namePos);
      out.push(workloadService(t, w));
    }
    dependencies(this.r, t.objects, out, names);
    return out;
  }
}
