// The built-in patterns on real output: captured here from psql, sqlite3, node-pg-migrate and dbmate
// (test/fixtures/matchers/README.md says how), and documented samples of the tools that do not run here,
// each with where it comes from.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchOutput, type Match } from '../../../src/matchers/index.js';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures/matchers');

/** A captured output as the engine keeps it: one entry per line. */
const captured = (file: string): string[] => {
  const lines = readFileSync(join(FIXTURES, file), 'utf8').split('\n');
  return lines.at(-1) === '' ? lines.slice(0, -1) : lines;
};

const run = (lines: string[], argv: string[], env: Record<string, string> = {}): Match[] =>
  matchOutput(lines, { argv, env, matchers: [] });

describe('psql (captured from the local postgres:15-bookworm image)', () => {
  const psqlFile = (name: string) =>
    run(captured(`psql/${name}.out`), ['psql', '-f', `/migrations/${name}.sql`]);

  it('names the file and the line psql read up to', () => {
    expect(psqlFile('002_multiline')).toEqual([
      {
        owner: 'psql',
        severity: 'error',
        message: 'column "totl" does not exist',
        file: '/migrations/002_multiline.sql',
        line: 3,
      },
    ]);
  });

  it('keeps the LINE context and its caret to find the exact spot', () => {
    expect(psqlFile('004_fn')).toEqual([
      {
        owner: 'psql',
        severity: 'error',
        message: `invalid input syntax for type integer: "x"\nLINE 2: VALUES (1, 'x');\n                   ^`,
        file: '/migrations/004_fn.sql',
        line: 4,
        locate: { kind: 'quote', text: "VALUES (1, 'x');", caret: 11, near: 'before' },
      },
    ]);
  });

  it('quotes a long line cut with ellipses as psql printed it', () => {
    const [m] = psqlFile('007_verylong');
    expect(m?.locate).toEqual({
      kind: 'quote',
      text: '..., 38 AS column_number_38, 39 AS column_number_39, nosuchcol ...',
      caret: 53,
      near: 'before',
    });
  });

  it('adds DETAIL lines to the message', () => {
    expect(psqlFile('005_dup')[0]?.message).toBe(
      'duplicate key value violates unique constraint "orders_pkey"\nDETAIL: Key (id)=(7) already exists.',
    );
  });

  it('names the included file for an error in a file read with \\i', () => {
    expect(psqlFile('008_include')[0]).toMatchObject({ file: '/migrations/006_long.sql', line: 6 });
  });

  it('on standard input takes the file the command line redirects, with no line but the quote', () => {
    const lines = captured('psql/stdin.out');
    expect(run(lines, ['sh', '-c', 'psql -v ON_ERROR_STOP=1 < /migrations/006_long.sql'])).toEqual([
      {
        owner: 'psql',
        severity: 'error',
        message:
          'syntax error at or near "NUL"\nLINE 4:   amount numeric(10, 2) NOT NUL,\n                                    ^',
        file: '/migrations/006_long.sql',
        locate: { kind: 'quote', text: '  amount numeric(10, 2) NOT NUL,', caret: 28, near: 'after' },
      },
    ]);
    // Without a redirect, or a redirect psql does not read, there is no file: nothing is reported.
    expect(run(lines, ['sh', '-c', 'psql -f "$FILE"'])).toEqual([]);
    expect(run(lines, ['sh', '-c', 'for f in /m/*.sql; do psql < "$f"; done'])).toEqual([]);
  });

  it('is not fooled by an ERROR line of another program', () => {
    expect(run(['ERROR:  something else'], ['sh', '-c', 'my-tool < /data/input.txt'])).toEqual([]);
  });
});

describe('sqlite3 (captured from sqlite3 3.40.1)', () => {
  it('gives the statement start line and the quoted window with its caret', () => {
    expect(run(captured('sqlite/s3.out'), ['sh', '-c', 'sqlite3 -bail db < s3.sql'])).toEqual([
      {
        owner: 'sqlite3',
        severity: 'error',
        message: 'no such column: nosuch\n  SELECT nosuch   FROM a;\n         ^--- error here',
        file: 's3.sql',
        line: 2,
        locate: { kind: 'quote', text: 'SELECT nosuch   FROM a;', caret: 7, near: 'after' },
      },
    ]);
  });

  it('needs sqlite3 on the command line to take its input file', () => {
    expect(run(captured('sqlite/s1.out'), ['sh', '-c', 'other-shell db < s1.sql'])).toEqual([]);
  });

  it('reads runtime errors (no quote) and the file of .read', () => {
    expect(run(captured('sqlite/s2.out'), ['sqlite3', '-bail', 'db', '.read /seed/s2.sql'])).toEqual([
      {
        owner: 'sqlite3',
        severity: 'error',
        message: 'UNIQUE constraint failed: a.id (19)',
        file: '/seed/s2.sql',
        line: 3,
      },
    ]);
  });

  it('places the caret of `error here ---^` (a spot past 25 characters into the window)', () => {
    const lines = captured('sqlite/s4.out');
    expect(run(lines, ['sqlite3', 'db', '-init', 'seed/s4.sql'])).toEqual([
      {
        owner: 'sqlite3',
        severity: 'error',
        message: `near "users": syntax error\n${lines[1] ?? ''}\n${lines[2] ?? ''}`,
        file: 'seed/s4.sql',
        line: 2,
        locate: {
          kind: 'quote',
          text: 'created_at, updated_at, deleted_at, owner_id FORM users;',
          caret: 50,
          near: 'after',
        },
      },
    ]);
  });

  it('reads the pre-3.38 form `Error: near line N`', () => {
    // The form before sqlite3 3.38 (for example the reports in sqlite's forum quoting `Error: near line 1:`).
    expect(
      run(['Error: near line 12: near "CREAT": syntax error'], ['sh', '-c', 'sqlite3 x.db < s.sql']),
    ).toEqual([
      { owner: 'sqlite3', severity: 'error', message: 'near "CREAT": syntax error', file: 's.sql', line: 12 },
    ]);
  });
});

describe('MySQL and MariaDB clients (documented samples)', () => {
  it('adds the line within the statement to the line where it starts, and names the sourced file', () => {
    // github.com/BlueHerons/StatTracker/issues/114 (`source` of each file piped to `mysql --batch`)
    const line =
      "ERROR 1064 (42000) at line 3 in file: './procedures/GetDistributionForRatio.sql': You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 5";
    expect(run([line], ['sh', '-c', 'mysql --batch -u root stattracker'])).toEqual([
      {
        owner: 'mysql',
        severity: 'error',
        code: '1064',
        message: line.slice(line.indexOf('You have')),
        file: './procedures/GetDistributionForRatio.sql',
        line: 7,
      },
    ]);
  });

  it('takes the file redirected to the client when the error does not name one', () => {
    // github.com/logicahealth/InfoButtons/issues/24: `mysql -h localhost -p -u root < valueset_and_log.sql`
    const line =
      "ERROR 1064 (42000) at line 23: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SET character_set_client = @saved_cs_client */' at line 8";
    expect(
      run([line], ['sh', '-c', 'mysql -h localhost -p -u root < valueset_and_log.sql'])[0],
    ).toMatchObject({
      file: 'valueset_and_log.sql',
      line: 30,
    });
    // A file redirected to another program is not the client's input.
    expect(run([line], ['sh', '-c', 'import-tool < valueset_and_log.sql'])).toEqual([]);
    // github.com/epgg/eg/issues/96 pipes the file (`cat makeDb.sql | mysql ...`): no file is known.
    expect(run([line], ['sh', '-c', 'cat makeDb.sql | mysql -u hguser -p mm10'])).toEqual([]);
  });

  it('keeps the statement start line for an error that is not a syntax error', () => {
    // The client's format (`ERROR <code> (<state>) at line <n>: <message>`), a duplicate key in a seed file.
    const line = "ERROR 1062 (23000) at line 5: Duplicate entry '3' for key 'PRIMARY'";
    expect(run([line], ['sh', '-c', 'mariadb app < /seed/clients.sql'])[0]).toMatchObject({
      code: '1062',
      file: '/seed/clients.sql',
      line: 5,
    });
  });
});

describe('golang-migrate (documented samples)', () => {
  // A walkthrough of `migrate -verbose up 1` (2022) quoting its log; the format is database.Error in
  // golang-migrate's database/error.go with the message of database/postgres/postgres.go (runStatement).
  const verbose = [
    '2022/03/24 21:13:46 Start buffering 3/u add_roleid_to_users',
    '2022/03/24 21:13:46 Read and execute 3/u add_roleid_to_users',
    '2022/03/24 21:13:46 error: migration failed: syntax error at or near "%" (column 63) in line 1: ALTER TABLE accounts ADD COLUMN IF NOT EXISTS role_id INTEGER;% (details: pq: syntax error at or near "%")',
  ];
  const argv = ['migrate', '-path', './migration', '-database', 'postgres://db/shop', '-verbose', 'up', '1'];

  it('names the migration the verbose log read last, with the line and column of the error', () => {
    const [m] = run(verbose, argv);
    expect(m).toMatchObject({
      owner: 'golang-migrate',
      message: 'migration failed: syntax error at or near "%" (column 63)',
      file: 'migration/3_add_roleid_to_users.up.sql',
      line: 1,
      column: 63,
    });
    // The log drops the version's leading zeros (the file is 000003_add_roleid_to_users.up.sql).
    expect(m?.alternatives).toContain('migration/000003_add_roleid_to_users.up.sql');
  });

  it('takes the directory of -source file://', () => {
    expect(
      run(verbose, ['migrate', '-source', 'file:///migrations', '-database', 'x', '-verbose', 'up'])[0]?.file,
    ).toBe('/migrations/3_add_roleid_to_users.up.sql');
  });

  it('does not guess the migration without -verbose', () => {
    // github.com/hyperledger/firefly (2021): the log lists the migrations that succeeded, not the one that failed.
    const lines = [
      '31/u create_tokentransfer_table (370.982178ms)',
      'error: migration failed: syntax error at or near "AUTOINCREMENT" (column 48) in line 5: BEGIN;',
    ];
    expect(run(lines, ['migrate', '-path', 'db/migrations', '-database', 'x', 'up'])).toEqual([]);
  });
});

describe('Flyway (documented samples)', () => {
  it('reads the failure block: location on disk, line, message and SQL state', () => {
    // The block of FlywaySqlScriptException / FlywaySqlException (flyway-core); the header and message
    // lines as a Flyway 10 CLI run prints them (`ERROR: Script V9__deliberately_broken.sql failed`).
    const lines = [
      'Migrating schema "public" to version "9 - deliberately broken"',
      'ERROR: Migration of schema "public" to version "9 - deliberately broken" failed! Changes successfully rolled back.',
      'ERROR: Script V9__deliberately_broken.sql failed',
      '-----------------------------------------------',
      'SQL State  : 42601',
      'Error Code : 0',
      'Message    : ERROR: syntax error at or near "REFERENCES"',
      '  Position: 58',
      'Location   : /flyway/sql/V9__deliberately_broken.sql (/flyway/sql/V9__deliberately_broken.sql)',
      'Line       : 3',
      'Statement  : CREATE TABLE child (id int, parent int REFERENCES)',
    ];
    expect(run(lines, ['flyway', 'migrate'])).toEqual([
      {
        owner: 'flyway',
        severity: 'error',
        message: 'ERROR: syntax error at or near "REFERENCES"',
        code: '42601',
        file: '/flyway/sql/V9__deliberately_broken.sql',
        line: 3,
      },
    ]);
  });

  it('reads the older block without a message', () => {
    // github.com/flyway/flyway/issues/3145 (Flyway 7.8)
    const lines = [
      'Migration V5.0__create_test_table.sql failed',
      '---------------------------------------------',
      'SQL State  : null',
      'Error Code : 0',
      'Location   : migrations/db2/V5.0__create_test_table.sql (/some/dir/migrations/db2/V5.0__create_test_table.sql)',
      'Line       : 1',
      'Statement  : CREATE TABLE "SOMETABLE" (',
    ];
    expect(run(lines, ['flyway', 'migrate'])).toEqual([
      {
        owner: 'flyway',
        severity: 'error',
        message: 'V5.0__create_test_table.sql failed',
        file: '/some/dir/migrations/db2/V5.0__create_test_table.sql',
        line: 1,
      },
    ]);
  });
});

describe('Liquibase (documented samples)', () => {
  it('names the changelog and the changeset, to be found in the file', () => {
    // github.com/liquibase/liquibase/pull/2355 (the logged MigrationFailedException)
    const lines = [
      '  liquibase.exception.MigrationFailedException: Migration failed for change set META-INF/dbchangelogs/1641469325.xml::1641469325-1::maxence:',
      '     Reason: liquibase.exception.DatabaseException: ERROR: column "georges" does not exist',
      "  Position: 53 [Failed SQL: (0) UPDATE public.sometablename SET georges = '1234']]]",
    ];
    expect(run(lines, ['liquibase', 'update'])).toEqual([
      {
        owner: 'liquibase',
        severity: 'error',
        message: 'ERROR: column "georges" does not exist',
        file: 'META-INF/dbchangelogs/1641469325.xml',
        alternatives: [],
        locate: { kind: 'changeset', id: '1641469325-1', author: 'maxence' },
      },
    ]);
  });

  it('tries the changelog under the search path too', () => {
    // github.com/ximtech/altium-migrator/issues/3 (the CLI's wording, `changeset`)
    const lines = [
      'Migration failed for changeset 06-10-2025/NewRows-Relays-SolidState.sql::1::Stanislav_Vodolagin:',
      '     Reason: liquibase.exception.DatabaseException: ERROR: column "On-State Resistance (Max)" of relation "Relays-SolidState" does not exist',
    ];
    expect(run(lines, ['liquibase', '--search-path=/liquibase/changelog', 'update'])[0]).toMatchObject({
      file: '06-10-2025/NewRows-Relays-SolidState.sql',
      alternatives: ['/liquibase/changelog/06-10-2025/NewRows-Relays-SolidState.sql'],
      locate: { kind: 'changeset', id: '1', author: 'Stanislav_Vodolagin' },
    });
  });
});

describe('node-pg-migrate (captured from node-pg-migrate 9.0.0)', () => {
  it('names the migration (the extension is tried) and the SQL line under the carets', () => {
    const [m] = run(captured('node-pg-migrate/sql.out'), [
      'npx',
      'node-pg-migrate',
      'up',
      '-m',
      'db/migrations',
    ]);
    expect(m).toMatchObject({
      owner: 'node-pg-migrate',
      message: 'type "integr" does not exist\n  ADD COLUMN discount integr;\n                      ^^^^',
      file: 'db/migrations/1700000000002_add-column.js',
      locate: { kind: 'quote', text: '  ADD COLUMN discount integr;', caret: 22, near: 'after' },
    });
    expect(m?.alternatives).toContain('db/migrations/1700000000002_add-column.sql');
  });

  it('names a JS migration whose generated SQL failed, in the default directory', () => {
    expect(run(captured('node-pg-migrate/js.out'), ['node-pg-migrate', 'up'])).toEqual([
      expect.objectContaining({
        owner: 'node-pg-migrate',
        message: 'column "totl" does not exist',
        file: 'migrations/1700000000001_add-index.js',
      }),
    ]);
  });
});

describe('Prisma Migrate (documented samples)', () => {
  it('names migration.sql of the failed migration and the line of the Position block', () => {
    // P3018 as user-facing-errors words it, `Applying migration` and the Position block as
    // prisma-engines prints them (schema-engine sql-schema-connector: apply_migration.rs, postgres/connection.rs).
    const lines = [
      'Applying migration `20240101000000_add_index`',
      'Error: P3018',
      '',
      'A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve',
      '',
      'Migration name: 20240101000000_add_index',
      '',
      'Database error code: 42703',
      '',
      'Database error:',
      'ERROR: column "totl" does not exist',
      '',
      'Position:',
      '\x1b[1m  0\x1b[0m',
      '\x1b[1m  1\x1b[0m -- CreateIndex',
      '\x1b[1m  2\x1b[1;31m CREATE INDEX "orders_totl_idx" ON "orders"("totl");\x1b[0m',
      '',
      'DbError { severity: "ERROR", parsed_severity: Some(Error), code: SqlState(E42703) }',
    ];
    expect(run(lines, ['npx', 'prisma', 'migrate', 'deploy'])).toEqual([
      {
        owner: 'prisma',
        severity: 'error',
        message: 'ERROR: column "totl" does not exist',
        file: 'prisma/migrations/20240101000000_add_index/migration.sql',
        code: 'P3018',
        line: 2,
      },
    ]);
  });

  it('uses --schema for the migrations directory; MySQL gives no position', () => {
    // github.com/SOZ-Faut-etre-Sub/SOZ-FiveM-Server/issues/175 (the P3018 of a MySQL database)
    const lines = [
      'Applying migration `20230410_soz_init`',
      'Error: P3018',
      '',
      'A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve',
      '',
      'Database error code: 1067',
      '',
      'Database error:',
      "Invalid default value for 'end'",
      '',
      'Please check the query number 13 from the migration file',
    ];
    expect(run(lines, ['prisma', 'migrate', 'deploy', '--schema', 'db/schema.prisma'])).toEqual([
      {
        owner: 'prisma',
        severity: 'error',
        message: "Invalid default value for 'end'",
        file: 'db/migrations/20230410_soz_init/migration.sql',
        code: 'P3018',
      },
    ]);
  });

  it('reads P3006 of migrate dev (the shadow database)', () => {
    // github.com/prisma/orm/issues/24175
    const lines = [
      'Error: P3006',
      '',
      'Migration `20221209171922_initial_migration` failed to apply cleanly to the shadow database. ',
      'Error:',
      "Table 'unwrap_v2.users' doesn't exist",
    ];
    expect(run(lines, ['prisma', 'migrate', 'dev'])[0]).toMatchObject({
      code: 'P3006',
      file: 'prisma/migrations/20221209171922_initial_migration/migration.sql',
      message: "Table 'unwrap_v2.users' doesn't exist",
    });
  });
});

describe('dbmate (captured from dbmate 2.36.0)', () => {
  it('names the migration being applied and the line and column of the error', () => {
    expect(run(captured('dbmate/up.out'), ['dbmate', '--no-dump-schema', 'up'])).toEqual([
      {
        owner: 'dbmate',
        severity: 'error',
        message: 'pq: type "integr" does not exist at position 5:23 (42704)',
        file: 'db/migrations/20240102000000_add_index.sql',
        line: 5,
        column: 23,
      },
    ]);
  });

  it('takes the directory from --migrations-dir or DBMATE_MIGRATIONS_DIR; an error before any migration is none', () => {
    const lines = ['Applying: 20240102000000_add_index.sql', 'Error: pq: relation "x" does not exist'];
    expect(run(lines, ['dbmate', '--migrations-dir', '/sql', 'up'])[0]).toEqual({
      owner: 'dbmate',
      severity: 'error',
      message: 'pq: relation "x" does not exist',
      file: '/sql/20240102000000_add_index.sql',
    });
    expect(run(lines, ['dbmate', 'up'], { DBMATE_MIGRATIONS_DIR: 'schema' })[0]?.file).toBe(
      'schema/20240102000000_add_index.sql',
    );
    expect(run(['Error: unable to connect to database'], ['dbmate', 'up'])).toEqual([]);
  });
});

describe('matchOutput', () => {
  it('removes colour codes and reports a retried error once', () => {
    const line = '\x1b[31mpsql:/m/1.sql:2: ERROR:  boom\x1b[0m';
    expect(run([line, line], ['psql'])).toEqual([
      { owner: 'psql', severity: 'error', message: 'boom', file: '/m/1.sql', line: 2 },
    ]);
  });
});
