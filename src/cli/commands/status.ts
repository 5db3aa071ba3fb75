// `initsteps status <spec...> [--json]`: services, instances, step states (last run), published ports;
// jobs with how the last run ended them.
import { describeOwner } from '../../engine/run-owner.js';
import { status, type ProjectStatus } from '../../engine/status.js';
import type { StepResult } from '../../engine/types.js';
import { connectDocker } from '../../runtime/docker.js';
import { formatDuration } from '../../report/lines.js';
import { formatTable } from '../../report/table.js';
import { flagBool, type Command } from '../io.js';
import { projectNameOf } from './down.js';
import path from 'node:path';

const portText = (p: { hostIp: string; hostPort: number; containerPort: number; protocol: string }): string =>
  `${p.hostIp || '0.0.0.0'}:${p.hostPort}->${p.containerPort}/${p.protocol}`;

export function statusTable(st: ProjectStatus): string {
  // A step the run was in when it was killed stays Running in its record: say what that means now.
  const stopped = st.lastRun?.state === 'stopped';
  const stepText = (r: StepResult) =>
    `${r.step}: ${r.status}${stopped && r.status === 'Running' ? ' (interrupted)' : ''}`;
  const rows = st.services.flatMap((s) =>
    s.instances.map((i) => [
      s.name,
      i.name,
      i.state,
      i.ports.map(portText).join(', ') || '-',
      i.steps.map(stepText).join(', ') || '-',
    ]),
  );
  return formatTable(['SERVICE', 'INSTANCE', 'STATE', 'PORTS', 'INIT STEPS (last run)'], rows);
}

export function jobsTable(st: ProjectStatus): string {
  const rows = st.jobs.map((j) => [
    j.name,
    j.last?.status ?? 'not run',
    j.last?.exitCode === undefined ? '-' : String(j.last.exitCode),
    j.last?.durationMs ? formatDuration(j.last.durationMs) : '-',
    [j.last?.reason, j.last?.message].filter(Boolean).join(': ') || '-',
    j.steps.map((r) => `${r.step}: ${r.status}`).join(', ') || '-',
  ]);
  return formatTable(['JOB', 'STATE', 'EXIT', 'DURATION', 'REASON', 'INIT STEPS (last run)'], rows);
}

export const run: Command = async (args, io) => {
  const files = args.positionals.map((f) => path.resolve(io.cwd, f));
  const project = await projectNameOf(args, io, files);
  const runtime = await connectDocker(io.env);
  const st = await status(runtime, project, (message) => io.err(`⚠ ${message}`));
  if (flagBool(args, 'json')) {
    io.out(JSON.stringify(st, null, 2));
    return 0;
  }
  io.out(`project ${st.project}${st.lastRun ? ` (${lastRunText(st.lastRun)})` : ''}`);
  const empty = st.services.length === 0 && st.jobs.length === 0;
  const tables = [
    ...(st.services.length > 0 ? [statusTable(st)] : []),
    ...(st.jobs.length > 0 ? [jobsTable(st)] : []),
  ];
  for (const line of (empty ? 'nothing started' : tables.join('\n\n')).split('\n')) io.out(line);
  const last = st.lastRun;
  if (last?.state === 'stopped' && st.services.some((s) => s.instances.some((i) => i.steps.some(running)))) {
    io.out(
      `note: run ${last.runId} was stopped while a step ran (killed?): a step shown Running (interrupted) did ` +
        'not finish; the next up decides again whether to run it',
    );
  }
  return 0;
};

const running = (r: StepResult): boolean => r.status === 'Running';

function lastRunText(r: NonNullable<ProjectStatus['lastRun']>): string {
  const owner = r.owner ? describeOwner(r.owner) : 'its process unknown';
  switch (r.state) {
    case 'finished':
      return `last run ${r.runId}, ${r.finishedAt ?? ''}`;
    case 'running':
      return `run ${r.runId} in progress since ${r.startedAt}, ${owner}`;
    case 'stopped':
      return `run ${r.runId} from ${r.startedAt} stopped without finishing: ${owner} is gone`;
    case 'unknown':
      return `run ${r.runId} from ${r.startedAt} has not finished: ${owner}, which cannot be checked from here`;
  }
}
