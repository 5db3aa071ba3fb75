// The cache as the action uses it (docs/cache.md): main restores and snapshots into $RUNNER_TEMP through
// the Actions cache service, post uploads the snapshot (so the main step ends without waiting for it).
import type { CacheFactory } from '../action/main.js';
import type { PostHook } from '../action/post.js';
import type { RunObserver } from '../engine/types.js';
import { ActionsCacheStore, CacheStoreError } from './stores.js';
import { createVolumeCache, uploadPending, type PendingUpload } from './volume-cache.js';

/** State name (main's `saveState` prefixes `cache-`). */
const PENDING = 'pending';
/** Main stages one snapshot per run of the action: its list is far smaller than this. */
const MAX_PENDING_CHARS = 64 * 1024;
const MAX_PENDING = 256;

export const actionCacheFactory: CacheFactory = (ctx) =>
  createVolumeCache({
    store: new ActionsCacheStore(ctx.env),
    observer: ctx.observer,
    runtime: ctx.runtime,
    maxBytes: ctx.inputs.cacheMaxSizeBytes,
    cacheSecrets: ctx.inputs.cacheSecrets,
    restoreBase: ctx.inputs.cacheRestoreBase,
    deferUpload: (pending) => ctx.saveState(PENDING, JSON.stringify(pending)),
  });

const shown = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
};

/**
 * The uploads main left for post, as read back from the runner's state: untrusted, so only entries that
 * name this store's own staging file of a well-formed key are kept, each key once (docs/action.md, "What
 * post trusts"); everything else is reported and left alone.
 */
export function parsePending(
  raw: string,
  store: ActionsCacheStore,
  warn: (m: string) => void,
): PendingUpload[] {
  if (!raw) return [];
  const ignoring = (what: string, why: string): PendingUpload[] => {
    warn(`cache: ignoring ${what} in the post step's state (${why}): nothing of it is uploaded or removed`);
    return [];
  };
  const list = 'the pending uploads';
  if (raw.length > MAX_PENDING_CHARS) return ignoring(list, `${raw.length} characters`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return ignoring(list, 'not JSON');
  }
  if (!Array.isArray(value)) return ignoring(list, 'not a list');
  if (value.length > MAX_PENDING) return ignoring(list, `${value.length} entries`);
  const kept: PendingUpload[] = [];
  for (const entry of value as unknown[]) {
    const { key, file } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<
      string,
      unknown
    >;
    let staged: string | undefined;
    try {
      staged = typeof key === 'string' ? store.stagingFile(key) : undefined;
    } catch (e: unknown) {
      if (!(e instanceof CacheStoreError)) throw e;
    }
    if (staged !== undefined && file === staged && !kept.some((p) => p.key === key)) {
      kept.push({ key: key as string, file: staged });
    } else {
      ignoring(shown(entry), 'not a snapshot this run staged');
    }
  }
  return kept;
}

export const actionCachePostHook: PostHook = async ({ env, core }) => {
  const warn = (message: string): void => core.warning(message);
  const store = new ActionsCacheStore(env);
  const pending = parsePending(core.getState(`cache-${PENDING}`), store, warn);
  if (pending.length === 0) return;
  const observer: RunObserver = (e) => {
    if (e.type === 'warning') warn(e.message);
  };
  core.info(`initsteps: saving ${pending.length} volume snapshot(s) to the Actions cache`);
  await uploadPending(store, pending, observer);
};
