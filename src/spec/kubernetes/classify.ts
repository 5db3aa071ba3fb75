// Which documents are Kubernetes objects (docs/kubernetes.md#input): by apiVersion and kind, with the one
// overlap, `apiVersion: v1, kind: Service`, told apart by its fields.
import type { LMap, LNode } from './located.js';

export const WORKLOAD_KINDS: Readonly<Record<string, string>> = {
  Pod: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  Job: 'batch/v1',
};
export const DATA_KINDS: Readonly<Record<string, string>> = {
  Service: 'v1',
  ConfigMap: 'v1',
  Secret: 'v1',
  PersistentVolumeClaim: 'v1',
};

/** The `v1` kinds: those run or read, and those ignored (docs/kubernetes.md#ignored). */
const CORE_KINDS: ReadonlySet<string> = new Set([
  'Pod',
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
  'ServiceAccount',
  'Namespace',
  'Endpoints',
  'LimitRange',
  'ResourceQuota',
  'ReplicationController',
  'PersistentVolume',
]);

export type Classified =
  | { is: 'native' }
  | { is: 'kubernetes'; apiVersion: string; kind: string }
  | { is: 'list' }
  | { is: 'ambiguous'; message: string };

const scalarText = (map: LMap, key: string): string | undefined => {
  const v = map.entries.get(key)?.value;
  return v?.kind === 'scalar' && typeof v.value === 'string' ? v.value : undefined;
};

/** A native document is `initsteps/v1`, or `v1` with kind Service (with an image) or Job. */
export function classify(node: LNode): Classified {
  if (node.kind !== 'map') return { is: 'native' };
  const apiVersion = scalarText(node, 'apiVersion');
  const kind = scalarText(node, 'kind');
  if (apiVersion === undefined || kind === undefined || apiVersion.startsWith('initsteps')) {
    return { is: 'native' };
  }
  if (apiVersion === 'v1' && kind === 'List') return { is: 'list' };
  if (apiVersion === 'v1' && kind === 'Job') return { is: 'native' };
  if (apiVersion === 'v1' && kind === 'Service') {
    const spec = node.entries.get('spec')?.value;
    const fields = spec?.kind === 'map' ? spec.entries : new Map<string, never>();
    const ports = fields.get('ports')?.value;
    const targetPort =
      ports?.kind === 'seq' && ports.items.some((p) => p.kind === 'map' && p.entries.has('targetPort'));
    const kubernetes = fields.has('selector') || targetPort;
    const image = fields.has('image');
    if (kubernetes && !image) return { is: 'kubernetes', apiVersion, kind };
    if (image && kubernetes) {
      return {
        is: 'ambiguous',
        message:
          '`apiVersion: v1, kind: Service` with both `spec.image` (an initsteps service) and `spec.selector` or `targetPort` (a Kubernetes Service): use `apiVersion: initsteps/v1` for an initsteps service, or drop `image` for a Kubernetes Service',
      };
    }
    // Neither: a Kubernetes Service without a selector (ports with `port`, a `type`, a `clusterIP`) is
    // not something initsteps can run, and anything else is a native service the native checks explain.
    const kubernetesShaped =
      fields.has('type') ||
      fields.has('clusterIP') ||
      (ports?.kind === 'seq' && ports.items.some((p) => p.kind === 'map' && p.entries.has('port')));
    if (image || !kubernetesShaped) return { is: 'native' };
    return {
      is: 'ambiguous',
      message:
        '`apiVersion: v1, kind: Service` with neither `spec.image` (an initsteps service) nor `spec.selector` or `targetPort` (a Kubernetes Service): give the Kubernetes Service a `selector`, or write an initsteps service with `apiVersion: initsteps/v1` and `spec.image`',
    };
  }
  // The native kinds under another apiVersion are native documents with a mistake the native checks name.
  if ((kind === 'Service' || kind === 'Job') && apiVersion !== (WORKLOAD_KINDS[kind] ?? DATA_KINDS[kind])) {
    return { is: 'native' };
  }
  // A `v1` kind Kubernetes does not have is a native document with a mistake: the native checks name it.
  if (apiVersion === 'v1' && !CORE_KINDS.has(kind)) return { is: 'native' };
  // Any other apiVersion is Kubernetes': its objects are run or ignored by kind.
  return { is: 'kubernetes', apiVersion, kind };
}
