// `initsteps validate`: a `$(VAR)` reference that can never resolve is a warning on stderr, exit 0.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../../../src/cli/run.js';

it('prints a warning for a reference that can never resolve and exits 0', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'initsteps-validate-'));
  const file = path.join(dir, 'initsteps.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: initsteps/v1',
      'kind: Service',
      'metadata: {name: app}',
      'spec:',
      '  image: busybox:latest',
      '  env: {URL: "http://$(API_HOST):8080", OK: "$(URL)/x"}',
      '',
    ].join('\n'),
  );
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['validate', file], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    cwd: dir,
    signal: new AbortController().signal,
  });
  rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
  expect(out).toEqual(['ok: 1 service(s), 0 init step(s) in 1 file(s)']);
  expect(err).toEqual([
    `warning: ${file}:6:14: spec.env.URL: $(API_HOST) is not a variable of this container, so it stays as written`,
  ]);
});
