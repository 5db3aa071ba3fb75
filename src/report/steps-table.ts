// Pure: the per-instance step table of `initsteps logs <service> --init-step <name>` (docs/action.md, "What the run shows"), and
// the job's row of `initsteps logs <job>`.
import type { JobResult, StepResult } from '../engine/types.js';
import { formatDuration } from './lines.js';
import { formatTable } from './table.js';

const cell = (v: string | number | undefined): string => (v === undefined || v === '' ? '-' : String(v));

/** One row per instance; `-` marks an empty cell. Multi-line messages are folded onto one line. */
export function stepsTable(results: StepResult[]): string {
  return formatTable(
    ['INSTANCE', 'STATUS', 'EXIT', 'ATTEMPTS', 'REASON', 'MESSAGE'],
    results.map((r) => [
      r.instance,
      r.status,
      cell(r.exitCode),
      String(r.attempts),
      cell(r.reason),
      cell(r.message?.replace(/\s*\n\s*/g, ' ')),
    ]),
  );
}

/** The job's one instance with how it ended. */
export function jobTable(job: JobResult): string {
  return formatTable(
    ['INSTANCE', 'STATUS', 'EXIT', 'ATTEMPTS', 'DURATION', 'REASON', 'MESSAGE'],
    [
      [
        job.instance,
        job.status,
        cell(job.exitCode),
        String(job.attempts),
        job.durationMs > 0 ? formatDuration(job.durationMs) : '-',
        cell(job.reason),
        cell(job.message?.replace(/\s*\n\s*/g, ' ')),
      ],
    ],
  );
}
