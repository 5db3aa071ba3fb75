// The order pods start in (docs/kubernetes.md#start-order), and Services' ports against the pods they select.
import type { ResolvedService, SourcePos } from '../model.js';
import { portNumber } from './probes.js';
import type { Reader } from './reader.js';
import { selects } from './services.js';
import { ANNOTATION, NOT_YET, envName, key, type KubeObjects } from './shared.js';

/**
 * Services check their ports against what they select (`port` ≠ `targetPort` is refused: Docker's
 * network does no port remapping); a workload depends on the workloads behind every Service its
 * containers name (docs/kubernetes.md#start-order), and on those its `initsteps.dev/depends-on` names.
 */
export function dependencies(
  r: Reader,
  objects: KubeObjects,
  services: ResolvedService[],
  names: ReadonlyMap<string, SourcePos>,
): void {
  const byName = new Map(services.map((s) => [s.name, s]));
  const behind = new Map<string, string[]>();
  for (const svc of objects.services) {
    const selected = objects.workloads.filter((w) => selects(svc, w));
    behind.set(
      key(svc.meta.namespace, svc.meta.name),
      selected.map((w) => w.meta.name),
    );
    for (const p of svc.data.ports) {
      for (const w of selected) {
        const main = w.pod.entries.get('containers')?.value;
        const container = main?.kind === 'seq' ? main.items[0] : undefined;
        if (container?.kind !== 'map' || p.targetPort === undefined) continue;
        const target = portNumber(r, p.targetPort, container);
        if (target !== undefined && target !== p.port) {
          r.problem(
            p.targetPort,
            `targetPort ${target} ≠ port ${p.port}: Docker's network has no port remapping, so "${svc.meta.name}:${p.port}" would not reach the pod; ${NOT_YET} (use the same number)`,
          );
        }
      }
    }
  }
  const edges = new Map<string, string[]>();
  for (const w of objects.workloads) {
    const s = byName.get(w.meta.name);
    if (!s) continue;
    const first = s.instances[0];
    const text = [
      s.template,
      ...(first?.steps ?? []),
      ...(first?.containers ?? []),
      ...(first?.sidecars ?? []),
    ]
      .flatMap((c) => [
        ...(c.command ?? []),
        ...(c.args ?? []),
        ...c.env.filter((e) => !/_SERVICE_(HOST|PORT)/.test(e.name)).map((e) => e.value),
      ])
      .join('\n');
    const deps: string[] = [];
    for (const svc of objects.services) {
      if (svc.meta.namespace !== w.meta.namespace) continue;
      const n = svc.meta.name;
      const word = new RegExp(
        `(^|[^a-z0-9-])${n.replace(/-/g, '\\-')}([^a-z0-9-]|$)|\\$\\(${envName(n)}_SERVICE_`,
      );
      if (word.test(text)) deps.push(...(behind.get(key(svc.meta.namespace, n)) ?? []));
    }
    const explicit = w.meta.annotations.get(ANNOTATION.dependsOn);
    for (const d of explicit?.value
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean) ?? []) {
      if (names.has(d)) deps.push(d);
      else
        r.problem(
          explicit?.node ?? w.obj.node,
          `${ANNOTATION.dependsOn}: no workload, service or job "${d}"`,
        );
    }
    edges.set(
      w.meta.name,
      [...new Set(deps)].filter((d) => d !== w.meta.name),
    );
  }
  // An edge that would close a cycle is dropped: mentions are a guess, a cycle would start nothing.
  const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
    from === to ||
    (!seen.has(from) &&
      (seen.add(from), (byName.get(from)?.dependsOn ?? []).some((d) => reaches(d, to, seen))));
  for (const [name, deps] of edges) {
    const s = byName.get(name);
    if (!s) continue;
    for (const d of deps) if (!reaches(d, name)) s.dependsOn.push(d);
  }
}
