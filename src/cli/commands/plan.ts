import { freshFacts, planProject } from '../../plan/plan.js';
import { flagBool, type Command } from '../io.js';
import { loadFromArgs } from '../load.js';
import { formatTable } from '../../report/table.js';

/** `initsteps plan <spec...>`: which steps would run or skip on each instance, and why. */
export const run: Command = async (args, io) => {
  const project = await loadFromArgs(args, io);
  const entries = planProject(project, freshFacts);
  const note = 'volume state not read: every persistent volume is assumed fresh';
  if (flagBool(args, 'json')) {
    io.out(JSON.stringify({ project: project.name, assumedFresh: true, note, steps: entries }, null, 2));
    return 0;
  }
  io.out(`plan for project ${project.name} (${note})`);
  io.out(
    formatTable(
      ['SERVICE', 'INSTANCE', 'STEP', 'ACTION', 'WHY'],
      entries.map((e) => [e.service, e.instance, e.step, e.action, e.reason]),
    ),
  );
  return 0;
};
