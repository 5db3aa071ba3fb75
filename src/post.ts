// The action's post step with the real environment: @actions/core state and Docker. Docker and the cache
// client are imported when the step gets to them (docs/benchmarks.md, "Start-up").
import { actionsCore } from './action/core.js';
import { runPost } from './action/post.js';

export async function run(): Promise<void> {
  await runPost({
    env: process.env,
    core: actionsCore,
    connect: async (env) => (await import('./runtime/docker.js')).connectDocker(env),
    removeObjects: async (runtime, created, onWarning) =>
      (await import('./engine/down.js')).removeObjects(runtime, created, onWarning),
    cacheHook: async (ctx) => (await import('./cache/action.js')).actionCachePostHook(ctx),
  });
}
