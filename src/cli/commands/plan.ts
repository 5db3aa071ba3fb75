import { DockerUnavailableError } from '../../errors.js';
import { readFacts } from '../../engine/facts.js';
import { freshFacts, planProject, type FactsLookup } from '../../plan/plan.js';
import { formatTable } from '../../report/table.js';
import { connectDocker } from '../../runtime/docker.js';
import { flagBool, type Command } from '../io.js';
import { loadFromArgs } from '../load.js';
import { initSequence, instanceContainers, type ResolvedProject } from '../../spec/model.js';

/** Which Kubernetes object became which service or job, its instances, containers, steps and volumes. */
function kubernetesMapping(project: ResolvedProject): string[][] {
  return project.services.flatMap((s) => {
    if (!s.origin) return [];
    const first = s.instances[0];
    const volumes = new Map<string, string>();
    for (const v of first ? instanceContainers(first).flatMap((c) => c.volumes) : []) {
      const src = v.source;
      const what =
        src.kind === 'claim'
          ? src.claimName !== undefined
            ? `pvc ${src.claimName} (shared)`
            : 'claim per instance'
          : src.kind === 'files'
            ? `${src.secret ? 'secret' : 'files'}, ${src.files.length} file(s)`
            : src.kind;
      volumes.set(v.name, `${v.name}: ${what}`);
    }
    return [
      [
        `${s.origin.kind}/${s.origin.name} (${s.origin.namespace})`,
        `${s.job ? 'job' : 'service'} ${s.name}`,
        s.instances.map((i) => i.name).join(', '),
        [first?.mainName ?? 'main', ...(first?.containers ?? []).map((c) => c.name)].join(', '),
        (first ? initSequence(first) : [])
          .map((e) =>
            e.kind === 'step' ? `${e.step.name} (${e.step.runIf.type})` : `${e.sidecar.name} (sidecar)`,
          )
          .join(', ') || '-',
        [...volumes.values()].join('; ') || '-',
      ],
    ];
  });
}

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
        {
          project: project.name,
          assumedFresh: note !== undefined,
          note,
          steps: entries,
          kubernetes: project.services.flatMap((s) =>
            s.origin ? [{ ...s.origin, became: s.name, instances: s.instances.map((i) => i.name) }] : [],
          ),
        },
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
  const mapping = kubernetesMapping(project);
  if (mapping.length > 0) {
    io.out('');
    io.out('from Kubernetes objects (docs/kubernetes.md)');
    const rows = formatTable(
      ['OBJECT', 'BECAME', 'INSTANCES', 'CONTAINERS', 'INIT STEPS', 'VOLUMES'],
      mapping,
    );
    for (const line of rows.split('\n')) io.out(line);
  }
  return 0;
};
