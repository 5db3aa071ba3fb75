// A PostgreSQL project in the shape the project cache is for (docs/cache.md): `db` bootstrapped by init
// steps and published on a port; `migrate`, a client-only service (no state of its own) that applies the
// migrations not applied yet on every `up`; `seed`, which seeds once (a marker file on its own volume) and
// stamps the database and the marker with the same random id, so a test can tell which run a restored
// pair of volumes came from. Written into a temporary workspace with a `migrations/` directory.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { RunReport } from '../../src/engine/types.js';

const SPEC = `apiVersion: initsteps/v1
kind: Service
metadata: {name: db}
spec:
  image: postgres:15-bookworm
  command: postgres
  args: ['-D', '/var/lib/postgresql/data', '-c', 'listen_addresses=*', '-c', 'synchronous_commit=off']
  user: postgres
  ports: ['5432']
  readinessProbe:
    exec: {command: ['pg_isready', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'app']}
    periodSeconds: 1
    failureThreshold: 120
  volumes:
    - {name: data, mountPath: /var/lib/postgresql/data, claimTemplate: {spec: {capacity: 1Gi}}}
  initSteps:
    - name: permissions
      user: '0'
      command: [sh, -c, 'chown postgres:postgres /var/lib/postgresql/data && chmod 0700 /var/lib/postgresql/data']
    - name: initdb
      command: [sh, -ec]
      args:
        - |
          initdb -D /var/lib/postgresql/data --username=postgres --auth=trust --no-locale --no-instructions --wal-segsize=1 >/dev/null
          echo "host all all all trust" >> /var/lib/postgresql/data/pg_hba.conf
          echo "CREATE DATABASE app;" | postgres --single -D /var/lib/postgresql/data postgres >/dev/null
---
apiVersion: initsteps/v1
kind: Service
metadata: {name: migrate}
spec:
  image: postgres:15-bookworm
  dependsOn: [db]
  env: {PGHOST: db, PGUSER: postgres, PGDATABASE: app, PGOPTIONS: '-c client_min_messages=warning'}
  command: [sh, -c, "trap 'exit 0' TERM; sleep infinity & wait"]
  volumes:
    - {name: migrations, mountPath: /migrations, hostPath: ./migrations, readOnly: true}
  initSteps:
    - name: migrate
      runIf: {type: always}
      restartPolicy: Never
      command: [sh, -ec]
      args:
        - |
          psql -v ON_ERROR_STOP=1 -qc "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY)"
          applied=" $(psql -tAc 'SELECT version FROM schema_migrations' | tr '\\n' ' ') "
          for f in /migrations/*.sql; do
            v=\${f##*/}
            case "$applied" in *" $v "*) continue ;; esac
            echo "applying: $v"
            psql -v ON_ERROR_STOP=1 -q --single-transaction -f "$f" -c "INSERT INTO schema_migrations VALUES ('$v')"
          done
---
apiVersion: initsteps/v1
kind: Service
metadata: {name: seed}
spec:
  image: postgres:15-bookworm
  dependsOn: [migrate]
  env: {PGHOST: db, PGUSER: postgres, PGDATABASE: app}
  # Stopped for the cache's snapshot right after it started: the probe says when the trap is set.
  command: [sh, -c, "trap 'exit 0' TERM; touch /tmp/up; sleep infinity & wait"]
  readinessProbe: {exec: {command: [test, -f, /tmp/up]}, periodSeconds: 1, failureThreshold: 30}
  volumes:
    - {name: state, mountPath: /state, claimTemplate: {spec: {capacity: 16Mi}}}
  initSteps:
    - name: seed
      runIf: {type: fileMissing, path: /state/seeded}
      restartPolicy: Never
      command: [sh, -ec]
      args:
        - |
          stamp=$(cat /proc/sys/kernel/random/uuid)
          psql -v ON_ERROR_STOP=1 -q --single-transaction -c "CREATE TABLE seed_run (stamp text)" -c "INSERT INTO seed_run VALUES ('$stamp')" -c "INSERT INTO t_001 SELECT n FROM generate_series(1001, 1500) AS n"
          echo "$stamp" > /state/seeded
    - name: show
      runIf: {type: always}
      volumes: [state]
      command: [sh, -c, 'echo "state: $(cat /state/seeded)"']
`;

export interface PgWorkspace {
  dir: string;
  spec: string;
  /** Writes migrations/<nnn>_t.sql: a table t_<nnn> with `rows` rows, or the SQL given. */
  migration(n: number, sql?: string): void;
  removeMigration(n: number): void;
  remove(): void;
}

const nnn = (n: number): string => String(n).padStart(3, '0');

export function pgWorkspace(): PgWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'initsteps-pg-'));
  mkdirSync(join(dir, 'migrations'));
  const spec = join(dir, 'initsteps.yaml');
  writeFileSync(spec, SPEC);
  const file = (n: number) => join(dir, 'migrations', `${nnn(n)}_t.sql`);
  return {
    dir,
    spec,
    migration: (n, sql) =>
      writeFileSync(
        file(n),
        sql ??
          `CREATE TABLE t_${nnn(n)} (id int PRIMARY KEY);\n` +
            `INSERT INTO t_${nnn(n)} SELECT n FROM generate_series(1, 1000) AS n;\n`,
      ),
    removeMigration: (n) => rmSync(file(n)),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** db-0's published host port for 5432, from the report. */
export function dbPort(report: RunReport): number {
  const port = report.services
    .find((s) => s.name === 'db')
    ?.instances[0]?.ports.find((p) => p.containerPort === 5432)?.hostPort;
  if (port === undefined) throw new Error('db-0 publishes no port 5432');
  return port;
}

/** One query against the database `app` on the published port, from the host. */
export async function query<T>(port: number, sql: string): Promise<T[]> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'app' });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** What the database holds: migrations recorded, rows per migration table, the seed's stamp. */
export async function contents(port: number): Promise<{ migrations: string[]; rows: number; stamp: string }> {
  const migrations = (
    await query<{ version: string }>(port, 'SELECT version FROM schema_migrations ORDER BY 1')
  ).map((r) => r.version);
  const tables = migrations.map((v) => `t_${v.slice(0, 3)}`);
  const [counted] = await query<{ rows: string }>(
    port,
    `SELECT (${tables.map((t) => `(SELECT count(*) FROM ${t})`).join(' + ')}) AS rows`,
  );
  const [seed] = await query<{ stamp: string }>(port, 'SELECT stamp FROM seed_run');
  return { migrations, rows: Number(counted?.rows), stamp: seed?.stamp ?? '' };
}
