// Pure: the job summary (docs/action.md) as HTML the runner renders: one row per instance and step, the
// services with their published ports, the jobs, the escaped log tail of each failed step and job in a
// collapsible block, or the spec problems when the run stopped before running. Kept under the runner's
// 1 MiB summary limit.
// Every piece of text is masked first, then escaped; a cell or a block title keeps no line break, since
// a blank line ends an HTML block and the rest of the summary would render as Markdown.
import type {
  ImageResult,
  JobResult,
  JobStatus,
  RunReport,
  ServiceStatus,
  StepResult,
  StepStatus,
} from '../engine/types.js';
import { SpecError } from '../errors.js';
import { describeFailure } from './failure.js';
import { countSteps } from './outputs.js';
import { cacheLine, failureDetail, formatDuration, jobFailureDetail } from './lines.js';
import { workspaceRelative } from './annotations.js';
import { problemMessage, reportProblems } from './problems.js';
import type { Severity } from '../spec/model.js';

/** The runner refuses a step summary above 1 MiB. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;

export interface SummaryInput {
  project: string;
  report?: RunReport;
  /** Why the run failed, if it did (SpecError, cancellation, Docker unavailable, ...). */
  error?: unknown;
  /** Spec file paths are shown relative to it. */
  workspace: string;
  /** Applied to every piece of raw text before it is escaped (secret values → `***`). */
  mask?: (text: string) => string;
  /** Overrides SUMMARY_LIMIT_BYTES (tests). */
  limitBytes?: number;
}

export const escapeHtml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const stepIcons: Record<StepStatus, string> = {
  Pending: '⏸️',
  Running: '⏳',
  Succeeded: '✅',
  Started: '🟢',
  Failed: '❌',
  Skipped: '⏭️',
  Cancelled: '🚫',
};
const serviceIcons: Record<ServiceStatus, string> = {
  Pending: '⏸️',
  Initializing: '⏳',
  Running: '✅',
  Failed: '❌',
};

const jobIcons: Record<JobStatus, string> = {
  Pending: '⏸️',
  Initializing: '⏳',
  Running: '⏳',
  Succeeded: '✅',
  Failed: '❌',
};
const problemIcons: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

const dash = (v: string | number | undefined): string => (v === undefined || v === '' ? '-' : String(v));

const why = (reason: string | undefined, message: string | undefined): string =>
  dash([reason, message].filter((p) => p !== undefined && p !== '').join(': '));

/** Line breaks as HTML: `\r\n`, `\n` and a lone `\r` (CommonMark ends a line at each). */
const LINE_BREAK = /\r\n|\n|\r/g;

/** Accumulates HTML within a byte budget, counting what did not fit. */
class Budget {
  private readonly parts: string[] = [];
  private used = 0;
  omitted = 0;
  constructor(private readonly limit: number) {}

  /** Adds `html` if it fits with `reserve` bytes still free afterwards; counts it as omitted otherwise. */
  add(html: string, reserve = 0): boolean {
    const size = Buffer.byteLength(html);
    if (this.used + size + reserve > this.limit) {
      this.omitted++;
      return false;
    }
    this.parts.push(html);
    this.used += size;
    return true;
  }

  /** Adds HTML that must appear (closing tags whose bytes were reserved, the truncation note). */
  force(html: string): void {
    this.parts.push(html);
    this.used += Buffer.byteLength(html);
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** Raw text → HTML for the summary: masked, escaped, and on one line (`<br>` for its line breaks). */
type Inline = (text: string) => string;

function table(out: Budget, inline: Inline, header: string[], rows: string[][]): void {
  const close = '</tbody></table>\n\n';
  const reserve = Buffer.byteLength(close);
  const th = header.map((h) => `<th>${inline(h)}</th>`).join('');
  if (!out.add(`<table><thead><tr>${th}</tr></thead><tbody>\n`, reserve)) {
    out.omitted += rows.length;
    return;
  }
  for (const row of rows) out.add(`<tr>${row.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>\n`, reserve);
  out.force(close);
}

const stepRow = (s: StepResult): string[] => [
  s.service,
  s.instance,
  s.step,
  `${stepIcons[s.status]} ${s.status}`,
  dash(s.exitCode),
  String(s.attempts),
  s.durationMs > 0 ? formatDuration(s.durationMs) : '-',
  why(s.reason, s.message),
];

const jobRow = (j: JobResult): string[] => [
  j.name,
  `${jobIcons[j.status]} ${j.status}`,
  dash(j.exitCode),
  String(j.attempts),
  j.durationMs > 0 ? formatDuration(j.durationMs) : '-',
  why(j.reason, j.message),
];

/** The main container's image and the digest that ran (docs/images.md). */
function imageCell(ref: string | undefined, images: Map<string, ImageResult>): string {
  if (ref === undefined) return '-';
  const digest = images.get(ref)?.digest;
  return digest === undefined ? ref : `${ref} (${digest})`;
}

function imageHow(i: ImageResult): string {
  switch (i.status) {
    case 'Present':
      return 'present';
    case 'Pulled':
      return `pulled in ${formatDuration(i.pullMs ?? 0)}${(i.attempts ?? 1) > 1 ? ` (${i.attempts} attempts)` : ''}`;
    case 'Failed':
      return `❌ ${i.reason ?? 'Failed'}`;
  }
}

function headline(input: SummaryInput, inline: Inline): string {
  const { report, error } = input;
  const name = inline(input.project);
  if (error instanceof SpecError) return `## ❌ initsteps: invalid spec (project ${name})\n\n`;
  if (error !== undefined) {
    const message = inline(describeFailure(error).message.split(LINE_BREAK)[0] ?? '');
    return `## ❌ initsteps: ${message} (project ${name})\n\n`;
  }
  const failed = report?.services.some((s) => s.status !== 'Running') ?? true;
  const jobs = report?.jobs ?? [];
  const jobsFailed = jobs.some((j) => j.status !== 'Succeeded');
  if (jobs.length === 0) {
    return failed
      ? `## ❌ initsteps: not every service is running (project ${name})\n\n`
      : `## ✅ initsteps: every service is running (project ${name})\n\n`;
  }
  return failed || jobsFailed
    ? `## ❌ initsteps: a service is not running or a job did not succeed (project ${name})\n\n`
    : `## ✅ initsteps: every service is running, every job succeeded (project ${name})\n\n`;
}

export function buildSummary(input: SummaryInput): string {
  const limit = input.limitBytes ?? SUMMARY_LIMIT_BYTES;
  // Room for the truncation note, which is always added last.
  const out = new Budget(limit - 512);
  const mask = input.mask ?? ((t: string) => t);
  const block = (text: string): string => escapeHtml(mask(text));
  const inline: Inline = (text) => block(text).replace(LINE_BREAK, '<br>');
  const rel = (file: string): string => workspaceRelative(file, input.workspace);
  out.add(headline(input, inline));

  if (input.error instanceof SpecError) {
    out.add(`${input.error.problems.length} problem(s) found:\n\n`);
    table(
      out,
      inline,
      ['location', 'field', 'problem'],
      input.error.problems.map((p) => [
        `${rel(p.pos.file)}:${p.pos.line}:${p.pos.col}`,
        dash(p.path),
        p.message,
      ]),
    );
  } else if (input.error !== undefined) {
    const message = describeFailure(input.error).message;
    if (/[\r\n]/.test(message)) out.add(`<pre>${block(message)}</pre>\n\n`);
  }

  const report = input.report;
  if (report) {
    const c = countSteps(report.steps);
    const cache = cacheLine(report);
    out.add(
      inline(
        `${c.ran} step(s) ran, ${c.skipped} skipped, ${c.failed} failed` +
          (c.cancelled > 0 ? `, ${c.cancelled} cancelled` : '') +
          (cache ? `; ${cache}` : '') +
          '.',
      ) + '\n\n',
    );
    const problems = reportProblems(report);
    if (problems.length > 0) {
      // What the failed steps' output named, at the files' lines (docs/spec.md#problem-matchers).
      out.add('### Problems\n\n');
      table(
        out,
        inline,
        ['location', 'problem', 'failed'],
        problems.map(({ problem: p, pos, cell }) => [
          p.file !== undefined
            ? `${rel(p.file)}${p.line !== undefined ? `:${p.line}${p.col !== undefined ? `:${p.col}` : ''}` : ''}`
            : `${rel(pos.file)}:${pos.line}`,
          // The first line: the context lines (a quoted line, a caret under it) need a fixed-width font.
          `${problemIcons[p.severity]} ${p.owner}${p.code !== undefined ? ` ${p.code}` : ''}: ${problemMessage(p).split('\n')[0] ?? ''}`,
          cell,
        ]),
      );
    }
    out.add('### Init steps\n\n');
    table(
      out,
      inline,
      ['service', 'instance', 'step', 'status', 'exit code', 'attempts', 'duration', 'reason / message'],
      report.steps.map(stepRow),
    );
    out.add('### Services\n\n');
    const images = new Map((report.images ?? []).map((i) => [i.ref, i]));
    table(
      out,
      inline,
      ['service', 'instance', 'status', 'reason / message', 'published ports', 'image'],
      report.services.flatMap((svc) =>
        svc.instances.map((inst) => [
          svc.name,
          inst.name,
          `${serviceIcons[inst.status]} ${inst.status}`,
          why(inst.reason, inst.message),
          dash(
            inst.ports.map((p) => `${p.hostIp}:${p.hostPort} → ${p.containerPort}/${p.protocol}`).join(', '),
          ),
          imageCell(inst.image, images),
        ]),
      ),
    );
    if (report.jobs.length > 0) {
      out.add('### Jobs\n\n');
      table(
        out,
        inline,
        ['job', 'status', 'exit code', 'attempts', 'duration', 'reason / message'],
        report.jobs.map(jobRow),
      );
    }
    if (report.images && report.images.length > 0) {
      out.add('### Images\n\n');
      table(
        out,
        inline,
        ['image', 'digest', 'how'],
        report.images.map((i) => [i.ref, dash(i.digest), imageHow(i)]),
      );
    }
    const failed = report.steps.filter(
      (s) => (s.status === 'Failed' || s.status === 'Cancelled') && s.logTail.length,
    );
    const failedJobs = report.jobs.filter((j) => j.status === 'Failed' && j.logTail.length);
    if (failed.length > 0 || failedJobs.length > 0) out.add('### Failed logs\n\n');
    for (const j of failedJobs) {
      const title = `job "${j.name}" ${j.reason === 'Cancelled' ? 'cancelled' : `failed: ${jobFailureDetail(j)}`}`;
      const at = j.failurePos;
      out.add(
        `<details><summary>${inline(title)} (${inline(rel(at.file))}:${at.line})</summary>\n\n` +
          `<pre>${block(j.logTail.join('\n'))}</pre>\n</details>\n\n`,
      );
    }
    for (const s of failed) {
      const title = `init step "${s.step}" on ${s.instance} ${s.status === 'Failed' ? `failed: ${failureDetail(s)}` : 'cancelled'}`;
      out.add(
        `<details><summary>${inline(title)} (${inline(rel(s.pos.file))}:${s.pos.line})</summary>\n\n` +
          `<pre>${block(s.logTail.join('\n'))}</pre>\n</details>\n\n`,
      );
    }
  }

  if (out.omitted > 0) {
    out.force(
      `\n> [!NOTE]\n> Summary truncated at the ${Math.round(limit / 1024)} KiB limit: ${out.omitted} ` +
        'row(s) or block(s) left out. `initsteps logs <service> --init-step <name>` shows every step.\n',
    );
  }
  return out.toString();
}
