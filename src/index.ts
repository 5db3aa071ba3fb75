// Entry point of the action's main step (action.yml `runs.main`, bundled to dist/main/index.js).
import { makeOutputBlocking } from './blocking-output.js';
import { run } from './main.js';

makeOutputBlocking();
await run();
