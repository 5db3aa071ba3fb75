// The action's main step (docs/action.md): parse inputs, validate the spec, restore the cache (through the
// VolumeCache given to `up`), run the init steps and start the services, then write the job summary, set
// the outputs and annotate failures. Everything it talks to is passed in, so tests drive it directly.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { RunObserver, RunReport, VolumeCache } from '../engine/types.js';
import type { UpOptions } from '../engine/up.js';
import { CancelledError, SpecError, errorMessage } from '../errors.js';
import type { ContainerRuntime } from '../runtime/types.js';
import type { LoadOptions, LoadResult } from '../spec/index.js';
import type { ResolvedProject } from '../spec/model.js';
import { buildAnnotations, workspaceRelative } from '../report/annotations.js';
import { describeFailure, runFailure } from '../report/failure.js';
import { createMasker, maskStrings, secretValues } from '../spec/secrets.js';
import { buildOutputDocument, buildOutputs } from '../report/outputs.js';
import { cacheLine } from '../report/lines.js';
import { buildSummary } from '../report/summary.js';
import type { ActionCore } from './core.js';
import { parseInputs, type ActionInputs, type Env } from './inputs.js';
import { StepLog } from './log.js';
import { StateRecorder } from './state.js';

/** What a cache implementation gets to build the VolumeCache for one run (only when input `cache` is true). */
export interface CacheFactoryContext {
  project: ResolvedProject;
  runtime: ContainerRuntime;
  inputs: ActionInputs;
  env: Env;
  /** For warnings and progress lines (a failed restore or save is a warning, never a failure). */
  observer: RunObserver;
  /** Hands a value to the post step (read there with `getState`); names are prefixed `cache-`. Never secrets. */
  saveState(name: string, value: string): void;
}

export type CacheFactory = (ctx: CacheFactoryContext) => VolumeCache | Promise<VolumeCache>;

export interface MainDeps {
  env: Env;
  core: ActionCore;
  loadProject(options: LoadOptions): Promise<LoadResult>;
  connect(env: Env): Promise<ContainerRuntime>;
  up(runtime: ContainerRuntime, options: UpOptions): Promise<RunReport>;
  cacheFactory?: CacheFactory;
  /** Aborted on SIGINT/SIGTERM with a CancelledError as its reason: the running step is killed, the run stops. */
  signal?: AbortSignal;
  /** Labels every object of the run (`dev.initsteps.run`); default: unique per invocation. */
  runId?: string;
}

/** Unique per action invocation (a job may use the action twice), readable in `docker ps` labels. */
export const defaultRunId = (env: Env): string =>
  `${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${randomBytes(3).toString('hex')}`;

/** An error that carries the report of how far the run got (the engine's UpCancelledError does). */
const reportOf = (e: unknown): RunReport | undefined =>
  e instanceof CancelledError && 'report' in e ? (e.report as RunReport) : undefined;

export async function runMain(deps: MainDeps): Promise<void> {
  const { core, env } = deps;
  const workspace = path.resolve(env.GITHUB_WORKSPACE || process.cwd());
  const runId = deps.runId ?? defaultRunId(env);
  const log = new StepLog(core);
  const state = new StateRecorder(core);
  const controller = new AbortController();
  const forward = (): void => controller.abort(deps.signal?.reason ?? new CancelledError('SIGTERM'));
  if (deps.signal?.aborted) forward();
  deps.signal?.addEventListener('abort', forward, { once: true });
  let timer: NodeJS.Timeout | undefined;

  let inputs: ActionInputs | undefined;
  let projectName = env.INPUT_PROJECT?.trim() || path.basename(workspace);
  let report: RunReport | undefined;
  let error: unknown;
  try {
    inputs = await parseInputs(env, workspace);
    const loaded = await deps.loadProject({
      files: inputs.specFiles,
      workspace,
      project: inputs.project,
      env,
      allowPrivileged: inputs.allowPrivileged,
    });
    if (!loaded.ok) throw new SpecError(loaded.problems);
    const project = loaded.project;
    projectName = project.name;
    // Registered before anything of the project is printed, so the runner masks them too.
    const secrets = secretValues(project);
    for (const value of secrets) {
      core.setSecret(value);
      // The runner masks a registered value as a whole; a multi-line one is also printed line by line.
      const lines = value.split(/\r?\n/).filter((l) => l.trim() !== '');
      if (lines.length > 1) lines.forEach((l) => core.setSecret(l));
    }
    log.mask = createMasker(secrets);
    // A spec warning does not stop the run: a warning annotation at its line.
    for (const w of loaded.warnings ?? []) {
      core.warning(log.mask(w.message), {
        file: workspaceRelative(w.pos.file, workspace),
        startLine: w.pos.line,
        startColumn: w.pos.col,
        title: w.path ? `spec warning: ${w.path}` : 'spec warning',
      });
    }
    state.begin(project.name, runId, inputs.cleanup);
    const jobs = project.services.filter((s) => s.job).length;
    log.info(
      `initsteps: project ${project.name} (run ${runId}), ${project.services.length - jobs} service(s)` +
        `${jobs > 0 ? `, ${jobs} job(s)` : ''} from ` +
        inputs.specFiles.map((f) => path.relative(workspace, f) || f).join(', '),
    );

    if (inputs.timeoutMs !== undefined) {
      timer = setTimeout(() => controller.abort(new CancelledError('timeout')), inputs.timeoutMs);
    }
    const runtime = await deps.connect(env);
    const observer: RunObserver = (event) => {
      if (event.type === 'created') state.record(event);
      log.event(event);
    };
    const cache =
      inputs.cache && deps.cacheFactory
        ? await deps.cacheFactory({
            project,
            runtime,
            inputs,
            env,
            observer,
            saveState: (name, value) => core.saveState(`cache-${name}`, value),
          })
        : undefined;
    report = await deps.up(runtime, {
      project,
      services: inputs.services,
      observer,
      signal: controller.signal,
      cache,
      runId,
      keepOnCancel: !inputs.cleanup,
      lockTimeoutMs: inputs.lockTimeoutMs,
    });
    for (const line of portLines(report)) log.info(line);
    const cacheSaid = cacheLine(report);
    if (cacheSaid) log.info(cacheSaid);
  } catch (e: unknown) {
    error = e;
    report = reportOf(e) ?? report;
  } finally {
    clearTimeout(timer);
    deps.signal?.removeEventListener('abort', forward);
    log.finish();
  }
  await conclude({
    core,
    workspace,
    projectName,
    report,
    error,
    summary: inputs?.summary ?? true,
    mask: log.mask,
  });
}

const portLines = (report: RunReport): string[] =>
  report.services.flatMap((s) =>
    s.instances
      .filter((i) => i.ports.length > 0)
      .map(
        (i) =>
          `${i.name}: ${i.ports.map((p) => `${p.hostIp}:${p.hostPort} → ${p.containerPort}/${p.protocol}`).join(', ')}`,
      ),
  );

interface Conclusion {
  core: ActionCore;
  workspace: string;
  projectName: string;
  report?: RunReport;
  error: unknown;
  summary: boolean;
  mask: (text: string) => string;
}

/** Summary, outputs, annotations and the verdict: reached whatever happened before (docs/action.md: written "even when the action fails"). */
async function conclude(c: Conclusion): Promise<void> {
  const { core, mask } = c;
  const failure = c.error !== undefined ? describeFailure(c.error) : c.report && runFailure(c.report);
  if (c.summary) {
    try {
      await core.writeSummary(
        buildSummary({
          project: c.projectName,
          report: c.report,
          error: c.error,
          workspace: c.workspace,
          mask,
        }),
      );
    } catch (e: unknown) {
      core.warning(`could not write the job summary: ${errorMessage(e)}`);
    }
  }
  // Masked before serialising: `result` stays JSON whatever the secret values are.
  const doc = maskStrings(buildOutputDocument(c.report, c.projectName, failure?.message), mask);
  for (const [name, value] of Object.entries(buildOutputs(doc))) core.setOutput(name, value);

  // setFailed adds an error annotation of its own: the runner keeps 10 per step. Messages and titles are
  // masked raw, before the toolkit escapes them into the workflow command.
  const { annotations, note } = buildAnnotations(c.report, c.error, c.workspace, failure ? 9 : 10);
  for (const a of annotations) {
    const props = { file: a.file, startLine: a.line, startColumn: a.col, title: mask(a.title) };
    if (a.severity === 'warning') core.warning(mask(a.message), props);
    else if (a.severity === 'notice') core.notice(mask(a.message), props);
    else core.error(mask(a.message), props);
  }
  if (note) core.warning(note);
  if (failure) core.setFailed(mask(failure.message));
}
