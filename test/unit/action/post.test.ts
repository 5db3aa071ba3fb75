import { describe, expect, it, vi } from 'vitest';
import { runPost, type PostDeps } from '../../../src/action/post.js';
import { LABEL } from '../../../src/engine/labels.js';
import type { CreatedObjects } from '../../../src/engine/types.js';
import type { ContainerInfo, ContainerRuntime, Labels, VolumeInfo } from '../../../src/runtime/types.js';
import { FakeCore } from './fake-core.js';

/** Just enough of a runtime: labelled containers and volumes, and the removals done. */
class FakeRuntime {
  readonly endpoint = 'fake';
  removed: string[] = [];
  constructor(
    private containers: ContainerInfo[],
    private volumes: VolumeInfo[] = [],
  ) {}
  private static matches = (labels: Labels, want: Labels): boolean =>
    Object.entries(want).every(([k, v]) => labels[k] === v);
  async listContainers(want: Labels): Promise<ContainerInfo[]> {
    return this.containers.filter((c) => FakeRuntime.matches(c.labels, want));
  }
  async listVolumes(want: Labels): Promise<VolumeInfo[]> {
    return this.volumes.filter((v) => FakeRuntime.matches(v.labels, want));
  }
  async removeContainer(id: string): Promise<void> {
    if (id === 'stuck') throw new Error('device busy');
    this.removed.push(id);
    this.containers = this.containers.filter((c) => c.id !== id);
  }
  async removeVolume(name: string): Promise<void> {
    this.removed.push(name);
    this.volumes = this.volumes.filter((v) => v.name !== name);
  }
}

const run = { [LABEL.project]: 'demo', [LABEL.run]: 'r1' };
const container = (id: string, role: string, labels: Labels = run): ContainerInfo => ({
  id,
  labels: { ...labels, [LABEL.role]: role },
  state: 'running',
  ports: [],
});
const state = (created: Partial<CreatedObjects>, cleanup = 'true') => ({
  project: 'demo',
  'run-id': 'r1',
  cleanup,
  created: JSON.stringify({ containers: [], networks: [], volumes: [], ...created }),
});

function setup(saved: Record<string, string>, rt: FakeRuntime, over: Partial<PostDeps> = {}) {
  const core = new FakeCore(saved);
  const removeCreated = vi.fn(async (_rt: ContainerRuntime, created: CreatedObjects) => {
    rt.removed.push(...created.networks.map((n) => `net:${n}`));
  });
  const deps: PostDeps = {
    env: {},
    core,
    connect: vi.fn(async () => rt as unknown as ContainerRuntime),
    removeCreated,
    ...over,
  };
  return { core, deps, removeCreated };
}

describe('runPost', () => {
  it('removes the run by label (sandbox last), then the recorded ids, then run-scoped volumes', async () => {
    const rt = new FakeRuntime(
      [
        container('sandbox', 'sandbox'),
        container('main', 'main'),
        container('unrecorded-step', 'step'),
        container('other-run', 'main', { [LABEL.project]: 'demo', [LABEL.run]: 'r2' }),
      ],
      [
        { name: 'scratch', labels: { ...run, [LABEL.ephemeral]: 'true' } },
        { name: 'data', labels: run },
      ],
    );
    const { core, deps, removeCreated } = setup(
      state({ containers: ['sandbox', 'main'], networks: ['n1'] }),
      rt,
    );
    await runPost(deps);
    expect(rt.removed).toEqual(['main', 'unrecorded-step', 'sandbox', 'net:n1', 'scratch']);
    expect(removeCreated.mock.calls[0]?.[1]).toEqual({
      containers: ['sandbox', 'main'],
      networks: ['n1'],
      volumes: [],
      processes: [],
    });
    expect(core.log.at(-1)).toBe(
      'initsteps: removed run r1 of project demo: 2 container(s), 1 network(s), 0 run-scoped volume(s) recorded, 2 more found by label',
    );
    expect(core.failed).toBeUndefined();
  });

  it('only warns when something cannot be removed or the engine is gone', async () => {
    const rt = new FakeRuntime([container('stuck', 'main')]);
    const { core, deps } = setup(state({ containers: ['stuck'] }), rt);
    await runPost(deps);
    expect(core.warnings.map((w) => w.message)).toEqual(['could not remove container stuck: device busy']);

    const gone = setup(state({}), rt, {
      connect: vi.fn(async () => {
        throw new Error('no engine');
      }),
    });
    await runPost(gone.deps);
    expect(gone.core.warnings.map((w) => w.message)).toEqual(['initsteps cleanup: no engine']);
    expect(gone.core.failed).toBeUndefined();
  });

  it('leaves services up with cleanup: false, but still runs the cache hook', async () => {
    const rt = new FakeRuntime([container('main', 'main')]);
    const cacheHook = vi.fn(async () => undefined);
    const { core, deps } = setup(state({ containers: ['main'] }, 'false'), rt, { cacheHook });
    await runPost(deps);
    expect(rt.removed).toEqual([]);
    expect(deps.connect).not.toHaveBeenCalled();
    expect(cacheHook).toHaveBeenCalledTimes(1);
    expect(core.log).toEqual(['initsteps: cleanup: false: leaving project demo (run r1) running']);
  });

  it('turns a failing cache hook into a warning and cleans up anyway', async () => {
    const rt = new FakeRuntime([container('main', 'main')]);
    const { core, deps } = setup(state({ containers: ['main'] }), rt, {
      cacheHook: async () => {
        throw new Error('read-only token');
      },
    });
    await runPost(deps);
    expect(core.warnings.map((w) => w.message)).toEqual(['cache: read-only token']);
    expect(rt.removed).toEqual(['main']);
  });

  it('does nothing without state', async () => {
    const rt = new FakeRuntime([container('main', 'main')]);
    const { core, deps } = setup({}, rt);
    await runPost(deps);
    expect(deps.connect).not.toHaveBeenCalled();
    expect(core.log).toEqual(['initsteps: main step recorded no run: nothing to clean up']);
  });
});
