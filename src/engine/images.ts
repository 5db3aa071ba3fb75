// Images of a run (docs/images.md): at the start of `up`, every image of the selected services and
// steps is looked up and those the policy asks for are pulled, all at once (a few at a time), while the
// network, volumes and cache restores are prepared; each image is had once per run, however many
// instances, steps and the cache ask for it. A failed pull is retried when the failure is transient, a
// bounded number of times; an image that cannot be had fails what needs it (`ImagePullFailed`,
// `ImageNotPresent`), never the run.
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../errors.js';
import { digestFor, digestOf, PullError, PullTally, type PullProgress } from '../runtime/pull.js';
import { registryOf } from '../runtime/registry-auth.js';
import type { ContainerRuntime, ImageInfo } from '../runtime/types.js';
import type { PullPolicy, ResolvedInstance, ResolvedService } from '../spec/model.js';
import { describePullFailure } from './pull-failure.js';
import type { ImageResult, RunObserver } from './types.js';

/** An image the policy could not provide: the step or main container that needs it fails with this reason. */
export class ImageError extends Error {
  override readonly name = 'ImageError';
  constructor(
    readonly reason: 'ImagePullFailed' | 'ImageNotPresent',
    message: string,
  ) {
    super(message);
  }
}

/** An image and the policy one of its users asks for. */
export interface ImageNeed {
  ref: string;
  policy: PullPolicy;
}

export interface PullSettings {
  /** Pulls at once. Default 4. */
  concurrency?: number;
  /** Attempts of a pull that fails transiently (connection reset, 5xx, 429). Default 3. */
  attempts?: number;
  /** Wait before retry n: n-th doubling of this. Default 2000 ms (2 s, then 4 s). */
  backoffMs?: number;
  /** A pull the engine reports nothing of for this long is stopped (a registry that accepts and hangs). Default 30 s. */
  stallMs?: number;
  /** At most one progress event per image this often. Default 2000 ms. */
  progressEveryMs?: number;
}

/** The images an instance involves: the service's, the main container's and every step's. */
export function instanceImages(service: ResolvedService, instance: ResolvedInstance): string[] {
  return [...new Set(instanceImageNeeds(service, instance).map((n) => n.ref))].sort();
}

/** The images an instance involves, each with the policy of the container that uses it. */
export function instanceImageNeeds(service: ResolvedService, instance: ResolvedInstance): ImageNeed[] {
  const needs: ImageNeed[] = [
    { ref: service.template.image ?? '', policy: service.pullPolicy },
    { ref: instance.main.image ?? '', policy: service.pullPolicy },
    ...instance.steps.map((s) => ({ ref: s.image ?? '', policy: s.pullPolicy })),
    ...[...(instance.sidecars ?? []), ...(instance.containers ?? [])].map((c) => ({
      ref: c.image ?? '',
      policy: c.pullPolicy,
    })),
  ];
  return needs.filter((n) => n.ref !== '');
}

/** Eagerness of a policy: an image used under several is had the most eager way (docs/images.md). */
const EAGERNESS: Record<PullPolicy, number> = { Never: 0, IfNotPresent: 1, Always: 2 };

/** One policy per image: the most eager any of its users asks for, in first-seen order. */
export function mergeNeeds(needs: ImageNeed[]): ImageNeed[] {
  const byRef = new Map<string, PullPolicy>();
  for (const { ref, policy } of needs) {
    const known = byRef.get(ref);
    if (known === undefined || EAGERNESS[policy] > EAGERNESS[known]) byRef.set(ref, policy);
  }
  return [...byRef].map(([ref, policy]) => ({ ref, policy }));
}

/** At most `n` of the functions given run at once; the others wait their turn, in order. */
function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (fn) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

export class RunImages {
  /** By reference: the first request decides (`prefetch` merges the policies of every user first). */
  private readonly ready = new Map<string, Promise<string>>();
  private readonly outcomes = new Map<string, ImageResult>();
  private readonly batches: Promise<unknown>[] = [];
  private readonly pullSlot: <T>(fn: () => Promise<T>) => Promise<T>;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly stallMs: number;
  private readonly progressEveryMs: number;

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly emit: RunObserver,
    private readonly signal: AbortSignal | undefined,
    settings: PullSettings = {},
  ) {
    this.pullSlot = limiter(settings.concurrency ?? 4);
    this.attempts = settings.attempts ?? 3;
    this.backoffMs = settings.backoffMs ?? 2000;
    this.stallMs = settings.stallMs ?? 30_000;
    this.progressEveryMs = settings.progressEveryMs ?? 2000;
  }

  /**
   * Looks up every image at once and starts the pulls they need, framed by `image-pulls` start and end
   * events; returns at once. Later `ensure` calls share these outcomes.
   */
  prefetch(needs: ImageNeed[]): void {
    const fresh = mergeNeeds(needs).filter((n) => !this.ready.has(n.ref));
    if (fresh.length === 0) return;
    const began = Date.now();
    const looked = fresh.map((n) => ({ ...n, info: this.lookUp(n) }));
    const announced = Promise.all(looked.map((l) => l.info.catch(() => undefined))).then((infos) => {
      const pulls = looked.filter(
        (l, i) => l.policy === 'Always' || (l.policy === 'IfNotPresent' && !infos[i]),
      );
      if (pulls.length > 0)
        this.emit({ type: 'image-pulls', phase: 'start', images: pulls.map((p) => p.ref) });
      return pulls.length;
    });
    const each = looked.map((l) => {
      const id = announced.then(async () => this.provide(l.ref, l.policy, await l.info));
      this.remember(l.ref, id);
      return id;
    });
    this.batches.push(
      announced.then(async (pulls) => {
        const settled = await Promise.allSettled(each);
        if (pulls === 0 || this.signal?.aborted) return;
        const failed = settled.filter((s) => s.status === 'rejected').length;
        this.emit({ type: 'image-pulls', phase: 'end', durationMs: Date.now() - began, failed });
      }),
    );
  }

  /** The image's ID once the policy is satisfied; rejects with ImageError (or the abort). */
  ensure(ref: string, policy: PullPolicy): Promise<string> {
    const known = this.ready.get(ref);
    if (known) return known;
    const id = this.lookUp({ ref, policy }).then((info) => this.provide(ref, policy, info));
    this.remember(ref, id);
    return id;
  }

  /** Every image of the instance at once; their IDs by reference, undefined when one cannot be had. */
  async ensureAll(
    service: ResolvedService,
    instance: ResolvedInstance,
  ): Promise<Record<string, string> | undefined> {
    const needs = mergeNeeds(instanceImageNeeds(service, instance));
    const settled = await Promise.allSettled(needs.map((n) => this.ensure(n.ref, n.policy)));
    this.signal?.throwIfAborted();
    const ids: Record<string, string> = {};
    for (const [i, s] of settled.entries()) {
      if (s.status === 'rejected') return undefined;
      ids[needs[i]?.ref as string] = s.value;
    }
    return ids;
  }

  /** Resolves once every lookup and pull started so far has ended. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.batches, ...this.ready.values()]);
  }

  /** How each image of the run was had, in the order they were first asked for. */
  results(): ImageResult[] {
    return [...this.outcomes.values()].map((r) => ({ ...r }));
  }

  private remember(ref: string, id: Promise<string>): void {
    // Awaited by whoever needs the image; a failure nobody awaits yet must not be unhandled.
    id.catch(() => undefined);
    this.ready.set(ref, id);
  }

  /** What the engine has of the image; under Always nothing is looked up (it is pulled anyway). */
  private async lookUp(need: ImageNeed): Promise<ImageInfo | undefined> {
    if (need.policy === 'Always') return undefined;
    try {
      return await this.runtime.inspectImage(need.ref);
    } catch (e: unknown) {
      this.signal?.throwIfAborted();
      throw this.fail(need.ref, 'ImagePullFailed', `inspecting ${need.ref}: ${errorMessage(e)}`);
    }
  }

  private async provide(ref: string, policy: PullPolicy, info: ImageInfo | undefined): Promise<string> {
    if (info && policy !== 'Always') {
      this.outcomes.set(ref, { ref, status: 'Present', id: info.id, ...digestField(ref, info.repoDigests) });
      return info.id;
    }
    if (policy === 'Never') {
      throw this.fail(ref, 'ImageNotPresent', `image ${ref} is not present and imagePullPolicy is Never`);
    }
    return this.pullSlot(() => this.pull(ref));
  }

  private fail(
    ref: string,
    reason: ImageResult['reason'] & string,
    message: string,
    extra: Partial<ImageResult> = {},
  ) {
    this.outcomes.set(ref, { ref, status: 'Failed', reason, message, ...extra });
    return new ImageError(reason, message);
  }

  /** Pulls with retries on transient failures; the ID of what it pulled. */
  private async pull(ref: string): Promise<string> {
    this.signal?.throwIfAborted();
    const began = Date.now();
    this.emit({ type: 'image-pull', image: ref, phase: 'start' });
    for (let attempt = 1; ; attempt++) {
      let failure: PullError;
      try {
        const announced = await this.pullOnce(ref, began);
        const info = await this.runtime.inspectImage(ref);
        if (!info) throw new Error('the engine does not have it after the pull');
        const durationMs = Date.now() - began;
        const digest = digestFor(ref, info.repoDigests, announced);
        this.outcomes.set(ref, {
          ref,
          status: 'Pulled',
          id: info.id,
          ...(digest !== undefined && { digest }),
          pullMs: durationMs,
          attempts: attempt,
        });
        this.emit({
          type: 'image-pull',
          image: ref,
          phase: 'done',
          durationMs,
          ...(digest !== undefined && { digest }),
        });
        return info.id;
      } catch (e: unknown) {
        this.signal?.throwIfAborted();
        failure =
          e instanceof PullError
            ? e
            : new PullError('other', errorMessage(e), registryOf(ref), undefined, undefined);
      }
      if (failure.kind !== 'transient' || attempt >= this.attempts) {
        const message = describePullFailure(ref, failure, attempt, this.stallMs);
        this.emit({ type: 'image-pull', image: ref, phase: 'failed', message });
        throw this.fail(ref, 'ImagePullFailed', message, { pullMs: Date.now() - began, attempts: attempt });
      }
      const delayMs = this.backoffMs * 2 ** (attempt - 1);
      this.emit({
        type: 'image-pull',
        image: ref,
        phase: 'retry',
        attempt,
        attempts: this.attempts,
        delayMs,
        detail: failure.message,
      });
      await sleep(delayMs, undefined, this.signal ? { signal: this.signal } : {});
    }
  }

  /** One pull, stopped when the engine reports nothing for `stallMs`; the digest it announced. */
  private async pullOnce(ref: string, began: number): Promise<string | undefined> {
    const stall = new AbortController();
    const signal = this.signal ? AbortSignal.any([this.signal, stall.signal]) : stall.signal;
    let timer = setTimeout(() => stall.abort(), this.stallMs);
    const tally = new PullTally();
    let announced: string | undefined;
    let lastEmit = Date.now();
    const onProgress = (p: PullProgress): void => {
      clearTimeout(timer);
      timer = setTimeout(() => stall.abort(), this.stallMs);
      tally.add(p);
      announced = digestOf(p) ?? announced;
      const now = Date.now();
      if (now - lastEmit < this.progressEveryMs) return;
      const bytes = tally.bytes();
      if (bytes.total === 0) return;
      lastEmit = now;
      this.emit({
        type: 'image-pull',
        image: ref,
        phase: 'progress',
        doneBytes: bytes.done,
        totalBytes: bytes.total,
        elapsedMs: now - began,
      });
    };
    try {
      await this.runtime.pullImage(ref, onProgress, signal);
      return announced;
    } catch (e: unknown) {
      if (stall.signal.aborted && !this.signal?.aborted) {
        throw new PullError('stalled', 'no answer', registryOf(ref), undefined, undefined);
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }
}

function digestField(ref: string, repoDigests: string[]): { digest?: string } {
  const digest = digestFor(ref, repoDigests);
  return digest === undefined ? {} : { digest };
}
