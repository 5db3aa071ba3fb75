import { DockerUnavailableError } from '../../errors.js';
import { readFacts } from '../../engine/facts.js';
import { freshFacts, planProject, type FactsLookup } from '../../plan/plan.js';
import { formatTable } from '../../report/table.js';
import { connectDocker } from '../../runtime/docker.js';
import { flagBool, type Command } from '../io.js';
import { loadFromArgs } from '../load.js';

/** `initsteps plan <spec...>`: which steps would run or skip on each instance, and why. */
export const run: Command = async (args, io) => {
  const project = await loadFromArgs(args, io);
  // Plan reads the volumes and markers as they are; without an engine it still answers, for fresh volumes.
  let facts: FactsLookup = freshFacts;
  let note: string | undefined;
  try {
    facts = await readFacts(await connectDocker(io.env), project);
  } catch (e: unknown) {
    if (!(e instanceof DockerUnavailableError)) throw e;
    note = `Docker is not reachable at ${e.endpoint}: every persistent volume is assumed fresh`;
  }
  const entries = planProject(project, facts);
  if (flagBool(args, 'json')) {
    io.out(
      JSON.stringify(
        { project: project.name, assumedFresh: note !== undefined, note, steps: entries },
        null,
        2,
      ),
    );
    return 0;
  }
  io.out(`plan for project ${project.name}${note ? ` (${note})` : ''}`);
  const table = formatTable(
    ['SERVICE', 'INSTANCE', 'STEP', 'ACTION', 'WHY'],
    entries.map((e) => [e.service, e.instance, e.step, e.action, e.reason]),
  );
  for (const line of table.split('\n')) io.out(line);
  return 0;
};
