// The cache as the action uses it (docs/cache.md): main restores and snapshots into $RUNNER_TEMP through
// the Actions cache service, post uploads the snapshots (after the services ran, so they start sooner).
import type { CacheFactory } from '../action/main.js';
import type { PostHook } from '../action/post.js';
import type { RunObserver } from '../engine/types.js';
import { ActionsCacheStore } from './stores.js';
import { createVolumeCache, uploadPending, type PendingUpload } from './volume-cache.js';

/** State name (main's `saveState` prefixes `cache-`). */
const PENDING = 'pending';

export const actionCacheFactory: CacheFactory = (ctx) =>
  createVolumeCache({
    store: new ActionsCacheStore(ctx.env),
    observer: ctx.observer,
    runtime: ctx.runtime,
    maxBytes: ctx.inputs.cacheMaxSizeBytes,
    cacheSecrets: ctx.inputs.cacheSecrets,
    deferUpload: (pending) => ctx.saveState(PENDING, JSON.stringify(pending)),
  });

function parsePending(raw: string): PendingUpload[] {
  if (!raw) return [];
  const value: unknown = JSON.parse(raw);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is PendingUpload =>
      typeof p === 'object' && p !== null && typeof p.key === 'string' && typeof p.file === 'string',
  );
}

export const actionCachePostHook: PostHook = async ({ env, core }) => {
  const pending = parsePending(core.getState(`cache-${PENDING}`));
  if (pending.length === 0) return;
  const observer: RunObserver = (e) => {
    if (e.type === 'warning') core.warning(e.message);
  };
  core.info(`initsteps: saving ${pending.length} volume snapshot(s) to the Actions cache`);
  await uploadPending(new ActionsCacheStore(env), pending, observer);
};
