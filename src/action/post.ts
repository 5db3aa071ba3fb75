// The action's post step (`post-if: always()`): removes what main started, by the ids main recorded, then
// sweeps by the run's label in case main was killed between creating an object and recording it. Only
// warnings: cleanup never fails the job.
import { LABEL } from '../engine/labels.js';
import { removeContainers, tryRemove, type Warn } from '../engine/tracked.js';
import type { CreatedObjects } from '../engine/types.js';
import { errorMessage } from '../errors.js';
import type { ContainerRuntime } from '../runtime/types.js';
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
    await deps.removeCreated(runtime, state.created, (message) => {
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
