// The runner's own variables: its tokens, the files its workflow commands write to, the action's inputs
// and saved state. They belong to the action, not to what a spec runs: `runtime: process` children never
// inherit them and `valueFrom.env` cannot name them (docs/spec.md, "runtime: process").

/** Every `ACTIONS_*` (runtime, results, cache and OIDC tokens and URLs), the action's inputs and state. */
const RUNNER_PREFIXES = ['ACTIONS_', 'INPUT_', 'STATE_'];
/** The file-command files: whoever can write them sets the job's env, PATH, outputs and post state. */
const RUNNER_FILES = new Set([
  'GITHUB_ENV',
  'GITHUB_OUTPUT',
  'GITHUB_PATH',
  'GITHUB_STATE',
  'GITHUB_STEP_SUMMARY',
]);

/** Case-insensitive: Windows environments are, and a wider filter only costs an odd name. */
export function isRunnerVariable(name: string): boolean {
  const upper = name.toUpperCase();
  return RUNNER_FILES.has(upper) || RUNNER_PREFIXES.some((p) => upper.startsWith(p));
}

/** The host environment a spec's host process starts from: the run's, without the runner's variables. */
export function withoutRunnerVariables(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !isRunnerVariable(name)) out[name] = value;
  }
  return out;
}
