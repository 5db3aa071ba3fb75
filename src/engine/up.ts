// `up`: per service in dependency order, per instance: volumes, a sandbox holding the instance's network
// namespace and ports (the Kubernetes pod model), the init steps one at a time, then the main container
// and its readiness. Step and service failures go into the report; only fatal errors throw.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CancelledError, UsageError, errorMessage } from '../errors.js';
import { addMarker, deleteMarkers, getMarkers, stateDir } from '../markers/store.js';
import { decideStep, markerKey, type StepFacts } from '../plan/plan.js';
import { ensureSandboxImage } from '../runtime/sandbox-image.js';
import { processEnv } from './host-env.js';
import { pathExistsOnMounts } from './path-check.js';
import { Tail } from '../runtime/stream.js';
import type { ContainerRuntime, Labels, OutputStream } from '../runtime/types.js';
import {
  isPersistent,
  type ContainerSpec,
  type PullPolicy,
  type ResolvedInstance,
  type ResolvedProject,
  type ResolvedService,
  type ResolvedStep,
  type VolumeMount,
} from '../spec/model.js';
import { runContainerAttempt, runProcessAttempt, type AttemptOutcome } from './attempt.js';
import { specForCreate } from './container-spec.js';
import { createMasker, maskReportText, secretValues, type Masker } from '../report/mask.js';
import { removeObjects } from './down.js';
import { processStartTime, stopRecordedProcess } from './host-process.js';
import { LABEL, mainName, networkName, sandboxName, volumeName, type Role } from './labels.js';
import { waitReady, type ReadinessTarget } from './readiness.js';
import { RunResults } from './results.js';
import {
  loadLastRun,
  logKey,
  projectStateDir,
  saveLastRun,
  type HostProcess,
  type LastRun,
} from './state.js';
import type {
  CacheContext,
  CreatedObjects,
  RunObserver,
  RunReport,
  StepResult,
  VolumeCache,
} from './types.js';

export interface UpOptions {
  project: ResolvedProject;
  /** Only these services, plus what they depend on (transitively). */
  services?: string[];
  observer: RunObserver;
  signal?: AbortSignal;
  cache?: VolumeCache;
  /** Linear backoff between attempts: attempt n waits n × base. Default 1000 ms. */
  backoffBaseMs?: number;
  runId?: string;
  /** Between SIGTERM and SIGKILL for a timed-out attempt. Default 2000 ms. */
  killGraceMs?: number;
  /** On cancel, leave started services running (action input `cleanup: false`). */
  keepOnCancel?: boolean;
}

/** `up` was cancelled; everything it started is removed (unless kept) and the report says how far it got. */
export class UpCancelledError extends CancelledError {
  constructor(
    signal: CancelledError['signal'],
    readonly report: RunReport,
  ) {
    super(signal);
  }
}

/** Lines of a step's output kept in the state dir for `logs --output`, and in the report. */
const LOG_KEEP = 1000;
const TAIL_LINES = 50;

/**
 * The abort reason as the CancelledError kind: a CancelledError or a signal name passes through, an
 * AbortSignal.timeout() is `timeout`, anything else counts as an interrupt.
 */
export function cancelKind(reason: unknown): CancelledError['signal'] {
  if (reason instanceof CancelledError) return reason.signal;
  if (reason === 'SIGINT' || reason === 'SIGTERM') return reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError') return 'timeout';
  return 'SIGINT';
}

/** The named services and, transitively, their dependencies, in the project's (dependency) order. */
export function selectServices(project: ResolvedProject, names?: string[]): ResolvedService[] {
  if (names === undefined || names.length === 0) return project.services;
  const byName = new Map(project.services.map((s) => [s.name, s]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown service ${unknown.map((n) => `"${n}"`).join(', ')}; the spec defines ${[...byName.keys()].join(', ')}`,
    );
  }
  const wanted = new Set<string>();
  const visit = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const d of byName.get(name)?.dependsOn ?? []) visit(d);
  };
  names.forEach(visit);
  return project.services.filter((s) => wanted.has(s.name));
}

class ImageError extends Error {
  constructor(
    readonly reason: 'ImagePullFailed' | 'ImageNotPresent',
    message: string,
  ) {
    super(message);
  }
}

interface PreparedVolume {
  mount: VolumeMount;
  dockerName: string;
  /** Identity label of a persistent volume (absent on a volume created outside initsteps). */
  uid?: string;
  /** This run created it. */
  createdNow: boolean;
}

export async function up(runtime: ContainerRuntime, options: UpOptions): Promise<RunReport> {
  return new Run(runtime, options).execute();
}

class Run {
  private readonly project: ResolvedProject;
  private readonly runId: string;
  private readonly emit: RunObserver;
  private readonly signal: AbortSignal | undefined;
  private readonly backoffBaseMs: number;
  private readonly killGraceMs: number;
  private readonly stateDir = stateDir();
  private readonly live = { containers: [] as string[], networks: [] as string[], volumes: [] as string[] };
  private readonly processes: { info: HostProcess; child: ChildProcess }[] = [];
  /** Persistent volumes this run created: kept after a run, removed (with markers) when it is cancelled. */
  private readonly newVolumes: { name: string; uid: string }[] = [];
  private readonly results: RunResults;
  private readonly images = new Map<string, Promise<void>>();
  private readonly cacheRestores: boolean[] = [];
  private sandboxImage = '';
  /** The project network, being created while the first instance prepares its volumes and cache restore. */
  private network: Promise<void> = Promise.resolve();
  private previous: LastRun | undefined;
  /** Every `valueFrom` value of the project, hidden in captured output (contract §2). */
  private readonly mask: Masker;

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly o: UpOptions,
  ) {
    this.project = o.project;
    this.runId = o.runId ?? randomBytes(4).toString('hex');
    this.emit = o.observer;
    this.signal = o.signal;
    this.backoffBaseMs = o.backoffBaseMs ?? 1000;
    this.killGraceMs = o.killGraceMs ?? 2000;
    this.mask = createMasker(secretValues(o.project));
    this.results = new RunResults(o.observer);
  }

  async execute(): Promise<RunReport> {
    const startedAt = new Date();
    const selected = selectServices(this.project, this.o.services);
    for (const s of selected) this.results.add(s);
    this.previous = await loadLastRun(this.project.name, this.stateDir, (message) =>
      this.emit({ type: 'warning', message }),
    );
    try {
      this.throwIfAborted();
      if (selected.some((s) => s.runtime === 'container')) {
        this.sandboxImage = await ensureSandboxImage(this.runtime);
        this.network = this.ensureNetwork();
        this.network.catch(() => undefined); // awaited before the first sandbox and below
      }
      for (const s of selected) await this.runService(s);
      await this.network;
    } catch (e: unknown) {
      // Whatever it did must be known to the cleanup.
      await this.network.catch(() => undefined);
      if (this.signal?.aborted) {
        if (!this.o.keepOnCancel) await this.cleanup(true);
        const report = this.report();
        await this.persist(startedAt, selected);
        throw new UpCancelledError(cancelKind(this.signal.reason), report);
      }
      // A fatal error (the engine went away, the state dir is unwritable): leave nothing half-started.
      await this.cleanup();
      throw e;
    }
    const report = this.report();
    await this.persist(startedAt, selected);
    return report;
  }

  private async ensureNetwork(): Promise<void> {
    const labels = { [LABEL.project]: this.project.name, [LABEL.role]: 'network' satisfies Role };
    const net = await this.runtime.ensureNetwork(networkName(this.project.name), labels);
    if (net.created) this.track('network', net.id);
  }

  // ---- results -------------------------------------------------------------------------------------

  private report(): RunReport {
    const withVolumes = this.cacheRestores.length > 0;
    return {
      project: this.project.name,
      services: this.results.services(),
      steps: this.results.steps(),
      cacheHit: withVolumes && this.cacheRestores.every(Boolean),
      created: {
        containers: [...this.live.containers],
        networks: [...this.live.networks],
        volumes: [...this.live.volumes],
        processes: this.processes.map((p) => p.info.pid),
      },
    };
  }

  /** Keep the last run's results of services this run did not touch (`up --services`). */
  private async persist(startedAt: Date, selected: ResolvedService[]): Promise<void> {
    const names = new Set(selected.map((s) => s.name));
    const prev = this.previous;
    const report = this.report();
    const keep = <T extends { service: string }>(items: T[] | undefined): T[] =>
      (items ?? []).filter((x) => !names.has(x.service));
    const merged: LastRun = {
      runId: this.runId,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      report: {
        ...report,
        services: [...(prev?.report.services ?? []).filter((s) => !names.has(s.name)), ...report.services],
        steps: [...keep(prev?.report.steps), ...report.steps],
      },
      logs: { ...keptLogs(prev, names), ...this.results.logs },
      processes: [...keep(prev?.processes), ...this.processes.map((p) => p.info)],
    };
    // Messages masked too: `status --json` prints them without the secrets at hand.
    const masked = { ...merged, report: maskReportText(merged.report, this.mask) };
    await saveLastRun(this.project.name, masked, this.stateDir);
  }

  // ---- objects -------------------------------------------------------------------------------------

  private track(kind: 'container' | 'network' | 'volume', id: string): void {
    this.live[`${kind}s`].push(id);
    this.emit({ type: 'created', kind, id });
  }

  private untrack(kind: 'container' | 'network' | 'volume', id: string): void {
    const list = this.live[`${kind}s`];
    const at = list.indexOf(id);
    if (at >= 0) list.splice(at, 1);
  }

  private labels(s: ResolvedService, inst: ResolvedInstance, role: Role, step?: string): Labels {
    return {
      [LABEL.project]: this.project.name,
      [LABEL.service]: s.name,
      [LABEL.instance]: inst.name,
      [LABEL.role]: role,
      [LABEL.run]: this.runId,
      ...(step !== undefined && { [LABEL.step]: step }),
    };
  }

  /** Remove what this run created; `cancelled` includes the persistent volumes it created (nothing left behind). */
  private async cleanup(cancelled = false): Promise<void> {
    const warn = (message: string) => this.emit({ type: 'warning', message });
    const created: CreatedObjects = {
      containers: [...this.live.containers],
      networks: [],
      volumes: [...this.live.volumes, ...(cancelled ? this.newVolumes.map((v) => v.name) : [])],
      processes: this.processes.map((p) => p.info.pid),
    };
    await removeObjects(this.runtime, created, warn);
    if (cancelled) for (const v of this.newVolumes) await deleteMarkers(v.uid, this.stateDir);
    // The network last: every container on it is gone by now.
    await removeObjects(
      this.runtime,
      { containers: [], volumes: [], networks: [...this.live.networks] },
      warn,
    );
    // The report no longer lists them: nothing is left for the action's post step to remove.
    for (const list of Object.values(this.live)) list.length = 0;
    this.processes.length = 0;
  }

  /** The cache never fails a run (contract §5): an error from it is a warning, a failed restore leaves volumes fresh. */
  private async cacheStep<T>(what: string, fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (e: unknown) {
      this.throwIfAborted();
      this.emit({ type: 'warning', message: `cache ${what} failed: ${errorMessage(e)}` });
      return fallback;
    }
  }

  private throwIfAborted(): void {
    this.signal?.throwIfAborted();
  }

  // ---- services ------------------------------------------------------------------------------------

  private async runService(s: ResolvedService): Promise<void> {
    this.throwIfAborted();
    const failedDep = s.dependsOn.find((d) => this.results.findService(d)?.status === 'Failed');
    if (failedDep !== undefined) {
      const why = `dependency "${failedDep}" failed`;
      for (const inst of s.instances) {
        this.results.notRun(inst, 0, why);
        this.results.setInstance(s, inst, 'Failed', 'DependencyFailed', why);
      }
      this.results.setService(s.name, 'Failed', 'DependencyFailed', why);
      return;
    }
    this.results.setService(s.name, 'Initializing');
    if (s.runtime === 'container') await this.removeScaledDown(s);
    const started: { inst: ResolvedInstance; target: ReadinessTarget; healthcheck: boolean }[] = [];
    for (const inst of s.instances) {
      this.throwIfAborted();
      this.results.setInstance(s, inst, 'Initializing');
      const main =
        s.runtime === 'process'
          ? await this.initProcessInstance(s, inst)
          : await this.initContainerInstance(s, inst);
      if (main) started.push({ inst, ...main });
    }
    await Promise.all(
      started.map(async ({ inst, target, healthcheck }) => {
        const ready = await waitReady(s.readinessProbe, healthcheck, target, this.signal);
        if (ready.ok) this.results.setInstance(s, inst, 'Running');
        else this.results.setInstance(s, inst, 'Failed', ready.reason, ready.message);
      }),
    );
    const failed = this.results.service(s.name).instances.find((i) => i.status === 'Failed');
    if (failed)
      this.results.setService(
        s.name,
        'Failed',
        failed.reason,
        `${failed.name}: ${failed.message ?? failed.reason}`,
      );
    else this.results.setService(s.name, 'Running');
  }

  /** Instances beyond the current replica count (scaled down) are stopped; their volumes stay. */
  private async removeScaledDown(s: ResolvedService): Promise<void> {
    const current = new Set(s.instances.map((i) => i.name));
    const found = await this.runtime.listContainers({
      [LABEL.project]: this.project.name,
      [LABEL.service]: s.name,
    });
    const stale = found.filter((c) => !current.has(c.labels[LABEL.instance] ?? ''));
    await removeContainersOrdered(this.runtime, stale);
  }

  /** A restart: what an earlier run left of this instance (containers, run-scoped volumes) goes first. */
  private async removeLeftovers(inst: ResolvedInstance): Promise<void> {
    const sel = { [LABEL.project]: this.project.name, [LABEL.instance]: inst.name };
    await removeContainersOrdered(this.runtime, await this.runtime.listContainers(sel));
    for (const v of await this.runtime.listVolumes({ ...sel, [LABEL.ephemeral]: 'true' })) {
      await this.runtime.removeVolume(v.name);
    }
  }

  private async prepareVolumes(
    s: ResolvedService,
    inst: ResolvedInstance,
  ): Promise<Map<string, PreparedVolume>> {
    const mounts = new Map<string, VolumeMount>();
    for (const m of [...inst.main.volumes, ...inst.steps.flatMap((st) => st.volumes)]) {
      if (!mounts.has(m.name)) mounts.set(m.name, m);
    }
    const prepared = new Map<string, PreparedVolume>();
    for (const mount of mounts.values()) {
      const base = volumeName(this.project.name, inst.name, mount.name);
      const labels = { ...this.labels(s, inst, 'volume'), [LABEL.volume]: mount.name };
      if (mount.source.kind === 'claim') {
        let info = await this.runtime.inspectVolume(base);
        let createdNow = false;
        if (!info) {
          const fresh = randomUUID();
          info = await this.runtime.createVolume(base, { ...labels, [LABEL.uid]: fresh });
          createdNow = info.labels[LABEL.uid] === fresh;
          if (createdNow) this.newVolumes.push({ name: base, uid: fresh });
        }
        const uid = info.labels[LABEL.uid];
        if (uid === undefined) {
          this.emit({
            type: 'warning',
            message: `volume ${base} was not created by initsteps (no ${LABEL.uid} label): its steps always run`,
          });
        }
        prepared.set(mount.name, { mount, dockerName: base, createdNow, ...(uid !== undefined && { uid }) });
      } else if (mount.source.kind === 'emptyDir') {
        const name = `${base}_${this.runId}`;
        await this.runtime.createVolume(name, { ...labels, [LABEL.ephemeral]: 'true' });
        this.track('volume', name);
        prepared.set(mount.name, { mount, dockerName: name, createdNow: true });
      }
    }
    return prepared;
  }

  private async startSandbox(s: ResolvedService, inst: ResolvedInstance): Promise<string> {
    const id = await this.runtime.createContainer({
      name: sandboxName(this.project.name, inst.name),
      image: this.sandboxImage,
      env: [],
      hostname: inst.name,
      labels: this.labels(s, inst, 'sandbox'),
      network: { mode: 'network', network: networkName(this.project.name), aliases: [s.name, inst.name] },
      mounts: [],
      ports: s.ports,
      securityOpt: [],
      capAdd: [],
      capDrop: ['ALL'],
      privileged: false,
    });
    this.track('container', id);
    await this.runtime.startContainer(id);
    return id;
  }

  /** Init steps then the main container; returns how to check readiness, or undefined when it failed. */
  private async initContainerInstance(
    s: ResolvedService,
    inst: ResolvedInstance,
  ): Promise<{ target: ReadinessTarget; healthcheck: boolean } | undefined> {
    await this.removeLeftovers(inst);
    const volumes = await this.prepareVolumes(s, inst);
    const cacheCtx: CacheContext = {
      project: this.project,
      service: s,
      instance: inst,
      volumes: [...volumes.values()]
        .filter((v) => isPersistent(v.mount))
        .map((v) => ({
          mount: v.mount,
          volumeName: v.dockerName,
          createdNow: v.createdNow,
          ...(v.uid !== undefined && { uid: v.uid }),
        })),
    };
    const cache = cacheCtx.volumes.length > 0 ? this.o.cache : undefined;
    // The restore needs only the volumes, so it runs while the sandbox starts (each takes a few hundred ms).
    const restoring = cache && this.cacheStep('restore', () => cache.restore(cacheCtx), false);
    restoring?.catch(() => undefined); // handled below; an abort must not surface as an unhandled rejection first
    try {
      await this.network;
    } catch (e: unknown) {
      await restoring?.catch(() => undefined);
      throw e; // no network for any instance: fatal, as an unreachable engine
    }
    let sandbox: string;
    try {
      sandbox = await this.startSandbox(s, inst);
    } catch (e: unknown) {
      await restoring?.catch(() => undefined);
      this.throwIfAborted();
      const why = `could not start the instance sandbox: ${errorMessage(e)}`;
      this.results.notRun(inst, 0, why);
      this.results.setInstance(s, inst, 'Failed', 'StartFailed', why);
      return undefined;
    }
    if (restoring) this.cacheRestores.push(await restoring);
    const sandboxInfo = await this.runtime.inspectContainer(sandbox);
    this.results.instance(s.name, inst.name).ports = sandboxInfo.ports;

    if (!(await this.runSteps(s, inst, volumes, sandbox))) return undefined;
    if (cache) await this.cacheStep('save', () => cache.save(cacheCtx), undefined);

    const image = inst.main.image ?? '';
    let main: string;
    try {
      await this.ensureImage(image, s.pullPolicy);
      const spec = await specForCreate(
        inst.main,
        {
          name: mainName(this.project.name, inst.name),
          image,
          labels: this.labels(s, inst, 'main'),
          network: { mode: 'container', container: sandbox },
          volumes: dockerNames(volumes),
        },
        this.project,
      );
      main = await this.runtime.createContainer(spec);
      this.track('container', main);
      await this.runtime.startContainer(main);
    } catch (e: unknown) {
      this.throwIfAborted();
      this.results.setInstance(s, inst, 'Failed', 'StartFailed', `main container: ${errorMessage(e)}`);
      return undefined;
    }
    const network = networkName(this.project.name);
    const target: ReadinessTarget = {
      address: async (port) => {
        // A local engine: the pod IP on the project bridge, routable from this host. Not the published
        // port: docker-proxy accepts a connection there even while nothing listens inside.
        if (this.runtime.remoteHost === undefined) {
          const ip = await this.runtime.containerIp(sandbox, network);
          if (ip === undefined) throw new Error(`instance ${inst.name} has no address on network ${network}`);
          return { host: ip, port };
        }
        // A remote engine: only published ports are reachable, on the engine's host.
        const published = sandboxInfo.ports.find((p) => p.containerPort === port && p.protocol === 'tcp');
        if (!published) throw new Error(`port ${port} is not published, and the Docker engine is remote`);
        const host = isAnyAddress(published.hostIp) ? this.runtime.remoteHost : published.hostIp;
        return { host, port: published.hostPort };
      },
      exec: (command, signal) => this.runtime.exec(main, command, signal),
      state: () => this.runtime.inspectContainer(main),
    };
    const healthcheck = s.readinessProbe === undefined && (await this.runtime.imageHasHealthcheck(image));
    return { target, healthcheck };
  }

  private async initProcessInstance(
    s: ResolvedService,
    inst: ResolvedInstance,
  ): Promise<{ target: ReadinessTarget; healthcheck: boolean } | undefined> {
    // A restart: the previous run's main process of this instance goes first.
    for (const p of this.previous?.processes ?? []) {
      const { notSignalled } = p.instance === inst.name ? stopRecordedProcess(p, 'SIGTERM') : {};
      if (notSignalled) this.emit({ type: 'warning', message: `${inst.name}: ${notSignalled}` });
    }
    this.results.instance(s.name, inst.name).ports = s.ports.map((p) => ({
      containerPort: p.containerPort,
      protocol: p.protocol,
      hostIp: '127.0.0.1',
      hostPort: p.hostPort ?? p.containerPort,
    }));
    if (!(await this.runSteps(s, inst, new Map(), undefined))) return undefined;
    let child: ChildProcess;
    try {
      child = await this.spawnMain(s, inst);
    } catch (e: unknown) {
      this.results.setInstance(s, inst, 'Failed', 'StartFailed', `main process: ${errorMessage(e)}`);
      return undefined;
    }
    const cwd = processCwd(s, inst.main);
    const env = processEnv(process.env, inst.main.env);
    const target: ReadinessTarget = {
      address: (port) => Promise.resolve({ host: '127.0.0.1', port }),
      exec: async (command, signal) => {
        const outcome = await runProcessAttempt(
          { command, cwd, env },
          { timeoutMs: 2 ** 31 - 1, killGraceMs: 0, signal, onLine: () => undefined },
        );
        return outcome.exitCode ?? -1;
      },
      state: () =>
        Promise.resolve({
          running: child.exitCode === null && child.signalCode === null,
          exitCode: child.exitCode ?? -1,
        }),
    };
    return { target, healthcheck: false };
  }

  /** Detached, output to a log file in the state dir, so it outlives `initsteps up`. */
  private async spawnMain(s: ResolvedService, inst: ResolvedInstance): Promise<ChildProcess> {
    const [file, ...args] = [...(inst.main.command ?? []), ...(inst.main.args ?? [])];
    if (file === undefined) throw new Error('no command to run');
    const dir = projectStateDir(this.project.name, this.stateDir);
    await mkdir(dir, { recursive: true });
    const log = join(dir, `${inst.name}.log`);
    const out = await open(log, 'a');
    try {
      const child = spawn(file, args, {
        cwd: processCwd(s, inst.main),
        env: processEnv(process.env, inst.main.env),
        detached: true,
        stdio: ['ignore', out.fd, out.fd],
      });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
      child.unref();
      if (child.pid === undefined) throw new Error(`could not start ${file}`);
      const startTime = processStartTime(child.pid);
      const info = { service: s.name, instance: inst.name, pid: child.pid, startTime, log };
      this.processes.push({ info, child });
      this.emit({ type: 'created', kind: 'process', id: String(child.pid) });
      return child;
    } finally {
      await out.close();
    }
  }

  // ---- steps ---------------------------------------------------------------------------------------

  /** The init sequence of one instance; false when a step did not succeed. */
  private async runSteps(
    s: ResolvedService,
    inst: ResolvedInstance,
    volumes: Map<string, PreparedVolume>,
    sandbox: string | undefined,
  ): Promise<boolean> {
    for (const [index, step] of inst.steps.entries()) {
      this.throwIfAborted();
      const began = Date.now();
      const decision = decideStep(s.name, step, await this.facts(step, volumes, sandbox !== undefined));
      if (decision.action === 'skip') {
        const r = this.results.step(inst.name, step.name);
        Object.assign(r, { status: 'Skipped', message: decision.reason, durationMs: Date.now() - began });
        this.emit({ type: 'step-end', result: { ...r } });
        continue;
      }
      const r = await this.runStep(s, inst, step, volumes, sandbox);
      this.emit({ type: 'step-end', result: { ...r } });
      if (r.status === 'Succeeded') {
        const key = markerKey(s.name, step.name);
        for (const m of step.volumes.filter(isPersistent)) {
          const uid = volumes.get(m.name)?.uid;
          if (uid !== undefined) await addMarker(uid, key, new Date(), this.stateDir);
        }
        continue;
      }
      this.throwIfAborted();
      this.results.notRun(inst, index + 1, `init step "${step.name}" failed`);
      const detail = [r.reason, r.message].filter(Boolean).join(' ');
      this.results.setInstance(
        s,
        inst,
        'Failed',
        'InitStepFailed',
        `init step "${step.name}" failed: ${detail}`,
      );
      return false;
    }
    return true;
  }

  /** What the planner needs, read fresh right before the step (an earlier step may have changed it). */
  private async facts(
    step: ResolvedStep,
    volumes: Map<string, PreparedVolume>,
    container: boolean,
  ): Promise<StepFacts> {
    const facts: StepFacts = { volumes: {} };
    for (const m of step.volumes.filter(isPersistent)) {
      const v = volumes.get(m.name);
      if (v === undefined) continue;
      facts.volumes[m.name] = { uid: v.uid, markers: v.uid ? await getMarkers(v.uid, this.stateDir) : [] };
    }
    if (step.runIf.type === 'fileMissing') {
      const path = step.runIf.path;
      const restrict = step.runIf.volume;
      const mounts = step.volumes.filter((m) => restrict === undefined || m.name === restrict);
      facts.fileExists = container ? await this.pathExists(path, mounts, volumes) : existsSync(path);
    }
    return facts;
  }

  /** Checks a path on the volumes without starting anything. */
  private pathExists(
    path: string,
    mounts: VolumeMount[],
    volumes: Map<string, PreparedVolume>,
  ): Promise<boolean> {
    const labels = { [LABEL.project]: this.project.name, [LABEL.role]: 'step', [LABEL.run]: this.runId };
    return pathExistsOnMounts(
      this.runtime,
      {
        sandboxImage: this.sandboxImage,
        labels,
        volumes: mounts,
        names: dockerNames(volumes),
        gate: this.project,
      },
      path,
      {
        created: (id) => this.track('container', id),
        removed: (id) => this.untrack('container', id),
      },
    );
  }

  private ensureImage(ref: string, policy: PullPolicy): Promise<void> {
    const key = `${policy} ${ref}`;
    let pending = this.images.get(key);
    if (!pending) {
      pending = this.pullIfNeeded(ref, policy);
      this.images.set(key, pending);
    }
    return pending;
  }

  private async pullIfNeeded(ref: string, policy: PullPolicy): Promise<void> {
    if (policy !== 'Always' && (await this.runtime.imageExists(ref))) return;
    if (policy === 'Never') {
      throw new ImageError('ImageNotPresent', `image ${ref} is not present and imagePullPolicy is Never`);
    }
    try {
      await this.runtime.pullImage(
        ref,
        (progress) => this.emit({ type: 'image-pull', image: ref, progress }),
        this.signal,
      );
    } catch (e: unknown) {
      this.throwIfAborted();
      throw new ImageError('ImagePullFailed', `pulling ${ref}: ${errorMessage(e)}`);
    }
  }

  private async runStep(
    s: ResolvedService,
    inst: ResolvedInstance,
    step: ResolvedStep,
    volumes: Map<string, PreparedVolume>,
    sandbox: string | undefined,
  ): Promise<StepResult> {
    const r = this.results.step(inst.name, step.name);
    const began = Date.now();
    const log = new Tail<string>(LOG_KEEP);
    const onLine = (stream: OutputStream, raw: string): void => {
      const line = this.mask(raw);
      log.push(line);
      this.emit({ type: 'step-output', instance: inst.name, step: step.name, stream, line });
    };
    const finish = (outcome: AttemptOutcome, attempts: number): StepResult => {
      const status =
        outcome.reason === undefined ? 'Succeeded' : outcome.reason === 'Cancelled' ? 'Cancelled' : 'Failed';
      Object.assign(r, {
        status,
        attempts,
        durationMs: Date.now() - began,
        exitCode: outcome.exitCode,
        reason: outcome.reason,
        message: outcome.message,
        logTail: log.values().slice(-TAIL_LINES),
      });
      this.results.logs[logKey(inst.name, step.name)] = log.values();
      return r;
    };

    let attempt: () => Promise<AttemptOutcome>;
    if (sandbox !== undefined) {
      const image = step.image ?? '';
      try {
        await this.ensureImage(image, s.pullPolicy);
      } catch (e: unknown) {
        if (!(e instanceof ImageError)) throw e;
        return finish({ reason: e.reason, message: e.message }, 0);
      }
      const ctx = {
        image,
        labels: this.labels(s, inst, 'step', step.name),
        network: { mode: 'container', container: sandbox } as const,
        volumes: dockerNames(volumes),
      };
      // Read from the host at each attempt (an earlier step or attempt may have changed it); a refusal
      // is this attempt's RuntimeError.
      attempt = async () =>
        runContainerAttempt(this.runtime, await specForCreate(step, ctx, this.project), {
          timeoutMs: step.timeoutMs,
          killGraceMs: this.killGraceMs,
          signal: this.signal,
          onLine,
          onCreated: (id) => this.track('container', id),
          onRemoved: (id) => this.untrack('container', id),
        });
    } else {
      const spec = {
        command: [...(step.command ?? []), ...(step.args ?? [])],
        cwd: processCwd(s, step),
        env: processEnv(process.env, step.env),
      };
      attempt = () =>
        runProcessAttempt(spec, {
          timeoutMs: step.timeoutMs,
          killGraceMs: this.killGraceMs,
          signal: this.signal,
          onLine,
        });
    }

    let outcome: AttemptOutcome = { reason: 'RuntimeError', message: 'no attempt made' };
    let n = 0;
    let cancelledWaiting = false;
    while (n < step.attempts) {
      n += 1;
      r.status = 'Running';
      this.emit({
        type: 'step-start',
        service: s.name,
        instance: inst.name,
        step: step.name,
        attempt: n,
        attempts: step.attempts,
      });
      try {
        outcome = await attempt();
      } catch (e: unknown) {
        outcome = { reason: 'RuntimeError', message: errorMessage(e) };
      }
      if (outcome.reason === undefined || this.signal?.aborted) break;
      if (n < step.attempts) {
        const delayMs = n * this.backoffBaseMs;
        this.emit({
          type: 'step-retry',
          instance: inst.name,
          step: step.name,
          attempt: n,
          delayMs,
          detail: `${outcome.reason} ${outcome.message ?? ''}`.trim(),
        });
        try {
          await sleep(delayMs, undefined, { signal: this.signal });
        } catch {
          cancelledWaiting = true;
          break;
        }
      }
    }
    // Cancelled during the backoff: nothing was running, so the step itself is Cancelled.
    if (cancelledWaiting) outcome = { ...outcome, reason: 'Cancelled', message: 'run cancelled' };
    return finish(outcome, n);
  }
}

/** The previous run's captured output of steps of services this run did not touch. */
function keptLogs(prev: LastRun | undefined, names: Set<string>): Record<string, string[]> {
  if (!prev) return {};
  const keys = new Set(
    prev.report.steps.filter((s) => !names.has(s.service)).map((s) => logKey(s.instance, s.step)),
  );
  return Object.fromEntries(Object.entries(prev.logs).filter(([k]) => keys.has(k)));
}

const dockerNames = (volumes: Map<string, PreparedVolume>): Map<string, string> =>
  new Map([...volumes].map(([name, v]) => [name, v.dockerName]));

/** Containers joined to a sandbox go before the sandbox itself. */
export async function removeContainersOrdered(
  runtime: ContainerRuntime,
  containers: { id: string; labels: Labels }[],
): Promise<void> {
  const rank = (c: { labels: Labels }) => (c.labels[LABEL.role] === 'sandbox' ? 1 : 0);
  for (const c of [...containers].sort((a, b) => rank(a) - rank(b))) await runtime.removeContainer(c.id);
}

const isAnyAddress = (hostIp: string): boolean => hostIp === '' || hostIp === '0.0.0.0' || hostIp === '::';

const processCwd = (s: ResolvedService, spec: ContainerSpec): string => spec.workingDir ?? dirname(s.file);
