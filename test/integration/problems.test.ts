// A real psql migration failure in a container (the local postgres:15-bookworm image): the step's result
// names the migration file in the repository at the failing line and column, found from psql's `LINE n:`
// context in the file the step mounted; a user matcher from a matcher file reads the same output.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { loadFromText } from '../../src/spec/index.js';
import { connect, projectsRemovedAfterAll, recorder, stepOf } from '../support/engine.js';

const ROOT = resolve(import.meta.dirname, '../..');

let runtime: ContainerRuntime;
const workspace = mkdtempSync(join(tmpdir(), 'initsteps-problems-'));
beforeAll(async () => {
  // Idempotent; builds postgres:15-bookworm with mmdebstrap the first time on a machine.
  execFileSync('bash', [join(ROOT, 'scripts/build-images.sh'), 'postgres'], { stdio: 'inherit' });
  runtime = await connect();
});
afterAll(() => rmSync(workspace, { recursive: true, force: true }));
const newProjectName = projectsRemovedAfterAll(() => runtime);

const BROKEN = [
  '-- 0042: two columns; the type of the first one is misspelt.',
  'CREATE TABLE orders (id int PRIMARY KEY, total int);',
  'ALTER TABLE orders',
  '  ADD COLUMN discount integr,',
  '  ADD COLUMN note text;',
  '',
].join('\n');

const SPEC = `apiVersion: initsteps/v1
kind: Service
metadata:
  name: db
spec:
  image: postgres:15-bookworm
  command: ['sleep', '3600']
  volumes:
    - name: migrations
      mountPath: /migrations
      hostPath: ./db/migrations
      readOnly: true
  initSteps:
    - name: migrate
      user: postgres
      problemMatchers: .github/psql-notice.json
      restartPolicy: Never
      timeout: 2m
      command: ['sh', '-ec']
      args:
        - |
          initdb -D /tmp/pg --auth=trust >/dev/null
          pg_ctl -D /tmp/pg -o "-c listen_addresses= -k /tmp" -w start >/dev/null
          psql -h /tmp -U postgres -v ON_ERROR_STOP=1 -f /migrations/0042_add_discount.sql
`;

/** A user matcher for psql's NOTICE lines, in a matcher file of the workspace. */
const NOTICE_MATCHER = JSON.stringify({
  problemMatcher: [
    {
      owner: 'psql-notice',
      severity: 'notice',
      pattern: [{ regexp: '^psql:(.+):(\\d+): NOTICE:  (.*)$', file: 1, line: 2, message: 3 }],
    },
  ],
});

describe('a failed psql migration in a container', () => {
  it('is a problem at the migration file line and column, and the user matcher reads the output too', async () => {
    mkdirSync(join(workspace, 'db/migrations'), { recursive: true });
    mkdirSync(join(workspace, '.github'), { recursive: true });
    writeFileSync(
      join(workspace, 'db/migrations/0042_add_discount.sql'),
      `SET client_min_messages = notice;\nDROP TABLE IF EXISTS nothing_here;\n${BROKEN}`,
    );
    writeFileSync(join(workspace, '.github/psql-notice.json'), NOTICE_MATCHER);
    const loaded = loadFromText([{ file: join(workspace, 'initsteps.yaml'), text: SPEC }], {
      workspace,
      project: newProjectName('problems'),
      env: {},
    });
    if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
    const rec = recorder();
    const report = await up(runtime, { project: loaded.project, observer: rec.observer });
    const migrate = stepOf(report, 'db-0', 'migrate');
    expect(migrate, rec.output('db-0', 'migrate').join('\n')).toMatchObject({
      status: 'Failed',
      exitCode: 3,
    });
    const file = join(workspace, 'db/migrations/0042_add_discount.sql');
    expect(migrate.problems).toEqual([
      {
        severity: 'notice',
        owner: 'psql-notice',
        message: 'table "nothing_here" does not exist, skipping',
        file,
        line: 2,
      },
      {
        severity: 'error',
        owner: 'psql',
        message:
          `type "integr" does not exist\nLINE 2:   ADD COLUMN discount integr,\n` +
          `${' '.repeat('LINE 2:   ADD COLUMN discount '.length)}^`,
        file,
        // psql names line 7, the statement's last; its `LINE 2:` quote is found at line 6, column 23.
        line: 6,
        col: 23,
      },
    ]);
  });
});
