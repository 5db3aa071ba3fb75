// SIGINT/SIGTERM in the CLI: the first cancels; while up or down cleans up, the second says it is
// finishing and the third prints what is left and the down command, then stops.
import { describe, expect, it } from 'vitest';
import { Interrupts, type CleanupGuard } from '../../../src/cli/interrupts.js';
import type { Leftovers } from '../../../src/engine/leftovers.js';
import { CancelledError } from '../../../src/errors.js';

function interrupts(): { it: Interrupts; err: string[]; exits: number[]; exited: Promise<number> } {
  const err: string[] = [];
  const exits: number[] = [];
  let onExit: (code: number) => void = () => {};
  const exited = new Promise<number>((resolve) => (onExit = resolve));
  const it = new Interrupts({
    err: (line) => err.push(line),
    exit: (code) => {
      exits.push(code);
      onExit(code);
    },
  });
  return { it, err, exits, exited };
}

const guard = (left: Leftovers | Promise<Leftovers>): CleanupGuard => ({
  leftovers: async () => left,
  down: 'initsteps down --project p',
});

describe('Interrupts', () => {
  it('the first signal cancels with a CancelledError naming it, and does not exit', () => {
    const { it: ints, exits } = interrupts();
    ints.receive('SIGTERM');
    expect(ints.signal.aborted).toBe(true);
    expect(ints.signal.reason).toBeInstanceOf(CancelledError);
    expect((ints.signal.reason as CancelledError).signal).toBe('SIGTERM');
    expect(exits).toEqual([]);
  });

  it('without a cleanup under way, the second signal exits at once', () => {
    const { it: ints, exits } = interrupts();
    ints.receive('SIGINT');
    ints.receive('SIGINT');
    expect(exits).toEqual([130]);
  });

  it('during a cleanup: the second says it is finishing, the third lists what is left and exits', async () => {
    const { it: ints, err, exits, exited } = interrupts();
    ints.guardCleanup(
      guard({
        objects: [
          'container 1a2b3c4d5e6f (sandbox tb-0)',
          'volume initsteps_p_tb-0_data (persistent, created by this run)',
        ],
        down: 'initsteps down --project p --volumes',
      }),
    );
    ints.receive('SIGINT');
    ints.receive('SIGINT');
    expect(err).toEqual([
      'initsteps: SIGINT again: cleanup is finishing; send it once more to stop now and leave what remains',
    ]);
    expect(exits).toEqual([]);
    ints.receive('SIGINT');
    expect(await exited).toBe(130);
    expect(err.slice(1)).toEqual([
      'initsteps: stopped before the cleanup finished; left behind:',
      '  container 1a2b3c4d5e6f (sandbox tb-0)',
      '  volume initsteps_p_tb-0_data (persistent, created by this run)',
      'remove them with: initsteps down --project p --volumes',
    ]);
  });

  it('says so when nothing is left, and prints the caution about --volumes', async () => {
    const { it: ints, err, exited } = interrupts();
    ints.guardCleanup(guard({ objects: [], down: 'initsteps down --project p' }));
    for (let i = 0; i < 3; i++) ints.receive('SIGTERM');
    expect(await exited).toBe(143);
    expect(err.at(-1)).toBe('initsteps: stopped before the cleanup finished; nothing is left');

    const second = interrupts();
    second.it.guardCleanup(
      guard({
        objects: ['volume v (persistent, created by this run)'],
        down: 'initsteps down --project p --volumes',
        caution: 'careful',
      }),
    );
    for (let i = 0; i < 3; i++) second.it.receive('SIGINT');
    await second.exited;
    expect(second.err.at(-1)).toBe('(careful)');
  });

  it('stops anyway, with the down command, when what is left cannot be listed', async () => {
    const { it: ints, err, exited } = interrupts();
    ints.guardCleanup(guard(Promise.reject(new Error('engine gone'))));
    for (let i = 0; i < 3; i++) ints.receive('SIGINT');
    await exited;
    expect(err.at(-1)).toBe(
      'initsteps: stopped before the cleanup finished; what is left could not be listed (engine gone); ' +
        'remove it with: initsteps down --project p',
    );
  });

  it('after the cleanup is over, a later signal exits at once', () => {
    const { it: ints, exits } = interrupts();
    const done = ints.guardCleanup(guard({ objects: [], down: 'x' }));
    ints.receive('SIGINT');
    done();
    ints.receive('SIGINT');
    expect(exits).toEqual([130]);
  });
});
