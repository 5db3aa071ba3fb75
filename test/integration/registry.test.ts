// Pulls from real registries (Debian's docker-registry, test/support/registry.ts): every pull policy in
// every situation a run meets (the image present or absent, the registry down, a wrong password, no
// credentials, a credential helper), digest references, retries of transient failures and a registry that
// hangs (through a proxy that fails or slows answers), pulls running side by side, and a cancel mid-pull.
// No credential may reach the report, an event, a line or the state directory.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunEvent, RunReport } from '../../src/engine/types.js';
import { up, UpCancelledError, type UpOptions } from '../../src/engine/up.js';
import { eventToLines } from '../../src/report/lines.js';
import { buildSummary } from '../../src/report/summary.js';
import { connectDocker } from '../../src/runtime/docker.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import type { PullPolicy, ResolvedProject } from '../../src/spec/model.js';
import { connect, projectName, removeProject, stepOf } from '../support/engine.js';
import { claim, project } from '../support/model.js';
import {
  freePort,
  imagePresent,
  pushTestImage,
  RegistryProxy,
  removeImage,
  startTestRegistries,
  type PushedImage,
  type TestRegistries,
} from '../support/registry.js';

const MB = 1_000_000;
const sleeper = { command: ['sleep', '3600'] };
const WRONG_PASSWORD = 'wrong-password-never-shown';

let runtime: ContainerRuntime;
let regs: TestRegistries;
let privateImage: PushedImage;
let publicImage: PushedImage;
let bigA: PushedImage;
let bigB: PushedImage;
/** Client config directories (DOCKER_CONFIG) for each way of holding credentials. */
const configs = { login: '', wrong: '', none: '', helper: '' };
let helperLog = '';
let helperBin = '';

beforeAll(async () => {
  runtime = await connect();
  regs = await startTestRegistries();
  privateImage = pushTestImage(regs.private, 'initsteps-test/private:1', MB, regs.loginConfig);
  publicImage = pushTestImage(regs.public, 'initsteps-test/public:1', MB);
  bigA = pushTestImage(regs.public, 'initsteps-test/big-a:1', 6 * MB);
  bigB = pushTestImage(regs.public, 'initsteps-test/big-b:1', 6 * MB);
  const config = (name: string, content: unknown): string => {
    const dir = join(regs.dir, 'client', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify(content));
    return dir;
  };
  configs.login = regs.loginConfig;
  const basic = (password: string) => Buffer.from(`${regs.user}:${password}`).toString('base64');
  configs.wrong = config('wrong', { auths: { [regs.private.host]: { auth: basic(WRONG_PASSWORD) } } });
  configs.none = config('none', {});
  configs.helper = config('helper', { credHelpers: { [regs.private.host]: 'initsteps-test' } });
  // A credential helper as docker-credential-helpers write them: the server URL on stdin, JSON out.
  helperBin = join(regs.dir, 'bin');
  helperLog = join(regs.dir, 'helper.log');
  mkdirSync(helperBin);
  const helper = join(helperBin, 'docker-credential-initsteps-test');
  writeFileSync(
    helper,
    `#!/bin/sh\n[ "$1" = get ] || exit 1\nread -r url\necho "$url" >>'${helperLog}'\n` +
      `printf '{"ServerURL":"%s","Username":"${regs.user}","Secret":"${regs.password}"}' "$url"\n`,
  );
  chmodSync(helper, 0o755);
}, 120_000);

afterAll(async () => {
  for (const image of [privateImage, publicImage, bigA, bigB]) if (image) removeImage(image.id);
  await regs?.stop();
});

// Each test's projects go right after it: an image a container still uses cannot be removed, and the next
// test needs it absent.
const used: string[] = [];
afterEach(async () => {
  for (const name of used.splice(0)) await removeProject(runtime, name);
});
const newProjectName = (tag: string): string => {
  const name = projectName(tag);
  used.push(name);
  return name;
};

interface Run {
  report: RunReport;
  events: RunEvent[];
  lines: string[];
  ms: number;
  cancelled?: UpCancelledError;
}

/** `up` against an engine connection whose client config is `dockerConfig` (and the helper on PATH). */
async function runUp(
  p: ResolvedProject,
  dockerConfig: string,
  options: Partial<UpOptions> & { onEvent?: (e: RunEvent) => void } = {},
): Promise<Run> {
  const env = { ...process.env, DOCKER_CONFIG: dockerConfig, PATH: `${helperBin}:${process.env.PATH ?? ''}` };
  const rt = await connectDocker(env);
  const events: RunEvent[] = [];
  const { onEvent, ...rest } = options;
  const began = Date.now();
  const finish = (report: RunReport, cancelled?: UpCancelledError): Run => ({
    report,
    events,
    lines: events.flatMap(eventToLines),
    ms: Date.now() - began,
    ...(cancelled && { cancelled }),
  });
  try {
    const report = await up(rt, {
      project: p,
      observer: (e) => {
        events.push(e);
        onEvent?.(e);
      },
      backoffBaseMs: 10,
      killGraceMs: 500,
      pulls: { backoffMs: 100, stallMs: 5000 },
      ...rest,
    });
    return finish(report);
  } catch (e: unknown) {
    if (e instanceof UpCancelledError) return finish(e.report, e);
    throw e;
  }
}

/** Every file under the state directory, as text. */
function stateFiles(dir: string = inject('stateDir')): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? stateFiles(path) : readFileSync(path, 'utf8')))
    .join('\n');
}

function expectNoCredentials(run: Run): void {
  const everything = [
    JSON.stringify(run.report),
    JSON.stringify(run.events),
    ...run.lines,
    stateFiles(),
  ].join('\n');
  for (const secret of [
    regs.password,
    WRONG_PASSWORD,
    Buffer.from(`${regs.user}:${regs.password}`).toString('base64'),
  ]) {
    expect(everything).not.toContain(secret);
  }
}

/** A service whose one init step uses `ref` under `policy`; its main container is the local busybox. */
const stepProject = (tag: string, ref: string, policy: PullPolicy) =>
  project(newProjectName(tag), [
    { name: 'app', ...sleeper, steps: [{ name: 'use', image: ref, pullPolicy: policy, command: ['true'] }] },
  ]);

/** `docker pull` with the login, as a user would have done before the run. */
const pullWithLogin = (ref: string) =>
  execFileSync('docker', ['pull', '--quiet', ref], {
    env: { ...process.env, DOCKER_CONFIG: configs.login },
    stdio: 'pipe',
  });

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

type Outcome = 'Pulled' | 'Present' | 'ImageNotPresent' | 'unauthorized' | 'unreachable';

interface Situation {
  name: string;
  config: () => string;
  /** The reference the step uses, after arranging the engine (image present or not). */
  arrange: () => Promise<string>;
  outcomes: Record<PullPolicy, Outcome>;
}

const absent = (): string => {
  removeImage(privateImage.id);
  return privateImage.ref;
};

const situations: Situation[] = [
  {
    name: 'present',
    config: () => configs.login,
    arrange: async () => {
      pullWithLogin(privateImage.ref);
      return privateImage.ref;
    },
    outcomes: { Always: 'Pulled', IfNotPresent: 'Present', Never: 'Present' },
  },
  {
    name: 'absent',
    config: () => configs.login,
    arrange: async () => absent(),
    outcomes: { Always: 'Pulled', IfNotPresent: 'Pulled', Never: 'ImageNotPresent' },
  },
  {
    name: 'registry down',
    config: () => configs.login,
    arrange: async () => {
      absent();
      return `127.0.0.1:${await freePort()}/initsteps-test/private:1`;
    },
    outcomes: { Always: 'unreachable', IfNotPresent: 'unreachable', Never: 'ImageNotPresent' },
  },
  {
    name: 'present, registry down',
    config: () => configs.login,
    arrange: async () => {
      pullWithLogin(privateImage.ref);
      const ref = `127.0.0.1:${await freePort()}/initsteps-test/private:1`;
      execFileSync('docker', ['tag', privateImage.ref, ref]);
      return ref;
    },
    outcomes: { Always: 'unreachable', IfNotPresent: 'Present', Never: 'Present' },
  },
  {
    name: 'wrong password',
    config: () => configs.wrong,
    arrange: async () => absent(),
    outcomes: { Always: 'unauthorized', IfNotPresent: 'unauthorized', Never: 'ImageNotPresent' },
  },
  {
    name: 'no credentials',
    config: () => configs.none,
    arrange: async () => absent(),
    outcomes: { Always: 'unauthorized', IfNotPresent: 'unauthorized', Never: 'ImageNotPresent' },
  },
  {
    name: 'credential helper',
    config: () => configs.helper,
    arrange: async () => absent(),
    outcomes: { Always: 'Pulled', IfNotPresent: 'Pulled', Never: 'ImageNotPresent' },
  },
];

const cases = situations.flatMap((s) =>
  (['Always', 'IfNotPresent', 'Never'] as const).map((policy) => ({ situation: s, policy })),
);

describe('pull policies on a private registry', () => {
  it.each(cases.map((c) => [c.situation.name, c.policy, c] as const))('%s, %s', async (_n, policy, c) => {
    const ref = await c.situation.arrange();
    const p = stepProject('policy', ref, policy);
    const run = await runUp(p, c.situation.config());
    const step = stepOf(run.report, 'app-0', 'use');
    const image = run.report.images?.find((i) => i.ref === ref);
    const pulled = run.events.some((e) => e.type === 'image-pull' && e.phase === 'start');
    const expected = c.situation.outcomes[policy];
    switch (expected) {
      case 'Pulled':
        expect(step.status).toBe('Succeeded');
        expect(image).toMatchObject({ status: 'Pulled', digest: privateImage.digest, id: privateImage.id });
        expect(run.lines).toContainEqual(
          expect.stringMatching(new RegExp(`^✓ pulled ${escape(ref)} in .+ \\(${privateImage.digest}\\)$`)),
        );
        break;
      case 'Present':
        expect(step.status).toBe('Succeeded');
        expect(image?.status).toBe('Present');
        expect(pulled).toBe(false);
        break;
      case 'ImageNotPresent':
        expect(step).toMatchObject({ status: 'Failed', reason: 'ImageNotPresent', attempts: 0 });
        expect(pulled).toBe(false);
        break;
      case 'unauthorized': {
        const host = regs.private.host;
        expect(step).toMatchObject({ status: 'Failed', reason: 'ImagePullFailed', attempts: 0 });
        expect(step.message).toContain(`registry ${host} refused the pull`);
        expect(step.message).toContain(`\`docker login ${host}\``);
        expect(step.message).toContain('docker/login-action');
        expect(step.message).toMatch(
          c.situation.name === 'wrong password'
            ? /the credentials from auths in .*config\.json were refused/
            : /no credentials for .* were found in .*config\.json/,
        );
        expect(run.ms).toBeLessThan(5000);
        break;
      }
      case 'unreachable':
        expect(step).toMatchObject({ status: 'Failed', reason: 'ImagePullFailed', attempts: 0 });
        expect(step.message).toMatch(/connection refused — registry 127\.0\.0\.1:\d+ is unreachable$/);
        expect(run.ms).toBeLessThan(5000);
        break;
    }
    if (c.situation.name === 'credential helper' && expected === 'Pulled') {
      expect(readFileSync(helperLog, 'utf8').trim().split('\n').at(-1)).toBe(regs.private.host);
    }
    expectNoCredentials(run);
  });
});

describe('digests', () => {
  it('pulls `image@sha256:…` and reports the digest that ran, in the summary too', async () => {
    removeImage(publicImage.id);
    const repository = publicImage.ref.replace(/:[^:/]+$/, '');
    const ref = `${repository}@${publicImage.digest}`;
    const p = project(newProjectName('digest'), [{ name: 'app', image: ref, ...sleeper }]);
    const run = await runUp(p, configs.none);
    expect(run.report.services[0]?.status).toBe('Running');
    expect(run.report.images).toEqual([
      expect.objectContaining({ ref, status: 'Pulled', digest: publicImage.digest, id: publicImage.id }),
    ]);
    const summary = buildSummary({ project: p.name, report: run.report, workspace: '/' });
    expect(summary).toContain(`<td>${ref} (${publicImage.digest})</td>`);
  });

  it('says which digest is missing', async () => {
    const repository = publicImage.ref.replace(/:[^:/]+$/, '');
    const missing = `sha256:${'0'.repeat(64)}`;
    const p = project(newProjectName('nodigest'), [
      { name: 'app', image: `${repository}@${missing}`, ...sleeper },
    ]);
    const run = await runUp(p, configs.none);
    expect(run.report.services[0]?.instances[0]).toMatchObject({
      status: 'Failed',
      reason: 'ImagePullFailed',
    });
    expect(run.report.services[0]?.instances[0]?.message).toMatch(
      new RegExp(`manifest unknown — digest ${missing} of ${escape(repository)} is not in registry`),
    );
  });

  it('reports the digest of a tag pulled earlier, when present', async () => {
    pullWithLogin(publicImage.ref);
    const p = project(newProjectName('tagdigest'), [{ name: 'app', image: publicImage.ref, ...sleeper }]);
    const run = await runUp(p, configs.none);
    expect(run.report.images).toEqual([
      expect.objectContaining({ ref: publicImage.ref, status: 'Present', digest: publicImage.digest }),
    ]);
  });
});

describe('a registry that fails or hangs', () => {
  let proxy: RegistryProxy;
  beforeAll(async () => {
    proxy = new RegistryProxy(regs.public.host);
    await proxy.start();
  });
  afterAll(async () => {
    await proxy?.stop();
  });
  const viaProxy = (image: PushedImage) => image.ref.replace(regs.public.host, proxy.host);

  // Docker asks for the manifest with HEAD and, when that answers an error status, with GET: both must
  // fail for the first attempt to fail. A connection reset on the HEAD fails the attempt at once.
  it.each([
    [
      '503',
      { kind: 'status', status: 503 } as const,
      2,
      /received unexpected HTTP status: 503 Service Unavailable/,
    ],
    [
      '429 with Retry-After',
      { kind: 'status', status: 429, retryAfterSeconds: 1 } as const,
      2,
      /toomanyrequests/,
    ],
    ['a reset connection', { kind: 'reset' } as const, 1, /EOF/],
  ])('retries after %s, with the retry in the log', async (_name, fault, times, message) => {
    removeImage(publicImage.id);
    proxy.rules = [{ match: /^(HEAD|GET) .*\/manifests\//, fault, times }];
    const ref = viaProxy(publicImage);
    const p = project(newProjectName('retry'), [{ name: 'app', image: ref, ...sleeper }]);
    const run = await runUp(p, configs.none);
    expect(run.report.services[0]?.status).toBe('Running');
    expect(run.report.images?.[0]).toMatchObject({ status: 'Pulled', attempts: 2 });
    const retries = run.lines.filter((l) => l.startsWith('↻'));
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatch(
      new RegExp(
        `^↻ pulling ${escape(ref)}: attempt 1 of 3 failed \\(.*${message.source}.*\\); retrying in 0\\.1s$`,
      ),
    );
    removeImage(publicImage.id);
  });

  it('gives up after its attempts, with the registry’s message and ImagePullFailed', async () => {
    removeImage(publicImage.id);
    proxy.rules = [{ match: /\/manifests\//, fault: { kind: 'status', status: 502 }, times: Infinity }];
    const p = project(newProjectName('giveup'), [{ name: 'app', image: viaProxy(publicImage), ...sleeper }]);
    const run = await runUp(p, configs.none);
    proxy.rules = [];
    expect(run.report.services[0]?.instances[0]).toMatchObject({
      status: 'Failed',
      reason: 'ImagePullFailed',
    });
    expect(run.report.services[0]?.instances[0]?.message).toMatch(
      /502 Bad Gateway \(gave up after 3 attempts\)$/,
    );
    expect(run.ms).toBeLessThan(5000);
  });

  it('stops a pull from a registry that accepts and never answers, within the stall limit', async () => {
    proxy.rules = [{ match: /./, fault: { kind: 'silence' }, times: Infinity }];
    const p = project(newProjectName('silent'), [{ name: 'app', image: viaProxy(bigB), ...sleeper }]);
    const run = await runUp(p, configs.none, { pulls: { stallMs: 2000 } });
    proxy.rules = [];
    expect(run.ms).toBeLessThan(6000);
    expect(run.report.services[0]?.instances[0]?.message).toBe(
      `main container: pulling ${viaProxy(bigB)}: registry ${proxy.host} sent nothing for 2s; the pull was stopped`,
    );
  });

  it('pulls two images side by side: both in about the time of one', async () => {
    removeImage(bigA.id);
    removeImage(bigB.id);
    proxy.bytesPerSecond = 3 * MB; // 6 MB each: 2 s alone
    const p = project(newProjectName('parallel'), [
      { name: 'a', image: viaProxy(bigA), ...sleeper },
      { name: 'b', image: viaProxy(bigB), ...sleeper },
    ]);
    const run = await runUp(p, configs.none, { pulls: { progressEveryMs: 500 } });
    proxy.bytesPerSecond = undefined;
    expect(run.report.services.map((s) => s.status)).toEqual(['Running', 'Running']);
    const pulls = run.events.flatMap((e) => (e.type === 'image-pull' ? [e] : []));
    const phases = pulls.map((e) => e.phase).filter((ph) => ph === 'start' || ph === 'done');
    expect(phases).toEqual(['start', 'start', 'done', 'done']);
    const each = (run.report.images ?? []).map((i) => i.pullMs ?? 0);
    const all = run.events.find((e) => e.type === 'image-pulls' && e.phase === 'end');
    const total = all?.type === 'image-pulls' && all.phase === 'end' ? all.durationMs : Infinity;
    expect(Math.min(...each)).toBeGreaterThan(1500);
    expect(total).toBeLessThan(1.4 * Math.max(...each));
    // Bytes done/total while they go.
    expect(run.lines).toContainEqual(expect.stringMatching(/^⇣ .*big-a:1: \d+(\.\d)? MB of \d\.\d MB \(/));
    removeImage(bigA.id);
    removeImage(bigB.id);
  });

  it('cancelled mid-pull: removes what the run created, keeps the volumes it found, and no image appears', async () => {
    const name = newProjectName('cancel');
    const volumes = [claim('data', '/data')];
    const first = project(name, [
      { name: 'db', ...sleeper, volumes, steps: [{ name: 'init', command: ['touch', '/data/ok'] }] },
    ]);
    expect((await runUp(first, configs.none)).report.services[0]?.status).toBe('Running');
    // What the first run started goes; its persistent volume (and network) stay for the second.
    execFileSync('docker', ['rm', '-f', ...containersOf(name)]);

    removeImage(bigA.id);
    proxy.bytesPerSecond = 1 * MB; // 6 s
    const controller = new AbortController();
    const ref = viaProxy(bigA);
    const second = project(name, [
      {
        name: 'db',
        ...sleeper,
        volumes,
        steps: [
          { name: 'init', command: ['true'] },
          { name: 'slow', image: ref, command: ['true'] },
        ],
      },
    ]);
    const run = await runUp(second, configs.none, {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'image-pull' && e.phase === 'start') setTimeout(() => controller.abort('SIGINT'), 700);
      },
    });
    proxy.bytesPerSecond = undefined;
    expect(run.cancelled?.signal).toBe('SIGINT');
    expect(run.ms).toBeLessThan(4000);
    expect(containersOf(name)).toEqual([]);
    expect(volumesOf(name)).toEqual([`initsteps_${name}_db-0_data`]);
    // The engine stopped the pull with the request: nothing arrives later either.
    await new Promise((r) => setTimeout(r, 1500));
    expect(imagePresent(ref)).toBe(false);
  });
});

const labelled = (kind: 'ps' | 'volume', name: string): string[] =>
  execFileSync(
    'docker',
    kind === 'ps'
      ? ['ps', '-aq', '--filter', `label=dev.initsteps.project=${name}`]
      : ['volume', 'ls', '-q', '--filter', `label=dev.initsteps.project=${name}`],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean);
const containersOf = (name: string) => labelled('ps', name);
const volumesOf = (name: string) => labelled('volume', name);
