// The engine's side of the volume cache on the fake runtime (docs/cache.md): one restore for the whole
// selection before any step is decided, overlapping the sandboxes; the save at a clean point (mains that
// mount persistent volumes stopped by their stop signal, started again in their sandboxes, ready again);
// no save after a failure or a main that had to be killed; a failing cache is only a warning.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LABEL } from '../../../src/engine/labels.js';
import type { CacheContext, CacheOutcome, VolumeCache } from '../../../src/engine/types.js';
import { setMarkers } from '../../../src/markers/store.js';
import type { Probe } from '../../../src/spec/model.js';
import type { FakeRuntime } from '../../support/fake-runtime.js';
import { claim, emptyDir, project } from '../../support/model.js';
import {
  fakeRuntime,
  runUp,
  serviceStatuses,
  sleeper,
  statuses,
  useStateDir,
  warnings,
} from './fake-harness.js';

const stateDir = useStateDir();

const probe: Probe = {
  check: { kind: 'exec', command: ['pg_isready'] },
  initialDelayMs: 0,
  periodMs: 10,
  timeoutMs: 100,
  failureThreshold: 3,
};

// db and seed keep state; app keeps none (its main runs on every up, like a job): it is not in the entry.
const p = project('p', [
  {
    name: 'db',
    ...sleeper,
    ports: [{ containerPort: 5432, hostIp: '127.0.0.1', protocol: 'tcp' }],
    readinessProbe: probe,
    volumes: [claim('data', '/data'), emptyDir('tmp', '/tmp')],
    steps: [{ name: 'format' }, { name: 'migrate', runIf: { type: 'always' } }],
  },
  { name: 'app', ...sleeper, dependsOn: ['db'], steps: [{ name: 'wait' }] },
  {
    name: 'seed',
    ...sleeper,
    dependsOn: ['app'],
    volumes: [claim('state', '/state')],
    steps: [{ name: 'rows' }],
  },
]);

/** A cache that records what the engine gives it; `restore` may set markers before it answers. */
function recordingCache(
  rt: FakeRuntime,
  o: {
    outcome?: CacheOutcome;
    onRestore?: (ctx: CacheContext) => Promise<void>;
    wantsSave?: boolean;
  } = {},
): { cache: VolumeCache; calls: string[] } {
  const calls: string[] = [];
  const cache: VolumeCache = {
    async restore(ctx) {
      const volumes = ctx.instances.flatMap((i) =>
        i.volumes.map((v) => `${i.instance.name}/${v.mount.name}${v.createdNow ? ' (new)' : ''}`),
      );
      calls.push(`restore [${ctx.services.map((s) => s.name).join(', ')}]: ${volumes.join(', ')}`);
      await o.onRestore?.(ctx);
      calls.push('restored');
      return o.outcome ?? { result: 'miss', key: 'k' };
    },
    async wantsSave() {
      calls.push('wantsSave');
      return o.wantsSave ?? true;
    },
    async save() {
      const mains = rt.objects({ [LABEL.role]: 'main' }).sort();
      calls.push(`save with ${mains.join(', ')}`);
      return true;
    },
  };
  return { cache, calls };
}

/** The index in the fake's call log of the first line matching `re`. */
const firstCall = (rt: FakeRuntime, re: RegExp): number => rt.log().findIndex((l) => re.test(l));

describe('the project cache: restore', () => {
  it('restores every persistent volume of the selection once, before any step is decided, while sandboxes start', async () => {
    const rt = fakeRuntime();
    let callsAtRestoreEnd = -1;
    const { cache, calls } = recordingCache(rt, {
      outcome: { result: 'base', key: 'k', matchedKey: 'm' },
      onRestore: async (ctx) => {
        // Slow enough that the first sandbox starts meanwhile; the markers skip format.
        await sleep(50);
        const uid = ctx.instances[0]?.volumes[0]?.uid ?? '';
        await setMarkers(
          uid,
          [{ volumeUid: uid, key: 'db/format', at: new Date(0).toISOString() }],
          stateDir(),
        );
        callsAtRestoreEnd = rt.calls.length;
      },
    });
    const { report } = await runUp(rt, p, { cache });
    expect(calls.slice(0, 2)).toEqual([
      'restore [db, app, seed]: db-0/data (new), seed-0/state (new)',
      'restored',
    ]);
    expect(statuses(report)).toEqual([
      'db-0/format: Skipped',
      'db-0/migrate: Succeeded',
      'app-0/wait: Succeeded',
      'seed-0/rows: Succeeded',
    ]);
    expect(firstCall(rt, /^startContainer sandbox db-0/)).toBeLessThan(callsAtRestoreEnd);
    expect(firstCall(rt, /^createContainer step /)).toBeGreaterThanOrEqual(callsAtRestoreEnd);
    expect(report.cacheHit).toBe(false);
    expect(report.cache).toEqual({ result: 'base', key: 'k', matchedKey: 'm', saved: true });
  });

  it('reports an exact hit as cacheHit', async () => {
    const rt = fakeRuntime();
    const { cache } = recordingCache(rt, {
      outcome: { result: 'exact', key: 'k', matchedKey: 'k' },
      wantsSave: false,
    });
    const { report } = await runUp(rt, p, { cache });
    expect(report.cacheHit).toBe(true);
    expect(report.cache).toEqual({ result: 'exact', key: 'k', matchedKey: 'k', saved: false });
  });

  it('goes on without the cache when it fails: a warning, fresh volumes, no cache hit', async () => {
    const rt = fakeRuntime();
    const cache: VolumeCache = {
      restore: () => Promise.reject(new Error('cache service unavailable')),
      wantsSave: async () => true,
      save: () => Promise.reject(new Error('quota exceeded')),
    };
    const { report, events } = await runUp(rt, p, { cache });
    expect(serviceStatuses(report)).toEqual(['db: Running', 'app: Running', 'seed: Running']);
    expect(report.steps.every((s) => s.status === 'Succeeded')).toBe(true);
    expect(report.cacheHit).toBe(false);
    expect(report.cache).toEqual({ result: 'miss', saved: false });
    expect(warnings(events)).toEqual([
      'cache restore failed: cache service unavailable',
      'cache save failed: quota exceeded',
    ]);
  });

  it('has nothing to do for a selection without persistent volumes', async () => {
    const rt = fakeRuntime();
    const { cache, calls } = recordingCache(rt);
    const stateless = project('q', [{ name: 'app', ...sleeper, steps: [{ name: 'wait' }] }]);
    const { report } = await runUp(rt, stateless, { cache });
    expect(calls).toEqual([]);
    expect(report.cache).toBeUndefined();
  });
});

describe('the project cache: the clean point', () => {
  it('stops the mains that mount persistent volumes (dependents first), saves, starts them again and checks readiness', async () => {
    let probes = 0;
    const rt = fakeRuntime({
      script: (c) =>
        c.role === 'main' && c.instance === 'db-0'
          ? { runMs: 'forever', exec: () => (probes++, 0) }
          : undefined,
    });
    const { cache, calls } = recordingCache(rt);
    const { report, lines } = await runUp(rt, p, { cache });
    expect(calls.slice(2)).toEqual([
      'wantsSave',
      'save with main app-0 (running), main db-0 (exited), main seed-0 (exited)',
    ]);
    expect(rt.log('stopContainer')).toEqual([
      'stopContainer main seed-0 grace 30s',
      'stopContainer main db-0 grace 30s',
    ]);
    // Started again in the same sandboxes (never recreated), so the published port stays.
    expect(rt.log('startContainer').filter((l) => / (main|sandbox) db-0/.test(l))).toEqual([
      'startContainer sandbox db-0',
      'startContainer main db-0',
      'startContainer main db-0',
    ]);
    expect(rt.log('createContainer').filter((l) => / db-0$/.test(l))).toEqual([
      'createContainer sandbox db-0',
      'createContainer main db-0',
    ]);
    expect(probes).toBe(2);
    expect(rt.objects({ [LABEL.role]: 'main' }).sort()).toEqual([
      'main app-0 (running)',
      'main db-0 (running)',
      'main seed-0 (running)',
    ]);
    expect(report.services[0]?.instances[0]?.ports).toEqual([
      expect.objectContaining({ containerPort: 5432, hostIp: '127.0.0.1' }),
    ]);
    expect(serviceStatuses(report)).toEqual(['db: Running', 'app: Running', 'seed: Running']);
    expect(lines).toContain(
      'ℹ cache: stopping db-0, seed-0 to snapshot the volumes at a clean point, then starting again',
    );
  });

  it('starts the mains again once the volumes are read, while the snapshot is stored', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.role === 'main' && c.instance === 'db-0' ? { runMs: 'forever' } : undefined),
    });
    const { cache, calls } = recordingCache(rt);
    let mainsWhenStored: string[] = [];
    cache.save = async (_ctx, volumesRead) => {
      calls.push(
        `read with ${rt
          .objects({ [LABEL.role]: 'main' })
          .sort()
          .join(', ')}`,
      );
      volumesRead?.();
      // Storing takes a while (a rename, the helper's removal): the mains are up meanwhile.
      await sleep(50);
      mainsWhenStored = rt.objects({ [LABEL.role]: 'main' }).sort();
      return true;
    };
    const { report } = await runUp(rt, p, { cache });
    expect(calls.slice(2)).toEqual([
      'wantsSave',
      'read with main app-0 (running), main db-0 (exited), main seed-0 (exited)',
    ]);
    expect(mainsWhenStored).toEqual(['main app-0 (running)', 'main db-0 (running)', 'main seed-0 (running)']);
    expect(report.cache?.saved).toBe(true);
    expect(serviceStatuses(report)).toEqual(['db: Running', 'app: Running', 'seed: Running']);
  });

  it('saves nothing when a main had to be killed after the grace period, and starts it again', async () => {
    const rt = fakeRuntime({
      script: (c) =>
        c.role === 'main' && c.instance === 'db-0' ? { runMs: 'forever', ignoresSigterm: true } : undefined,
    });
    const { cache, calls } = recordingCache(rt);
    const { report, events } = await runUp(rt, p, { cache, stopGraceSeconds: 0.05 });
    expect(calls.slice(2)).toEqual(['wantsSave']);
    expect(warnings(events)).toEqual([
      'cache: not saved: db-0 did not stop within 0.05 s of its stop signal and was killed, so its volumes are not at a clean point',
    ]);
    expect(report.cache?.saved).toBe(false);
    expect(serviceStatuses(report)).toEqual(['db: Running', 'app: Running', 'seed: Running']);
    expect(rt.objects({ [LABEL.role]: 'main' })).toContain('main db-0 (running)');
  });

  it('fails the instance when it is not ready again after the snapshot', async () => {
    let starts = 0;
    const rt = fakeRuntime({
      script: (c) =>
        c.role === 'main' && c.instance === 'db-0'
          ? { runMs: 'forever', exec: () => (starts > 1 ? 1 : 0) }
          : undefined,
      fault: (method, target) => {
        if (method === 'startContainer' && target === 'main db-0') starts++;
        return undefined;
      },
    });
    const { cache } = recordingCache(rt);
    const { report } = await runUp(rt, p, { cache });
    expect(serviceStatuses(report)).toEqual(['db: Failed ReadinessTimeout', 'app: Running', 'seed: Running']);
    expect(report.services[0]?.instances[0]?.message).toMatch(
      /^after the cache snapshot: readiness probe failed 3 times/,
    );
  });

  it('does not stop anything when the cache wants no entry, or after a failure', async () => {
    const rt = fakeRuntime();
    const declined = recordingCache(rt, { wantsSave: false });
    await runUp(rt, p, { cache: declined.cache });
    expect(declined.calls.slice(2)).toEqual(['wantsSave']);
    expect(rt.log('stopContainer')).toEqual([]);

    const failing = fakeRuntime({ script: (c) => (c.step === 'rows' ? { exitCode: 1 } : undefined) });
    const failed = recordingCache(failing);
    const { report } = await runUp(failing, p, { cache: failed.cache, services: ['seed'] });
    expect(serviceStatuses(report)).toEqual(['db: Running', 'app: Running', 'seed: Failed InitStepFailed']);
    expect(failed.calls.slice(2)).toEqual([]);
    expect(failing.log('stopContainer')).toEqual([]);
  });
});
