// Durations as users write them in specs and action inputs: ms, s, m, h, combinable (`1h30m`, `1.5s`);
// a bare number is seconds. Shared by the spec loader and the action's `timeout` input.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** The accepted syntax, for the JSON Schema. */
export const DURATION_PATTERN = '^(?:\\d+(?:\\.\\d+)?|(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+)$';
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const BARE = /^\d+(?:\.\d+)?$/;

/** Longest duration a Node timer honours (setTimeout fires at once beyond 2^31-1 ms). */
export const MAX_DURATION_MS = 2 ** 31 - 1;

/** Milliseconds (rounded), or undefined when the text is not a duration. */
export function parseDuration(text: string | number): number | undefined {
  const s = String(text).trim();
  let ms: number;
  if (BARE.test(s)) ms = Number(s) * 1000;
  else if (WHOLE.test(s)) {
    ms = 0;
    for (const [, n, unit] of s.matchAll(PART)) ms += Number(n) * (UNIT_MS[unit ?? ''] ?? NaN);
  } else return undefined;
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}
