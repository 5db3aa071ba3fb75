// The action's main step with the real environment: @actions/core, the spec loader, Docker and the engine.
import { actionsCore } from './action/core.js';
import { runMain } from './action/main.js';
import { actionCacheFactory } from './cache/action.js';
import { up } from './engine/up.js';
import { CancelledError } from './errors.js';
import { connectDocker } from './runtime/docker.js';
import { loadProject } from './spec/index.js';

export async function run(): Promise<void> {
  const controller = new AbortController();
  const onSignal = (signal: 'SIGINT' | 'SIGTERM'): void => {
    // The runner sends SIGINT, then SIGTERM, when a workflow is cancelled: the first one cancels the run
    // (the running step is killed and removed); a second one means stop now, and post cleans up.
    if (controller.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    controller.abort(new CancelledError(signal));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await runMain({
      env: process.env,
      core: actionsCore,
      loadProject,
      connect: connectDocker,
      up,
      cacheFactory: actionCacheFactory,
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
