// The CLI: parse arguments, dispatch to a command, map errors to exit codes (contract §4).
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { describeFailure } from '../report/failure.js';
import { commandIO, type CliIO, type Command, type ParsedArgs } from './io.js';
// Imported statically: the bundle is then one file, where lazy imports made ncc copy shared modules per chunk.
import { run as down } from './commands/down.js';
import { run as logs } from './commands/logs.js';
import { run as plan } from './commands/plan.js';
import { run as status } from './commands/status.js';
import { run as up } from './commands/up.js';
import { run as validate } from './commands/validate.js';

const commands: Record<string, { usage: string; run: Command }> = {
  validate: { usage: 'validate <spec...>', run: validate },
  plan: { usage: 'plan <spec...> [--json]', run: plan },
  up: {
    usage:
      'up <spec...> [--timeout D] [--services a,b] [--project P] [--allow-privileged] [--cache-dir DIR] [--json]',
    run: up,
  },
  down: { usage: 'down <spec...> [--volumes] [--project P]', run: down },
  status: { usage: 'status <spec...> [--project P] [--json]', run: status },
  logs: { usage: 'logs <service> --init-step <name> [--spec F] [--output]', run: logs },
};

const options = {
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  services: { type: 'string' },
  project: { type: 'string' },
  'allow-privileged': { type: 'boolean' },
  'cache-dir': { type: 'string' },
  volumes: { type: 'boolean' },
  'init-step': { type: 'string' },
  spec: { type: 'string', multiple: false },
  output: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const usage = (): string =>
  ['usage: initsteps <command> ...', ...Object.values(commands).map((c) => `  initsteps ${c.usage}`)].join(
    '\n',
  );

export function parse(argv: string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    const [command = '', ...rest] = positionals;
    return { command, positionals: rest, flags: values };
  } catch (e: unknown) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: string[], streams: CliIO): Promise<number> {
  const io = commandIO(streams);
  try {
    const args = parse(argv);
    if (args.flags.help || args.command === 'help' || args.command === '') {
      io.out(usage());
      return args.command === '' && !args.flags.help ? 2 : 0;
    }
    const command = commands[args.command];
    if (!command) throw new UsageError(`unknown command "${args.command}"\n${usage()}`);
    return await command.run(args, io);
  } catch (e: unknown) {
    const failure = describeFailure(e);
    for (const line of failure.message.split('\n')) io.err(line);
    return failure.exitCode;
  } finally {
    io.flush();
  }
}
