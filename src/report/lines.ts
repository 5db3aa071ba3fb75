// Pure: one run event → the console lines a person reads (docs/action.md, "What the run shows"). Shared by the CLI and the Action.
import type { RunEvent, RunReport, StepResult } from '../engine/types.js';
import { countSteps } from './outputs.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `0.5s`, `1.5s`, `12s`, `1m30s`: short, with a tenth of a second only where it matters. */
export function formatDuration(ms: number): string {
  if (ms < 9950) return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')}s`;
  const totalSeconds = Math.round(ms / 1000);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h}h${m > 0 ? `${m}m` : ''}`;
  if (m > 0) return `${m}m${s > 0 ? `${s}s` : ''}`;
  return `${s}s`;
}

const stepName = (step: string, instance: string): string => `init step "${step}" on ${instance}`;

/** `ExitNonZero exit code 9 after 3 attempts`, plus the message when it adds something. */
export function failureDetail(r: StepResult): string {
  const parts: string[] = [r.reason ?? 'Failed'];
  if (r.exitCode !== undefined && r.reason === 'ExitNonZero') parts.push(`exit code ${r.exitCode}`);
  if (r.attempts > 0) parts.push(`after ${plural(r.attempts, 'attempt')}`);
  const detail = parts.join(' ');
  // An ExitNonZero message only repeats the exit code; any other reason's message says what happened.
  return r.message && r.reason !== 'ExitNonZero' ? `${detail}: ${r.message}` : detail;
}

export function stepEndLine(r: StepResult): string {
  const name = stepName(r.step, r.instance);
  switch (r.status) {
    case 'Succeeded':
      return `✓ ${name} succeeded`;
    case 'Skipped':
      return `↷ ${name}: skipped${r.message ? ` (${r.message})` : ''}`;
    case 'Failed':
      return `✗ ${name} failed: ${failureDetail(r)}`;
    case 'Cancelled':
      return `✗ ${name} cancelled${r.message ? `: ${r.message}` : ''}`;
    case 'Pending':
    case 'Running':
      return `• ${name} is ${r.status}`;
  }
}

export function eventToLines(event: RunEvent): string[] {
  switch (event.type) {
    case 'image-pull':
      // Docker reports download and extraction progress many times a second per layer: only the
      // once-per-layer statuses (Pulling fs layer, Pull complete, Digest, ...) make lines.
      return /^(\S+ )?(Downloading|Extracting)\b/.test(event.progress)
        ? []
        : [`⇣ pulling ${event.image}: ${event.progress}`];
    case 'step-start': {
      const attempt = event.attempt > 1 ? ` (attempt ${event.attempt} of ${event.attempts})` : '';
      return [`▶ ${stepName(event.step, event.instance)}${attempt}`];
    }
    case 'step-output':
      return [`${event.instance}/${event.step} | ${event.line}`];
    case 'step-retry':
      return [
        `↻ ${stepName(event.step, event.instance)}: attempt ${event.attempt} failed (${event.detail}); ` +
          `retrying in ${formatDuration(event.delayMs)}`,
      ];
    case 'step-end':
      return [stepEndLine(event.result)];
    case 'service-status': {
      const who = event.instance ?? event.service;
      const icon = event.status === 'Running' ? '✓' : event.status === 'Failed' ? '✗' : '•';
      const why = [event.reason, event.message].filter(Boolean).join(': ');
      return [`${icon} ${who} is ${event.status}${why ? `: ${why}` : ''}`];
    }
    case 'main-output':
      return [`${event.instance} | ${event.line}`];
    case 'warning':
      return [`⚠ ${event.message}`];
    case 'notice':
      return [`ℹ ${event.message}`];
    case 'created':
      return [];
  }
}

/**
 * What the cache did, in one line (docs/cache.md, "What a run says"): the CLI prints it after `up`, the
 * job summary's first line ends with it. Undefined when the run had no cache or nothing to cache.
 */
export function cacheLine(report: RunReport): string | undefined {
  const c = report.cache;
  if (!c) return undefined;
  const saved = c.saved ? `; saved as ${c.key}` : '';
  if (c.result === 'miss' && c.initialized)
    return 'cache: nothing restored, the volumes are initialized already';
  if (c.result === 'miss') return `cache: no entry${c.key ? ` for ${c.key}` : ''}${saved}`;
  const onTop = `${plural(countSteps(report.steps).ran, 'step')} ran on top`;
  const entry = c.result === 'exact' ? `entry ${c.matchedKey} (exact)` : `base entry ${c.matchedKey}`;
  return `cache: restored from ${entry}, ${onTop}${saved}`;
}
