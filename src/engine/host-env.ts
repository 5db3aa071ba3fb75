// The environment of a `runtime: process` child (init step, main process, exec readiness probe): the
// run's own, minus the runner's variables (src/spec/runner-env.ts), with the spec's env over it.
import type { EnvVar } from '../spec/model.js';
import { withoutRunnerVariables } from '../spec/runner-env.js';

export function processEnv(host: Record<string, string | undefined>, env: EnvVar[]): Record<string, string> {
  const out = withoutRunnerVariables(host);
  for (const e of env) out[e.name] = e.value;
  return out;
}
