// The backoff between attempts (engine/retry.ts): doubling from the base, never above the cap.
import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../src/engine/retry.js';

describe('backoffDelayMs', () => {
  it('doubles from the base after each failed attempt and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, 1000, 10_000))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it("is Kubernetes' restart backoff with its numbers: 10 s doubling to 5 min", () => {
    expect([1, 2, 5, 6, 100].map((n) => backoffDelayMs(n, 10_000, 300_000))).toEqual([
      10_000, 20_000, 160_000, 300_000, 300_000,
    ]);
  });

  it('a cap below the base caps the first wait too', () => {
    expect(backoffDelayMs(1, 1000, 300)).toBe(300);
  });
});
