// The job log: each step attempt's output, and each attempt of a job's own container, in its own
// collapsible group, titled with its `▶` line; the run's image pulls in one group, titled with the list of
// images; every other transition line outside groups. Groups cannot nest or interleave, so while one
// step's group is open, whatever another instance prints waits (in order) until that group closes, then is
// replayed: a waiting step that is still running becomes the open group and streams live from there.
// What a step, a job or a main container printed goes out inside stop-commands blocks, inside its group,
// so the runner honours no workflow command in it (docs/action.md, "Step output and the runner").
import type { RunEvent } from '../engine/types.js';
import { eventToLines } from '../report/lines.js';
import type { Masker } from '../spec/secrets.js';
import { mayReadAsCommand, stopCommandsBlock, UntrustedLines } from '../report/workflow-commands.js';
import type { ActionCore } from './core.js';

type Op =
  | { kind: 'open'; key: string; title: string }
  /** `untrusted`: printed by a step or a container, not by us. */
  | { kind: 'line'; key?: string; text: string; untrusted?: boolean }
  | { kind: 'warning'; key?: string; text: string }
  /** Ends the step's group (if it is the open one), then prints `after` outside it. */
  | { kind: 'close'; key: string; after: string[] }
  /** Stands for untrusted lines dropped while waiting: the held-back output is bounded. */
  | { kind: 'dropped'; key?: string; count: number };

const stepKey = (instance: string, step: string): string => `${instance}\u0000${step}`;
/** A job's own container: its instance with no step (step names are never empty). */
const jobKey = (instance: string): string => stepKey(instance, '');
/** The pulls' group: no step key can be this (instance names have no NUL). */
const PULLS_KEY = '\u0000pulls';
/**
 * What waiting output may hold in memory while another group is open: a main container that prints
 * without end during a long step must not grow the action's memory without bound. Beyond it, the lines
 * are counted, not kept.
 */
export const MAX_PENDING_OUTPUT_BYTES = 16 * 1024 * 1024;

export class StepLog {
  private live: string | undefined;
  private pending: Op[] = [];
  private pendingOutputBytes = 0;
  /** Per key, the `dropped` op standing for that key's lines over the bound (still waiting). */
  private readonly droppedOps = new Map<string | undefined, Extract<Op, { kind: 'dropped' }>>();
  private readonly untrusted: UntrustedLines;
  /** Masking is set once the project (and so its secret values) is known. */
  mask: Masker = (text) => text;

  constructor(private readonly core: Pick<ActionCore, 'info' | 'warning' | 'startGroup' | 'endGroup'>) {
    this.untrusted = new UntrustedLines((line) => core.info(line));
  }

  /** Plain line outside any group (waits while a group is open). */
  info(text: string): void {
    this.emit([{ kind: 'line', text }]);
  }

  event(event: RunEvent): void {
    const lines = eventToLines(event);
    switch (event.type) {
      case 'step-start': {
        const key = stepKey(event.instance, event.step);
        return this.emit(lines.map((title) => ({ kind: 'open', key, title })));
      }
      case 'step-output':
        return this.emit([
          { kind: 'line', key: stepKey(event.instance, event.step), text: event.line, untrusted: true },
        ]);
      case 'main-output':
        return this.emit(lines.map((text): Op => ({ kind: 'line', text, untrusted: true })));
      case 'step-retry':
      case 'step-end': {
        const key =
          event.type === 'step-end'
            ? stepKey(event.result.instance, event.result.step)
            : stepKey(event.instance, event.step);
        return this.emit([{ kind: 'close', key, after: lines }]);
      }
      case 'job-start':
        return this.emit(lines.map((title) => ({ kind: 'open', key: jobKey(event.instance), title })));
      case 'job-output':
        return this.emit([{ kind: 'line', key: jobKey(event.instance), text: event.line, untrusted: true }]);
      case 'job-retry':
        return this.emit([{ kind: 'close', key: jobKey(event.instance), after: lines }]);
      case 'job-end':
        return this.emit([{ kind: 'close', key: jobKey(event.result.instance), after: lines }]);
      case 'image-pulls':
        return this.emit(
          event.phase === 'start'
            ? lines.map((title) => ({ kind: 'open', key: PULLS_KEY, title }))
            : [{ kind: 'close', key: PULLS_KEY, after: lines }],
        );
      case 'image-pull':
        return this.emit(lines.map((text) => ({ kind: 'line', key: PULLS_KEY, text })));
      case 'warning':
        return this.emit([{ kind: 'warning', text: event.message }]);
      default:
        return this.emit(lines.map((text): Op => ({ kind: 'line', text })));
    }
  }

  /** Closes a group left open (the run stopped mid-step) and prints everything still waiting. */
  finish(): void {
    while (this.live !== undefined || this.pending.length > 0) {
      if (this.live !== undefined) this.apply({ kind: 'close', key: this.live, after: [] });
      this.drain();
    }
    this.untrusted.flush();
  }

  private emit(ops: Op[]): void {
    for (const op of ops) {
      this.drain();
      if (this.live === undefined || op.key === this.live) this.apply(op);
      else this.hold(op);
    }
    this.drain();
  }

  /** Keeps an op until its turn; untrusted output only up to the bound, then a count of what was dropped. */
  private hold(op: Op): void {
    if (op.kind === 'line' && op.untrusted) {
      if (this.pendingOutputBytes + op.text.length > MAX_PENDING_OUTPUT_BYTES) {
        const dropped = this.droppedOps.get(op.key);
        if (dropped) dropped.count += 1;
        else {
          const marker: Op = { kind: 'dropped', key: op.key, count: 1 };
          this.droppedOps.set(op.key, marker);
          this.pending.push(marker);
        }
        return;
      }
      this.pendingOutputBytes += op.text.length;
    }
    this.pending.push(op);
  }

  /** With no group open, replays waiting ops in order; one that opens a group pulls its own ops forward. */
  private drain(): void {
    while (this.live === undefined && this.pending.length > 0) {
      this.replay(this.pending.shift() as Op);
      if (this.live === undefined) continue;
      const rest: Op[] = [];
      for (const op of this.pending) {
        if (this.live !== undefined && op.key === this.live) this.replay(op);
        else rest.push(op);
      }
      this.pending = rest;
    }
  }

  private replay(op: Op): void {
    if (op.kind === 'line' && op.untrusted) this.pendingOutputBytes -= op.text.length;
    if (op.kind === 'dropped') this.droppedOps.delete(op.key);
    this.apply(op);
  }

  private apply(op: Op): void {
    if (op.kind === 'line' && op.untrusted) return this.untrusted.push(this.mask(op.text));
    // Whatever we print next must not land inside a block, where the runner would ignore it.
    this.untrusted.flush();
    switch (op.kind) {
      case 'open':
        this.core.startGroup(this.mask(op.title));
        this.live = op.key;
        return;
      case 'close':
        // A step that never opened a group (skipped) closes nothing.
        if (this.live === op.key) {
          this.core.endGroup();
          this.live = undefined;
        }
        for (const text of op.after) this.ours(this.mask(text));
        return;
      case 'line':
        return this.ours(this.mask(op.text));
      case 'warning':
        return this.core.warning(this.mask(op.text));
      case 'dropped':
        return this.core.info(
          `… ${op.count} more output line(s) dropped while another step's group was open (more than ${MAX_PENDING_OUTPUT_BYTES / 1024 / 1024} MiB was waiting)`,
        );
    }
  }

  /** A line of ours; one that quotes a step's message and could read as a command goes in a block too. */
  private ours(text: string): void {
    if (!mayReadAsCommand(text)) return this.core.info(text);
    for (const line of stopCommandsBlock([text])) this.core.info(line);
  }
}
