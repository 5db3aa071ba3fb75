// The action's post step with the real environment: @actions/core state and Docker. Docker and the cache
// client are imported when the step gets to them (docs/benchmarks.md, "Start-up").
import { actionsCore } from './action/core.js';
import { runPost } from './action/post.js';

export async function run(): Promise<void> {
  await runPost({
    env: process.env,
    core: actionsCore,
    connect: async (env) => (await import('./runtime/docker.js')).connectDocker(env),
    removeCreated: async (runtime, created, warn) =>
      (await import('./engine/tracked.js')).removeCreated(runtime, created, warn),
    cacheHook: async (ctx) => (await import('./cache/action.js')).actionCachePostHook(ctx),
  });
}
