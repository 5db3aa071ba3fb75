// The sandboxes of a run's container instances (docs/architecture.md): an instance's sandbox depends on
// nothing but the project network, so every selected instance's is started at the start of `up`, while
// the cache restores and the first services initialize; a dependent then finds its sandbox ready instead
// of creating it once its dependencies are ready. One at a time, in dependency order: on two cores, all
// of them at once slowed the restore down as much as they saved (docs/benchmarks.md). An instance that
// opens before its turn comes (the first ones) starts its own at once. A job's sandbox is removed in the background once
// the job ended, so what depends on the job does not wait for it; `up` waits for those removals, and
// removes the sandboxes of instances that never opened (a dependency failed), before it returns.
import type { ResolvedInstance, ResolvedService } from '../spec/model.js';
import { LABEL, networkName, sandboxName } from './labels.js';
import type { RunContext } from './run-context.js';
import { removeContainers, tryRemove } from './tracked.js';

/** A sandbox that started, or why it did not (the instance's StartFailed) and the container if created. */
export type SandboxStart = { ok: true; id: string } | { ok: false; error: unknown; id?: string };

/** One instance's way to its sandbox. */
export interface Opening {
  /**
   * What an earlier run left of the instance is gone (its containers, its run-scoped volumes): the
   * instance may create its own volumes. Rejects when the engine failed (fatal for the run).
   */
  cleared: Promise<void>;
  /** Its sandbox; rejects when the network or the engine failed (fatal), as `cleared`. */
  sandbox: Promise<SandboxStart>;
}

interface Entry extends Opening {
  s: ResolvedService;
  inst: ResolvedInstance;
  claimed: boolean;
}

export class Sandboxes {
  private readonly entries = new Map<string, Entry>();
  private queue: { s: ResolvedService; inst: ResolvedInstance }[] = [];
  private readonly removals = new Set<Promise<void>>();

  constructor(private readonly ctx: RunContext) {}

  /** Starts the sandboxes of the container instances of `services`, one after another in their order. */
  prestart(services: ResolvedService[]): void {
    this.queue = services
      .filter((s) => s.runtime === 'container')
      .flatMap((s) => s.instances.map((inst) => ({ s, inst })));
    void this.drain();
  }

  /** The instance's opening: the one under way, or begun now. */
  claim(s: ResolvedService, inst: ResolvedInstance): Opening {
    const entry = this.entries.get(inst.name) ?? this.begin(s, inst);
    entry.claimed = true;
    return entry;
  }

  /** Removes a job's sandbox without making anything wait for it; `settle` does. */
  removeLater(id: string, what: string): void {
    const { ctx } = this;
    const removal = tryRemove(
      what,
      () => ctx.runtime.removeContainer(id),
      (m) => ctx.warn(m),
    ).then((removed) => {
      if (removed) ctx.tracked.forget('container', id);
    });
    this.removals.add(removal);
    void removal.finally(() => this.removals.delete(removal));
  }

  /**
   * Before `up` returns or cleans up: starts no more sandboxes, waits for those being started and removed,
   * and removes the ones no instance claimed (a dependency failed, the run stopped).
   */
  async settle(): Promise<void> {
    this.queue = [];
    const unclaimed: string[] = [];
    for (const entry of this.entries.values()) {
      const started = await entry.sandbox.catch(() => undefined);
      if (!entry.claimed && started?.id !== undefined) unclaimed.push(started.id);
    }
    while (this.removals.size > 0) await Promise.all([...this.removals]);
    for (const id of unclaimed) this.removeLater(id, `sandbox ${id.slice(0, 12)}`);
    await Promise.all([...this.removals]);
  }

  private async drain(): Promise<void> {
    for (let next = this.queue.shift(); next; next = this.queue.shift()) {
      if (this.ctx.signal?.aborted) return;
      // Already claimed, or it will never open: a dependency failed.
      if (this.entries.has(next.inst.name)) continue;
      if (next.s.dependsOn.some((d) => this.ctx.results.hasFailed(d))) continue;
      await this.begin(next.s, next.inst).sandbox.catch(() => undefined);
    }
  }

  private begin(s: ResolvedService, inst: ResolvedInstance): Entry {
    const cleared = this.removeLeftovers(inst);
    const sandbox = cleared.then(async (): Promise<SandboxStart> => {
      await this.ctx.network;
      const created: { id?: string } = {};
      try {
        return { ok: true, id: await this.start(s, inst, created) };
      } catch (error: unknown) {
        return { ok: false, error, ...created };
      }
    });
    // Each is awaited by the instance that claims it, or by settle.
    cleared.catch(() => undefined);
    sandbox.catch(() => undefined);
    const entry: Entry = { s, inst, cleared, sandbox, claimed: false };
    this.entries.set(inst.name, entry);
    return entry;
  }

  /** A restart: what an earlier run left of this instance (containers, run-scoped volumes) goes first. */
  private async removeLeftovers(inst: ResolvedInstance): Promise<void> {
    const { runtime, project } = this.ctx;
    const sel = { [LABEL.project]: project.name, [LABEL.instance]: inst.name };
    await removeContainers(runtime, await runtime.listContainers(sel), (m) => this.ctx.warn(m));
    for (const v of await runtime.listVolumes({ ...sel, [LABEL.ephemeral]: 'true' })) {
      await runtime.removeVolume(v.name);
    }
  }

  private async start(s: ResolvedService, inst: ResolvedInstance, created: { id?: string }): Promise<string> {
    const { ctx } = this;
    const id = await ctx.runtime.createContainer({
      name: sandboxName(ctx.project.name, inst.name),
      image: ctx.sandboxImage,
      env: [],
      hostname: inst.name,
      labels: ctx.labels(s, inst, 'sandbox'),
      network: {
        mode: 'network',
        network: networkName(ctx.project.name),
        aliases: [s.name, inst.name, ...(inst.aliases ?? [])],
      },
      mounts: [],
      ports: s.ports,
      securityOpt: [],
      capAdd: [],
      capDrop: ['ALL'],
      privileged: false,
    });
    ctx.tracked.add('container', id);
    created.id = id;
    await ctx.runtime.startContainer(id);
    return id;
  }
}
