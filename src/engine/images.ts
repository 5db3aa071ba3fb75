// Images of a run: each pulled (or found, or refused by its policy) once per run, however many instances,
// steps and the cache ask for it; every image an instance needs is requested at once when the instance
// starts preparing, so pulls overlap its volumes, sandbox and restore.
import { errorMessage } from '../errors.js';
import type { ContainerRuntime } from '../runtime/types.js';
import type { PullPolicy, ResolvedInstance, ResolvedService } from '../spec/model.js';
import type { RunObserver } from './types.js';

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

/** The images an instance involves: the service's, the main container's and every step's. */
export function instanceImages(service: ResolvedService, instance: ResolvedInstance): string[] {
  const refs = [service.template.image, instance.main.image, ...instance.steps.map((s) => s.image)];
  return [...new Set(refs.filter((r): r is string => r !== undefined && r !== ''))].sort();
}

export class RunImages {
  /** By reference: the first policy that asks decides (one service's images share its policy). */
  private readonly ready = new Map<string, Promise<string>>();

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly emit: RunObserver,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** The image's ID once the policy is satisfied; rejects with ImageError (or the abort). */
  ensure(ref: string, policy: PullPolicy): Promise<string> {
    let pending = this.ready.get(ref);
    if (!pending) {
      pending = this.pullIfNeeded(ref, policy);
      // Awaited by whoever needs the image; a failure nobody awaits yet must not be unhandled.
      pending.catch(() => undefined);
      this.ready.set(ref, pending);
    }
    return pending;
  }

  /** Every image of the instance at once; their IDs by reference, undefined when one cannot be had. */
  async ensureAll(
    service: ResolvedService,
    instance: ResolvedInstance,
  ): Promise<Record<string, string> | undefined> {
    const refs = instanceImages(service, instance);
    const settled = await Promise.allSettled(refs.map((ref) => this.ensure(ref, service.pullPolicy)));
    this.signal?.throwIfAborted();
    const ids: Record<string, string> = {};
    for (const [i, s] of settled.entries()) {
      if (s.status === 'rejected') return undefined;
      ids[refs[i] as string] = s.value;
    }
    return ids;
  }

  private async pullIfNeeded(ref: string, policy: PullPolicy): Promise<string> {
    if (policy !== 'Always') {
      const id = await this.runtime.imageId(ref);
      if (id !== undefined) return id;
    }
    if (policy === 'Never') {
      throw new ImageError('ImageNotPresent', `image ${ref} is not present and imagePullPolicy is Never`);
    }
    try {
      await this.runtime.pullImage(
        ref,
        (progress) => this.emit({ type: 'image-pull', image: ref, progress }),
        this.signal,
      );
      const id = await this.runtime.imageId(ref);
      if (id === undefined) throw new Error('the engine does not have it after the pull');
      return id;
    } catch (e: unknown) {
      this.signal?.throwIfAborted();
      throw new ImageError('ImagePullFailed', `pulling ${ref}: ${errorMessage(e)}`);
    }
  }
}
