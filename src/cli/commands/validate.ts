import type { Command } from '../io.js';
import { loadFromArgs } from '../load.js';

/** `initsteps validate <spec...>`: exit 0, or 2 with one `file:line:col: message` per problem (via run.ts). */
export const run: Command = async (args, io) => {
  const project = await loadFromArgs(args, io);
  const steps = project.services.reduce((n, s) => n + (s.instances[0]?.steps.length ?? 0), 0);
  const jobs = project.services.filter((s) => s.job).length;
  const services = project.services.length - jobs;
  io.out(
    `ok: ${services} service(s), ${jobs > 0 ? `${jobs} job(s), ` : ''}${steps} init step(s) in ${project.files.length} file(s)`,
  );
  return 0;
};
