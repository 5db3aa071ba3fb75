// Addresses and `$(VAR)` references in whole runs on the fake runtime: what the containers are created
// with, what host processes (real ones) see once the dependency's ports are published, and the masking
// of an expanded value that took in a secret.
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { down } from '../../../src/engine/down.js';
import type { CreateContainerSpec } from '../../../src/runtime/types.js';
import { LABEL } from '../../../src/engine/labels.js';
import { project } from '../../support/model.js';
import { fakeRuntime, runUp, serviceStatuses, sleeper, statuses, useStateDir } from './fake-harness.js';

useStateDir();

const DB = {
  name: 'db',
  ...sleeper,
  ports: [{ containerPort: 5432, hostIp: '127.0.0.1', protocol: 'tcp' as const }],
};
const URL = 'postgres://postgres@$(DB_SERVICE_HOST):$(DB_SERVICE_PORT)/app';

let dir = '';
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

describe('addresses in a run', () => {
  it('creates containers with the DNS name and container port, expanded into env, command and args', async () => {
    const created: CreateContainerSpec[] = [];
    const rt = fakeRuntime({
      script: (c) => {
        created.push(c.spec);
        return undefined;
      },
    });
    const p = project('p', [
      DB,
      {
        name: 'app',
        ...sleeper,
        dependsOn: ['db'],
        env: { DATABASE_URL: URL },
        args: ['--db=$(DATABASE_URL)', '$$(DATABASE_URL)'],
        steps: [{ name: 'migrate', command: ['migrate', '$(DB_SERVICE_HOST):$(DB_SERVICE_PORT_5432)'] }],
      },
    ]);
    const run = await runUp(rt, p);
    expect(serviceStatuses(run.report)).toEqual(['db: Running', 'app: Running']);
    const of = (role: string) => {
      const spec = created.find((s) => s.labels[LABEL.instance] === 'app-0' && s.labels[LABEL.role] === role);
      if (!spec) throw new Error(role);
      return spec;
    };
    const step = of('step');
    expect(step.entrypoint).toEqual(['migrate', 'db:5432']);
    expect(step.env).toEqual(
      expect.arrayContaining([
        'DATABASE_URL=postgres://postgres@db:5432/app',
        'DB_SERVICE_HOST=db',
        'DB_SERVICE_PORT=5432',
        'DB_SERVICE_PORT_5432=5432',
        'INITSTEPS_INSTANCE=app-0',
      ]),
    );
    const main = of('main');
    expect(main.cmd).toEqual(['--db=postgres://postgres@db:5432/app', '$(DATABASE_URL)']);
    expect(main.env).toContain('DB_SERVICE_HOST=db');
    // The dependency itself gets no address of its own; the sandbox gets no env at all.
    const dbMain = created.find(
      (s) => s.labels[LABEL.instance] === 'db-0' && s.labels[LABEL.role] === 'main',
    );
    expect(dbMain?.env.some((e) => e.startsWith('DB_SERVICE_'))).toBe(false);
  });

  it('gives host processes 127.0.0.1 and the port the dependency published, and masks a secret in an expanded value', async () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'initsteps-addr-')));
    const rt = fakeRuntime();
    const p = project('p', [
      DB,
      {
        name: 'cli',
        runtime: 'process',
        workingDir: dir,
        dependsOn: ['db'],
        secrets: { PASSWORD: 's3cret-pw' },
        env: { DATABASE_URL: URL },
        command: ['sh', '-c', 'echo "$(DATABASE_URL)" > main.txt; exec sleep 30'],
        steps: [
          {
            name: 'show',
            // After the service's env (the secret included): the step's own entries come last.
            env: { WITH_PASSWORD: 'postgres://postgres:$(PASSWORD)@$(DB_SERVICE_HOST)/app' },
            command: ['sh', '-c', 'echo "$DATABASE_URL"; echo "$WITH_PASSWORD"'],
          },
        ],
      },
    ]);
    const run = await runUp(rt, p);
    try {
      expect(statuses(run.report)).toEqual(['cli-0/show: Succeeded']);
      const hostPort = run.report.services[0]?.instances[0]?.ports[0]?.hostPort;
      expect(hostPort).toBeGreaterThan(0);
      const output = run.events.flatMap((e) => (e.type === 'step-output' ? [e.line] : []));
      expect(output).toEqual([
        `postgres://postgres@127.0.0.1:${hostPort}/app`,
        'postgres://postgres:***@127.0.0.1/app',
      ]);
      await expect
        .poll(() => readFileSync(join(dir, 'main.txt'), 'utf8').trim())
        .toBe(`postgres://postgres@127.0.0.1:${hostPort}/app`);
    } finally {
      await down(rt, { project: 'p', volumes: true });
    }
  });
});
