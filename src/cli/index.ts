// Entry point of the `initsteps` command: wires the real process to runCli.
import { runCli } from './run.js';

const controller = new AbortController();
let received: 'SIGINT' | 'SIGTERM' | undefined;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    // A second signal while cleaning up means "stop now".
    if (received) process.exit(sig === 'SIGINT' ? 130 : 143);
    received = sig;
    controller.abort(sig);
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
  signalName: () => received,
});
