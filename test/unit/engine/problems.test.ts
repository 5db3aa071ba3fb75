// findProblems: the matchers' files mapped to the repository, kept only inside the workspace, and read to
// find the quoted line; everything else stays on the step, named.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findProblems, MAX_STEP_PROBLEMS, type ProblemSource } from '../../../src/engine/problems.js';
import type { ContainerSpec, VolumeMount } from '../../../src/spec/model.js';
import { claim, hostPath } from '../../support/model.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/matchers');
const PSQL = join(FIXTURES, 'psql/migrations');

const captured = (file: string): string[] => readFileSync(join(FIXTURES, file), 'utf8').trimEnd().split('\n');

const spec = (
  argv: string[],
  volumes: VolumeMount[] = [],
  extra: Partial<ContainerSpec> = {},
): ContainerSpec => ({
  command: argv,
  env: [],
  volumes,
  securityContext: { capAdd: [], capDrop: [], privileged: false },
  resources: {},
  ...extra,
});

const container = (s: ContainerSpec, workspace = ROOT): ProblemSource => ({
  spec: s,
  runtime: 'container',
  specDir: ROOT,
  workspace,
});

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

describe('findProblems', () => {
  const migrations = hostPath('migrations', '/migrations', PSQL, true);

  it("puts psql's error at the migration's line and column (found from the LINE context)", async () => {
    const problems = await findProblems(
      captured('psql/006_long.out'),
      container(spec(['psql', '-f', '/migrations/006_long.sql'], [migrations])),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        owner: 'psql',
        message:
          'syntax error at or near "NUL"\nLINE 4:   amount numeric(10, 2) NOT NUL,\n                                    ^',
        file: join(PSQL, '006_long.sql'),
        line: 4,
        col: 29,
      },
    ]);
  });

  it('finds the spot of a long line psql cut with ellipses', async () => {
    const [p] = await findProblems(
      captured('psql/007_verylong.out'),
      container(spec(['psql'], [migrations])),
    );
    const line = readFileSync(join(PSQL, '007_verylong.sql'), 'utf8').split('\n')[0] ?? '';
    expect(p).toMatchObject({ line: 1, col: line.indexOf('nosuchcol') + 1 });
  });

  it("keeps the tool's line when the quote is not in the file", async () => {
    const lines = ['psql:/migrations/004_fn.sql:4: ERROR:  boom', 'LINE 2: not in the file', '        ^'];
    expect(await findProblems(lines, container(spec(['psql'], [migrations])))).toMatchObject([
      { file: join(PSQL, '004_fn.sql'), line: 4 },
    ]);
  });

  it('finds the sqlite3 statement window in the file read on standard input (a host process)', async () => {
    const problems = await findProblems(captured('sqlite/s4.out'), {
      spec: spec(['sh', '-c', 'sqlite3 -bail db < s4.sql']),
      runtime: 'process',
      specDir: join(FIXTURES, 'sqlite'),
      workspace: ROOT,
    });
    const line = readFileSync(join(FIXTURES, 'sqlite/s4.sql'), 'utf8').split('\n')[1] ?? '';
    expect(problems).toMatchObject([
      { owner: 'sqlite3', file: join(FIXTURES, 'sqlite/s4.sql'), line: 2, col: line.indexOf('users;') + 1 },
    ]);
  });

  it('tries the extensions of a node-pg-migrate migration and finds the SQL line under the carets', async () => {
    const app = hostPath('app', '/app', join(FIXTURES, 'node-pg-migrate'));
    const sql = await findProblems(
      captured('node-pg-migrate/sql.out'),
      container(spec(['node-pg-migrate', 'up', '-m', 'sql'], [app], { workingDir: '/app' })),
    );
    expect(sql).toMatchObject([
      { file: join(FIXTURES, 'node-pg-migrate/sql/1700000000002_add-column.sql'), line: 4, col: 23 },
    ]);
    const js = await findProblems(
      captured('node-pg-migrate/js.out'),
      container(spec(['node-pg-migrate', 'up', '-m', 'js'], [app], { workingDir: '/app' })),
    );
    // A JS migration: its generated SQL is not in the file, so the problem is on the file as a whole.
    expect(js).toEqual([
      {
        severity: 'error',
        owner: 'node-pg-migrate',
        message: 'column "totl" does not exist',
        file: join(FIXTURES, 'node-pg-migrate/js/1700000000001_add-index.js'),
      },
    ]);
  });

  it('keeps a file on a volume, in the image or missing on the step, named', async () => {
    const lines = [
      'psql:/data/x.sql:3: ERROR:  on a volume',
      'psql:/tmp/y.sql:4: ERROR:  in the image',
      'psql:/migrations/missing.sql:5: ERROR:  not there',
    ];
    const problems = await findProblems(
      lines,
      container(spec(['psql'], [migrations, claim('data', '/data')])),
    );
    expect(problems.map((p) => [p.file, p.named, p.line])).toEqual([
      [undefined, '/data/x.sql', 3],
      [undefined, '/tmp/y.sql', 4],
      [undefined, '/migrations/missing.sql', 5],
    ]);
  });

  it('never annotates a file outside the workspace, by its path or through a symlink', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'initsteps-outside-'));
    const workspace = mkdtempSync(join(tmpdir(), 'initsteps-ws-'));
    temps.push(outside, workspace);
    writeFileSync(join(outside, 'secret.sql'), 'SELECT 1;\n');
    mkdirSync(join(workspace, 'm'));
    symlinkSync(join(outside, 'secret.sql'), join(workspace, 'm', 'link.sql'));
    const volumes = [hostPath('out', '/out', outside), hostPath('m', '/m', join(workspace, 'm'))];
    const lines = ['psql:/out/secret.sql:1: ERROR:  outside', 'psql:/m/link.sql:1: ERROR:  through a link'];
    const problems = await findProblems(lines, container(spec(['psql'], volumes), workspace));
    expect(problems.map((p) => [p.file, p.named])).toEqual([
      [undefined, '/out/secret.sql'],
      [undefined, '/m/link.sql'],
    ]);
  });

  it('runs user matchers, keeps problems without a file, and stops at MAX_STEP_PROBLEMS', async () => {
    const matchers = [
      {
        owner: 'lint',
        patterns: [{ regexp: '^(\\S+):(\\d+): (.*)$', file: 1, line: 2, message: 3, loop: false }],
      },
      {
        owner: 'plain',
        severity: 'warning' as const,
        patterns: [{ regexp: '^WARN (.*)$', message: 1, loop: false }],
      },
    ];
    const lines = [
      'WARN disk almost full',
      ...Array.from({ length: 14 }, (_, i) => `/migrations/004_fn.sql:${i + 1}: bad ${i}`),
    ];
    const problems = await findProblems(
      lines,
      container(spec(['lint'], [migrations], { problemMatchers: matchers })),
    );
    expect(problems).toHaveLength(MAX_STEP_PROBLEMS);
    expect(problems[0]).toEqual({ severity: 'warning', owner: 'plain', message: 'disk almost full' });
    expect(problems[1]).toEqual({
      severity: 'error',
      owner: 'lint',
      message: 'bad 0',
      file: join(PSQL, '004_fn.sql'),
      line: 1,
    });
  });

  it('bounds a message and leaves out secret variables', async () => {
    const long = `psql:/migrations/004_fn.sql:1: ERROR:  ${'x'.repeat(5000)}`;
    const [p] = await findProblems([long], container(spec(['psql'], [migrations])));
    expect(p?.message.length).toBeLessThanOrEqual(2001);
    // DBMATE_MIGRATIONS_DIR as a secret is not read: the default directory is used.
    const dbmate = await findProblems(['Applying: 1_a.sql', 'Error: boom'], {
      ...container(
        spec(['dbmate', 'up'], [], { env: [{ name: 'DBMATE_MIGRATIONS_DIR', value: '/s', secret: true }] }),
      ),
    });
    expect(dbmate[0]?.named).toBe('db/migrations/1_a.sql');
  });
});
