import { describe, expect, it } from 'vitest';
import { waitProbe, waitReady, type ReadinessTarget } from '../../../src/engine/readiness.js';
import type { Probe } from '../../../src/spec/model.js';

/** A main container whose exec probe passes once `readyAfterMs` have gone by. */
function target(readyAfterMs: number): ReadinessTarget & { checks: number } {
  const began = Date.now();
  const t = {
    checks: 0,
    address: async (port: number) => ({ host: '127.0.0.1', port }),
    exec: async () => {
      t.checks += 1;
      return Date.now() - began >= readyAfterMs ? 0 : 1;
    },
    state: async () => ({ running: true, exitCode: 0 }),
  };
  return t;
}

const probe = (periodMs: number, failureThreshold: number): Probe => ({
  check: { kind: 'exec', command: ['true'] },
  initialDelayMs: 0,
  periodMs,
  timeoutMs: 1000,
  failureThreshold,
});

describe('waitReady with a readinessProbe', () => {
  it('notices readiness long before a whole period has passed', async () => {
    const began = Date.now();
    expect(await waitReady(probe(10_000, 3), false, target(300))).toEqual({ ok: true });
    // Checks at 0, 100, 300 ms (doubling): ready well under a second, not after the 10 s period.
    expect(Date.now() - began).toBeLessThan(1500);
  });

  it('gives the probe the Kubernetes budget: failureThreshold checks a period apart', async () => {
    const t = target(Number.POSITIVE_INFINITY);
    const began = Date.now();
    const result = await waitReady(probe(400, 3), false, t);
    const elapsed = Date.now() - began;
    expect(result).toMatchObject({ ok: false, reason: 'ReadinessTimeout' });
    expect(elapsed).toBeGreaterThanOrEqual(800);
    expect(elapsed).toBeLessThan(2000);
    expect(t.checks).toBeGreaterThan(3);
  });

  it('fails at the first failed check with failureThreshold 1', async () => {
    const t = target(Number.POSITIVE_INFINITY);
    expect(await waitReady(probe(10_000, 1), false, t)).toMatchObject({
      ok: false,
      reason: 'ReadinessTimeout',
    });
    expect(t.checks).toBe(1);
  });

  it('reports StartFailed when the main container has exited', async () => {
    const t = { ...target(0), state: async () => ({ running: false, exitCode: 3 }) };
    expect(await waitReady(probe(1000, 3), false, t)).toEqual({
      ok: false,
      reason: 'StartFailed',
      message: 'main container exited with code 3',
      exited: true,
    });
  });
});

describe('waitProbe', () => {
  it('needs successThreshold passes in a row', async () => {
    // Passes, fails, then passes for good: three in a row come only after the failure.
    const answers = [0, 1, 0, 0, 0];
    let checks = 0;
    const t = { ...target(0), exec: async () => answers[checks++] ?? 0 };
    expect(await waitProbe('readiness', { ...probe(100, 3), successThreshold: 3 }, t)).toEqual({ ok: true });
    expect(checks).toBe(5);
  });

  it('a startup probe that keeps failing is StartFailed, not an exit', async () => {
    const result = await waitProbe('startup', probe(100, 2), target(Number.POSITIVE_INFINITY));
    expect(result).toMatchObject({ ok: false, reason: 'StartFailed' });
    expect(result).not.toHaveProperty('exited');
    expect(result.ok || result.message).toMatch(/^startup probe failed 2 times/);
  });
});
