// The action's post step with the real environment: @actions/core state and Docker.
import { actionsCore } from './action/core.js';
import { runPost } from './action/post.js';
import { actionCachePostHook } from './cache/action.js';
import { removeCreated } from './engine/tracked.js';
import { connectDocker } from './runtime/docker.js';

export async function run(): Promise<void> {
  await runPost({
    env: process.env,
    core: actionsCore,
    connect: connectDocker,
    removeCreated,
    cacheHook: actionCachePostHook,
  });
}
