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

/**
 * What post accepts from its state (docs/action.md, "What post trusts"): the runner hands it back as
 * STATE_* variables, so it is read as untrusted input, by shape and size, never as paths or commands.
 */
const PROJECT = /^[a-z0-9][a-z0-9_-]{0,254}$/;
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** Container and network ids as Docker makes them; never a name or a prefix. */
const DOCKER_ID = /^[0-9a-f]{64}$/;
const VOLUME_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,511}$/;
/** Linux's largest pid (PID_MAX_LIMIT); 0 and 1 would signal our own group or every process we may. */
const MAX_PID = 4_194_304;
/** The runner passes state in the environment: a value can never be larger than this anyway. */
const MAX_CREATED_CHARS = 128 * 1024;
const MAX_PER_KIND = 4096;

const ownPids = new Set([process.pid, process.ppid]);
const isPid = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) > 1 && (v as number) <= MAX_PID && !ownPids.has(v as number);
/** A start time as host-process.ts records it (boot id and clock ticks); post signals only while it matches. */
const START_TIME = /^[0-9a-f-]{1,64}:\d{1,20}$/;
const isRecordedProcess = (v: unknown): v is RecordedProcess => {
  if (typeof v !== 'object' || v === null) return false;
  const { pid, startTime } = v as { pid?: unknown; startTime?: unknown };
  return (
    isPid(pid) && (startTime === undefined || (typeof startTime === 'string' && START_TIME.test(startTime)))
  );
};

/** The entries of `v` that pass `ok`, at most MAX_PER_KIND, each once; `dropped` counts the rest. */
function accepted<T>(v: unknown, ok: (x: unknown) => x is T, dropped: { n: number }): T[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    dropped.n++;
    return [];
  }
  const kept = [...new Set(v.filter(ok))].slice(0, MAX_PER_KIND);
  dropped.n += v.length - kept.length;
  return kept;
}

const matching =
  (re: RegExp) =>
  (x: unknown): x is string =>
    typeof x === 'string' && re.test(x);

function readCreated(raw: string, warn: (message: string) => void): CreatedObjects {
  if (!raw) return emptyCreated();
  if (raw.length > MAX_CREATED_CHARS) {
    warn(
      `post state: ignoring the recorded objects (${raw.length} characters; at most ${MAX_CREATED_CHARS})`,
    );
    return emptyCreated();
  }
  let parsed: Partial<Record<keyof CreatedObjects, unknown>>;
  try {
    parsed = JSON.parse(raw) as Partial<Record<keyof CreatedObjects, unknown>>;
  } catch {
    // A torn value (main killed while the runner wrote it) still leaves the label sweep.
    return emptyCreated();
  }
  if (typeof parsed !== 'object' || parsed === null) return emptyCreated();
  const dropped = { n: 0 };
  const created: CreatedObjects = {
    containers: accepted(parsed.containers, matching(DOCKER_ID), dropped),
    networks: accepted(parsed.networks, matching(DOCKER_ID), dropped),
    volumes: accepted(parsed.volumes, matching(VOLUME_NAME), dropped),
    processes: accepted(parsed.processes, isRecordedProcess, dropped),
  };
  if (dropped.n > 0)
    warn(
      `post state: ignored ${dropped.n} recorded object(s): not of the shape main records, repeated or too many`,
    );
  return created;
}

/** The state main saved; undefined when main stopped before knowing its project (nothing to clean up). */
export function readState(core: Pick<ActionCore, 'getState' | 'warning'>): SavedState | undefined {
  const warn = (message: string): void => core.warning(message);
  const project = core.getState(STATE.project);
  const runId = core.getState(STATE.runId);
  if (!project || !runId) return undefined;
  if (!PROJECT.test(project) || !RUN_ID.test(runId)) {
    warn('post state: the project or run id is not one main records: nothing is cleaned up');
    return undefined;
  }
  return {
    project,
    runId,
    cleanup: core.getState(STATE.cleanup) !== 'false',
    created: readCreated(core.getState(STATE.created), warn),
  };
}
