// `initsteps logs <service> --init-step <name> [--spec F] [--output]`: the step's per-instance table from
// the last run (docs/action.md, "What the run shows"); --output adds each instance's captured output.
import { UsageError } from '../../errors.js';
import { loadLastRun, logKey } from '../../engine/state.js';
import { stepsTable } from '../../report/steps-table.js';
import { flagBool, flagString, type Command } from '../io.js';
import { projectNameOf } from './down.js';
import path from 'node:path';

export const run: Command = async (args, io) => {
  const [service, ...extra] = args.positionals;
  const step = flagString(args, 'init-step');
  if (service === undefined || extra.length > 0 || step === undefined) {
    throw new UsageError('usage: initsteps logs <service> --init-step <name> [--spec F] [--output]');
  }
  const spec = flagString(args, 'spec');
  const project = await projectNameOf(args, io, spec === undefined ? [] : [path.resolve(io.cwd, spec)]);
  const last = await loadLastRun(project, undefined, (message) => io.err(`⚠ ${message}`));
  const results = (last?.report.steps ?? []).filter((r) => r.service === service && r.step === step);
  if (results.length === 0) {
    throw new UsageError(
      `no results for init step "${step}" of service "${service}" in project ${project}: run \`initsteps up\` first`,
    );
  }
  for (const line of stepsTable(results).split('\n')) io.out(line);
  if (flagBool(args, 'output')) {
    for (const r of results) {
      io.out('');
      io.out(`--- ${r.instance} ---`);
      for (const line of last?.logs[logKey(r.instance, r.step)] ?? []) io.untrusted(line);
    }
  }
  return 0;
};
