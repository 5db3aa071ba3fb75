// Pure: the per-instance step table of `initsteps logs <service> --init-step <name>` (docs/action.md, "What the run shows").
import type { StepResult } from '../engine/types.js';
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
