// Readiness of a started main container or process: the spec's readinessProbe, else the image's
// HEALTHCHECK, else "it is running"; and the one check of any probe (readiness, startup, liveness).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../errors.js';
import { grpcHealthCheck } from './grpc-health.js';
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

/** How a failing startup or liveness probe restarts a main container (docs/kubernetes.md#probes). */
export interface MainControl {
  /** Its stop signal, then SIGKILL after `graceSeconds`. */
  stop(graceSeconds: number): Promise<void>;
  /** Started again as it was (a container: in its sandbox, so the published ports stay). */
  start(): Promise<void>;
}

/** A main container or process that started: how to tell when it is ready. */
export interface StartedMain {
  target: ReadinessTarget;
  /** No readinessProbe, and the image declares a HEALTHCHECK: wait for it. */
  healthcheck: boolean;
  /** Absent for a host process: it is never restarted. */
  control?: MainControl;
  /** A Kubernetes pod's other containers: the instance is ready when each is (pod-readiness.ts). */
  others?: { probe?: Probe; started: StartedMain }[];
}

/** `exited`: the main ended by itself (not a probe's verdict). */
export type Readiness =
  { ok: true } | { ok: false; reason: ServiceReason; message: string; exited?: boolean };

const HEALTH_POLL_MS = 250;
const FIRST_RETRY_MS = 100;

export async function waitReady(
  probe: Probe | undefined,
  useHealthcheck: boolean,
  target: ReadinessTarget,
  signal?: AbortSignal,
  probeKind: 'readiness' | 'startup' = 'readiness',
): Promise<Readiness> {
  if (probe) return waitProbe(probeKind, probe, target, signal);
  for (;;) {
    const st = await target.state();
    if (!st.running) return exited(target, st.exitCode);
    if (!useHealthcheck || st.health === 'healthy') return { ok: true };
    if (st.health === 'unhealthy') {
      return {
        ok: false,
        reason: 'ReadinessTimeout',
        message: `${target.name ? `${target.name}: ` : ''}image HEALTHCHECK reports unhealthy`,
      };
    }
    await sleep(HEALTH_POLL_MS, undefined, { signal });
  }
}

const exited = (target: ReadinessTarget, code: number): Readiness => ({
  ok: false,
  reason: 'StartFailed',
  message: `${target.name ?? 'main container'} exited with code ${code}`,
  exited: true,
});

/**
 * Checks until the probe passes (`successThreshold` passes in a row) or has failed as Kubernetes counts it:
 * a readiness probe → `ReadinessTimeout`, a startup probe → `StartFailed` (docs/kubernetes.md#probes).
 */
export async function waitProbe(
  kind: 'readiness' | 'startup',
  probe: Probe,
  target: ReadinessTarget,
  signal?: AbortSignal,
): Promise<Readiness> {
  await sleep(probe.initialDelayMs, undefined, { signal });
  // Kubernetes fails a probe after failureThreshold checks a period apart. Within that same time budget
  // the checks come sooner at first (100 ms, doubling up to the period), so a service that is ready in
  // 300 ms does not hold the job for a whole period.
  const budgetMs = (probe.failureThreshold - 1) * probe.periodMs;
  const began = Date.now();
  let retryMs = Math.min(FIRST_RETRY_MS, probe.periodMs);
  let failures = 0;
  let passes = 0;
  for (;;) {
    const st = await target.state();
    if (!st.running) return exited(target, st.exitCode);
    const error = await runCheck(probe.check, probe.timeoutMs, target, signal);
    if (error === undefined) {
      passes += 1;
      if (passes >= (probe.successThreshold ?? 1)) return { ok: true };
    } else {
      passes = 0;
      failures += 1;
      if (failures >= probe.failureThreshold && Date.now() - began >= budgetMs) {
        return {
          ok: false,
          reason: kind === 'startup' ? 'StartFailed' : 'ReadinessTimeout',
          message: `${target.name ? `${target.name}: ` : ''}${kind} probe failed ${failures} times in ${Math.round((Date.now() - began) / 1000)} s: ${error}`,
        };
      }
    }
    await sleep(retryMs, undefined, { signal });
    retryMs = Math.min(retryMs * 2, probe.periodMs);
  }
}

/** One check of a probe: undefined when it passed, else why it failed. */
export async function runCheck(
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
      case 'grpc': {
        const addr = await target.address(check.port);
        return await grpcHealthCheck(addr.host, addr.port, check.service, both);
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
