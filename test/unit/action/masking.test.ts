// Secrets are masked in the raw text, before JSON, HTML or a workflow command escapes it: a value of
// `true` or `0` leaves `result` valid JSON, and one with `& < > " ' \` is still hidden once escaped.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runMain } from '../../../src/action/main.js';
import type { OutputDocument } from '../../../src/report/outputs.js';
import { escapeHtml } from '../../../src/report/summary.js';
import type { RunReport } from '../../../src/engine/types.js';
import type { ContainerSpec, ResolvedProject } from '../../../src/spec/model.js';
import { FakeCore } from './fake-core.js';
import { project } from './project.js';

const SECRETS = ['true', '0', `a&b<c>"'\\`];

let ws: string;
beforeAll(async () => {
  ws = await mkdtemp(path.join(tmpdir(), 'initsteps-masking-'));
  await writeFile(path.join(ws, 'initsteps.yaml'), 'kind: Service\n');
});

/** The action's test project with one secret variable per value. */
function projectWith(secrets: string[]): ResolvedProject {
  const base = project(ws);
  const env = secrets.map((value, i) => ({ name: `S${i}`, value, secret: true }));
  const withEnv = <T extends ContainerSpec>(spec: T): T => ({ ...spec, env });
  return {
    ...base,
    services: base.services.map((s) => ({
      ...s,
      template: withEnv(s.template),
      instances: s.instances.map((i) => ({ ...i, main: withEnv(i.main), steps: i.steps.map(withEnv) })),
    })),
  };
}

/** A failed step whose message, log tail and service message all carry the secret. */
const failedWith = (secret: string): RunReport => {
  const file = path.join(ws, 'initsteps.yaml');
  return {
    project: 'demo',
    services: [
      {
        name: 'web',
        pos: { file, line: 4, col: 9 },
        status: 'Failed',
        reason: 'InitStepFailed',
        message: `seed failed on ${secret}`,
        instances: [
          { name: 'web-1', ordinal: 1, status: 'Failed', reason: 'StartFailed', message: secret, ports: [] },
        ],
      },
    ],
    jobs: [
      {
        name: 'migrate',
        instance: 'migrate-0',
        pos: { file, line: 20, col: 9 },
        failurePos: { file, line: 23, col: 3 },
        status: 'Failed',
        reason: 'JobFailed',
        message: `Timeout: connecting to ${secret}`,
        exitCode: 143,
        attempts: 1,
        durationMs: 5,
        logTail: [`password=${secret}`],
      },
    ],
    steps: [
      {
        service: 'web',
        instance: 'web-1',
        step: 'seed',
        pos: { file, line: 11, col: 9 },
        status: 'Failed',
        reason: 'RuntimeError',
        attempts: 1,
        durationMs: 5,
        message: `spawn ${secret} ENOENT`,
        logTail: [`token=${secret}`],
      },
    ],
    cacheHit: true,
    created: { containers: [], networks: [], volumes: [] },
  };
};

async function run(secret: string): Promise<FakeCore> {
  const core = new FakeCore();
  await runMain({
    env: { GITHUB_WORKSPACE: ws, INPUT_SPEC: 'initsteps.yaml' },
    core,
    loadProject: vi.fn(async () => ({ ok: true as const, project: projectWith(SECRETS) })),
    connect: vi.fn(async () => ({ endpoint: 'fake' }) as never),
    up: vi.fn(async () => failedWith(secret)),
    runId: 'run-1',
  });
  return core;
}

/** `true` and `0` stay as JSON literals and digits of counts and durations: only text is checked for them. */
const literal = (secret: string): boolean => secret === 'true' || secret === '0';

/** Every form the secret could take once serialised: raw, JSON-escaped, HTML-escaped. */
const forms = (secret: string): string[] => [
  ...new Set([secret, JSON.stringify(secret).slice(1, -1), escapeHtml(secret)]),
];

describe.each(SECRETS)('the secret %s', (secret) => {
  it('is masked in `result`, which still parses with its booleans and numbers', async () => {
    const core = await run(secret);
    const result = core.outputs.result ?? '';
    const doc = JSON.parse(result) as OutputDocument;
    expect(doc.cacheHit).toBe(true);
    expect(doc.counts).toEqual({ ran: 1, skipped: 0, failed: 1, cancelled: 0 });
    const step = doc.services[0]?.instances[0]?.steps[0];
    expect(step?.message).toBe('spawn *** ENOENT');
    expect(doc.services[0]?.message).toBe('seed failed on ***');
    expect(doc.jobs[0]?.message).toBe('Timeout: connecting to ***');
    expect(core.outputs.ran).toBe('1');
    expect(core.outputs['cache-hit']).toBe('true');
    if (!literal(secret)) for (const f of forms(secret)) expect(result).not.toContain(f);
  });

  it('is masked in the summary before escaping', async () => {
    const core = await run(secret);
    expect(core.summary).toContain('<pre>token=***</pre>');
    expect(core.summary).toContain('RuntimeError: spawn *** ENOENT');
    expect(core.summary).toContain('<pre>password=***</pre>');
    if (!literal(secret)) for (const f of forms(secret)) expect(core.summary).not.toContain(f);
  });

  it('is masked in annotations and the failure message', async () => {
    const core = await run(secret);
    const [stepAnnotation] = core.errors;
    expect(stepAnnotation?.message).toContain('RuntimeError after 1 attempt: spawn *** ENOENT');
    expect(stepAnnotation?.message).toContain('token=***');
    const jobAnnotation = core.errors.find((e) => e.props?.title === 'job "migrate" failed');
    expect(jobAnnotation?.message).toContain('JobFailed after 1 attempt: Timeout: connecting to ***');
    expect(jobAnnotation?.props?.startLine).toBe(23);
    for (const e of core.errors) {
      for (const f of forms(secret)) expect(`${e.message} ${e.props?.title ?? ''}`).not.toContain(f);
    }
    expect(core.failed).toBeDefined();
  });
});
