// Readiness of an instance whose pod has several containers (docs/kubernetes.md#several-containers): as in
// Kubernetes, the pod is ready when every container is, each by its own probe (the main by the service's).
import type { Probe } from '../spec/model.js';
import { waitReady, type Readiness, type StartedMain } from './readiness.js';

export async function waitInstanceReady(
  probe: Probe | undefined,
  main: StartedMain,
  signal?: AbortSignal,
): Promise<Readiness> {
  const all = [{ probe, started: main }, ...(main.others ?? [])];
  const results = await Promise.all(
    all.map(({ probe: p, started }) => waitReady(p, started.healthcheck, started.target, signal)),
  );
  // The first container that is not ready, named (each target's messages name their container).
  return results.find((r) => !r.ok) ?? { ok: true };
}
