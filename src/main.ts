// The action's main step with the real environment: @actions/core, the spec loader, Docker and the engine.
// The engine, the cache client and Docker are imported when the run gets to them, so the step's first line
// comes before they are loaded (docs/benchmarks.md, "Start-up").
import { actionsCore } from './action/core.js';
import { runMain } from './action/main.js';
import { CancelledError } from './errors.js';
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
      connect: async (env) => (await import('./runtime/docker.js')).connectDocker(env),
      up: async (runtime, options) => (await import('./engine/up.js')).up(runtime, options),
      cacheFactory: async (ctx) => (await import('./cache/action.js')).actionCacheFactory(ctx),
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
