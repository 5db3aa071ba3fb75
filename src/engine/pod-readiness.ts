// Readiness of an instance whose pod has several containers (docs/kubernetes.md#several-containers): as in
// Kubernetes, the pod is ready when every container is, each by its own probe (the main by the service's,
// with its startup and liveness probes: main-probes.ts).
import { waitReady, type Readiness, type StartedMain } from './readiness.js';

export async function waitInstanceReady(
  mainReadiness: Promise<Readiness>,
  main: StartedMain,
  signal?: AbortSignal,
): Promise<Readiness> {
  const results = await Promise.all([
    mainReadiness,
    ...(main.others ?? []).map(({ probe, started }) =>
      waitReady(probe, started.healthcheck, started.target, signal),
    ),
  ]);
  // The first container that is not ready, named (each target's messages name their container).
  return results.find((r) => !r.ok) ?? { ok: true };
}
