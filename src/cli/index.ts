// Entry point of the `initsteps` command: wires the real process to runCli.
import { makeOutputBlocking } from '../blocking-output.js';
import { Interrupts } from './interrupts.js';
import { runCli } from './run.js';

const err = (line: string) => process.stderr.write(`${line}\n`);
const interrupts = new Interrupts({ err, exit: (code) => process.exit(code) });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => interrupts.receive(sig));

makeOutputBlocking();
for (const stream of [process.stdout, process.stderr]) {
  // `initsteps plan | head`: a reader that went away is not an error of ours.
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err,
  env: process.env,
  cwd: process.cwd(),
  signal: interrupts.signal,
  guardCleanup: (guard) => interrupts.guardCleanup(guard),
});
