import { describe, expect, it, vi } from 'vitest';
import { runPost, type PostDeps } from '../../../src/action/post.js';
import { LABEL } from '../../../src/engine/labels.js';
import type { CreatedObjects } from '../../../src/engine/types.js';
import type {
  ContainerInfo,
  ContainerRuntime,
  Labels,
  NetworkInfo,
  VolumeInfo,
} from '../../../src/runtime/types.js';
import { FakeCore } from './fake-core.js';

/** Docker-shaped ids: `id('sandbox')` is 64 hex digits, and `name(id)` tells it back in test output. */
const names = new Map<string, string>();
const id = (name: string): string => {
  const hex = Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64);
  names.set(hex, name);
  return hex;
};
const name = (idOrName: string): string => names.get(idOrName) ?? idOrName;

/** Just enough of a runtime: labelled containers, networks and volumes, and the removals done. */
class FakeRuntime {
  readonly endpoint = 'fake';
  removed: string[] = [];
  constructor(
    private containers: ContainerInfo[],
    private volumes: VolumeInfo[] = [],
    private networks: NetworkInfo[] = [],
  ) {}
  private static matches = (labels: Labels, want: Labels): boolean =>
    Object.entries(want).every(([k, v]) => labels[k] === v);
  async listContainers(want: Labels): Promise<ContainerInfo[]> {
    return this.containers.filter((c) => FakeRuntime.matches(c.labels, want));
  }
  async listVolumes(want: Labels): Promise<VolumeInfo[]> {
    return this.volumes.filter((v) => FakeRuntime.matches(v.labels, want));
  }
  async listNetworks(want: Labels): Promise<NetworkInfo[]> {
    return this.networks.filter((n) => FakeRuntime.matches(n.labels, want));
  }
  async removeContainer(cid: string): Promise<void> {
    if (name(cid) === 'stuck') throw new Error('device busy');
    this.removed.push(name(cid));
    this.containers = this.containers.filter((c) => c.id !== cid);
  }
  async removeVolume(name: string): Promise<void> {
    this.removed.push(name);
    this.volumes = this.volumes.filter((v) => v.name !== name);
  }
}

const run = { [LABEL.project]: 'demo', [LABEL.run]: 'r1' };
const container = (cname: string, role: string, labels: Labels = run): ContainerInfo => ({
  id: id(cname),
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
    rt.removed.push(
      ...created.containers.map(name),
      ...created.networks.map((n) => `net:${name(n)}`),
      ...created.volumes.map((v) => `vol:${v}`),
    );
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
      [
        {
          id: id('n1'),
          name: 'initsteps_demo',
          labels: { [LABEL.project]: 'demo', [LABEL.role]: 'network' },
        },
      ],
    );
    const { core, deps, removeCreated } = setup(
      state({ containers: [id('sandbox'), id('main')], networks: [id('n1')] }),
      rt,
    );
    await runPost(deps);
    expect(rt.removed).toEqual(['main', 'unrecorded-step', 'sandbox', 'net:n1', 'scratch']);
    // The recorded containers went with the label sweep; the network carries no run label.
    expect(removeCreated.mock.calls[0]?.[1]).toEqual({
      containers: [],
      networks: [id('n1')],
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
    const { core, deps } = setup(state({ containers: [id('stuck')] }), rt);
    await runPost(deps);
    expect(core.warnings.map((w) => w.message)).toEqual([
      `could not remove container ${id('stuck').slice(0, 12)}: device busy`,
    ]);

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
    const { core, deps } = setup(state({ containers: [id('main')] }, 'false'), rt, { cacheHook });
    await runPost(deps);
    expect(rt.removed).toEqual([]);
    expect(deps.connect).not.toHaveBeenCalled();
    expect(cacheHook).toHaveBeenCalledTimes(1);
    expect(core.log).toEqual(['initsteps: cleanup: false: leaving project demo (run r1) running']);
  });

  it('turns a failing cache hook into a warning and cleans up anyway', async () => {
    const rt = new FakeRuntime([container('main', 'main')]);
    const { core, deps } = setup(state({ containers: [id('main')] }), rt, {
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

  it("removes nothing a forged state names that does not carry this run's labels", async () => {
    const other = { [LABEL.project]: 'other' };
    const rt = new FakeRuntime(
      [
        container('other-run', 'main', { [LABEL.project]: 'demo', [LABEL.run]: 'r2' }),
        container('other-project', 'main', { ...other, [LABEL.run]: 'r1' }),
        container('unlabelled', 'main', {}),
        // The cache's helper carries the project but no run label: main recorded it, post removes it.
        container('cache-helper', 'cache', { [LABEL.project]: 'demo' }),
      ],
      [
        { name: 'initsteps_demo_db-0_scratch_r2', labels: { [LABEL.project]: 'demo', [LABEL.run]: 'r2' } },
        { name: 'initsteps_demo_db-0_data', labels: { [LABEL.project]: 'demo' } },
      ],
      [
        { id: id('bridge'), name: 'bridge', labels: {} },
        { id: id('other-net'), name: 'initsteps_other', labels: other },
      ],
    );
    const { core, deps } = setup(
      state({
        containers: ['other-run', 'other-project', 'unlabelled', 'cache-helper'].map(id),
        networks: [id('bridge'), id('other-net')],
        volumes: ['initsteps_demo_db-0_scratch_r2', 'initsteps_demo_db-0_data'],
      }),
      rt,
    );
    await runPost(deps);
    expect(rt.removed).toEqual(['cache-helper']);
    expect(core.warnings).toEqual([]);
  });
});
