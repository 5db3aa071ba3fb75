// Entry point of the `initsteps` command: wires the real process to runCli.
import { Interrupts } from './interrupts.js';
import { runCli } from './run.js';

const err = (line: string) => process.stderr.write(`${line}\n`);
const interrupts = new Interrupts({ err, exit: (code) => process.exit(code) });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => interrupts.receive(sig));

for (const stream of [process.stdout, process.stderr]) {
  // Node writes to a pipe asynchronously: a step printing faster than the reader (a pager, a CI log
  // collector) would pile its output up in memory without bound. Blocking writes let the reader set the
  // pace, back to the step's container (docs/benchmarks.md, "Output floods").
  (stream as unknown as { _handle?: { setBlocking?: (on: boolean) => void } })._handle?.setBlocking?.(true);
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
