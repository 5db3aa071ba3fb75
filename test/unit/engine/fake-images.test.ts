// Images of a run on the fake runtime: every image pulled at the start, all at once (bounded), once each;
// pull policies per step; retries of transient failures; a registry that hangs; digests in the report.
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/engine/types.js';
import { project } from '../../support/model.js';
import { fakeRuntime, runUp, serviceStatuses, sleeper, stepOf, useStateDir } from './fake-harness.js';

useStateDir();

const FAST_PULLS = { backoffMs: 5, stallMs: 2000, progressEveryMs: 20 };
const pullEvents = (events: RunEvent[]) =>
  events.flatMap((e) => (e.type === 'image-pull' ? [`${e.phase} ${e.image}`] : []));
const DIGEST = `sha256:${'d'.repeat(64)}`;

describe('pulls at the start', () => {
  it('pulls every image of the run at once, before any instance is prepared, each once', async () => {
    const rt = fakeRuntime({ pull: () => ({ delayMs: 150 }) });
    const p = project('p', [
      { name: 'a', image: 'a:1', ...sleeper, replicas: 2, steps: [{ name: 'x', image: 'tool:1' }] },
      { name: 'b', image: 'b:1', ...sleeper, steps: [{ name: 'y', image: 'tool:1' }] },
      // c waits for a, yet its image is pulled with the others.
      { name: 'c', image: 'c:1', ...sleeper, dependsOn: ['a'] },
    ]);
    const run = await runUp(rt, p, { pulls: FAST_PULLS });
    expect(serviceStatuses(run.report)).toEqual(['a: Running', 'b: Running', 'c: Running']);
    expect(rt.log('pullImage').sort()).toEqual([
      'pullImage a:1',
      'pullImage b:1',
      'pullImage c:1',
      'pullImage tool:1',
    ]);
    const starts = pullEvents(run.events).filter((e) => e.startsWith('start'));
    const firstDone = pullEvents(run.events).findIndex((e) => e.startsWith('done'));
    expect(starts).toHaveLength(4);
    expect(pullEvents(run.events).indexOf(starts[3] ?? '')).toBeLessThan(firstDone);
    const log = rt.log('pullImage', 'createContainer');
    expect(log.slice(0, 4).every((l) => l.startsWith('pullImage'))).toBe(true);
    // Four pulls of 150 ms at once: about the time of one, not of four.
    expect(run.ms).toBeLessThan(450);
    const announce = run.events.find((e) => e.type === 'image-pulls');
    expect(announce).toEqual({
      type: 'image-pulls',
      phase: 'start',
      images: ['a:1', 'tool:1', 'b:1', 'c:1'],
    });
    expect(run.lines.at(-1)).toMatch(/^✓ c is Running$/);
    expect(run.lines).toContain('⇣ pulling 4 images: a:1, tool:1, b:1, c:1');
  });

  it('runs at most `concurrency` pulls at a time', async () => {
    const rt = fakeRuntime({ pull: () => ({ delayMs: 40 }) });
    const images = ['i1:1', 'i2:1', 'i3:1', 'i4:1', 'i5:1'];
    const p = project(
      'p',
      images.map((image, n) => ({ name: `s${n}`, image, ...sleeper })),
    );
    let inFlight = 0;
    let most = 0;
    await runUp(rt, p, {
      pulls: { ...FAST_PULLS, concurrency: 2 },
      onEvent: (e) => {
        if (e.type !== 'image-pull') return;
        if (e.phase === 'start') most = Math.max(most, ++inFlight);
        if (e.phase === 'done' || e.phase === 'failed') inFlight--;
      },
    });
    expect(most).toBe(2);
    expect(rt.log('pullImage')).toHaveLength(5);
  });

  it('reports progress in bytes while a pull goes on, then the time and digest', async () => {
    const rt = fakeRuntime({ pull: () => ({ delayMs: 120, digest: DIGEST }) });
    const p = project('p', [{ name: 'a', image: 'reg.example:5000/a:1', ...sleeper }]);
    const run = await runUp(rt, p, { pulls: FAST_PULLS });
    const progress = run.events.filter((e) => e.type === 'image-pull' && e.phase === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(run.lines).toContainEqual(
      expect.stringMatching(/^⇣ reg\.example:5000\/a:1: \d+(\.\d)? kB of 1\.0 MB \(/),
    );
    expect(run.lines).toContainEqual(
      expect.stringMatching(new RegExp(`^✓ pulled reg\\.example:5000/a:1 in .+ \\(${DIGEST}\\)$`)),
    );
    expect(run.report.images).toEqual([
      expect.objectContaining({ ref: 'reg.example:5000/a:1', status: 'Pulled', digest: DIGEST, attempts: 1 }),
    ]);
    expect(run.report.services[0]?.instances[0]?.image).toBe('reg.example:5000/a:1');
  });

  it('looks nothing up twice and pulls nothing present under IfNotPresent', async () => {
    const rt = fakeRuntime();
    const p = project('p', [{ name: 'a', ...sleeper, replicas: 3, steps: [{ name: 'x' }, { name: 'y' }] }]);
    const run = await runUp(rt, p);
    expect(rt.log('pullImage')).toEqual([]);
    expect(rt.log('inspectImage')).toEqual(['inspectImage busybox:latest']);
    expect(run.report.images).toEqual([
      { ref: 'busybox:latest', status: 'Present', id: 'sha256:busybox:latest' },
    ]);
    expect(run.events.some((e) => e.type === 'image-pulls')).toBe(false);
  });
});

describe('pull policies of steps', () => {
  it("gives a step its own imagePullPolicy, else the service's", async () => {
    const rt = fakeRuntime({ images: ['tool:1', 'local:1'] });
    const p = project('p', [
      {
        name: 'a',
        ...sleeper,
        pullPolicy: 'Never',
        steps: [
          { name: 'fresh', image: 'tool:1', pullPolicy: 'Always' },
          { name: 'local', image: 'local:1' },
        ],
      },
    ]);
    const run = await runUp(rt, p);
    expect(serviceStatuses(run.report)).toEqual(['a: Running']);
    expect(rt.log('pullImage')).toEqual(['pullImage tool:1']);
  });

  it('fails only the step whose policy cannot be met', async () => {
    const rt = fakeRuntime();
    const p = project('p', [
      { name: 'a', ...sleeper, steps: [{ name: 'offline', image: 'absent:1', pullPolicy: 'Never' }] },
    ]);
    const run = await runUp(rt, p);
    expect(stepOf(run.report, 'a-0', 'offline')).toMatchObject({
      status: 'Failed',
      reason: 'ImageNotPresent',
      attempts: 0,
      message: 'image absent:1 is not present and imagePullPolicy is Never',
    });
    expect(rt.log('pullImage')).toEqual([]);
    expect(run.report.images).toContainEqual(
      expect.objectContaining({ ref: 'absent:1', status: 'Failed', reason: 'ImageNotPresent' }),
    );
  });

  it('has an image used under several policies the most eager way, once', async () => {
    const rt = fakeRuntime({ images: ['shared:1'] });
    const p = project('p', [
      { name: 'a', image: 'shared:1', ...sleeper, pullPolicy: 'Never', steps: [{ name: 'x' }] },
      { name: 'b', ...sleeper, steps: [{ name: 'y', image: 'shared:1', pullPolicy: 'Always' }] },
    ]);
    const run = await runUp(rt, p);
    expect(serviceStatuses(run.report)).toEqual(['a: Running', 'b: Running']);
    expect(rt.log('pullImage')).toEqual(['pullImage shared:1']);
  });

  it('fails the main container with ImageNotPresent under Never, not StartFailed', async () => {
    const rt = fakeRuntime();
    const p = project('p', [{ name: 'web', image: 'web:9', pullPolicy: 'Never', ...sleeper }]);
    const run = await runUp(rt, p);
    expect(run.report.services[0]).toMatchObject({ status: 'Failed', reason: 'ImageNotPresent' });
    expect(run.report.services[0]?.instances[0]).toMatchObject({
      status: 'Failed',
      reason: 'ImageNotPresent',
      message: 'main container: image web:9 is not present and imagePullPolicy is Never',
    });
  });
});

describe('failed pulls', () => {
  it('retries transient failures with doubling backoff, each retry in the log, and succeeds', async () => {
    const rt = fakeRuntime({
      pull: (_ref, nth) =>
        nth === 1
          ? { error: 'received unexpected HTTP status: 503 Service Unavailable' }
          : nth === 2
            ? { error: 'toomanyrequests: slow down' }
            : undefined,
    });
    const p = project('p', [{ name: 'a', image: 'a:1', ...sleeper }]);
    const run = await runUp(rt, p, { pulls: { ...FAST_PULLS, backoffMs: 30 } });
    expect(serviceStatuses(run.report)).toEqual(['a: Running']);
    expect(rt.log('pullImage')).toEqual(['pullImage a:1', 'pullImage a:1', 'pullImage a:1']);
    expect(run.lines.filter((l) => l.startsWith('↻'))).toEqual([
      '↻ pulling a:1: attempt 1 of 3 failed (received unexpected HTTP status: 503 Service Unavailable); retrying in 0s',
      '↻ pulling a:1: attempt 2 of 3 failed (toomanyrequests: slow down); retrying in 0.1s',
    ]);
    expect(run.report.images?.[0]).toMatchObject({ status: 'Pulled', attempts: 3 });
    expect(run.ms).toBeGreaterThanOrEqual(90);
  });

  it('gives up after the attempts, keeping the reason ImagePullFailed and the registry’s message', async () => {
    const rt = fakeRuntime({
      pull: () => ({ error: 'read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer' }),
    });
    const p = project('p', [{ name: 'a', ...sleeper, steps: [{ name: 'x', image: 'a:1' }] }]);
    const run = await runUp(rt, p, { pulls: { ...FAST_PULLS, attempts: 3 } });
    expect(rt.log('pullImage')).toHaveLength(3);
    expect(stepOf(run.report, 'a-0', 'x')).toMatchObject({
      status: 'Failed',
      reason: 'ImagePullFailed',
      message:
        'pulling a:1: read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer (gave up after 3 attempts)',
    });
  });

  it.each([
    [
      'unauthorized: authentication required',
      /refused the pull .*docker login 127\.0\.0\.1:5000.*docker\/login-action/,
    ],
    [
      'manifest for x not found: manifest unknown: manifest unknown',
      /tag "1" of 127\.0\.0\.1:5000\/t\/a is not in registry 127\.0\.0\.1:5000$/,
    ],
    [
      'Get "http://127.0.0.1:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
      /registry 127\.0\.0\.1:5000 is unreachable$/,
    ],
  ])('does not retry %s, and says what it means', async (error, meaning) => {
    const rt = fakeRuntime({ pull: () => ({ error }) });
    const p = project('p', [{ name: 'a', image: '127.0.0.1:5000/t/a:1', ...sleeper }]);
    const run = await runUp(rt, p, { pulls: FAST_PULLS });
    expect(rt.log('pullImage')).toHaveLength(1);
    const inst = run.report.services[0]?.instances[0];
    expect(inst).toMatchObject({ status: 'Failed', reason: 'ImagePullFailed' });
    expect(inst?.message).toContain(error);
    expect(inst?.message).toMatch(meaning);
    expect(run.lines).toContainEqual(`✗ ${inst?.message?.replace(/^main container: /, '') ?? ''}`);
  });

  it('stops a pull the registry never answers, within the stall limit', async () => {
    const rt = fakeRuntime({ pull: () => ({ hang: true }) });
    const p = project('p', [{ name: 'a', image: 'reg.example/a:1', ...sleeper }]);
    const run = await runUp(rt, p, { pulls: { ...FAST_PULLS, stallMs: 100 } });
    expect(run.ms).toBeLessThan(1000);
    expect(run.report.services[0]?.instances[0]).toMatchObject({
      reason: 'ImagePullFailed',
      message:
        'main container: pulling reg.example/a:1: registry reg.example sent nothing for 100ms; the pull was stopped',
    });
  });

  it('lets the other services run when one image cannot be had', async () => {
    const rt = fakeRuntime({ pull: (ref) => (ref === 'bad:1' ? { error: 'manifest unknown' } : undefined) });
    const p = project('p', [
      { name: 'bad', image: 'bad:1', ...sleeper },
      { name: 'good', image: 'good:1', ...sleeper },
      { name: 'after', ...sleeper, dependsOn: ['bad'] },
    ]);
    const run = await runUp(rt, p, { pulls: FAST_PULLS });
    expect(serviceStatuses(run.report)).toEqual([
      'bad: Failed ImagePullFailed',
      'good: Running',
      'after: Failed DependencyFailed',
    ]);
    expect(run.events).toContainEqual(
      expect.objectContaining({ type: 'image-pulls', phase: 'end', failed: 1 }),
    );
  });
});
