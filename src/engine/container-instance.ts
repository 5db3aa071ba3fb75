// An instance of a `runtime: container` service, the Kubernetes pod model: a sandbox container holds the
// instance's network namespace, aliases and published ports; every init step and the main container join
// it (`container:<sandbox>`) and mount the instance's volumes.
import { errorMessage } from '../errors.js';
import type { ResolvedInstance, ResolvedService, ResolvedStep, VolumeMount } from '../spec/model.js';
import { runContainerAttempt } from './attempt.js';
import { specForCreate } from './container-spec.js';
import type { FactSource } from './facts.js';
import { ImageError } from './images.js';
import { LABEL, mainName, networkName, sandboxName } from './labels.js';
import { pathExistsOnMounts } from './path-check.js';
import type { ReadinessTarget, StartedMain } from './readiness.js';
import type { RunContext } from './run-context.js';
import { StepSetupError, type InstanceDriver, type StepAttempt } from './steps.js';
import { removeContainers } from './tracked.js';
import { dockerNames, prepareVolumes, type PreparedVolume } from './volumes.js';

export class ContainerInstance implements InstanceDriver {
  private volumes = new Map<string, PreparedVolume>();
  private sandbox = '';
  readonly facts: FactSource;

  constructor(
    private readonly ctx: RunContext,
    private readonly s: ResolvedService,
    private readonly inst: ResolvedInstance,
  ) {
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
    try {
      await this.removeLeftovers();
      this.volumes = await prepareVolumes(ctx, s, inst);
      await ctx.network;
    } catch (e: unknown) {
      // The cleanup that follows must not race the restore writing into the volumes.
      await ctx.cacheRestored;
      throw e; // no volumes or no network: fatal, as an unreachable engine
    }
    try {
      this.sandbox = await this.startSandbox();
    } catch (e: unknown) {
      await ctx.cacheRestored;
      ctx.throwIfAborted();
      const why = `could not start the instance sandbox: ${errorMessage(e)}`;
      ctx.results.notRun(inst, 0, why);
      ctx.results.setInstance(s, inst, 'Failed', 'StartFailed', why);
      return false;
    }
    // The project's restore (engine/project-cache.ts) ran meanwhile: the steps are decided on what it left.
    await ctx.cacheRestored;
    ctx.throwIfAborted();
    const sandboxInfo = await ctx.runtime.inspectContainer(this.sandbox);
    ctx.results.setPorts(s.name, inst.name, sandboxInfo.ports);
    return true;
  }

  async prepareStep(step: ResolvedStep): Promise<StepAttempt> {
    const { ctx, s, inst } = this;
    const image = step.image ?? '';
    await this.image(image);
    const create = {
      image,
      labels: ctx.labels(s, inst, 'step', step.name),
      network: { mode: 'container', container: this.sandbox } as const,
      volumes: dockerNames(this.volumes),
    };
    // Read from the host at each attempt (an earlier step or attempt may have changed it); a refusal
    // is this attempt's RuntimeError.
    return async (onLine) =>
      runContainerAttempt(ctx.runtime, await specForCreate(step, create, ctx.project), {
        timeoutMs: step.timeoutMs,
        killGraceMs: ctx.killGraceMs,
        signal: ctx.signal,
        onLine,
        onCreated: (id) => ctx.tracked.add('container', id),
        onRemoved: (id) => ctx.tracked.forget('container', id),
      });
  }

  async startMain(): Promise<StartedMain | undefined> {
    const { ctx, s, inst } = this;
    const image = inst.main.image ?? '';
    let main: string;
    try {
      await this.image(image);
      const spec = await specForCreate(
        inst.main,
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

  /** The image by the service's pull policy (once per run); a failure is the reason of what needs it. */
  private async image(ref: string): Promise<void> {
    try {
      await this.ctx.images.ensure(ref, this.s.pullPolicy);
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

  /** A restart: what an earlier run left of this instance (containers, run-scoped volumes) goes first. */
  private async removeLeftovers(): Promise<void> {
    const { runtime, project } = this.ctx;
    const sel = { [LABEL.project]: project.name, [LABEL.instance]: this.inst.name };
    await removeContainers(runtime, await runtime.listContainers(sel), (m) => this.ctx.warn(m));
    for (const v of await runtime.listVolumes({ ...sel, [LABEL.ephemeral]: 'true' })) {
      await runtime.removeVolume(v.name);
    }
  }

  private async startSandbox(): Promise<string> {
    const { ctx, s, inst } = this;
    const id = await ctx.runtime.createContainer({
      name: sandboxName(ctx.project.name, inst.name),
      image: ctx.sandboxImage,
      env: [],
      hostname: inst.name,
      labels: ctx.labels(s, inst, 'sandbox'),
      network: { mode: 'network', network: networkName(ctx.project.name), aliases: [s.name, inst.name] },
      mounts: [],
      ports: s.ports,
      securityOpt: [],
      capAdd: [],
      capDrop: ['ALL'],
      privileged: false,
    });
    ctx.tracked.add('container', id);
    await ctx.runtime.startContainer(id);
    return id;
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
