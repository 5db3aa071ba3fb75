// Services as a pod sees them: the network names it answers to and the service variables it is given
// (docs/kubernetes.md#mapping).
import type { EnvVar } from '../model.js';
import { envName, type Named, type ServiceObject, type Workload } from './shared.js';

export function selects(svc: Named<ServiceObject>, w: Workload): boolean {
  const sel = svc.data.selector;
  return (
    svc.meta.namespace === w.meta.namespace &&
    sel.size > 0 &&
    [...sel].every(([k, v]) => w.podMeta.labels.get(k) === v)
  );
}

/** Names the pod answers to: the Services that select it, and `<pod>.<serviceName>` for a StatefulSet. */
export function aliases(services: readonly Named<ServiceObject>[], w: Workload, podName: string): string[] {
  const out: string[] = [];
  const ns = w.meta.namespace;
  const fqdn = (name: string) => [
    name,
    `${name}.${ns}`,
    `${name}.${ns}.svc`,
    `${name}.${ns}.svc.cluster.local`,
  ];
  for (const svc of services) {
    if (!selects(svc, w)) continue;
    out.push(...fqdn(svc.meta.name));
    if (w.serviceName === svc.meta.name) out.push(...fqdn(`${podName}.${svc.meta.name}`));
  }
  return [...new Set(out)].filter((a) => a !== w.meta.name && a !== podName);
}

/** `<NAME>_SERVICE_HOST` / `_PORT` / `_PORT_<PORT NAME>` of every Service of the namespace, as the kubelet sets them. */
export function serviceEnv(services: readonly Named<ServiceObject>[], ns: string): EnvVar[] {
  const out: EnvVar[] = [];
  for (const svc of services) {
    if (svc.meta.namespace !== ns) continue;
    const n = envName(svc.meta.name);
    out.push({ name: `${n}_SERVICE_HOST`, value: svc.meta.name, secret: false });
    const [first] = svc.data.ports;
    if (first) out.push({ name: `${n}_SERVICE_PORT`, value: String(first.port), secret: false });
    for (const p of svc.data.ports) {
      if (p.name !== undefined) {
        out.push({ name: `${n}_SERVICE_PORT_${envName(p.name)}`, value: String(p.port), secret: false });
      }
    }
  }
  return out;
}
