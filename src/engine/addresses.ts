// The address variables of one instance (docs/spec.md, "Addresses and references"). A container reaches a
// dependency by its DNS name on the project network (the alias of its sandbox) and its container port; a
// host process reaches it where its ports are published, known only once its sandbox has started, so the
// values are read from the run's results when the instance opens (dependencies have started by then).
import { addressedDependencies, addressVariables, viewOf, type ServiceAddress } from '../spec/addresses.js';
import type { EnvVar, ResolvedService } from '../spec/model.js';
import type { RunContext } from './run-context.js';
import type { PublishedPort } from './types.js';

/** What the addresses of host processes are read from. */
export interface PublishedSource {
  /** The ports the first instance of `service` published; undefined when it has none (yet). */
  ports(service: string): readonly PublishedPort[] | undefined;
  /** The engine's host when it is remote: published ports are there, not on this host. */
  remoteHost: string | undefined;
}

const isAnyAddress = (ip: string): boolean => ip === '' || ip === '0.0.0.0' || ip === '::';

/** The host a host process connects to for ports published on `hostIp`. */
function publishedHost(d: ResolvedService, hostIp: string | undefined, remoteHost: string | undefined) {
  if (d.runtime === 'container' && remoteHost !== undefined) return remoteHost;
  return hostIp === undefined || isAnyAddress(hostIp) ? '127.0.0.1' : hostIp;
}

export function addressEnv(
  services: readonly ResolvedService[],
  s: ResolvedService,
  published: PublishedSource,
): EnvVar[] {
  const view = viewOf(s.runtime);
  const addresses = addressedDependencies(services, s, view).map((d): ServiceAddress => {
    if (view === 'container') {
      const ports = d.ports.map((p) => ({ containerPort: p.containerPort, port: p.containerPort }));
      return { service: d.name, host: d.name, ports };
    }
    const found = published.ports(d.name) ?? [];
    const ports = d.ports.flatMap((p) => {
      const pub = found.find((x) => x.containerPort === p.containerPort && x.protocol === p.protocol);
      return pub ? [{ containerPort: p.containerPort, port: pub.hostPort, hostIp: pub.hostIp }] : [];
    });
    return { service: d.name, host: publishedHost(d, ports[0]?.hostIp, published.remoteHost), ports };
  });
  return addressVariables(addresses);
}

/** The address variables of an instance of `s` in this run. */
export function runAddressEnv(ctx: RunContext, s: ResolvedService): EnvVar[] {
  return addressEnv(ctx.project.services, s, {
    ports: (service) => ctx.results.findService(service)?.instances[0]?.ports,
    remoteHost: ctx.runtime.remoteHost,
  });
}
