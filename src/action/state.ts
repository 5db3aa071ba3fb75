// What main hands to post through the runner's state (core.saveState / getState). Never secrets: only the
// project, the run id, the cleanup choice and the ids of what the run created.
import type { RecordedProcess } from '../engine/host-process.js';
import type { CreatedObjects, RunEvent } from '../engine/types.js';
import type { ActionCore } from './core.js';

export const STATE = {
  project: 'project',
  runId: 'run-id',
  cleanup: 'cleanup',
  created: 'created',
} as const;

export interface SavedState {
  project: string;
  runId: string;
  cleanup: boolean;
  created: CreatedObjects;
}

const emptyCreated = (): CreatedObjects => ({ containers: [], networks: [], volumes: [], processes: [] });

/**
 * Records `created` events as they arrive and re-saves the whole list each time: the runner keeps the last
 * value of a name, and a main step killed mid-run has then already left post every id it needs.
 */
export class StateRecorder {
  readonly created = emptyCreated();

  constructor(private readonly core: Pick<ActionCore, 'saveState'>) {}

  begin(project: string, runId: string, cleanup: boolean): void {
    this.core.saveState(STATE.project, project);
    this.core.saveState(STATE.runId, runId);
    this.core.saveState(STATE.cleanup, String(cleanup));
  }

  record(event: Extract<RunEvent, { type: 'created' }>): void {
    if (event.kind === 'process') {
      const pid = Number(event.id);
      const running = (this.created.processes ??= []);
      if (!Number.isInteger(pid) || running.some((p) => p.pid === pid)) return;
      running.push({ pid, ...(event.startTime !== undefined && { startTime: event.startTime }) });
    } else {
      const list = this.created[`${event.kind}s`];
      if (list.includes(event.id)) return;
      list.push(event.id);
    }
    this.core.saveState(STATE.created, JSON.stringify(this.created));
  }
}

const ids = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** Recorded processes; the engine signals one only while its start time still matches (host-process.ts). */
const processes = (v: unknown): RecordedProcess[] =>
  Array.isArray(v)
    ? v.flatMap((x: unknown) => {
        if (typeof x !== 'object' || x === null) return [];
        const { pid, startTime } = x as { pid?: unknown; startTime?: unknown };
        if (!Number.isSafeInteger(pid)) return [];
        return [{ pid: pid as number, ...(typeof startTime === 'string' && { startTime }) }];
      })
    : [];

/** The state main saved; undefined when main stopped before knowing its project (nothing to clean up). */
export function readState(core: Pick<ActionCore, 'getState'>): SavedState | undefined {
  const project = core.getState(STATE.project);
  const runId = core.getState(STATE.runId);
  if (!project || !runId) return undefined;
  let created = emptyCreated();
  const raw = core.getState(STATE.created);
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as Partial<Record<keyof CreatedObjects, unknown>>;
      created = {
        containers: ids(parsed.containers),
        networks: ids(parsed.networks),
        volumes: ids(parsed.volumes),
        processes: processes(parsed.processes),
      };
    } catch {
      // A torn value (main killed while the runner wrote it) still leaves the label sweep.
    }
  }
  return { project, runId, cleanup: core.getState(STATE.cleanup) !== 'false', created };
}
