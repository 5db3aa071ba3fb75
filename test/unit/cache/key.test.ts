import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ImageNotPresentError,
  MAX_KEY_PROJECT_CHARS,
  NoCacheKeyError,
  computeProjectKey,
  hashHostPath,
  isEntryOfBase,
  type ImageIdLookup,
  type KeyInput,
} from '../../../src/cache/key.js';
import { CACHE_KEY } from '../../../src/cache/stores.js';
import type { ResolvedProject, VolumeMount } from '../../../src/spec/model.js';
import { claim, hostPath, service, type ServiceInput } from '../../support/model.js';

let ws: string;
beforeEach(() => {
  ws = mkdtempSync(join(tmpdir(), 'initsteps-key-'));
  for (const dir of ['db/init', 'db/migrations']) mkdirSync(join(ws, dir), { recursive: true });
  writeFileSync(join(ws, 'db', 'init', 'roles.sql'), 'create role app;\n');
  writeFileSync(join(ws, 'db', 'migrations', '001.sql'), 'create table t (id int);\n');
  writeFileSync(join(ws, 'README.md'), 'hello\n');
});
afterEach(() => rmSync(ws, { recursive: true, force: true }));

const images: Record<string, string> = {
  'postgres:15': 'sha256:aaa',
  'busybox:latest': 'sha256:bbb',
  'migrate/tool:1': 'sha256:ccc',
};
const lookup: ImageIdLookup = async (ref) => images[ref];

/**
 * The shape the cache is for: db keeps state (its init hostPath goes to a once-only step); migrate keeps
 * none and applies the migrations on every up (an always step, and its main container runs every time);
 * seed keeps a marker volume and runs once.
 */
function inputs(root = ws): Record<'db' | 'migrate' | 'seed', ServiceInput> {
  return {
    db: {
      name: 'db',
      image: 'postgres:15',
      command: ['postgres'],
      env: { PGDATA: '/var/lib/postgresql/data' },
      secrets: { POSTGRES_PASSWORD: 'hunter2-secret' },
      volumes: [
        claim('data', '/var/lib/postgresql/data'),
        hostPath('init', '/init', join(root, 'db', 'init'), true),
      ],
      steps: [
        { name: 'initdb', command: ['initdb'] },
        { name: 'roles', image: 'busybox:latest', command: ['sh', '-c', 'cat /init/*.sql'] },
      ],
    },
    migrate: {
      name: 'migrate',
      image: 'migrate/tool:1',
      command: ['sleep', 'infinity'],
      dependsOn: ['db'],
      volumes: [hostPath('migrations', '/migrations', join(root, 'db', 'migrations'), true)],
      steps: [
        { name: 'wait', command: ['pg_isready'], volumes: [] },
        { name: 'apply', runIf: { type: 'always' }, command: ['migrate', '/migrations'] },
      ],
    },
    seed: {
      name: 'seed',
      image: 'busybox:latest',
      command: ['sleep', 'infinity'],
      dependsOn: ['migrate'],
      volumes: [claim('state', '/state')],
      steps: [{ name: 'rows', runIf: { type: 'fileMissing', path: '/state/seeded' } }],
    },
  };
}

function keyInput(
  over: Partial<Record<'db' | 'migrate' | 'seed', Partial<ServiceInput>>> = {},
  root = ws,
  name = 'app',
): KeyInput {
  const file = join(root, 'initsteps.yaml');
  const all = inputs(root);
  const services = (['db', 'migrate', 'seed'] as const).map((n) => service({ ...all[n], ...over[n] }, file));
  const project: ResolvedProject = { name, workspace: root, files: [file], services };
  return { project, services };
}

/** Both hashes of the key, for comparing what changed. */
async function hashes(input: KeyInput = keyInput(), l: ImageIdLookup = lookup) {
  const { key, basePrefix } = await computeProjectKey(input, l);
  return { base: basePrefix, full: key };
}

describe('computeProjectKey', () => {
  it('differs for a job from a service that is otherwise the same, and leaves its own container out of the base', async () => {
    const before = await hashes();
    const asJob = await hashes(keyInput({ migrate: { job: {} } }));
    expect(asJob.full).not.toBe(before.full);
    const changedJob = await hashes(keyInput({ migrate: { job: {}, command: ['migrate', 'up', '--all'] } }));
    expect(changedJob.base).toBe(asJob.base);
    expect(changedJob.full).not.toBe(asJob.full);
  });

  it("does not change with problem matchers or a step's pull policy", async () => {
    const before = await hashes();
    const problemMatchers = [{ owner: 'x', patterns: [{ regexp: '(.*)', message: 1, loop: false }] }];
    const input = keyInput();
    for (const s of input.services) {
      s.template.problemMatchers = problemMatchers;
      for (const i of s.instances) {
        i.main.problemMatchers = problemMatchers;
        for (const st of i.steps) Object.assign(st, { problemMatchers, pullPolicy: 'Always' });
      }
    }
    expect(await hashes(input)).toEqual(before);
  });

  it('names format, project, base and full hash, and is stable', async () => {
    const { key, basePrefix } = await computeProjectKey(keyInput(), lookup);
    expect(key).toMatch(/^initsteps-2-app-[0-9a-f]{64}-[0-9a-f]{64}$/);
    expect(basePrefix).toBe(key.slice(0, -64));
    expect(isEntryOfBase(key, basePrefix)).toBe(true);
    expect((await computeProjectKey(keyInput(), lookup)).key).toBe(key);
  });

  it('has the shape the post step accepts as a staging directory name, for any valid project name', async () => {
    for (const name of ['app', 'my_app-2', `p${'x'.repeat(MAX_KEY_PROJECT_CHARS - 1)}`]) {
      const { key } = await computeProjectKey(keyInput({}, ws, name), lookup);
      expect(key).toMatch(CACHE_KEY);
      expect(key.length).toBeLessThanOrEqual(512);
    }
    await expect(
      computeProjectKey(keyInput({}, ws, 'x'.repeat(MAX_KEY_PROJECT_CHARS + 1)), lookup),
    ).rejects.toThrow(NoCacheKeyError);
  });

  it('keeps the base when only work that runs on every up changes: a new migration, its tool, its step', async () => {
    const before = await hashes();
    writeFileSync(join(ws, 'db', 'migrations', '002.sql'), 'alter table t add column v text;\n');
    const migrated = await hashes();
    expect(migrated.base).toBe(before.base);
    expect(migrated.full).not.toBe(before.full);

    const changes: Partial<Record<'db' | 'migrate' | 'seed', Partial<ServiceInput>>>[] = [
      // The image and main container of an instance without persistent volumes.
      { migrate: { image: 'migrate/tool:2', command: ['sleep', '3600'] } },
      // A step that always runs, and one that runs every time because it has no persistent volume.
      {
        migrate: {
          steps: [
            { name: 'wait', command: ['pg_isready', '-t', '5'], volumes: [] },
            { name: 'apply', runIf: { type: 'always' }, command: ['migrate', '-v', '/migrations'] },
          ],
        },
      },
    ];
    const other: Record<string, string> = { ...images, 'migrate/tool:2': 'sha256:ddd' };
    for (const over of changes) {
      const changed = await hashes(keyInput(over), async (ref) => other[ref]);
      expect(changed.base, JSON.stringify(over)).toBe(migrated.base);
      expect(changed.full, JSON.stringify(over)).not.toBe(migrated.full);
    }
    const retagged = await hashes(keyInput(), async (ref) =>
      ref === 'migrate/tool:1' ? 'sha256:eee' : images[ref],
    );
    expect(retagged.base).toBe(migrated.base);
    expect(retagged.full).not.toBe(migrated.full);
  });

  it('changes both levels with what decides the restored state: once-only steps, their inputs, stateful mains, images', async () => {
    const before = await hashes();
    const changes: Partial<Record<'db' | 'migrate' | 'seed', Partial<ServiceInput>>>[] = [
      { db: { steps: [{ name: 'initdb', command: ['initdb', '--locale=C'] }] } },
      { db: { command: ['postgres', '-c', 'fsync=off'] } },
      { db: { env: { PGDATA: '/elsewhere' } } },
      { seed: { steps: [{ name: 'rows', runIf: { type: 'fileMissing', path: '/state/done' } }] } },
    ];
    for (const over of changes) {
      const changed = await hashes(keyInput(over));
      expect(changed.base, JSON.stringify(over)).not.toBe(before.base);
    }
    const postgres = await hashes(keyInput(), async (ref) =>
      ref === 'postgres:15' ? 'sha256:fff' : images[ref],
    );
    expect(postgres.base).not.toBe(before.base);
    writeFileSync(join(ws, 'db', 'init', 'roles.sql'), 'create role web;\n');
    const init = await hashes();
    expect(init.base).not.toBe(before.base);
    expect(init.full).not.toBe(before.full);
  });

  it('covers the selection: fewer services are another key', async () => {
    const all = keyInput();
    const dbOnly = { project: all.project, services: all.services.slice(0, 1) };
    expect((await hashes(dbOnly)).base).not.toBe((await hashes(all)).base);
  });

  it('does not change when an unmounted file in the workspace changes', async () => {
    const before = await hashes();
    writeFileSync(join(ws, 'README.md'), 'edited\n');
    writeFileSync(join(ws, 'db', 'other.sql'), 'not mounted\n');
    expect(await hashes()).toEqual(before);
  });

  it('is the same for the same checkout in another directory and with steps on other spec lines', async () => {
    const other = mkdtempSync(join(tmpdir(), 'initsteps-key-other-'));
    try {
      for (const dir of ['db/init', 'db/migrations']) mkdirSync(join(other, dir), { recursive: true });
      writeFileSync(join(other, 'db', 'init', 'roles.sql'), 'create role app;\n');
      writeFileSync(join(other, 'db', 'migrations', '001.sql'), 'create table t (id int);\n');
      const moved = keyInput({}, other);
      for (const s of moved.services)
        s.instances[0]?.steps.forEach((st) => (st.pos = { ...st.pos, line: st.pos.line + 7 }));
      expect(await hashes(moved)).toEqual(await hashes());
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('carries no secret value, in the key or in the hashed inputs, but changes when a secret does', async () => {
    const { key, inputs: hashed } = await computeProjectKey(keyInput(), lookup);
    expect(key).not.toContain('hunter2');
    expect(JSON.stringify(hashed)).not.toContain('hunter2');
    const rotated = await hashes(keyInput({ db: { secrets: { POSTGRES_PASSWORD: 'rotated' } } }));
    expect(rotated.base).not.toBe(key.slice(0, -64));
  });

  it("carries no Kubernetes Secret file's contents, but changes when one does", async () => {
    const secretFiles = (text: string): VolumeMount => ({
      name: 'creds',
      mountPath: '/creds',
      readOnly: true,
      source: {
        kind: 'files',
        secret: true,
        files: [{ path: 'password', contentBase64: Buffer.from(text).toString('base64'), mode: 0o400 }],
      },
    });
    const withFile = (text: string) =>
      keyInput({ db: { volumes: [claim('data', '/var/lib/postgresql/data'), secretFiles(text)] } });
    const { key, inputs: hashed } = await computeProjectKey(withFile('s3cr3t-file'), lookup);
    const serialized = JSON.stringify(hashed);
    expect(serialized).not.toContain(Buffer.from('s3cr3t-file').toString('base64'));
    expect(serialized).toContain('secretScrypt');
    const rotated = await hashes(withFile('rotated-file'));
    expect(rotated.base).not.toBe(key.slice(0, -64));
  });

  it("covers a pod's sidecars in the base of an instance that keeps state, in the full key only otherwise", async () => {
    const withSidecar = (service: 'db' | 'migrate', line: string, sidecarPos = 3): KeyInput => {
      const input = keyInput();
      const target = input.services.find((s) => s.name === service)?.instances[0];
      if (!target) throw new Error(`no ${service}`);
      target.sidecars = [
        {
          name: 'proxy',
          image: 'busybox:latest',
          command: ['sh', '-c', line],
          env: [],
          volumes: [hostPath('conf', '/conf', join(ws, 'README.md'), true)],
          securityContext: { capAdd: [], capDrop: [], privileged: false },
          resources: {},
          afterSteps: 0,
          pos: { file: join(ws, 'initsteps.yaml'), line: sidecarPos, col: 7 },
          pullPolicy: 'IfNotPresent',
        },
      ];
      return input;
    };
    const stateful = await hashes(withSidecar('db', 'serve'));
    const changed = await hashes(withSidecar('db', 'serve --other'));
    expect(changed.base).not.toBe(stateful.base);
    expect(await hashes(withSidecar('db', 'serve', 40))).toEqual(stateful);
    // The sidecar's hostPath is hashed: editing the file it mounts is a new entry.
    writeFileSync(join(ws, 'README.md'), 'changed\n');
    expect((await hashes(withSidecar('db', 'serve'))).full).not.toBe(stateful.full);
    // migrate keeps no state: its sidecar runs on every up, as its main does.
    const stateless = await hashes(withSidecar('migrate', 'serve'));
    const statelessChanged = await hashes(withSidecar('migrate', 'serve --other'));
    expect(statelessChanged.base).toBe(stateless.base);
    expect(statelessChanged.full).not.toBe(stateless.full);
  });

  it('fails with ImageNotPresentError when an image is not in the engine', async () => {
    await expect(
      computeProjectKey(keyInput(), async (ref) => (ref === 'migrate/tool:1' ? undefined : 'sha256:x')),
    ).rejects.toThrow(ImageNotPresentError);
  });
});

describe('isEntryOfBase', () => {
  const prefix = `initsteps-2-app-${'b'.repeat(64)}-`;
  it('accepts the prefix and one full hash, nothing else', () => {
    expect(isEntryOfBase(`${prefix}${'f'.repeat(64)}`, prefix)).toBe(true);
    for (const other of [
      `${prefix}${'f'.repeat(63)}`,
      `${prefix}${'F'.repeat(64)}`,
      `${prefix}${'f'.repeat(64)}-${'a'.repeat(64)}`,
      `initsteps-2-app-${'b'.repeat(64)}x-${'f'.repeat(64)}`,
      `initsteps-1-app-db-0-${'f'.repeat(64)}`,
    ]) {
      expect(isEntryOfBase(other, prefix), other).toBe(false);
    }
  });
});

describe('hashHostPath', () => {
  it('follows content, names, symlink targets and the executable bit, not other mode bits', async () => {
    const dir = join(ws, 'db', 'migrations');
    const base = await hashHostPath(dir);
    chmodSync(join(dir, '001.sql'), 0o664);
    expect(await hashHostPath(dir)).toBe(base);
    chmodSync(join(dir, '001.sql'), 0o755);
    const exec = await hashHostPath(dir);
    expect(exec).not.toBe(base);
    symlinkSync('001.sql', join(dir, 'latest'));
    const linked = await hashHostPath(dir);
    expect(linked).not.toBe(exec);
    rmSync(join(dir, 'latest'));
    symlinkSync('002.sql', join(dir, 'latest'));
    expect(await hashHostPath(dir)).not.toBe(linked);
  });

  it('hashes a single file and a missing path', async () => {
    const file = join(ws, 'README.md');
    expect(await hashHostPath(file)).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashHostPath(join(ws, 'nope'))).not.toBe(await hashHostPath(file));
  });
});
