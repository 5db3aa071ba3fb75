// Pure: one run event → the console lines a person reads (docs/action.md, "What the run shows"). Shared by the CLI and the Action.
import type { ImagePullEvent, JobResult, RunEvent, RunReport, StepResult } from '../engine/types.js';
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

const stepName = (step: string, instance: string, sidecar?: true): string =>
  `${sidecar ? 'sidecar' : 'init step'} "${step}" on ${instance}`;

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
  const name = stepName(r.step, r.instance, r.sidecar);
  switch (r.status) {
    case 'Succeeded':
      return `✓ ${name} succeeded`;
    case 'Started':
      return `✓ ${name} started (keeps running)`;
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

const jobName = (job: string): string => `job "${job}"`;

/**
 * `JobFailed exit code 3 after 1 attempt`, `DeadlineExceeded after 2 attempts: activeDeadlineSeconds 30
 * exceeded`, `InitStepFailed: init step "seed" failed: ...`: the exit code when it is all there is to say.
 */
export function jobFailureDetail(r: JobResult): string {
  const parts: string[] = [r.reason ?? 'Failed'];
  if (r.reason === 'JobFailed' && r.message === undefined && r.exitCode !== undefined) {
    parts.push(`exit code ${r.exitCode}`);
  }
  if (r.attempts > 0) parts.push(`after ${plural(r.attempts, 'attempt')}`);
  const detail = parts.join(' ');
  return r.message ? `${detail}: ${r.message}` : detail;
}

export function jobEndLine(r: JobResult): string {
  const name = jobName(r.name);
  if (r.status === 'Succeeded') return `✓ ${name} succeeded (${formatDuration(r.durationMs)})`;
  if (r.status !== 'Failed') return `• ${name} is ${r.status}`;
  if (r.reason === 'Cancelled') return `✗ ${name} cancelled`;
  return `✗ ${name} failed: ${jobFailureDetail(r)}`;
}

/** `12.3 MB`: decimal units, as Docker prints pull sizes. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = n / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function pullLine(e: ImagePullEvent): string {
  switch (e.phase) {
    case 'start':
      return `⇣ pulling ${e.image}`;
    case 'progress':
      return `⇣ ${e.image}: ${formatBytes(e.doneBytes)} of ${formatBytes(e.totalBytes)} (${formatDuration(e.elapsedMs)})`;
    case 'retry':
      return (
        `↻ pulling ${e.image}: attempt ${e.attempt} of ${e.attempts} failed (${e.detail}); ` +
        `retrying in ${formatDuration(e.delayMs)}`
      );
    case 'done':
      return `✓ pulled ${e.image} in ${formatDuration(e.durationMs)}${e.digest ? ` (${e.digest})` : ''}`;
    case 'failed':
      return `✗ ${e.message}`;
  }
}

/** What a step, a job or a main container printed: untrusted text, never able to steer the runner. */
export const isUntrustedOutput = (event: RunEvent): boolean =>
  event.type === 'step-output' || event.type === 'main-output' || event.type === 'job-output';

export function eventToLines(event: RunEvent): string[] {
  switch (event.type) {
    case 'image-pulls':
      return event.phase === 'start'
        ? [`⇣ pulling ${plural(event.images.length, 'image')}: ${event.images.join(', ')}`]
        : [
            `⇣ pulls done in ${formatDuration(event.durationMs)}` +
              (event.failed > 0 ? `, ${event.failed} failed` : ''),
          ];
    case 'image-pull':
      return [pullLine(event)];
    case 'step-start': {
      const attempt = event.attempt > 1 ? ` (attempt ${event.attempt} of ${event.attempts})` : '';
      return [`▶ ${stepName(event.step, event.instance, event.sidecar)}${attempt}`];
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
    case 'job-start': {
      const attempt = event.attempt > 1 ? ` (attempt ${event.attempt} of ${event.attempts})` : '';
      return [`▶ ${jobName(event.job)}${attempt}`];
    }
    case 'job-output':
      return [`${event.instance}/${event.job} | ${event.line}`];
    case 'job-retry':
      return [
        `↻ ${jobName(event.job)}: attempt ${event.attempt} failed (${event.detail}); ` +
          `retrying in ${formatDuration(event.delayMs)}`,
      ];
    case 'job-end':
      return [jobEndLine(event.result)];
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
