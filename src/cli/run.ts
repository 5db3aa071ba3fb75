// The CLI: parse arguments, dispatch to a command, map errors to exit codes (README.md, "The command line").
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { describeFailure } from '../report/failure.js';
import { projectNameProblem } from '../spec/index.js';
import { commandIO, flagString, type CliIO, type Command, type ParsedArgs } from './io.js';

/**
 * Each command's module is imported when that command runs: `validate` loads the spec loader and nothing of
 * Docker or the cache client (docs/benchmarks.md, "Start-up").
 */
const commands: Record<string, { usage: string; load: () => Promise<{ run: Command }> }> = {
  validate: { usage: 'validate <spec...>', load: () => import('./commands/validate.js') },
  plan: { usage: 'plan <spec...> [--json]', load: () => import('./commands/plan.js') },
  up: {
    usage:
      'up <spec...> [--timeout D] [--services a,b] [--project P] [--allow-privileged] [--cache-dir DIR [--cache-exact]] [--lock-timeout D] [--json]',
    load: () => import('./commands/up.js'),
  },
  down: {
    usage: 'down <spec...> [--volumes] [--project P] [--lock-timeout D]',
    load: () => import('./commands/down.js'),
  },
  status: { usage: 'status <spec...> [--project P] [--json]', load: () => import('./commands/status.js') },
  logs: {
    usage: 'logs <service or job> [--init-step <name>] [--spec F] [--output]',
    load: () => import('./commands/logs.js'),
  },
};

const options = {
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  services: { type: 'string' },
  project: { type: 'string' },
  'allow-privileged': { type: 'boolean' },
  'cache-dir': { type: 'string' },
  'lock-timeout': { type: 'string' },
  'cache-exact': { type: 'boolean' },
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
    // Checked for every command: the name becomes a path in the state dir (`down --project ../../x`).
    const project = flagString(args, 'project');
    const problem = project === undefined ? undefined : projectNameProblem(project);
    if (problem) throw new UsageError(`initsteps ${args.command} --project: ${problem}`);
    const { run } = await command.load();
    return await run(args, io);
  } catch (e: unknown) {
    const failure = describeFailure(e);
    for (const line of failure.message.split('\n')) io.err(line);
    return failure.exitCode;
  } finally {
    io.flush();
  }
}
