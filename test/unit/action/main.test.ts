import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runMain, type MainDeps } from '../../../src/action/main.js';
import { readState } from '../../../src/action/state.js';
import type { RunReport, StepResult, VolumeCache } from '../../../src/engine/types.js';
import { UpCancelledError, cancelKind, type UpOptions } from '../../../src/engine/up.js';
import { CancelledError, DockerUnavailableError } from '../../../src/errors.js';
import type { ContainerRuntime } from '../../../src/runtime/types.js';
import type { LoadOptions } from '../../../src/spec/index.js';
import { FakeCore } from './fake-core.js';
import { project, secretValue } from './project.js';

let ws: string;
beforeAll(async () => {
  ws = await mkdtemp(path.join(tmpdir(), 'initsteps-main-'));
  await writeFile(path.join(ws, 'initsteps.yaml'), 'kind: Service\n');
});

const runtime = { endpoint: 'fake' } as ContainerRuntime;
/** Docker-shaped ids: post's state accepts nothing else. */
const C1 = 'c1'.repeat(32);
const N1 = 'a1'.repeat(32);

const stepResult = (over: Partial<StepResult> = {}): StepResult => ({
  service: 'web',
  instance: 'web-0',
  step: 'seed',
  pos: { file: path.join(ws, 'initsteps.yaml'), line: 11, col: 9 },
  status: 'Succeeded',
  exitCode: 0,
  attempts: 1,
  durationMs: 20,
  logTail: [],
  ...over,
});

const reportWith = (step: StepResult, running = step.status === 'Succeeded'): RunReport => ({
  project: 'demo',
  services: [
    {
      name: 'web',
      pos: { file: path.join(ws, 'initsteps.yaml'), line: 4, col: 9 },
      status: running ? 'Running' : 'Failed',
      ...(running ? {} : { reason: 'InitStepFailed' as const }),
      instances: [
        {
          name: 'web-0',
          ordinal: 0,
          status: running ? 'Running' : 'Failed',
          ports: running
            ? [{ containerPort: 8080, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 40001 }]
            : [],
        },
      ],
    },
  ],
  jobs: [],
  steps: [step],
  cacheHit: false,
  created: { containers: [C1], networks: [N1], volumes: [] },
});

/** An engine that creates two objects, runs the step (printing the secret) and reports `result`. */
const fakeUp =
  (result: StepResult) =>
  async (_rt: ContainerRuntime, o: UpOptions): Promise<RunReport> => {
    o.observer({ type: 'created', kind: 'network', id: N1 });
    o.observer({
      type: 'step-start',
      service: 'web',
      instance: 'web-0',
      step: 'seed',
      attempt: 1,
      attempts: 1,
    });
    o.observer({ type: 'created', kind: 'container', id: C1 });
    o.observer({
      type: 'step-output',
      instance: 'web-0',
      step: 'seed',
      stream: 'stdout',
      line: `token ${secretValue}`,
    });
    o.observer({ type: 'step-end', result });
    return reportWith(result);
  };

function setup(inputs: Record<string, string>, over: Partial<MainDeps> = {}) {
  const core = new FakeCore();
  const env = {
    GITHUB_WORKSPACE: ws,
    GITHUB_RUN_ID: '77',
    ...Object.fromEntries(
      Object.entries({ spec: 'initsteps.yaml', ...inputs }).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
    ),
  };
  const deps: MainDeps = {
    env,
    core,
    loadProject: vi.fn(async (_o: LoadOptions) => ({ ok: true as const, project: project(ws) })),
    connect: vi.fn(async () => runtime),
    up: vi.fn(fakeUp(stepResult())),
    runId: 'run-1',
    ...over,
  };
  return { core, deps };
}

describe('runMain', () => {
  it('runs, groups step output, masks secrets, records state, writes summary and outputs', async () => {
    const { core, deps } = setup({});
    await runMain(deps);
    expect(core.failed).toBeUndefined();
    expect(core.secrets).toEqual([secretValue]);
    expect(core.log).toEqual([
      'initsteps: project demo (run run-1), 1 service(s) from initsteps.yaml',
      '::group::▶ init step "seed" on web-0',
      expect.stringMatching(/^::stop-commands::[0-9a-f]{32}$/),
      'token ***',
      expect.stringMatching(/^::[0-9a-f]{32}::$/),
      '::endgroup::',
      '✓ init step "seed" on web-0 succeeded',
      'web-0: 127.0.0.1:40001 → 8080/tcp',
    ]);
    expect(readState(core)).toEqual({
      project: 'demo',
      runId: 'run-1',
      cleanup: true,
      created: { containers: [C1], networks: [N1], volumes: [], processes: [] },
    });
    // Saved as each object appeared, not only at the end.
    expect(core.saves.filter(([n]) => n === 'created').map(([, v]) => JSON.parse(v) as unknown)).toEqual([
      { containers: [], networks: [N1], volumes: [], processes: [] },
      { containers: [C1], networks: [N1], volumes: [], processes: [] },
    ]);
    expect(core.summary).toContain('✅ initsteps: every service is running (project demo)');
    expect(core.outputs).toMatchObject({ ran: '1', skipped: '0', failed: '0', 'cache-hit': 'false' });
    const result = JSON.parse(core.outputs.result ?? '') as {
      services: { instances: { ports: { address: string }[] }[] }[];
    };
    expect(result.services[0]?.instances[0]?.ports[0]?.address).toBe('127.0.0.1:40001');
    expect(JSON.parse(core.outputs.services ?? '')).toEqual({
      web: { host: '127.0.0.1', ports: { '8080': '40001' } },
    });
    expect(deps.loadProject).toHaveBeenCalledWith({
      files: [path.join(ws, 'initsteps.yaml')],
      workspace: ws,
      project: undefined,
      env: deps.env,
      allowPrivileged: false,
    });
    expect(vi.mocked(deps.up).mock.calls[0]?.[1]).toMatchObject({
      runId: 'run-1',
      keepOnCancel: false,
      cache: undefined,
    });
  });

  it('fails with an annotation at the step line, the log tail in the summary, and outputs', async () => {
    const failed = stepResult({
      status: 'Failed',
      reason: 'ExitNonZero',
      exitCode: 9,
      attempts: 1,
      logTail: ['<oops>', `token ${secretValue}`],
    });
    const { core, deps } = setup({}, { up: vi.fn(fakeUp(failed)) });
    await runMain(deps);
    expect(core.failed).toBe('1 of 1 service(s) not running: web (Failed: InitStepFailed)');
    expect(core.errors[0]).toEqual({
      message: 'ExitNonZero exit code 9 after 1 attempt\nlast output:\n<oops>\ntoken ***',
      props: {
        file: 'initsteps.yaml',
        startLine: 11,
        startColumn: 9,
        title: 'init step "seed" on web-0 failed',
      },
    });
    expect(core.summary).toContain('<td>❌ Failed</td><td>9</td><td>1</td>');
    expect(core.summary).toContain('<pre>&lt;oops&gt;\ntoken ***</pre>');
    expect(core.summary).not.toContain(secretValue);
    expect(core.outputs.failed).toBe('1');
  });

  it('annotates spec warnings at their lines and runs anyway', async () => {
    const file = path.join(ws, 'initsteps.yaml');
    const warning = {
      pos: { file, line: 9, col: 12 },
      path: 'spec.env.URL',
      message: '$(DB_HOST) is not a variable of this container, so it stays as written',
    };
    const { core, deps } = setup(
      {},
      {
        loadProject: vi.fn(async () => ({ ok: true as const, project: project(ws), warnings: [warning] })),
      },
    );
    await runMain(deps);
    expect(core.warnings).toEqual([
      {
        message: warning.message,
        props: { file: 'initsteps.yaml', startLine: 9, startColumn: 12, title: 'spec warning: spec.env.URL' },
      },
    ]);
    expect(deps.up).toHaveBeenCalled();
    expect(core.failed).toBeUndefined();
  });

  it("annotates the problems a failed step's output named at their files' lines, each by its severity", async () => {
    const failed = stepResult({
      status: 'Failed',
      reason: 'ExitNonZero',
      exitCode: 3,
      attempts: 1,
      problems: [
        {
          severity: 'error',
          owner: 'psql',
          message: `relation "ordrs" does not exist ${secretValue}`,
          file: path.join(ws, 'migrations', '003_broken.sql'),
          line: 4,
        },
        { severity: 'warning', owner: 'lint', message: 'slow index', named: '/tmp/x.sql' },
        { severity: 'notice', owner: 'lint', message: 'fyi', file: path.join(ws, 'migrations', '001.sql') },
      ],
    });
    const { core, deps } = setup({}, { up: vi.fn(fakeUp(failed)) });
    await runMain(deps);
    // The step's and the instance's annotations on the spec first, then the problem, then setFailed's.
    expect(core.errors.map((e) => e.props?.file)).toEqual([
      'initsteps.yaml',
      'initsteps.yaml',
      'migrations/003_broken.sql',
      undefined,
    ]);
    expect(core.errors[2]).toEqual({
      message: 'relation "ordrs" does not exist ***',
      props: {
        file: 'migrations/003_broken.sql',
        startLine: 4,
        startColumn: undefined,
        title: 'psql: init step "seed" on web-0',
      },
    });
    expect(core.warnings[0]).toMatchObject({
      message: '/tmp/x.sql: slow index',
      props: { file: 'initsteps.yaml', startLine: 11 },
    });
    expect(core.notices).toEqual([
      {
        message: 'fyi',
        props: {
          file: 'migrations/001.sql',
          startLine: undefined,
          startColumn: undefined,
          title: 'lint: init step "seed" on web-0',
        },
      },
    ]);
    expect(core.summary).toContain('<td>migrations/003_broken.sql:4</td>');
  });

  it('annotates spec problems at their lines and never reaches the engine', async () => {
    const file = path.join(ws, 'initsteps.yaml');
    const { core, deps } = setup(
      {},
      {
        loadProject: vi.fn(async () => ({
          ok: false as const,
          problems: [
            { pos: { file, line: 7, col: 5 }, path: 'spec.replicas', message: 'must be at least 1' },
          ],
        })),
      },
    );
    await runMain(deps);
    expect(deps.connect).not.toHaveBeenCalled();
    expect(core.errors[0]).toEqual({
      message: 'must be at least 1',
      props: { file: 'initsteps.yaml', startLine: 7, startColumn: 5, title: 'invalid spec: spec.replicas' },
    });
    expect(core.failed).toBe(`${file}:7:5: spec.replicas: must be at least 1`);
    expect(core.summary).toContain(
      '<td>initsteps.yaml:7:5</td><td>spec.replicas</td><td>must be at least 1</td>',
    );
    expect(JSON.parse(core.outputs.result ?? '')).toMatchObject({ services: [], error: core.failed });
    expect(readState(core)).toBeUndefined();
  });

  it('fails on a bad input, naming it, and still writes the summary', async () => {
    const { core, deps } = setup({ cache: 'maybe' });
    await runMain(deps);
    expect(core.failed).toBe('input "cache": "maybe" is not a boolean; use true or false (default true)');
    expect(core.summary).toContain('input &quot;cache&quot;');
    expect(deps.loadProject).not.toHaveBeenCalled();
  });

  it('reports an engine that cannot be reached', async () => {
    const { core, deps } = setup(
      {},
      {
        connect: vi.fn(async () => {
          throw new DockerUnavailableError('/var/run/docker.sock', 'ENOENT');
        }),
      },
    );
    await runMain(deps);
    expect(core.failed).toMatch(/^cannot reach the Docker engine at \/var\/run\/docker.sock/);
    expect(core.summary).toContain('cannot reach the Docker engine');
  });

  /** An engine whose step runs until the signal fires, then reports it Cancelled as `up` does. */
  const hangingUp = async (_rt: ContainerRuntime, o: UpOptions): Promise<RunReport> => {
    o.observer({
      type: 'step-start',
      service: 'web',
      instance: 'web-0',
      step: 'seed',
      attempt: 1,
      attempts: 1,
    });
    await new Promise((resolve) => o.signal?.addEventListener('abort', resolve));
    const cancelled = stepResult({
      status: 'Cancelled',
      reason: 'Cancelled',
      exitCode: undefined,
      message: 'cancelled',
    });
    o.observer({ type: 'step-end', result: cancelled });
    throw new UpCancelledError(cancelKind(o.signal?.reason), reportWith(cancelled, false));
  };

  it('cancels the run when the timeout input fires', async () => {
    const { core, deps } = setup({ timeout: '50ms' }, { up: vi.fn(hangingUp) });
    await runMain(deps);
    expect(core.failed).toBe('run timeout reached');
    expect(core.log).toContain('✗ init step "seed" on web-0 cancelled: cancelled');
    expect(core.errors.map((e) => e.props?.title)).toContain('init step "seed" on web-0 cancelled');
    expect(core.summary).toContain('🚫 Cancelled');
  });

  it('cancels the run on a signal, passing its kind on', async () => {
    const controller = new AbortController();
    const { core, deps } = setup({}, { up: vi.fn(hangingUp), signal: controller.signal });
    const done = runMain(deps);
    setTimeout(() => controller.abort(new CancelledError('SIGTERM')), 20);
    await done;
    expect(core.failed).toBe('cancelled by SIGTERM');
  });

  it('passes a cache only when the cache input allows it, with prefixed state', async () => {
    const cache: VolumeCache = {
      restore: async () => ({ result: 'miss' }),
      wantsSave: async () => false,
      save: async () => false,
    };
    const factory = vi.fn((ctx: Parameters<NonNullable<MainDeps['cacheFactory']>>[0]) => {
      ctx.saveState('key', 'abc');
      return cache;
    });
    const on = setup({ 'cache-max-size': '1Gi' }, { cacheFactory: factory });
    await runMain(on.deps);
    expect(factory.mock.calls[0]?.[0].inputs.cacheMaxSizeBytes).toBe(2 ** 30);
    expect(vi.mocked(on.deps.up).mock.calls[0]?.[1].cache).toBe(cache);
    expect(on.core.state['cache-key']).toBe('abc');

    const off = setup({ cache: 'false' }, { cacheFactory: factory });
    await runMain(off.deps);
    expect(factory).toHaveBeenCalledTimes(1);
    expect(vi.mocked(off.deps.up).mock.calls[0]?.[1].cache).toBeUndefined();
  });

  it('keeps services on cancel and tells post so with cleanup: false; skips the summary on request', async () => {
    const { core, deps } = setup({ cleanup: 'false', summary: 'false' });
    await runMain(deps);
    expect(vi.mocked(deps.up).mock.calls[0]?.[1].keepOnCancel).toBe(true);
    expect(readState(core)?.cleanup).toBe(false);
    expect(core.summary).toBe('');
  });

  it('registers each line of a multi-line secret too', async () => {
    const multi = project(ws);
    const step = multi.services[0]?.instances[0]?.steps[0];
    step?.env.push({ name: 'KEY', value: '-----BEGIN-----\nAAAA\n-----END-----', secret: true });
    const { core, deps } = setup(
      {},
      { loadProject: vi.fn(async () => ({ ok: true as const, project: multi })) },
    );
    await runMain(deps);
    expect(core.secrets).toEqual([
      secretValue,
      '-----BEGIN-----\nAAAA\n-----END-----',
      '-----BEGIN-----',
      'AAAA',
      '-----END-----',
    ]);
  });

  it('registers secrets before printing anything of the project', async () => {
    const { core, deps } = setup({});
    const order: string[] = [];
    core.setSecret = (v) => void order.push(`secret ${v}`);
    core.info = (l) => void order.push(`info ${l}`);
    await runMain(deps);
    expect(order[0]).toBe(`secret ${secretValue}`);
  });
});
