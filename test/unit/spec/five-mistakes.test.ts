// The acceptance check from the issue: a spec with five distinct mistakes yields exactly five problems,
// each at the offending node (key for unknown fields, value for bad values, parent map for missing ones).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { formatProblems, loadProject } from '../../../src/spec/index.js';

const fixture = fileURLToPath(new URL('../../fixtures/spec/five-mistakes.yaml', import.meta.url));

it('reports exactly the five mistakes with their line:col', async () => {
  const r = await loadProject({ files: [fixture], env: {} });
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const rel = path.relative(process.cwd(), fixture);
  expect(formatProblems(r.problems).replaceAll(fixture, rel).split('\n')).toEqual([
    `${rel}:9:3: spec.imagePullPolice: unknown field \`imagePullPolice\`; did you mean \`imagePullPolicy\`?`,
    `${rel}:11:13: spec.replicas: must be at least 1, got 0`,
    `${rel}:14:7: spec.volumes[0]: missing required field \`mountPath\``,
    `${rel}:19:17: spec.initSteps[0].volumes[0]: unknown volume "dta"; did you mean \`data\`? (the service declares data)`,
    `${rel}:21:16: spec.initSteps[0].timeout: "5x" is not a duration (examples: 500ms, 30s, 2m, 1h30m; a bare number is seconds)`,
  ]);
});
