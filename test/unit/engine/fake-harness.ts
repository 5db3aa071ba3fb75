// Running the engine on the FakeRuntime: a fresh state dir per test (markers and last-run.json), short
// backoff and kill grace, and the run's events and console lines recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { RunEvent, RunReport, StepResult } from '../../../src/engine/types.js';
import { up, UpCancelledError, type UpOptions } from '../../../src/engine/up.js';
import { eventToLines } from '../../../src/report/lines.js';
import type { ResolvedProject } from '../../../src/spec/model.js';
import { FakeRuntime, type FakeRuntimeOptions } from '../../support/fake-runtime.js';

export const BACKOFF_MS = 20;
export const KILL_GRACE_MS = 40;

/** The state dir of the current test (INITSTEPS_STATE_DIR points at it). */
export function useStateDir(): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'initsteps-fake-'));
    vi.stubEnv('INITSTEPS_STATE_DIR', dir);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** A fake engine that has the service image (busybox, the model's default). */
export const fakeRuntime = (options: FakeRuntimeOptions = {}): FakeRuntime =>
  new FakeRuntime({ ...options, images: ['busybox:latest', ...(options.images ?? [])] });

export interface UpRun {
  report: RunReport;
  events: RunEvent[];
  /** The console lines of the events, as the CLI and the action print them. */
  lines: string[];
  /** Set when `up` was cancelled (its report is `report`). */
  cancelled?: UpCancelledError;
  ms: number;
}

export type RunOptions = Partial<Omit<UpOptions, 'project' | 'observer'>> & {
  /** Sees each event as it happens (after it is recorded). */
  onEvent?: (e: RunEvent) => void;
};

export async function runUp(
  runtime: FakeRuntime,
  project: ResolvedProject,
  options: RunOptions = {},
): Promise<UpRun> {
  const { onEvent, ...rest } = options;
  const events: RunEvent[] = [];
  const began = Date.now();
  const observer = (e: RunEvent) => {
    events.push(e);
    onEvent?.(e);
  };
  const lines = () => events.flatMap(eventToLines);
  try {
    const report = await up(runtime, {
      backoffBaseMs: BACKOFF_MS,
      killGraceMs: KILL_GRACE_MS,
      ...rest,
      project,
      observer,
    });
    return { report, events, lines: lines(), ms: Date.now() - began };
  } catch (e: unknown) {
    if (!(e instanceof UpCancelledError)) throw e;
    return { report: e.report, events, lines: lines(), cancelled: e, ms: Date.now() - began };
  }
}

export function stepOf(report: RunReport, instance: string, step: string): StepResult {
  const r = report.steps.find((s) => s.instance === instance && s.step === step);
  if (!r) throw new Error(`no result for ${instance}/${step}`);
  return r;
}

/** `instance/step: status` for every step of the report, in order. */
export const statuses = (r: RunReport): string[] =>
  r.steps.map((s) => `${s.instance}/${s.step}: ${s.status}`);

/** `service: status [reason]` for every service of the report. */
export const serviceStatuses = (r: RunReport): string[] =>
  r.services.map((s) => [`${s.name}: ${s.status}`, s.reason].filter(Boolean).join(' '));

export const warnings = (events: RunEvent[]): string[] =>
  events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));

/** The engine broke no ordering rule and nothing is left on the fake engine but what `kept` names. */
export function expectLeft(runtime: FakeRuntime, kept: string[] = []): void {
  expect(runtime.problems).toEqual([]);
  expect(runtime.objects().sort()).toEqual([...kept].sort());
}

/** A main container command that keeps running (the fake's main containers run until removed anyway). */
export const sleeper = { command: ['sleep', '3600'] };
