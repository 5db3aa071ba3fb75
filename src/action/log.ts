// The job log: each step attempt's output in its own collapsible group, titled with its `▶` line, and the
// run's image pulls in one group, titled with the list of images; every other transition line outside groups. Groups cannot nest or interleave, so while one step's group is open,
// whatever another instance prints waits (in order) until that group closes, then is replayed: a waiting
// step that is still running becomes the open group and streams live from there.
import type { RunEvent } from '../engine/types.js';
import { eventToLines } from '../report/lines.js';
import type { Masker } from '../spec/secrets.js';
import type { ActionCore } from './core.js';

type Op =
  | { kind: 'open'; key: string; title: string }
  | { kind: 'line'; key?: string; text: string }
  | { kind: 'warning'; key?: string; text: string }
  /** Ends the step's group (if it is the open one), then prints `after` outside it. */
  | { kind: 'close'; key: string; after: string[] };

const stepKey = (instance: string, step: string): string => `${instance}\u0000${step}`;
/** The pulls' group: no step key can be this (instance names have no NUL). */
const PULLS_KEY = '\u0000pulls';

export class StepLog {
  private live: string | undefined;
  private pending: Op[] = [];
  /** Masking is set once the project (and so its secret values) is known. */
  mask: Masker = (text) => text;

  constructor(private readonly core: Pick<ActionCore, 'info' | 'warning' | 'startGroup' | 'endGroup'>) {}

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
        return this.emit([{ kind: 'line', key: stepKey(event.instance, event.step), text: event.line }]);
      case 'step-retry':
      case 'step-end': {
        const key =
          event.type === 'step-end'
            ? stepKey(event.result.instance, event.result.step)
            : stepKey(event.instance, event.step);
        return this.emit([{ kind: 'close', key, after: lines }]);
      }
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
  }

  private emit(ops: Op[]): void {
    for (const op of ops) {
      this.drain();
      if (this.live === undefined || op.key === this.live) this.apply(op);
      else this.pending.push(op);
    }
    this.drain();
  }

  /** With no group open, replays waiting ops in order; one that opens a group pulls its own ops forward. */
  private drain(): void {
    while (this.live === undefined && this.pending.length > 0) {
      this.apply(this.pending.shift() as Op);
      if (this.live === undefined) continue;
      const rest: Op[] = [];
      for (const op of this.pending) {
        if (this.live !== undefined && op.key === this.live) this.apply(op);
        else rest.push(op);
      }
      this.pending = rest;
    }
  }

  private apply(op: Op): void {
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
        for (const text of op.after) this.core.info(this.mask(text));
        return;
      case 'line':
        return this.core.info(this.mask(op.text));
      case 'warning':
        return this.core.warning(this.mask(op.text));
    }
  }
}
