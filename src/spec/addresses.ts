// Service addresses as Kubernetes gives them to containers (docs/spec.md, "Addresses and references"):
// for each service an instance depends on, `<NAME>_SERVICE_HOST`, `<NAME>_SERVICE_PORT` (its first port)
// and `<NAME>_SERVICE_PORT_<PORT>` for each port. Which services and the variable names are decided here
// (validate needs them too); the values come from the engine (engine/addresses.ts). Pure.
import type { EnvVar, ResolvedService, RuntimeKind } from './model.js';

/** Where the variables are read: a container on the project network, or a host process. */
export type AddressView = 'container' | 'host';

export const viewOf = (runtime: RuntimeKind): AddressView => (runtime === 'process' ? 'host' : 'container');

/** A service as one view reaches it. */
export interface ServiceAddress {
  service: string;
  host: string;
  /** In the service's `ports` order; `port` is what to connect to for `containerPort`. */
  ports: { containerPort: number; port: number }[];
}

/** `db-main` → `DB_MAIN`: service names are DNS labels, so the result is a valid variable name. */
export const envNameOf = (service: string): string => service.toUpperCase().replace(/-/g, '_');

/**
 * The services `s` depends on, directly or through others, in `services`' order, that `view` can reach.
 * A container does not get the addresses of `runtime: process` services: those listen on the runner's
 * loopback, which is not the container's.
 */
export function addressedDependencies(
  services: readonly ResolvedService[],
  s: ResolvedService,
  view: AddressView,
): ResolvedService[] {
  const byName = new Map(services.map((x) => [x.name, x]));
  const wanted = new Set<string>();
  const visit = (name: string): void => {
    for (const d of byName.get(name)?.dependsOn ?? []) {
      if (wanted.has(d)) continue;
      wanted.add(d);
      visit(d);
    }
  };
  visit(s.name);
  wanted.delete(s.name);
  // A job has no address: it runs to completion (its own dependencies are still followed above).
  return services.filter(
    (x) => wanted.has(x.name) && x.job === undefined && (view === 'host' || x.runtime === 'container'),
  );
}

/** The variables for these addresses; a port number listed twice (tcp and udp) keeps its first entry. */
export function addressVariables(addresses: readonly ServiceAddress[]): EnvVar[] {
  const out: EnvVar[] = [];
  const add = (name: string, value: string | number) => {
    if (!out.some((e) => e.name === name)) out.push({ name, value: String(value), secret: false });
  };
  for (const a of addresses) {
    const prefix = `${envNameOf(a.service)}_SERVICE`;
    add(`${prefix}_HOST`, a.host);
    const [first] = a.ports;
    if (first) add(`${prefix}_PORT`, first.port);
    for (const p of a.ports) add(`${prefix}_PORT_${p.containerPort}`, p.port);
  }
  return out;
}

/** A dependency's address with empty values: for the variable names alone. */
const namesOnly = (d: ResolvedService): ServiceAddress => ({
  service: d.name,
  host: '',
  ports: d.ports.map((p) => ({ containerPort: p.containerPort, port: 0 })),
});

/** The variable names an instance of `s` is given (what `addressVariables` makes of its dependencies). */
export function addressVariableNames(
  services: readonly ResolvedService[],
  s: ResolvedService,
  view: AddressView,
): string[] {
  return addressVariables(addressedDependencies(services, s, view).map(namesOnly)).map((e) => e.name);
}

/** The variable names of one service's address. */
export const addressNamesOf = (d: ResolvedService): string[] =>
  addressVariables([namesOnly(d)]).map((e) => e.name);
