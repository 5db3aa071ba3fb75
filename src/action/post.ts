// The action's post step (`post-if: always()`): removes what main started: everything labelled with the
// run (main may have been killed between creating an object and recording it), then the objects main
// recorded. A recorded id is only a hint: it is removed only when the object carries this run's labels
// (docs/action.md, "What post trusts"). Only warnings: cleanup never fails the job.
import { LABEL } from '../engine/labels.js';
import { removeContainers, tryRemove, type Warn } from '../engine/tracked.js';
import type { CreatedObjects } from '../engine/types.js';
import { errorMessage } from '../errors.js';
import type { ContainerRuntime, Labels } from '../runtime/types.js';
import type { ActionCore } from './core.js';
import type { Env } from './inputs.js';
import { readState, type SavedState } from './state.js';

/** Work a cache implementation does in post (upload what main prepared); failures become warnings. */
export type PostHook = (ctx: { state: SavedState; env: Env; core: ActionCore }) => Promise<void>;

export interface PostDeps {
  env: Env;
  core: ActionCore;
  connect(env: Env): Promise<ContainerRuntime>;
  /** Removes by id, warning about (not throwing for) what it could not remove. */
  removeCreated(runtime: ContainerRuntime, created: CreatedObjects, warn: Warn): Promise<void>;
  /** Runs before cleanup, whatever `cleanup` says (the cache engineer's seam: save the cache here). */
  cacheHook?: PostHook;
}

export async function runPost(deps: PostDeps): Promise<void> {
  const { core, env } = deps;
  const warn = (message: string): void => core.warning(message);
  try {
    const state = readState(core);
    if (!state) {
      core.info('initsteps: main step recorded no run: nothing to clean up');
      return;
    }
    if (deps.cacheHook) {
      try {
        await deps.cacheHook({ state, env, core });
      } catch (e: unknown) {
        warn(`cache: ${errorMessage(e)}`);
      }
    }
    if (!state.cleanup) {
      core.info(`initsteps: cleanup: false: leaving project ${state.project} (run ${state.runId}) running`);
      return;
    }
    const runtime = await deps.connect(env);
    const run = { [LABEL.project]: state.project, [LABEL.run]: state.runId };
    // By label first: a container main created but had no time to record would keep a network in use.
    const found = await removeContainers(runtime, await runtime.listContainers(run), warn);
    let unrecorded = found.filter((id) => !state.created.containers.includes(id)).length;
    let problems = 0;
    await deps.removeCreated(runtime, await ofThisRun(runtime, state), (message) => {
      problems++;
      warn(message);
    });
    for (const v of await runtime.listVolumes({ ...run, [LABEL.ephemeral]: 'true' })) {
      if (await tryRemove(`volume ${v.name}`, () => runtime.removeVolume(v.name), warn)) unrecorded++;
    }
    const c = state.created;
    core.info(
      `initsteps: removed run ${state.runId} of project ${state.project}: ${c.containers.length} container(s), ` +
        `${c.networks.length} network(s), ${c.volumes.length} run-scoped volume(s) recorded` +
        (unrecorded > 0 ? `, ${unrecorded} more found by label` : '') +
        (problems > 0 ? `; ${problems} could not be removed (see warnings)` : ''),
    );
  } catch (e: unknown) {
    warn(`initsteps cleanup: ${errorMessage(e)}`);
  }
}

/**
 * The recorded objects that carry this run's labels: its project, and its run id where the object has one
 * (the project's network and the cache's helper containers carry none). Anything else in the state is left.
 */
async function ofThisRun(runtime: ContainerRuntime, state: SavedState): Promise<CreatedObjects> {
  const project = { [LABEL.project]: state.project };
  const ours = (labels: Labels): boolean =>
    labels[LABEL.project] === state.project && (labels[LABEL.run] ?? state.runId) === state.runId;
  const ids = (found: { id: string; labels: Labels }[]): Set<string> =>
    new Set(found.filter((o) => ours(o.labels)).map((o) => o.id));
  const c = state.created;
  const containers = ids(await runtime.listContainers(project));
  const networks = ids(await runtime.listNetworks(project));
  const volumes = new Set(
    (await runtime.listVolumes({ ...project, [LABEL.run]: state.runId })).map((v) => v.name),
  );
  return {
    containers: c.containers.filter((id) => containers.has(id)),
    networks: c.networks.filter((id) => networks.has(id)),
    volumes: c.volumes.filter((name) => volumes.has(name)),
    processes: c.processes ?? [],
  };
}
