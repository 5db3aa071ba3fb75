// An instance of a `runtime: container` service, the Kubernetes pod model: a sandbox container holds the
// instance's network namespace, aliases and published ports; every init step and the main container join
// it (`container:<sandbox>`) and mount the instance's volumes. A Kubernetes pod's native sidecars and its
// other containers join it the same way (docs/kubernetes.md#native-sidecars).

import { errorMessage } from '../errors.js';
import type { Labels } from '../runtime/types.js';
import { expandContainer, usesPodFields, withPodFields } from '../spec/expansion.js';
import {
  instanceContainers,
  type ContainerSpec,
  type EnvVar,
  type PodContainer,
  type Probe,
  type PullPolicy,
  type ResolvedInstance,
  type ResolvedService,
  type ResolvedSidecar,
  type ResolvedStep,
  type VolumeMount,
} from '../spec/model.js';
import { runContainerAttempt, type AttemptOutcome } from './attempt.js';
import { specForCreate } from './container-spec.js';
import type { FactSource } from './facts.js';
import { ImageError } from './images.js';
import { LABEL, mainName, networkName, podContainerName } from './labels.js';
import { tryRemove } from './tracked.js';
import { pathExistsOnMounts } from './path-check.js';
import { waitReady, type ReadinessTarget, type StartedMain } from './readiness.js';
import type { RunContext } from './run-context.js';
import { runAddressEnv } from './addresses.js';
import type { Attempt } from './retry.js';
import type { SandboxStart } from './sandboxes.js';
import { StepSetupError, type InstanceDriver } from './steps.js';
import type { CreateContainerSpec } from '../runtime/types.js';
import {
  checkMountedVolumes,
  copySubPaths,
  dockerNames,
  labelledVolumes,
  prepareVolumes,
  VolumeGoneError,
  type PreparedVolume,
} from './volumes.js';

export class ContainerInstance implements InstanceDriver {
  private volumes = new Map<string, PreparedVolume>();
  private sandbox = '';
  /** The native sidecars started so far, in order: they stop last first, after the job's container. */
  private readonly sidecars: {
    id: string;
    name: string;
    startupProbe?: Probe;
    target: ReadinessTarget;
  }[] = [];
  /** Kubernetes' `status.podIP`: the sandbox's address on the project network, read when a container uses it. */
  private podIP = '';
  /**
   * The addresses of the services it depends on (DNS names, container ports), added to every step and the
   * main container with their `$(VAR)` references expanded (docs/spec.md, "Addresses and references").
   */
  private readonly addresses: EnvVar[];
  readonly facts: FactSource;

  constructor(
    private readonly ctx: RunContext,
    private readonly s: ResolvedService,
    private readonly inst: ResolvedInstance,
  ) {
    this.addresses = runAddressEnv(ctx, s);
    this.facts = {
      stateDir: ctx.stateDir,
      volume: (name) => {
        const v = this.volumes.get(name);
        return v && { uid: v.uid };
      },
      pathExists: (path, mounts) => this.pathExists(path, mounts),
    };
  }

  async open(): Promise<boolean> {
    const { ctx, s, inst } = this;
    // Every image at once: pulls overlap the volumes and the sandbox.
    ctx.images.ensureAll(s, inst).catch(() => undefined); // each step awaits the image it needs
    // Usually begun at the start of `up` (engine/sandboxes.ts).
    const opening = ctx.sandboxes.claim(s, inst);
    let sandbox: SandboxStart;
    try {
      await opening.cleared;
      this.volumes = await prepareVolumes(ctx, s, inst);
      sandbox = await opening.sandbox;
    } catch (e: unknown) {
      // The cleanup that follows must not race the sandbox starting or the restore writing into the volumes.
      await Promise.allSettled([opening.sandbox, ctx.cacheRestored]);
      throw e; // no volumes or no network: fatal, as an unreachable engine
    }
    if (!sandbox.ok) {
      await ctx.cacheRestored;
      ctx.throwIfAborted();
      const why = `could not start the instance sandbox: ${errorMessage(sandbox.error)}`;
      ctx.results.notRun(inst, 0, why);
      ctx.results.setInstance(s, inst, 'Failed', 'StartFailed', why);
      return false;
    }
    this.sandbox = sandbox.id;
    // The project's restore (engine/project-cache.ts) ran meanwhile: the steps are decided on what it left.
    await ctx.cacheRestored;
    ctx.throwIfAborted();
    const sandboxInfo = await ctx.runtime.inspectContainer(this.sandbox);
    ctx.results.setPorts(s.name, inst.name, sandboxInfo.ports);
    if (usesPodFields(instanceContainers(inst))) {
      const network = networkName(ctx.project.name);
      this.podIP = (await ctx.runtime.containerIp(this.sandbox, network)) ?? '';
      if (this.podIP === '') {
        const why = `the instance sandbox has no address on network ${network} (status.podIP)`;
        ctx.results.notRun(inst, 0, why);
        ctx.results.setInstance(s, inst, 'Failed', 'StartFailed', why);
        return false;
      }
    }
    return true;
  }

  prepareStep(step: ResolvedStep): Promise<Attempt> {
    return this.prepareRun(step, step.pullPolicy, this.ctx.labels(this.s, this.inst, 'step', step.name));
  }

  prepareJob(): Promise<Attempt> {
    return this.prepareRun(this.inst.main, this.s.pullPolicy, this.ctx.labels(this.s, this.inst, 'job'));
  }

  /** A container that runs to completion (a step's, a job's), joined to the sandbox, one per attempt. */
  private async prepareRun(spec: ContainerSpec, policy: PullPolicy, labels: Labels): Promise<Attempt> {
    const { ctx } = this;
    const image = spec.image ?? '';
    await this.image(image, policy);
    const create = {
      image,
      labels,
      network: { mode: 'container', container: this.sandbox } as const,
      volumes: dockerNames(this.volumes),
    };
    // Read from the host at each attempt (an earlier step or attempt may have changed it); a refusal
    // is this attempt's RuntimeError.
    const expanded = this.expand(spec);
    return async (onLine, timeoutMs) => {
      const created = await specForCreate(expanded, create, ctx.project);
      return runContainerAttempt(ctx.runtime, created, {
        timeoutMs,
        killGraceMs: ctx.killGraceMs,
        signal: ctx.signal,
        onLine,
        onCreated: (id) => ctx.tracked.add('container', id),
        afterCreate: async (id) => {
          await this.checkVolumes(id, created);
          await copySubPaths(ctx.runtime, id, expanded.volumes);
        },
        onRemoved: (id) => ctx.tracked.forget('container', id),
      });
    };
  }

  /**
   * Its sandbox goes once the job ended (docs/spec.md, "Jobs"), in the background: what depends on the job
   * need not wait for it, `up` does. Its volumes stay, and go to the project's cache entry at the end of the
   * run (engine/project-cache.ts).
   */
  async finishJob(): Promise<void> {
    await this.stopSidecars();
    if (this.sandbox !== '') this.ctx.sandboxes.removeLater(this.sandbox, `sandbox of ${this.inst.name}`);
    this.sandbox = '';
  }

  /**
   * The main container, then a Kubernetes pod's other containers in order (Kubernetes starts them one
   * after another too, without waiting); a failure of any is the instance's, naming it.
   */
  async startMain(): Promise<StartedMain | undefined> {
    const { ctx, s, inst } = this;
    const others = inst.containers ?? [];
    const mainWhat =
      others.length > 0 && inst.mainName !== undefined ? `container "${inst.mainName}"` : 'main container';
    const main = await this.startContainer(inst.main, s.pullPolicy, mainWhat, {
      name: mainName(ctx.project.name, inst.name),
      labels: ctx.labels(s, inst, 'main'),
    });
    if (!main) return undefined;
    const healthcheck = s.readinessProbe === undefined && (await ctx.runtime.imageHasHealthcheck(main.image));
    // Named in its messages only beside other containers.
    const target = this.readinessTarget(main.id, others.length > 0 ? mainWhat : undefined);
    const started: StartedMain = {
      target,
      healthcheck,
      control: {
        stop: (graceSeconds: number) => ctx.runtime.stopContainer(main.id, graceSeconds),
        start: () => ctx.runtime.startContainer(main.id),
      },
    };
    const running = { containerId: main.id, started, others: [] as string[], sidecars: this.sidecars };
    ctx.mains.set(inst.name, running);
    if (others.length === 0) return started;
    started.others = [];
    for (const c of others) {
      const what = `container "${c.name}"`;
      const other = await this.startContainer(c, c.pullPolicy, what, this.podContainer(c, 'container'));
      if (!other) return undefined;
      running.others.push(other.id);
      const hc = c.readinessProbe === undefined && (await ctx.runtime.imageHasHealthcheck(other.image));
      started.others.push({
        ...(c.readinessProbe && { probe: c.readinessProbe }),
        started: { target: this.readinessTarget(other.id, what), healthcheck: hc },
      });
    }
    return started;
  }

  /**
   * A native sidecar, joined to the sandbox, kept running; started once it runs and its startupProbe
   * (if any) passed (docs/kubernetes.md#native-sidecars). An image that could not be had is a StepSetupError.
   */
  async startSidecar(sidecar: ResolvedSidecar, order: number): Promise<AttemptOutcome> {
    const { ctx } = this;
    const image = sidecar.image ?? '';
    await this.image(image, sidecar.pullPolicy);
    const { name, labels } = this.podContainer(sidecar, 'sidecar');
    const spec = await specForCreate(
      this.expand(sidecar),
      {
        name,
        image,
        labels: { ...labels, [LABEL.sidecarOrder]: String(order) },
        network: { mode: 'container', container: this.sandbox },
        volumes: dockerNames(this.volumes),
      },
      ctx.project,
    );
    const id = await ctx.runtime.createContainer(spec);
    ctx.tracked.add('container', id);
    const target = this.readinessTarget(id, `sidecar "${sidecar.name}"`);
    this.sidecars.push({
      id,
      name: sidecar.name,
      ...(sidecar.startupProbe && { startupProbe: sidecar.startupProbe }),
      target,
    });
    await this.checkVolumes(id, spec);
    await copySubPaths(ctx.runtime, id, sidecar.volumes);
    await ctx.runtime.startContainer(id);
    // Without a startupProbe, Kubernetes counts it started once it runs.
    const started = await waitReady(sidecar.startupProbe, false, target, ctx.signal, 'startup');
    if (started.ok) return {};
    const state = await ctx.runtime.inspectContainer(id);
    return state.running
      ? { reason: 'StartupProbeFailed', message: started.message }
      : { reason: 'ExitNonZero', exitCode: state.exitCode, message: started.message };
  }

  /** Name and labels of a pod's other container or sidecar. */
  private podContainer(
    c: PodContainer | ResolvedSidecar,
    role: 'container' | 'sidecar',
  ): { name: string; labels: Labels } {
    const { ctx, s, inst } = this;
    return {
      name: podContainerName(ctx.project.name, inst.name, c.name),
      labels: { ...ctx.labels(s, inst, role), [LABEL.container]: c.name },
    };
  }

  /** A container that keeps running (main or other), created and started; undefined: the instance failed. */
  private async startContainer(
    c: ContainerSpec,
    policy: PullPolicy,
    what: string,
    naming: { name: string; labels: Labels },
  ): Promise<{ id: string; image: string } | undefined> {
    const { ctx, s, inst } = this;
    const image = c.image ?? '';
    try {
      await ctx.images.ensure(image, policy);
    } catch (e: unknown) {
      ctx.throwIfAborted();
      if (!(e instanceof ImageError)) throw e;
      // An image that could not be had keeps its own reason (docs/images.md), as a step's does.
      ctx.results.setInstance(s, inst, 'Failed', e.reason, `${what}: ${e.message}`);
      return undefined;
    }
    try {
      const spec = await specForCreate(
        this.expand(c),
        {
          ...naming,
          image,
          network: { mode: 'container', container: this.sandbox },
          volumes: dockerNames(this.volumes),
        },
        ctx.project,
      );
      const id = await ctx.runtime.createContainer(spec);
      ctx.tracked.add('container', id);
      await this.checkVolumes(id, spec);
      await copySubPaths(ctx.runtime, id, c.volumes);
      await ctx.runtime.startContainer(id);
      return { id, image };
    } catch (e: unknown) {
      ctx.throwIfAborted();
      ctx.results.setInstance(s, inst, 'Failed', 'StartFailed', `${what}: ${errorMessage(e)}`);
      return undefined;
    }
  }

  /**
   * A job's sidecars once its container has ended: last started first, each given the kill grace to exit
   * on its stop signal, then removed (docs/kubernetes.md#native-sidecars).
   */
  private async stopSidecars(): Promise<void> {
    const { ctx } = this;
    const grace = Math.ceil(ctx.killGraceMs / 1000);
    for (const { id, name } of this.sidecars.splice(0).reverse()) {
      const removed = await tryRemove(
        `sidecar "${name}" of ${this.inst.name}`,
        async () => {
          await ctx.runtime.stopContainer(id, grace);
          await ctx.runtime.removeContainer(id);
        },
        (m) => ctx.warn(m),
      );
      if (removed) ctx.tracked.forget('container', id);
    }
  }

  /** Its pod fields, then its references, with the addresses of what it depends on (docs/spec.md). */
  private expand(spec: ContainerSpec): ContainerSpec {
    return expandContainer(withPodFields(spec, { 'status.podIP': this.podIP }), this.addresses);
  }

  /** A volume the container mounts was removed meanwhile: the container and Docker's stand-in go. */
  private async checkVolumes(id: string, spec: CreateContainerSpec): Promise<void> {
    try {
      await checkMountedVolumes(this.ctx.runtime, id, spec.mounts, labelledVolumes(this.volumes));
    } catch (e: unknown) {
      if (e instanceof VolumeGoneError) this.ctx.tracked.forget('container', id);
      throw e;
    }
  }

  /** The image by its container's pull policy (once per run); a failure is the reason of what needs it. */
  private async image(ref: string, policy: PullPolicy): Promise<void> {
    try {
      await this.ctx.images.ensure(ref, policy);
    } catch (e: unknown) {
      if (e instanceof ImageError) throw new StepSetupError(e.reason, e.message);
      throw e;
    }
  }

  private readinessTarget(main: string, name?: string): ReadinessTarget {
    const { runtime, project } = this.ctx;
    const network = networkName(project.name);
    const sandbox = this.sandbox;
    const inst = this.inst.name;
    return {
      ...(name !== undefined && { name }),
      address: async (port) => {
        // A local engine: the pod IP on the project bridge, routable from this host. Not the published
        // port: docker-proxy accepts a connection there even while nothing listens inside.
        if (runtime.remoteHost === undefined) {
          const ip = await runtime.containerIp(sandbox, network);
          if (ip === undefined) throw new Error(`instance ${inst} has no address on network ${network}`);
          return { host: ip, port };
        }
        // A remote engine: only published ports are reachable, on the engine's host.
        const published = this.ctx.results
          .instance(this.s.name, inst)
          .ports.find((p) => p.containerPort === port && p.protocol === 'tcp');
        if (!published) throw new Error(`port ${port} is not published, and the Docker engine is remote`);
        const host = isAnyAddress(published.hostIp) ? runtime.remoteHost : published.hostIp;
        return { host, port: published.hostPort };
      },
      exec: (command, signal) => runtime.exec(main, command, signal),
      state: () => runtime.inspectContainer(main),
    };
  }

  /** Checks a path on the volumes without starting anything. */
  private pathExists(path: string, mounts: VolumeMount[]): Promise<boolean> {
    const { ctx } = this;
    const labels = { [LABEL.project]: ctx.project.name, [LABEL.role]: 'step', [LABEL.run]: ctx.runId };
    return pathExistsOnMounts(
      ctx.runtime,
      {
        sandboxImage: ctx.sandboxImage,
        labels,
        volumes: mounts,
        names: dockerNames(this.volumes),
        labelled: labelledVolumes(this.volumes),
        gate: ctx.project,
      },
      path,
      {
        created: (id) => ctx.tracked.add('container', id),
        removed: (id) => ctx.tracked.forget('container', id),
      },
    );
  }
}

const isAnyAddress = (hostIp: string): boolean => hostIp === '' || hostIp === '0.0.0.0' || hostIp === '::';
