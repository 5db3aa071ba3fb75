// A failed step's output read for problems on the fake runtime: the result carries them (masked like the
// log, and recorded for `status`), a step that succeeded is not read, a retried error is reported once.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLastRun } from '../../../src/engine/state.js';
import { hostPath, project } from '../../support/model.js';
import { fakeRuntime, runUp, sleeper, stepOf, useStateDir } from './fake-harness.js';

const stateDir = useStateDir();
const ROOT = resolve(import.meta.dirname, '../../..');
const MIGRATIONS = join(ROOT, 'test/fixtures/matchers/psql/migrations');

const psqlError = [
  'psql:/migrations/004_fn.sql:4: ERROR:  invalid input syntax for type integer: "x"',
  "LINE 2: VALUES (1, 'x');",
  '                   ^',
];

const db = (secrets: Record<string, string> = {}) =>
  project(
    'p',
    [
      {
        name: 'db',
        ...sleeper,
        secrets,
        volumes: [hostPath('migrations', '/migrations', MIGRATIONS, true)],
        steps: [{ name: 'migrate', command: ['psql', '-f', '/migrations/004_fn.sql'], attempts: 2 }],
      },
    ],
    ROOT,
  );

describe('problems of a failed step', () => {
  it('are on the result at the migration file line, once for all attempts, and kept for status', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.step === 'migrate' ? { output: psqlError, exitCode: 3 } : undefined),
    });
    const run = await runUp(rt, db());
    const migrate = stepOf(run.report, 'db-0', 'migrate');
    expect(migrate).toMatchObject({ status: 'Failed', attempts: 2 });
    expect(migrate.problems).toEqual([
      {
        severity: 'error',
        owner: 'psql',
        message: `invalid input syntax for type integer: "x"\nLINE 2: VALUES (1, 'x');\n                   ^`,
        file: join(MIGRATIONS, '004_fn.sql'),
        line: 4,
        col: 12,
      },
    ]);
    const last = await loadLastRun('p', stateDir());
    expect(last?.report.steps.find((s) => s.step === 'migrate')?.problems).toEqual(migrate.problems);
  });

  it('are not looked for when the step succeeded', async () => {
    const rt = fakeRuntime({
      script: (c) => (c.step === 'migrate' ? { output: psqlError, exitCode: 0 } : undefined),
    });
    const run = await runUp(rt, db());
    expect(stepOf(run.report, 'db-0', 'migrate').problems).toBeUndefined();
  });

  it('carry no secret: the output is masked before it is read', async () => {
    const leaky = ['psql:/migrations/004_fn.sql:4: ERROR:  password hunter2 rejected'];
    const rt = fakeRuntime({
      script: (c) => (c.step === 'migrate' ? { output: leaky, exitCode: 3 } : undefined),
    });
    const run = await runUp(rt, db({ PGPASSWORD: 'hunter2' }));
    expect(stepOf(run.report, 'db-0', 'migrate').problems?.[0]?.message).toBe('password *** rejected');
  });
});
