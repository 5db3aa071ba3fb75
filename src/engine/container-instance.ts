// An instance of a `runtime: container` service, the Kubernetes pod model: a sandbox container holds the
// instance's network namespace, aliases and published ports; every init step and the main container join
// it (`container:<sandbox>`) and mount the instance's volumes.
import { errorMessage } from '../errors.js';
import type { Labels } from '../runtime/types.js';
import { expandContainer } from '../spec/expansion.js';
import {
  type ContainerSpec,
  type EnvVar,
  type PullPolicy,
  type ResolvedInstance,
  type ResolvedService,
  type ResolvedStep,
  type VolumeMount,
} from '../spec/model.js';
import { runContainerAttempt } from './attempt.js';
import { specForCreate } from './container-spec.js';
import type { FactSource } from './facts.js';
import { ImageError } from './images.js';
import { LABEL, mainName, networkName } from './labels.js';
import { pathExistsOnMounts } from './path-check.js';
import type { ReadinessTarget, StartedMain } from './readiness.js';
import type { RunContext } from './run-context.js';
import { runAddressEnv } from './addresses.js';
import type { Attempt } from './retry.js';
import type { SandboxStart } from './sandboxes.js';
import { StepSetupError, type InstanceDriver } from './steps.js';
import type { CreateContainerSpec } from '../runtime/types.js';
import {
  checkMountedVolumes,
  dockerNames,
  labelledVolumes,
  prepareVolumes,
  VolumeGoneError,
  type PreparedVolume,
} from './volumes.js';

export class ContainerInstance implements InstanceDriver {
  private volumes = new Map<string, PreparedVolume>();
  private sandbox = '';
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
      // The cleanup that follows must not race the restore writing into the volumes.
      await ctx.cacheRestored;
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
    const expanded = expandContainer(spec, this.addresses);
    return async (onLine, timeoutMs) => {
      const created = await specForCreate(expanded, create, ctx.project);
      return runContainerAttempt(ctx.runtime, created, {
        timeoutMs,
        killGraceMs: ctx.killGraceMs,
        signal: ctx.signal,
        onLine,
        onCreated: (id) => ctx.tracked.add('container', id),
        afterCreate: (id) => this.checkVolumes(id, created),
        onRemoved: (id) => ctx.tracked.forget('container', id),
      });
    };
  }

  /**
   * Its sandbox goes once the job ended (docs/spec.md, "Jobs"), in the background: what depends on the job
   * need not wait for it, `up` does. Its volumes stay, and go to the project's cache entry at the end of the
   * run (engine/project-cache.ts).
   */
  finishJob(): Promise<void> {
    if (this.sandbox !== '') this.ctx.sandboxes.removeLater(this.sandbox, `sandbox of ${this.inst.name}`);
    this.sandbox = '';
    return Promise.resolve();
  }

  async startMain(): Promise<StartedMain | undefined> {
    const { ctx, s, inst } = this;
    const image = inst.main.image ?? '';
    try {
      await ctx.images.ensure(image, s.pullPolicy);
    } catch (e: unknown) {
      ctx.throwIfAborted();
      if (!(e instanceof ImageError)) throw e;
      // An image that could not be had keeps its own reason (docs/images.md), as a step's does.
      ctx.results.setInstance(s, inst, 'Failed', e.reason, `main container: ${e.message}`);
      return undefined;
    }
    let main: string;
    try {
      const spec = await specForCreate(
        expandContainer(inst.main, this.addresses),
        {
          name: mainName(ctx.project.name, inst.name),
          image,
          labels: ctx.labels(s, inst, 'main'),
          network: { mode: 'container', container: this.sandbox },
          volumes: dockerNames(this.volumes),
        },
        ctx.project,
      );
      main = await ctx.runtime.createContainer(spec);
      ctx.tracked.add('container', main);
      await this.checkVolumes(main, spec);
      await ctx.runtime.startContainer(main);
    } catch (e: unknown) {
      ctx.throwIfAborted();
      ctx.results.setInstance(s, inst, 'Failed', 'StartFailed', `main container: ${errorMessage(e)}`);
      return undefined;
    }
    const healthcheck = s.readinessProbe === undefined && (await ctx.runtime.imageHasHealthcheck(image));
    const started = { target: this.readinessTarget(main), healthcheck };
    ctx.mains.set(inst.name, { containerId: main, started });
    return started;
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

  private readinessTarget(main: string): ReadinessTarget {
    const { runtime, project } = this.ctx;
    const network = networkName(project.name);
    const sandbox = this.sandbox;
    const inst = this.inst.name;
    return {
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
