// SIGINT and SIGTERM for the CLI (README, "The command line"): the first cancels the command. While a
// command that cleans up (up, down) runs, a second one only says the cleanup is finishing, and a third
// stops it: what is left and the `initsteps down` command that removes it are printed first. Any other
// command stops at the second.
import { CancelledError, errorMessage } from '../errors.js';
import type { Leftovers } from '../engine/leftovers.js';

/** What a command that cleans up can say about what it would leave if stopped now. */
export interface CleanupGuard {
  leftovers(): Promise<Leftovers>;
  /** The command that removes what is left, printed when the list cannot be had. */
  down: string;
}

export interface InterruptIO {
  err(line: string): void;
  exit(code: number): void;
}

/** How long the third signal waits for the list of what is left before it stops anyway. */
const LIST_TIMEOUT_MS = 5000;

export class Interrupts {
  private readonly controller = new AbortController();
  /** Aborted at the first signal, with a CancelledError naming it. */
  readonly signal = this.controller.signal;
  private count = 0;
  private guard: CleanupGuard | undefined;

  constructor(private readonly io: InterruptIO) {}

  /** Until the returned function is called, later signals let the cleanup finish (see above). */
  guardCleanup(guard: CleanupGuard): () => void {
    this.guard = guard;
    return () => {
      if (this.guard === guard) this.guard = undefined;
    };
  }

  receive(sig: 'SIGINT' | 'SIGTERM'): void {
    this.count += 1;
    const code = sig === 'SIGINT' ? 130 : 143;
    if (this.count === 1) {
      this.controller.abort(new CancelledError(sig));
      return;
    }
    const guard = this.guard;
    if (!guard || this.count > 3) {
      this.io.exit(code);
      return;
    }
    if (this.count === 2) {
      this.io.err(
        `initsteps: ${sig} again: cleanup is finishing; send it once more to stop now and leave what remains`,
      );
      return;
    }
    void this.stop(guard, code);
  }

  private async stop(guard: CleanupGuard, code: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${LIST_TIMEOUT_MS / 1000}s`)), LIST_TIMEOUT_MS);
    });
    try {
      const left = await Promise.race([guard.leftovers(), timeout]);
      if (left.objects.length === 0) {
        this.io.err('initsteps: stopped before the cleanup finished; nothing is left');
      } else {
        this.io.err('initsteps: stopped before the cleanup finished; left behind:');
        for (const line of left.objects) this.io.err(`  ${line}`);
        this.io.err(`remove them with: ${left.down}`);
        if (left.caution) this.io.err(`(${left.caution})`);
      }
    } catch (e: unknown) {
      this.io.err(
        `initsteps: stopped before the cleanup finished; what is left could not be listed (${errorMessage(e)}); ` +
          `remove it with: ${guard.down}`,
      );
    } finally {
      clearTimeout(timer);
    }
    this.io.exit(code);
  }
}
