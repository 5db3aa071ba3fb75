// The input files' objects read and indexed: metadata, ConfigMaps, Secrets, PersistentVolumeClaims,
// Services, and the workloads' specs up to their pod template (docs/kubernetes.md).
import { parseMemory } from '../quantity.js';
import { DATA_KINDS, WORKLOAD_KINDS } from './classify.js';
import type { LMap, LNode } from './located.js';
import type { Reader } from './reader.js';
import {
  K8S,
  NOT_YET,
  key,
  type KubeObject,
  type KubeObjects,
  type Meta,
  type ServiceObject,
  type Workload,
} from './shared.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function indexObjects(r: Reader, objects: KubeObject[]): KubeObjects {
  const out: KubeObjects = {
    configMaps: new Map(),
    secrets: new Map(),
    claims: new Map(),
    services: [],
    workloads: [],
  };
  for (const obj of objects) index(r, out, obj);
  return out;
}

/**
 * The data of the ConfigMap or Secret a `*Ref` / volume names, in the pod's namespace; undefined (reported
 * unless optional) when absent.
 */
export function lookup(
  r: Reader,
  objects: KubeObjects,
  ref: LMap,
  secret: boolean,
  namespace: string,
  nameField = 'name',
): Map<string, string> | undefined {
  const name = r.str(ref, nameField);
  const optional = r.bool(ref, 'optional') ?? false;
  if (name === undefined) {
    r.problem(ref, `missing required field \`${nameField}\``);
    return undefined;
  }
  const found = (secret ? objects.secrets : objects.configMaps).get(key(namespace, name));
  if (!found && !optional) {
    r.problem(
      ref.entries.get(nameField)?.value ?? ref,
      `no ${secret ? 'Secret' : 'ConfigMap'} "${name}" in namespace ${namespace} among the input files`,
    );
  }
  return found?.data;
}

function readMeta(r: Reader, obj: KubeObject, map: LMap | undefined, requireName: boolean): Meta | undefined {
  if (!map) {
    if (requireName) r.problem(obj.node, 'missing required field `metadata`');
    return undefined;
  }
  const name = r.str(map, 'name');
  const nameNode = map.entries.get('name')?.value;
  if (requireName && name === undefined && !nameNode) r.problem(map, 'missing required field `name`');
  if (name !== undefined && (!DNS_LABEL.test(name) || name.length > 63) && requireName) {
    r.problem(
      nameNode ?? map,
      `"${name}" is not a DNS label (lowercase letters, digits and '-', at most 63)`,
    );
    return undefined;
  }
  const namespace = r.str(map, 'namespace') ?? K8S.namespace;
  const labels = new Map([...r.strings(map, 'labels')].map(([k, v]) => [k, v.value]));
  const annotations = r.strings(map, 'annotations');
  r.ignoreRest(map, 'metadata');
  if (requireName && name === undefined) return undefined;
  return { name: name ?? '', namespace, labels, annotations, namePos: nameNode?.pos ?? map.pos };
}

function index(r: Reader, out: KubeObjects, obj: KubeObject): void {
  const node = obj.node;
  r.entry(node, 'apiVersion');
  r.entry(node, 'kind');
  const expectedApi = WORKLOAD_KINDS[obj.kind] ?? DATA_KINDS[obj.kind];
  if (expectedApi !== undefined && expectedApi !== obj.apiVersion) {
    r.problem(
      r.keyAt(node, 'apiVersion'),
      `a ${obj.kind} is \`apiVersion: ${expectedApi}\` (got ${obj.apiVersion})`,
    );
    return;
  }
  if (expectedApi === undefined) {
    r.ignoreObject(`${obj.apiVersion} ${obj.kind}`, { pos: node.pos, path: '' });
    return;
  }
  const m = readMeta(r, obj, r.map(node, 'metadata'), true);
  const spec = r.map(node, 'spec');
  if (!m) return;
  const id = key(m.namespace, m.name);
  switch (obj.kind) {
    case 'ConfigMap': {
      const data = new Map([...r.strings(node, 'data')].map(([k, v]) => [k, v.value]));
      for (const [k, v] of r.strings(node, 'binaryData')) {
        const decoded = base64(r, v.value, v.node);
        if (decoded !== undefined) data.set(k, decoded);
      }
      out.configMaps.set(id, { obj, meta: m, data });
      break;
    }
    case 'Secret': {
      const data = new Map<string, string>();
      for (const [k, v] of r.strings(node, 'data')) {
        const decoded = base64(r, v.value, v.node);
        if (decoded !== undefined) data.set(k, decoded);
      }
      for (const [k, v] of r.strings(node, 'stringData'))
        data.set(k, Buffer.from(v.value).toString('base64'));
      // `type: Opaque`, Kubernetes' default, is what every Secret is here: no notice for it. Other types
      // (a TLS pair, a registry's config) are read the same way, and noticed as ignored.
      const type = node.entries.get('type')?.value;
      if (type?.kind === 'scalar' && type.value === 'Opaque') r.entry(node, 'type');
      out.secrets.set(id, { obj, meta: m, data });
      break;
    }
    case 'PersistentVolumeClaim': {
      const capacity = storage(r, spec);
      out.claims.set(id, { obj, meta: m, data: capacity !== undefined ? { capacityBytes: capacity } : {} });
      if (spec) r.ignoreRest(spec, 'PersistentVolumeClaim spec');
      break;
    }
    case 'Service':
      if (spec) out.services.push({ obj, meta: m, data: service(r, spec) });
      break;
    default:
      if (!spec) r.problem(node, 'missing required field `spec`');
      else {
        const w = workload(r, obj, m, spec);
        if (w) out.workloads.push(w);
      }
  }
  r.ignoreRest(node, obj.kind);
}

/** Secret `data` and ConfigMap `binaryData` values: base64, kept as base64 (files and env decode them). */
function base64(r: Reader, value: string, node: LNode): string | undefined {
  const clean = value.replace(/\s+/g, '');
  if (/^[A-Za-z0-9+/]*={0,2}$/.test(clean) && clean.length % 4 === 0) return clean;
  r.problem(
    node,
    'not base64 (Secret `data` and ConfigMap `binaryData` are base64; use `stringData` or `data` for text)',
  );
  return undefined;
}

/** `resources.requests.storage` of a PVC or claim template spec. */
function storage(r: Reader, spec: LMap | undefined): number | undefined {
  const resources = spec && r.map(spec, 'resources');
  const requests = resources && r.map(resources, 'requests');
  const text = requests && r.text(requests, 'storage');
  if (text === undefined || !requests) return undefined;
  const bytes = parseMemory(text);
  if (bytes === undefined)
    r.problem(requests.entries.get('storage')?.value ?? requests, `"${text}" is not a quantity`);
  return bytes;
}

function service(r: Reader, spec: LMap): ServiceObject {
  const selector = new Map([...r.strings(spec, 'selector')].map(([k, v]) => [k, v.value]));
  const ports = r.maps(spec, 'ports').flatMap((p) => {
    const port = r.int(p, 'port', 1);
    const name = r.str(p, 'name');
    const targetPort = r.entry(p, 'targetPort');
    const protocol = r.str(p, 'protocol');
    if (protocol !== undefined && protocol !== 'TCP' && protocol !== 'UDP') {
      r.problem(r.keyAt(p, 'protocol'), `protocol ${protocol} is ${NOT_YET}: TCP and UDP are`);
    }
    r.ignoreRest(p, 'Service port');
    if (port === undefined) {
      if (!p.entries.has('port')) r.problem(p, 'missing required field `port`');
      return [];
    }
    return [{ ...(name !== undefined && { name }), port, ...(targetPort && { targetPort }), node: p }];
  });
  r.ignoreRest(spec, 'Service spec');
  return { selector, ports };
}

/** A Pod, or a Deployment's, StatefulSet's or Job's spec up to its pod template; undefined without one. */
function workload(r: Reader, obj: KubeObject, meta: Meta, spec: LMap): Workload | undefined {
  if (obj.kind === 'Pod') {
    return {
      obj,
      meta,
      replicas: 1,
      podMeta: meta,
      pod: spec,
      podManagementPolicy: 'OrderedReady',
      claimTemplates: [],
    };
  }
  const replicas = obj.kind === 'Job' ? 1 : (r.int(spec, 'replicas') ?? 1);
  r.entry(spec, 'selector'); // the template's labels are what Services select here
  const template = r.map(spec, 'template');
  const templateSpec = template && r.map(template, 'spec');
  if (!template || !templateSpec) {
    r.problem(template ?? spec, 'missing required field `template.spec`');
    return undefined;
  }
  const podMeta = readMeta(r, obj, r.map(template, 'metadata'), false) ?? {
    ...meta,
    labels: new Map(),
    annotations: new Map(),
  };
  r.ignoreRest(template, 'pod template');
  const w: Workload = {
    obj,
    meta,
    replicas,
    podMeta: { ...podMeta, name: meta.name, namespace: meta.namespace },
    pod: templateSpec,
    podManagementPolicy: obj.kind === 'Deployment' ? 'Parallel' : 'OrderedReady',
    claimTemplates: [],
  };
  if (obj.kind === 'StatefulSet') statefulSet(r, spec, w);
  if (obj.kind === 'Job') w.job = job(r, spec);
  r.ignoreRest(spec, `${obj.kind} spec`);
  return w;
}

function statefulSet(r: Reader, spec: LMap, w: Workload): void {
  const serviceName = r.str(spec, 'serviceName');
  if (serviceName !== undefined) w.serviceName = serviceName;
  const policy = r.str(spec, 'podManagementPolicy');
  if (policy === 'OrderedReady' || policy === 'Parallel') w.podManagementPolicy = policy;
  else if (policy !== undefined) {
    r.problem(r.keyAt(spec, 'podManagementPolicy'), `"${policy}" is not one of OrderedReady, Parallel`);
  }
  for (const t of r.maps(spec, 'volumeClaimTemplates')) {
    const tMeta = r.map(t, 'metadata');
    const name = tMeta && r.str(tMeta, 'name');
    if (tMeta) r.ignoreRest(tMeta, 'volumeClaimTemplate metadata');
    const tSpec = r.map(t, 'spec');
    const capacity = storage(r, tSpec);
    if (tSpec) r.ignoreRest(tSpec, 'volumeClaimTemplate spec');
    r.ignoreRest(t, 'volumeClaimTemplate');
    if (name === undefined) r.problem(t, 'missing required field `metadata.name`');
    else w.claimTemplates.push({ name, ...(capacity !== undefined && { capacityBytes: capacity }) });
  }
}

function job(r: Reader, spec: LMap): NonNullable<Workload['job']> {
  const completions = r.int(spec, 'completions', 1);
  if (completions !== undefined && completions > 1) {
    r.problem(
      r.keyAt(spec, 'completions'),
      `completions ${completions}: a Job of more than one completion is ${NOT_YET}`,
    );
  }
  const parallelism = r.int(spec, 'parallelism', 0);
  if (parallelism !== undefined && parallelism > 1) {
    r.problem(r.keyAt(spec, 'parallelism'), `parallelism ${parallelism} is ${NOT_YET}: one pod at a time`);
  }
  const deadline = r.int(spec, 'activeDeadlineSeconds', 1);
  return {
    backoffLimit: r.int(spec, 'backoffLimit') ?? K8S.backoffLimit,
    ...(deadline !== undefined && { deadlineSeconds: deadline }),
  };
}
