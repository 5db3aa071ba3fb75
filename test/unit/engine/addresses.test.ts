// Address variables: what a container and a host process get for the services they depend on.
import { describe, expect, it } from 'vitest';
import { addressEnv, type PublishedSource } from '../../../src/engine/addresses.js';
import type { PublishedPort } from '../../../src/engine/types.js';
import { addressVariableNames } from '../../../src/spec/addresses.js';
import type { PortMapping } from '../../../src/spec/model.js';
import { project } from '../../support/model.js';

const port = (containerPort: number, protocol: 'tcp' | 'udp' = 'tcp'): PortMapping => ({
  containerPort,
  hostIp: '127.0.0.1',
  protocol,
});
const published = (
  containerPort: number,
  hostPort: number,
  hostIp = '127.0.0.1',
  protocol: 'tcp' | 'udp' = 'tcp',
): PublishedPort => ({ containerPort, hostPort, hostIp, protocol });

/** db (5432, 9187) ← cache-store (6379) ← app (container) and worker (host process); api is a host process. */
const p = project('p', [
  { name: 'db', ports: [port(5432), port(9187)] },
  { name: 'cache-store', ports: [port(6379)], dependsOn: ['db'] },
  { name: 'api', runtime: 'process', command: ['api'], ports: [port(8080)] },
  { name: 'app', dependsOn: ['cache-store', 'api'] },
  { name: 'worker', runtime: 'process', command: ['w'], dependsOn: ['cache-store', 'api'] },
  { name: 'lonely' },
]);
const svc = (name: string) => {
  const s = p.services.find((x) => x.name === name);
  if (!s) throw new Error(name);
  return s;
};
const runPorts: Record<string, PublishedPort[]> = {
  db: [published(5432, 49153), published(9187, 49154)],
  'cache-store': [published(6379, 49160, '0.0.0.0')],
  api: [published(8080, 8080)],
};
const local: PublishedSource = { ports: (s) => runPorts[s], remoteHost: undefined };
const asMap = (env: { name: string; value: string }[]) =>
  Object.fromEntries(env.map((e) => [e.name, e.value]));

describe('addressEnv', () => {
  it('gives a container the DNS names and container ports of every service it depends on, directly or not', () => {
    expect(asMap(addressEnv(p.services, svc('app'), local))).toEqual({
      DB_SERVICE_HOST: 'db',
      DB_SERVICE_PORT: '5432',
      DB_SERVICE_PORT_5432: '5432',
      DB_SERVICE_PORT_9187: '9187',
      CACHE_STORE_SERVICE_HOST: 'cache-store',
      CACHE_STORE_SERVICE_PORT: '6379',
      CACHE_STORE_SERVICE_PORT_6379: '6379',
    });
  });

  it('gives a host process 127.0.0.1 and the published ports, host processes included', () => {
    expect(asMap(addressEnv(p.services, svc('worker'), local))).toEqual({
      DB_SERVICE_HOST: '127.0.0.1',
      DB_SERVICE_PORT: '49153',
      DB_SERVICE_PORT_5432: '49153',
      DB_SERVICE_PORT_9187: '49154',
      CACHE_STORE_SERVICE_HOST: '127.0.0.1',
      CACHE_STORE_SERVICE_PORT: '49160',
      CACHE_STORE_SERVICE_PORT_6379: '49160',
      API_SERVICE_HOST: '127.0.0.1',
      API_SERVICE_PORT: '8080',
      API_SERVICE_PORT_8080: '8080',
    });
  });

  it('points a host process at a remote engine for container services, not for host processes', () => {
    const env = asMap(addressEnv(p.services, svc('worker'), { ...local, remoteHost: 'docker.example' }));
    expect(env.DB_SERVICE_HOST).toBe('docker.example');
    expect(env.API_SERVICE_HOST).toBe('127.0.0.1');
  });

  it('uses a specific published address as it is', () => {
    const host = project('h', [
      { name: 'db', ports: [port(5432)] },
      { name: 'cli', runtime: 'process', command: ['c'], dependsOn: ['db'] },
    ]);
    const cli = host.services[1];
    if (!cli) throw new Error('cli');
    expect(
      asMap(
        addressEnv(host.services, cli, {
          ports: () => [published(5432, 40000, '192.0.2.7')],
          remoteHost: undefined,
        }),
      ),
    ).toEqual({ DB_SERVICE_HOST: '192.0.2.7', DB_SERVICE_PORT: '40000', DB_SERVICE_PORT_5432: '40000' });
  });

  it('gives nothing to a service without dependencies, and only a host to a dependency without ports', () => {
    expect(addressEnv(p.services, svc('lonely'), local)).toEqual([]);
    const q = project('q', [{ name: 'a' }, { name: 'b', dependsOn: ['a'] }]);
    const b = q.services[1];
    if (!b) throw new Error('b');
    expect(asMap(addressEnv(q.services, b, local))).toEqual({ A_SERVICE_HOST: 'a' });
  });

  it('keeps the first entry of a port number published for tcp and udp', () => {
    const q = project('q', [
      { name: 'dns', ports: [port(53, 'udp'), port(53, 'tcp')] },
      { name: 'c', runtime: 'process', command: ['c'], dependsOn: ['dns'] },
    ]);
    const c = q.services[1];
    if (!c) throw new Error('c');
    const env = addressEnv(q.services, c, {
      ports: () => [published(53, 40001, '127.0.0.1', 'tcp'), published(53, 40002, '127.0.0.1', 'udp')],
      remoteHost: undefined,
    });
    expect(asMap(env)).toEqual({
      DNS_SERVICE_HOST: '127.0.0.1',
      DNS_SERVICE_PORT: '40002',
      DNS_SERVICE_PORT_53: '40002',
    });
  });

  it('names the same variables for validate as the engine gives', () => {
    for (const name of ['app', 'worker', 'lonely']) {
      const s = svc(name);
      const view = s.runtime === 'process' ? 'host' : 'container';
      expect(addressVariableNames(p.services, s, view)).toEqual(
        addressEnv(p.services, s, local).map((e) => e.name),
      );
    }
  });
});
