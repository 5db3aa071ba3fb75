// String formats shared by the validator (checks and messages) and the JSON Schema (patterns).
// Each pattern is the single source of the syntax; the parsers in duration.ts/quantity.ts agree with it
// and add the range checks a regular expression cannot express.
import { DURATION_PATTERN, MAX_DURATION_MS, parseDuration } from './duration.js';
import { CPU_PATTERN, MEMORY_PATTERN, PORT_PATTERN, parseCpu, parseMemory, parsePort } from './quantity.js';

export interface Format {
  /** ECMA-262 regex for the JSON Schema (editor hints); `check` is the authority. */
  pattern: string;
  /** Undefined when valid, else the reason in words. */
  check(text: string): string | undefined;
}

const byPattern = (pattern: string, explain: (s: string) => string) => {
  const re = new RegExp(pattern);
  return (s: string): string | undefined => (re.test(s) ? undefined : explain(s));
};

const DNS_LABEL = '^[a-z][a-z0-9-]{0,62}$';

export const FORMATS = {
  dnsLabel: {
    pattern: DNS_LABEL,
    check: byPattern(
      DNS_LABEL,
      (s) =>
        `"${s}" is not a valid name: use 1 to 63 lowercase letters, digits and '-', starting with a letter`,
    ),
  },
  image: {
    pattern: '^\\S+$',
    check: byPattern('^\\S+$', (s) => `"${s}" is not an image reference (empty or contains spaces)`),
  },
  absPath: {
    pattern: '^/',
    check: byPattern('^/', (s) => `"${s}" must be an absolute path (starting with /)`),
  },
  httpPath: {
    pattern: '^/',
    check: byPattern('^/', (s) => `"${s}" must start with /`),
  },
  envName: {
    pattern: '^[^=\\s]+$',
    check: byPattern('^[^=\\s]+$', (s) => `"${s}" is not a valid environment variable name`),
  },
  capability: {
    pattern: '^[A-Za-z0-9_]+$',
    check: byPattern('^[A-Za-z0-9_]+$', (s) => `"${s}" is not a capability name (like SYS_NICE or ALL)`),
  },
  ip: {
    pattern: '^[0-9a-fA-F:.]+$',
    check: byPattern('^[0-9a-fA-F:.]+$', (s) => `"${s}" is not an IP address`),
  },
  duration: {
    pattern: DURATION_PATTERN,
    check: (s: string) => {
      const ms = parseDuration(s);
      if (ms === undefined)
        return `"${s}" is not a duration (examples: 500ms, 30s, 2m, 1h30m; a bare number is seconds)`;
      if (ms <= 0) return `duration "${s}" must be greater than zero`;
      if (ms > MAX_DURATION_MS) return `duration "${s}" is too long (at most 24 days)`;
      return undefined;
    },
  },
  cpu: {
    pattern: CPU_PATTERN,
    check: (s: string) =>
      parseCpu(s) === undefined
        ? `"${s}" is not a CPU quantity greater than zero (examples: 500m, 2, 0.5)`
        : undefined,
  },
  memory: {
    pattern: MEMORY_PATTERN,
    check: (s: string) => {
      if (parseMemory(s) !== undefined) return undefined;
      const hint = /^\d+[mg]$/.test(s.trim())
        ? `; write ${s.trim().slice(0, -1)}${s.trim().endsWith('m') ? 'Mi' : 'Gi'}`
        : '';
      return `"${s}" is not a byte quantity greater than zero (examples: 512Mi, 1Gi, 1G, 1000)${hint}`;
    },
  },
  port: {
    pattern: PORT_PATTERN,
    check: (s: string) =>
      parsePort(s) === undefined
        ? `"${s}" is not a port (examples: "3000", "13000:3000", "127.0.0.1:13000:3000", "53/udp"; ports are 1-65535)`
        : undefined,
  },
} satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;
