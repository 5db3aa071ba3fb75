// `initsteps logs <name> [--init-step <step>] [--spec F] [--output]` (docs/action.md "What the run shows", docs/spec.md "Jobs"):
// with --init-step, the step's per-instance table from the last run, --output adding each instance's
// captured output; without, a job's result and its container's captured output, or the recent output
// of a service's main containers and processes.
import { UsageError } from '../../errors.js';
import { mainOutput } from '../../engine/main-output.js';
import { jobLogKey, loadLastRun, logKey, type LastRun } from '../../engine/state.js';
import { jobTable, stepsTable } from '../../report/steps-table.js';
import { connectDocker } from '../../runtime/docker.js';
import { flagBool, flagString, type Command, type CommandIO } from '../io.js';
import { projectNameOf } from './down.js';
import path from 'node:path';

const USAGE = 'usage: initsteps logs <service or job> [--init-step <name>] [--spec F] [--output]';

export const run: Command = async (args, io) => {
  const [name, ...extra] = args.positionals;
  if (name === undefined || extra.length > 0) throw new UsageError(USAGE);
  const step = flagString(args, 'init-step');
  const spec = flagString(args, 'spec');
  const project = await projectNameOf(args, io, spec === undefined ? [] : [path.resolve(io.cwd, spec)]);
  const last = await loadLastRun(project, undefined, (message) => io.err(`⚠ ${message}`));
  if (step !== undefined) return stepLogs(io, last, project, name, step, flagBool(args, 'output'));

  const job = last?.report.jobs.find((j) => j.name === name);
  if (job) {
    for (const line of jobTable(job).split('\n')) io.out(line);
    io.out('');
    io.out(`--- ${job.instance} ---`);
    for (const line of last?.logs[jobLogKey(job.instance)] ?? []) io.untrusted(line);
    return 0;
  }
  const outputs = await mainOutput(await connectDocker(io.env), project, name, last);
  if (outputs.length === 0) {
    throw new UsageError(
      `nothing of "${name}" runs in project ${project} and the last run has no job of that name: run \`initsteps up\` first`,
    );
  }
  outputs.forEach((o, i) => {
    if (i > 0) io.out('');
    io.out(`--- ${o.instance} ---`);
    if (o.note !== undefined) io.err(`⚠ ${o.instance}: ${o.note}`);
    for (const line of o.lines) io.untrusted(line);
  });
  return 0;
};

function stepLogs(
  io: CommandIO,
  last: LastRun | undefined,
  project: string,
  service: string,
  step: string,
  output: boolean,
): number {
  const results = (last?.report.steps ?? []).filter((r) => r.service === service && r.step === step);
  if (results.length === 0) {
    throw new UsageError(
      `no results for init step "${step}" of "${service}" in project ${project}: run \`initsteps up\` first`,
    );
  }
  for (const line of stepsTable(results).split('\n')) io.out(line);
  if (output) {
    for (const r of results) {
      io.out('');
      io.out(`--- ${r.instance} ---`);
      for (const line of last?.logs[logKey(r.instance, r.step)] ?? []) io.untrusted(line);
    }
  }
  return 0;
}
