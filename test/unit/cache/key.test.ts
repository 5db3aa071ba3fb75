import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ImageNotPresentError,
  computeCacheKey,
  hashHostPath,
  type ImageIdLookup,
} from '../../../src/cache/key.js';
import { CACHE_KEY } from '../../../src/cache/stores.js';
import type { CacheContext } from '../../../src/engine/types.js';
import type { ResolvedProject } from '../../../src/spec/model.js';
import { claim, hostPath, service, type ServiceInput } from '../../support/model.js';

let ws: string;
beforeEach(() => {
  ws = mkdtempSync(join(tmpdir(), 'initsteps-key-'));
  mkdirSync(join(ws, 'db', 'migrations'), { recursive: true });
  writeFileSync(join(ws, 'db', 'migrations', '001.sql'), 'create table t (id int);\n');
  writeFileSync(join(ws, 'README.md'), 'hello\n');
});
afterEach(() => rmSync(ws, { recursive: true, force: true }));

const images: Record<string, string> = { 'postgres:15': 'sha256:aaa', 'busybox:latest': 'sha256:bbb' };
const lookup: ImageIdLookup = async (ref) => images[ref];

function input(over: Partial<ServiceInput> = {}, root = ws): ServiceInput {
  return {
    name: 'db',
    image: 'postgres:15',
    env: { PGDATA: '/var/lib/postgresql/data' },
    secrets: { POSTGRES_PASSWORD: 'hunter2-secret' },
    volumes: [
      claim('data', '/var/lib/postgresql/data'),
      hostPath('migrations', '/migrations', join(root, 'db', 'migrations'), true),
    ],
    steps: [
      { name: 'initdb', command: ['initdb'] },
      { name: 'seed', image: 'busybox:latest', command: ['sh', '-c', 'cat /migrations/*.sql'] },
    ],
    ...over,
  };
}

function ctx(inp: ServiceInput = input(), root = ws, file = join(root, 'initsteps.yaml')): CacheContext {
  const svc = service(inp, file);
  const project: ResolvedProject = { name: 'app', workspace: root, files: [file], services: [svc] };
  const instance = svc.instances[0];
  if (!instance) throw new Error('no instance');
  return {
    project,
    service: svc,
    instance,
    volumes: [{ mount: claim('data', '/var/lib/postgresql/data'), volumeName: 'v', createdNow: true }],
    imageIds: undefined,
  };
}

const keyOf = async (c: CacheContext, l: ImageIdLookup = lookup) => (await computeCacheKey(c, l)).key;

describe('computeCacheKey', () => {
  it('names format, project and instance, and is stable', async () => {
    const key = await keyOf(ctx());
    expect(key).toMatch(/^initsteps-1-app-db-0-[0-9a-f]{64}$/);
    expect(await keyOf(ctx())).toBe(key);
  });

  it('has the shape the post step accepts as a staging directory name, for any valid project name', async () => {
    for (const name of ['app', 'my_app-2', `p${'x'.repeat(200)}`]) {
      const c = ctx();
      const key = await keyOf({ ...c, project: { ...c.project, name } });
      expect(key).toMatch(CACHE_KEY);
    }
  });

  it('differs for a job from a service that is otherwise the same', async () => {
    expect(await keyOf(ctx(input({ job: {} })))).not.toBe(await keyOf(ctx()));
  });

  it('changes when a mounted hostPath file changes, is added or removed', async () => {
    const before = await keyOf(ctx());
    writeFileSync(join(ws, 'db', 'migrations', '001.sql'), 'create table t (id bigint);\n');
    const edited = await keyOf(ctx());
    expect(edited).not.toBe(before);
    writeFileSync(join(ws, 'db', 'migrations', '002.sql'), '');
    const added = await keyOf(ctx());
    expect(added).not.toBe(edited);
    rmSync(join(ws, 'db', 'migrations', '002.sql'));
    expect(await keyOf(ctx())).toBe(edited);
  });

  it('does not change when an unmounted file in the workspace changes', async () => {
    const before = await keyOf(ctx());
    writeFileSync(join(ws, 'README.md'), 'edited\n');
    writeFileSync(join(ws, 'db', 'other.sql'), 'not mounted\n');
    expect(await keyOf(ctx())).toBe(before);
  });

  it('is the same for the same checkout in another directory and with steps on other spec lines', async () => {
    const other = mkdtempSync(join(tmpdir(), 'initsteps-key-other-'));
    try {
      mkdirSync(join(other, 'db', 'migrations'), { recursive: true });
      writeFileSync(join(other, 'db', 'migrations', '001.sql'), 'create table t (id int);\n');
      const moved = ctx(input({}, other), other);
      moved.instance.steps.forEach((s) => (s.pos = { ...s.pos, line: s.pos.line + 7 }));
      expect(await keyOf(moved)).toBe(await keyOf(ctx()));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('changes with an image ID', async () => {
    const before = await keyOf(ctx());
    expect(
      await keyOf(ctx(), async (ref) => (ref === 'busybox:latest' ? 'sha256:ccc' : images[ref])),
    ).not.toBe(before);
  });

  it('changes with a step definition and with parent fields the steps inherit', async () => {
    const before = await keyOf(ctx());
    const steps = [{ name: 'initdb', command: ['initdb', '--locale=C'] }];
    expect(await keyOf(ctx(input({ steps })))).not.toBe(before);
    expect(await keyOf(ctx(input({ env: { PGDATA: '/elsewhere' } })))).not.toBe(before);
  });

  it("does not change with problem matchers: they only read a failed step's output", async () => {
    const before = await keyOf(ctx());
    const problemMatchers = [{ owner: 'x', patterns: [{ regexp: '(.*)', message: 1, loop: false }] }];
    const withMatchers = ctx(input({ steps: input().steps?.map((st) => ({ ...st, problemMatchers })) }));
    withMatchers.service.template.problemMatchers = problemMatchers;
    withMatchers.instance.main.problemMatchers = problemMatchers;
    expect(await keyOf(withMatchers)).toBe(before);
  });

  it('carries no secret value, in the key or in the hashed inputs, but changes when a secret does', async () => {
    const { key, inputs } = await computeCacheKey(ctx(), lookup);
    expect(key).not.toContain('hunter2');
    expect(JSON.stringify(inputs)).not.toContain('hunter2');
    expect(await keyOf(ctx(input({ secrets: { POSTGRES_PASSWORD: 'rotated' } })))).not.toBe(key);
  });

  it('fails with ImageNotPresentError when an image is not in the engine', async () => {
    await expect(
      keyOf(ctx(), async (ref) => (ref === 'postgres:15' ? undefined : 'sha256:x')),
    ).rejects.toThrow(ImageNotPresentError);
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
