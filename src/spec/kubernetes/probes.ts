// A container's ports and probes (docs/kubernetes.md#probes): what the main container, a native sidecar
// and the pod's other containers may declare, and what each is refused.
import type { PortMapping, Probe } from '../model.js';
import type { LMap, LNode } from './located.js';
import type { Reader } from './reader.js';
import { K8S, NOT_YET, texts, type MainProbes } from './shared.js';

export function ports(r: Reader, c: LMap): PortMapping[] {
  return r.maps(c, 'ports').flatMap((p) => {
    const containerPort = r.int(p, 'containerPort', 1);
    const hostPort = r.int(p, 'hostPort', 1);
    const hostIp = r.str(p, 'hostIP');
    const protocol = r.str(p, 'protocol') ?? 'TCP';
    r.entry(p, 'name');
    r.ignoreRest(p, 'container port');
    if (protocol !== 'TCP' && protocol !== 'UDP') {
      r.problem(r.keyAt(p, 'protocol'), `protocol ${protocol} is ${NOT_YET}: TCP and UDP are`);
      return [];
    }
    if (containerPort === undefined) return [];
    return [
      {
        containerPort,
        hostIp: hostIp ?? '127.0.0.1',
        ...(hostPort !== undefined && { hostPort }),
        protocol: protocol === 'UDP' ? 'udp' : 'tcp',
      } satisfies PortMapping,
    ];
  });
}

/** A named port of the container (`port: http`) as its number. */
export function portNumber(r: Reader, node: LNode | undefined, container: LMap): number | undefined {
  if (node === undefined) return undefined;
  if (node.kind === 'scalar' && typeof node.value === 'number') return node.value;
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    for (const p of container.entries.get('ports')?.value.kind === 'seq'
      ? (container.entries.get('ports')?.value as { items: LNode[] }).items
      : []) {
      if (p.kind !== 'map') continue;
      const name = p.entries.get('name')?.value;
      const num = p.entries.get('containerPort')?.value;
      if (
        name?.kind === 'scalar' &&
        name.value === node.value &&
        num?.kind === 'scalar' &&
        typeof num.value === 'number'
      ) {
        return num.value;
      }
    }
    r.problem(node, `no container port named "${String(node.value)}"`);
    return undefined;
  }
  r.problem(node, 'expected a port number or name');
  return undefined;
}

/**
 * A probe of the main container (docs/kubernetes.md#probes). As Kubernetes validates them: a startup or
 * liveness probe has `successThreshold` 1; `terminationGracePeriodSeconds` is theirs, not readiness's.
 */
export function probe(
  r: Reader,
  raw: LMap | undefined,
  container: LMap,
  kind: 'readiness' | 'startup' | 'liveness',
): Probe | undefined {
  if (!raw) return undefined;
  const d = K8S.probe;
  const exec = r.map(raw, 'exec');
  const http = r.map(raw, 'httpGet');
  const tcp = r.map(raw, 'tcpSocket');
  const grpc = r.map(raw, 'grpc');
  let check: Probe['check'] | undefined;
  if (exec) {
    check = { kind: 'exec', command: texts(r, exec, 'command') ?? [] };
    r.ignoreRest(exec, 'exec probe');
  } else if (http) {
    const port = portNumber(r, r.entry(http, 'port'), container);
    const scheme = (r.str(http, 'scheme') ?? 'HTTP').toLowerCase();
    const host = r.str(http, 'host');
    check =
      port === undefined
        ? undefined
        : {
            kind: 'httpGet',
            port,
            path: r.str(http, 'path') ?? '/',
            scheme: scheme === 'https' ? 'https' : 'http',
            ...(host !== undefined && { host }),
          };
    r.ignoreRest(http, 'httpGet probe');
  } else if (tcp) {
    const port = portNumber(r, r.entry(tcp, 'port'), container);
    const host = r.str(tcp, 'host');
    check = port === undefined ? undefined : { kind: 'tcpSocket', port, ...(host !== undefined && { host }) };
    r.ignoreRest(tcp, 'tcpSocket probe');
  } else if (grpc) {
    // Kubernetes' grpc port is a number (no named port), and the call has no TLS.
    const port = r.int(grpc, 'port', 1);
    if (port === undefined && !r.has(grpc, 'port')) r.problem(grpc, 'a grpc probe needs `port`');
    check = port === undefined ? undefined : { kind: 'grpc', port, service: r.str(grpc, 'service') ?? '' };
    r.ignoreRest(grpc, 'grpc probe');
  } else {
    r.problem(raw, `a ${kind}Probe needs one of exec, httpGet, tcpSocket, grpc`);
  }
  const successThreshold = r.int(raw, 'successThreshold', 1);
  if (kind !== 'readiness' && successThreshold !== undefined && successThreshold !== 1) {
    r.problem(
      r.keyAt(raw, 'successThreshold'),
      `a ${kind}Probe's successThreshold must be 1 (as in Kubernetes)`,
    );
  }
  const grace = r.int(raw, 'terminationGracePeriodSeconds', 1);
  if (kind === 'readiness' && grace !== undefined) {
    r.problem(
      r.keyAt(raw, 'terminationGracePeriodSeconds'),
      'terminationGracePeriodSeconds is for a startupProbe or livenessProbe (as in Kubernetes): a failing readiness probe stops nothing',
    );
  }
  const result = check && {
    check,
    initialDelayMs: (r.int(raw, 'initialDelaySeconds') ?? 0) * 1000,
    periodMs: (r.int(raw, 'periodSeconds', 1) ?? d.periodSeconds) * 1000,
    timeoutMs: (r.int(raw, 'timeoutSeconds', 1) ?? d.timeoutSeconds) * 1000,
    failureThreshold: r.int(raw, 'failureThreshold', 1) ?? d.failureThreshold,
    ...(kind === 'readiness' &&
      successThreshold !== undefined &&
      successThreshold > 1 && { successThreshold }),
    ...(kind !== 'readiness' && grace !== undefined && { terminationGraceSeconds: grace }),
  };
  r.ignoreRest(raw, 'probe');
  return result;
}

/**
 * The main container's probes; a Job's container runs to completion here, so a startup or liveness
 * probe there is refused (a readinessProbe is ignored, as before: nothing waits for a job to be ready).
 */
export function mainProbes(r: Reader, main: LMap, isJob: boolean): MainProbes {
  const readiness = probe(r, r.map(main, 'readinessProbe'), main, 'readiness');
  if (isJob) {
    for (const p of ['startupProbe', 'livenessProbe']) {
      r.refuse(main, p, `a ${p} on a Job's container is ${NOT_YET}: the job's container runs to completion`);
    }
    return { ...(readiness && { readiness }) };
  }
  const startup = probe(r, r.map(main, 'startupProbe'), main, 'startup');
  const liveness = probe(r, r.map(main, 'livenessProbe'), main, 'liveness');
  return { ...(readiness && { readiness }), ...(startup && { startup }), ...(liveness && { liveness }) };
}

export function refuseProbes(
  r: Reader,
  c: LMap,
  probes: string[],
  role: 'init container' | 'native sidecar' | "pod's other container",
): void {
  for (const p of probes) {
    r.refuse(
      c,
      p,
      role === 'init container'
        ? `a ${p} on an init container is not valid in Kubernetes`
        : `${p} on a ${role} is ${NOT_YET}: ${role === 'native sidecar' ? 'its startupProbe' : 'its readinessProbe'} is run`,
    );
  }
}
