// A started main container under its startup and liveness probes while `up` runs (docs/kubernetes.md#probes).
// The startupProbe comes first: readiness and liveness wait until it passed. The livenessProbe is then
// checked from that moment until `up` returns (every service and job of the run done), alongside the
// readiness wait and after it. A failing startup or liveness probe restarts the container per the pod's
// restartPolicy: before the instance is ready, within START_ATTEMPTS starts (as an init container's
// attempts), and else the instance fails to start (`StartFailed`); once it is ready, on every failure (a
// warning each time), or under `Never` the container is stopped and the instance fails
// (`LivenessProbeFailed`). Nothing watches after `up`: the engine's process ends there.
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../errors.js';
import type { Probe, ResolvedInstance, ResolvedService } from '../spec/model.js';
import { runCheck, waitProbe, waitReady, type Readiness, type StartedMain } from './readiness.js';
import type { RunContext } from './run-context.js';
import { backoffDelayMs } from './retry.js';

/** Starts of a main container before it is ready, in all, unless restartPolicy is Never (as an init container's attempts). */
export const START_ATTEMPTS = 3;

/**
 * The instance's main from its start to ready (or failed); its liveness stays watched until `up` ends.
 * `startSignal` (the run's, or with a pod's activeDeadlineSeconds) ends the start only, not the watch.
 */
export async function mainReady(
  ctx: RunContext,
  s: ResolvedService,
  inst: ResolvedInstance,
  main: StartedMain,
  startSignal = ctx.signal,
): Promise<Readiness> {
  if (!s.startupProbe && !s.livenessProbe) {
    return waitReady(s.readinessProbe, main.healthcheck, main.target, startSignal);
  }
  return new MainWatch(ctx, s, inst, main).untilReady(startSignal);
}

/** Stops every liveness watch of the run and waits for a restart in progress to end. */
export async function stopLivenessWatches(ctx: RunContext): Promise<void> {
  const stops = [...ctx.livenessWatches];
  ctx.livenessWatches.clear();
  await Promise.all(stops.map((stop) => stop()));
}

/** A probe's failure, or why there is none: `stopped` (the watch ended), `exited` (the main ended by itself). */
type Verdict = { failed: string; probe: Probe } | 'stopped' | 'exited';

class MainWatch {
  private readonly stopping = new AbortController();
  private readonly signal: AbortSignal;
  private restarts = 0;
  private startedAt = Date.now();

  constructor(
    private readonly ctx: RunContext,
    private readonly s: ResolvedService,
    private readonly inst: ResolvedInstance,
    private readonly main: StartedMain,
  ) {
    this.signal = ctx.signal ? AbortSignal.any([ctx.signal, this.stopping.signal]) : this.stopping.signal;
  }

  /** Kubernetes restarts under Always and OnFailure alike (a killed container has failed); not a host process. */
  private get restartable(): boolean {
    return this.s.restartPolicy !== 'Never' && this.main.control !== undefined;
  }

  async untilReady(startSignal: AbortSignal | undefined): Promise<Readiness> {
    // Ending the start ends this watch: the instance fails, nothing is watched after.
    const end = () => this.stopping.abort();
    startSignal?.addEventListener('abort', end, { once: true });
    try {
      startSignal?.throwIfAborted();
      return await this.starts();
    } finally {
      startSignal?.removeEventListener('abort', end);
    }
  }

  private async starts(): Promise<Readiness> {
    const attempts = this.restartable ? START_ATTEMPTS : 1;
    for (let start = 1; ; start++) {
      const r = await this.oneStart();
      if (r.ok) {
        if (this.s.livenessProbe) this.watchAfterReady(r.liveness);
        return { ok: true };
      }
      if (!r.restart || start >= attempts) {
        const why = !r.restart
          ? ''
          : this.restartable
            ? ` (started ${start} times)`
            : this.s.restartPolicy === 'Never'
              ? ' (restartPolicy Never)'
              : '';
        return { ok: false, reason: r.reason, message: `${r.message}${why}` };
      }
      try {
        await this.restart(r.message, r.probe);
      } catch (e: unknown) {
        this.ctx.throwIfAborted();
        return { ok: false, reason: 'StartFailed', message: `main container restart: ${errorMessage(e)}` };
      }
    }
  }

  /**
   * One start of the container until it is ready. `restart`: a startup or liveness probe failed it (the
   * pod's restartPolicy decides); a readiness failure or an exit is the instance's, as without these probes.
   */
  private async oneStart(): Promise<
    | { ok: true; liveness: Promise<Verdict> }
    | { ok: false; restart: false; reason: Extract<Readiness, { ok: false }>['reason']; message: string }
    | { ok: false; restart: true; reason: 'StartFailed'; message: string; probe: Probe }
  > {
    const { s, main } = this;
    if (s.startupProbe) {
      const started = await waitProbe('startup', s.startupProbe, main.target, this.signal);
      if (!started.ok) {
        return started.exited
          ? { ok: false, restart: false, reason: started.reason, message: started.message }
          : {
              ok: false,
              restart: true,
              reason: 'StartFailed',
              message: started.message,
              probe: s.startupProbe,
            };
      }
    }
    const readying = new AbortController();
    const liveness = s.livenessProbe ? this.liveness(s.livenessProbe) : new Promise<Verdict>(() => {});
    const ready = waitReady(
      s.readinessProbe,
      main.healthcheck,
      main.target,
      AbortSignal.any([this.signal, readying.signal]),
    );
    const first = await Promise.race([ready, liveness]);
    if (typeof first === 'object' && 'failed' in first) {
      readying.abort();
      await ready.catch(() => undefined);
      return { ok: false, restart: true, reason: 'StartFailed', message: first.failed, probe: first.probe };
    }
    if (first === 'stopped' || first === 'exited') {
      // Cancelled, or it exited: the readiness wait says which.
      return this.notReady(await ready);
    }
    if (!first.ok) {
      this.stopping.abort();
      await liveness;
      return this.notReady(first);
    }
    return { ok: true, liveness };
  }

  private notReady(r: Readiness): {
    ok: false;
    restart: false;
    reason: Extract<Readiness, { ok: false }>['reason'];
    message: string;
  } {
    if (r.ok) throw new Error('internal: readiness passed after the liveness watch ended');
    return { ok: false, restart: false, reason: r.reason, message: r.message };
  }

  /**
   * Checks the livenessProbe a period apart from its initial delay after the container's start; resolves
   * once failureThreshold checks in a row failed, or with why it stopped watching.
   */
  private async liveness(probe: Probe): Promise<Verdict> {
    const { target } = this.main;
    try {
      const delay = this.startedAt + probe.initialDelayMs - Date.now();
      if (delay > 0) await sleep(delay, undefined, { signal: this.signal });
      let failures = 0;
      for (;;) {
        const st = await target.state();
        // An exit is not the probe's to judge (docs/kubernetes.md#probes).
        if (!st.running) return 'exited';
        const error = await runCheck(probe.check, probe.timeoutMs, target, this.signal);
        failures = error === undefined ? 0 : failures + 1;
        if (error !== undefined && failures >= probe.failureThreshold) {
          return { failed: `liveness probe failed ${failures} times: ${error}`, probe };
        }
        await sleep(probe.periodMs, undefined, { signal: this.signal });
      }
    } catch (e: unknown) {
      if (this.signal.aborted) return 'stopped';
      throw e;
    }
  }

  /** After ready: each liveness failure restarts the container (its startup probe gates the watch again). */
  private watchAfterReady(first: Promise<Verdict>): void {
    const { ctx, s, inst } = this;
    const loop = async (): Promise<void> => {
      let verdict = await first;
      while (typeof verdict === 'object') {
        if (!this.restartable) {
          await this.main.control?.stop(this.graceOf(verdict.probe));
          const why = `${verdict.failed}; restartPolicy Never: its main container was stopped`;
          ctx.warn(`${inst.name}: ${why}`);
          ctx.results.setInstance(s, inst, 'Failed', 'LivenessProbeFailed', why);
          if (ctx.results.service(s.name).status === 'Running') {
            ctx.results.setService(s.name, 'Failed', 'LivenessProbeFailed', `${inst.name}: ${why}`);
          }
          return;
        }
        await this.restart(verdict.failed, verdict.probe);
        verdict = await this.afterRestart();
      }
    };
    const running = loop().catch((e: unknown) => {
      if (!this.signal.aborted) ctx.warn(`${inst.name}: liveness watch ended: ${errorMessage(e)}`);
    });
    ctx.livenessWatches.add(async () => {
      this.stopping.abort();
      await running;
    });
  }

  /** A restarted container passes its startup probe (restarting again while it fails), then is watched. */
  private async afterRestart(): Promise<Verdict> {
    const { s, main } = this;
    if (s.startupProbe) {
      for (;;) {
        const started = await waitProbe('startup', s.startupProbe, main.target, this.signal);
        if (started.ok) break;
        if (started.exited) return 'exited';
        await this.restart(started.message, s.startupProbe);
      }
    }
    return s.livenessProbe ? this.liveness(s.livenessProbe) : 'stopped';
  }

  private async restart(why: string, probe: Probe): Promise<void> {
    const { ctx, inst } = this;
    const control = this.main.control;
    if (!control) throw new Error('internal: restart of a main that cannot be restarted');
    this.restarts += 1;
    const delayMs = backoffDelayMs(this.restarts, ctx.backoffBaseMs, ctx.backoffCapMs);
    ctx.warn(`${inst.name}: ${why}; restarting its main container (restart ${this.restarts})`);
    await sleep(delayMs, undefined, { signal: this.signal });
    // Stopped and started as one: a watch stopped meanwhile must not leave the container stopped.
    await control.stop(this.graceOf(probe));
    await control.start();
    this.startedAt = Date.now();
  }

  private graceOf(probe: Probe): number {
    return probe.terminationGraceSeconds ?? this.ctx.stopGraceSeconds;
  }
}
