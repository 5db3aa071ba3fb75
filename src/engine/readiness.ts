// Readiness of a started main container or process: the spec's readinessProbe, else the image's
// HEALTHCHECK, else "it is running".
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../errors.js';
import type { Probe, ProbeCheck } from '../spec/model.js';
import type { ServiceReason } from './types.js';

export interface ReadinessTarget {
  /** What the messages call it; default `main container`. */
  name?: string;
  /** Where a tcpSocket/httpGet probe for `port` connects from this host. */
  address(port: number): Promise<{ host: string; port: number }>;
  exec(command: string[], signal: AbortSignal): Promise<number>;
  state(): Promise<{ running: boolean; exitCode: number; health?: 'starting' | 'healthy' | 'unhealthy' }>;
}

/** A main container or process that started: how to tell when it is ready. */
export interface StartedMain {
  target: ReadinessTarget;
  /** No readinessProbe, and the image declares a HEALTHCHECK: wait for it. */
  healthcheck: boolean;
  /** A Kubernetes pod's other containers: the instance is ready when each is (pod-readiness.ts). */
  others?: { probe?: Probe; started: StartedMain }[];
}

export type Readiness = { ok: true } | { ok: false; reason: ServiceReason; message: string };

const HEALTH_POLL_MS = 250;
const FIRST_RETRY_MS = 100;

export async function waitReady(
  probe: Probe | undefined,
  useHealthcheck: boolean,
  target: ReadinessTarget,
  signal?: AbortSignal,
  probeKind: 'readiness' | 'startup' = 'readiness',
): Promise<Readiness> {
  const exited = (code: number): Readiness => ({
    ok: false,
    reason: 'StartFailed',
    message: `${target.name ?? 'main container'} exited with code ${code}`,
  });
  if (probe) {
    await sleep(probe.initialDelayMs, undefined, { signal });
    // Kubernetes fails a probe after failureThreshold checks a period apart. Within that same time budget
    // the checks come sooner at first (100 ms, doubling up to the period), so a service that is ready in
    // 300 ms does not hold the job for a whole period.
    const budgetMs = (probe.failureThreshold - 1) * probe.periodMs;
    const began = Date.now();
    let retryMs = Math.min(FIRST_RETRY_MS, probe.periodMs);
    let failures = 0;
    for (;;) {
      const st = await target.state();
      if (!st.running) return exited(st.exitCode);
      const error = await runCheck(probe.check, probe.timeoutMs, target, signal);
      if (error === undefined) return { ok: true };
      failures += 1;
      if (failures >= probe.failureThreshold && Date.now() - began >= budgetMs) {
        return {
          ok: false,
          reason: 'ReadinessTimeout',
          message: `${target.name ? `${target.name}: ` : ''}${probeKind} probe failed ${failures} times in ${Math.round((Date.now() - began) / 1000)} s: ${error}`,
        };
      }
      await sleep(retryMs, undefined, { signal });
      retryMs = Math.min(retryMs * 2, probe.periodMs);
    }
  }
  for (;;) {
    const st = await target.state();
    if (!st.running) return exited(st.exitCode);
    if (!useHealthcheck || st.health === 'healthy') return { ok: true };
    if (st.health === 'unhealthy') {
      return { ok: false, reason: 'ReadinessTimeout', message: 'image HEALTHCHECK reports unhealthy' };
    }
    await sleep(HEALTH_POLL_MS, undefined, { signal });
  }
}

/** Undefined when the check passed, else why it failed. */
async function runCheck(
  check: ProbeCheck,
  timeoutMs: number,
  target: ReadinessTarget,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const limit = AbortSignal.timeout(timeoutMs);
  const both = signal ? AbortSignal.any([signal, limit]) : limit;
  try {
    switch (check.kind) {
      case 'exec': {
        const code = await target.exec(check.command, both);
        return code === 0 ? undefined : `exec ${JSON.stringify(check.command)} exited with code ${code}`;
      }
      case 'tcpSocket': {
        const addr = check.host ? { host: check.host, port: check.port } : await target.address(check.port);
        await tcpConnect(addr.host, addr.port, both);
        return undefined;
      }
      case 'httpGet': {
        const addr = check.host ? { host: check.host, port: check.port } : await target.address(check.port);
        const status = await httpGet(check.scheme, addr.host, addr.port, check.path, both);
        return status >= 200 && status < 400 ? undefined : `GET ${check.path} answered ${status}`;
      }
    }
  } catch (e: unknown) {
    signal?.throwIfAborted();
    return limit.aborted ? `no answer within ${timeoutMs} ms` : errorMessage(e);
  }
}

function tcpConnect(host: string, port: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, signal });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', (e) => reject(new Error(`connect ${host}:${port}: ${e.message}`)));
  });
}

function httpGet(
  scheme: 'http' | 'https',
  host: string,
  port: number,
  path: string,
  signal: AbortSignal,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = scheme === 'https' ? httpsRequest : httpRequest;
    // Like Kubernetes, an https probe does not verify the certificate.
    const req = request({ host, port, path, method: 'GET', signal, rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', (e) => reject(new Error(`GET ${scheme}://${host}:${port}${path}: ${e.message}`)));
    req.end();
  });
}
