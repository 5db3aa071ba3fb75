// The volume cache against a real engine, through `up`: save after a fresh init, restore into fresh volumes
// (owners, modes, links intact; freshVolume steps skipped), a changed hostPath input re-runs the steps, a
// corrupted entry is a warning and a clean re-run; the same with the Actions cache protocol (a local
// server), a server that is down, a read-only token and the deferred upload of the post step.
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract, pack, type Header } from 'tar-stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifySnapshot } from '../../src/cache/archive.js';
import { ActionsCacheStore, DirCacheStore, type SnapshotStore } from '../../src/cache/stores.js';
import { createVolumeCache, uploadPending, type PendingUpload } from '../../src/cache/volume-cache.js';
import { down } from '../../src/engine/down.js';
import { RunImages } from '../../src/engine/images.js';
import { LABEL, volumeName as dockerVolumeName } from '../../src/engine/labels.js';
import type { RunReport } from '../../src/engine/types.js';
import { up } from '../../src/engine/up.js';
import { deleteMarkers } from '../../src/markers/store.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { CacheServer } from '../support/cache-server.js';
import { connect, projectName, recorder, removeProject, stepOf } from '../support/engine.js';
import { claim, hostPath, project } from '../support/model.js';

const DATA = '/var/lib/data';
// An initdb look-alike: a private directory owned by another user, a symlink, a hard link, a random stamp
// (so a test can tell a restored volume from a re-initialized one), the volume root with its own owner.
const INITDB = [
  `mkdir ${DATA}/pg`,
  `cat /proc/sys/kernel/random/uuid > ${DATA}/pg/stamp`,
  `ln -s pg/stamp ${DATA}/current`,
  `ln ${DATA}/pg/stamp ${DATA}/stamp.hard`,
  `chown -R 999:999 ${DATA}/pg && chmod 700 ${DATA}/pg`,
  `chown 999:0 ${DATA} && chmod 750 ${DATA}`,
].join(' && ');
const INSPECT = [
  `stat -c '%u:%g %a' ${DATA} ${DATA}/pg`,
  `readlink ${DATA}/current`,
  `stat -c %h ${DATA}/pg/stamp`,
  `cat ${DATA}/pg/stamp ${DATA}/applied`,
].join(' && ');

let runtime: ContainerRuntime;
let workspace: string;
const name = projectName('cache');

beforeAll(async () => {
  runtime = await connect();
  workspace = mkdtempSync(join(tmpdir(), 'initsteps-cache-ws-'));
  mkdirSync(join(workspace, 'migrations'));
  writeFileSync(join(workspace, 'migrations', '001.sql'), 'create table t (id int);\n');
  writeFileSync(join(workspace, 'README.md'), 'unrelated\n');
});
afterAll(async () => {
  await removeProject(runtime, name);
  rmSync(workspace, { recursive: true, force: true });
});

/** Stops on its stop signal, as a database does, for the save's clean point. */
const STOPS = ['sh', '-c', "trap 'exit 0' TERM; touch /tmp/up; sleep 3600 & wait"];

const spec = (secrets?: Record<string, string>, command = STOPS) =>
  project(
    name,
    [
      {
        name: 'db',
        command,
        // Stopped for the snapshot right after it started: ready once the trap is set.
        readinessProbe: {
          check: { kind: 'exec', command: ['test', '-f', '/tmp/up'] },
          initialDelayMs: 0,
          periodMs: 100,
          timeoutMs: 1000,
          failureThreshold: 50,
        },
        ...(secrets && { secrets }),
        volumes: [
          claim('data', DATA),
          hostPath('migrations', '/migrations', join(workspace, 'migrations'), true),
        ],
        steps: [
          { name: 'initdb', command: ['sh', '-c', INITDB] },
          { name: 'migrate', command: ['sh', '-c', `cat /migrations/*.sql > ${DATA}/applied`] },
          { name: 'inspect', runIf: { type: 'always' }, command: ['sh', '-c', INSPECT] },
        ],
      },
    ],
    workspace,
  );

interface Run {
  report: RunReport;
  warnings: string[];
  notices: string[];
  inspect: string[];
}

/** A fresh start as on a hosted runner (no volumes, no markers), then `up` with a cache over `store`. */
async function freshRun(
  store: SnapshotStore,
  opts: {
    deferUpload?: (pending: PendingUpload[]) => void;
    secrets?: Record<string, string>;
    cacheSecrets?: boolean;
  } = {},
): Promise<Run> {
  await down(runtime, { project: name, volumes: true });
  const rec = recorder();
  const { secrets, ...options } = opts;
  const cache = createVolumeCache({ store, observer: rec.observer, runtime, ...options });
  const report = await up(runtime, {
    project: spec(secrets),
    observer: rec.observer,
    cache,
    backoffBaseMs: 10,
  });
  expect(report.services[0]?.status).toBe('Running');
  const messages = (type: string) =>
    rec.events.flatMap((e) => (e.type === type && 'message' in e ? [e.message ?? ''] : []));
  return {
    report,
    warnings: messages('warning'),
    notices: messages('notice'),
    inspect: rec.output('db-0', 'inspect'),
  };
}

/** The entries of a tar, in order, with the bodies of its files. */
async function itemsOf(tar: Buffer): Promise<{ header: Header; body: Buffer }[]> {
  const ex = extract();
  const items: { header: Header; body: Buffer }[] = [];
  const reading = (async () => {
    for await (const e of ex) {
      const chunks: Buffer[] = [];
      for await (const c of e) chunks.push(c as Buffer);
      items.push({ header: e.header, body: Buffer.concat(chunks) });
    }
  })();
  ex.end(tar);
  await reading;
  return items;
}

/**
 * Add `item` as the last entry of the snapshot's volumes, with a manifest entry that matches it: the
 * volumes' bytes stay as Docker wrote them; the markers and manifest are written again after the item.
 */
async function plant(file: string, item: Partial<Header> & { name: string; body?: string }): Promise<void> {
  const tar = readFileSync(file);
  const items = await itemsOf(tar);
  const markers = items.find((i) => i.header.name === 'markers.json');
  const manifestItem = items.find((i) => i.header.name === 'manifest.json');
  if (!markers || !manifestItem) throw new Error('not a snapshot');
  const manifest = JSON.parse(manifestItem.body.toString()) as { entries: unknown[] };
  const body = Buffer.from(item.body ?? '');
  manifest.entries.push({
    path: item.name,
    type: item.type,
    mode: item.mode,
    uid: 0,
    gid: 0,
    ...(item.type === 'file' && {
      size: body.length,
      sha256: createHash('sha256').update(body).digest('hex'),
    }),
  });
  const p = pack();
  const out: Buffer[] = [];
  p.on('data', (c: unknown) => out.push(c as Buffer));
  const done = new Promise<void>((resolve) => p.on('end', () => resolve()));
  const { body: _body, ...header } = item;
  p.entry(header, body);
  p.entry({ name: 'markers.json', mode: 0o644 }, markers.body);
  p.entry({ name: 'manifest.json', mode: 0o644 }, Buffer.from(JSON.stringify(manifest)));
  p.finalize();
  await done;
  // Everything before the markers' header: offset of its data minus the header block.
  const markersAt = (markers.header as Header & { byteOffset: number }).byteOffset - 512;
  writeFileSync(file, Buffer.concat([tar.subarray(0, markersAt), ...out]));
}

const statuses = (r: RunReport) => ['initdb', 'migrate'].map((s) => stepOf(r, 'db-0', s).status);

describe('volume cache in a directory (CLI --cache-dir)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'initsteps-cache-dir-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const entries = () => readdirSync(dir).filter((f) => f.endsWith('.tar'));

  let first: Run;
  it('saves after the first run initialized fresh volumes', async () => {
    first = await freshRun(new DirCacheStore(dir));
    expect(statuses(first.report)).toEqual(['Succeeded', 'Succeeded']);
    expect(first.report.cacheHit).toBe(false);
    expect(first.warnings).toEqual([]);
    expect(first.inspect.slice(0, 4)).toEqual(['999:0 750', '999:999 700', 'pg/stamp', '2']);
    expect(entries()).toHaveLength(1);
  });

  it('restores into fresh volumes: same contents, owners, modes and links; freshVolume steps skip', async () => {
    const second = await freshRun(new DirCacheStore(dir));
    expect(second.warnings).toEqual([]);
    expect(second.report.cacheHit).toBe(true);
    for (const step of ['initdb', 'migrate']) {
      const r = stepOf(second.report, 'db-0', step);
      expect(r.status).toBe('Skipped');
      expect(r.message).toBe('volume already initialized');
    }
    expect(second.inspect).toEqual(first.inspect);
    expect(entries()).toHaveLength(1);
  });

  it('keeps an initialized volume as it is (no restore over it, no save of it)', async () => {
    const rec = recorder();
    const cache = createVolumeCache({ store: new DirCacheStore(dir), observer: rec.observer, runtime });
    const report = await up(runtime, { project: spec(), observer: rec.observer, cache, backoffBaseMs: 10 });
    expect(statuses(report)).toEqual(['Skipped', 'Skipped']);
    expect(report.cacheHit).toBe(false);
    expect(report.cache).toMatchObject({ result: 'miss', initialized: true, saved: false });
    expect(rec.output('db-0', 'inspect')).toEqual(first.inspect);
  });

  it('restores nothing over a volume that holds data but lost its markers', async () => {
    const p = spec();
    const db = p.services[0];
    const inst = db?.instances[0];
    const mount = inst?.steps[0]?.volumes.find((m) => m.name === 'data');
    if (!db || !inst || !mount) throw new Error('spec without db-0/data');
    const volumeName = dockerVolumeName(name, inst.name, 'data');
    const uid = (await runtime.inspectVolume(volumeName))?.labels[LABEL.uid] ?? '';
    await deleteMarkers(uid);
    const rec = recorder();
    const cache = createVolumeCache({ store: new DirCacheStore(dir), observer: rec.observer, runtime });
    const volumes = [{ mount, volumeName, uid, createdNow: false }];
    const imageIds = await new RunImages(runtime, rec.observer, undefined).ensureAll(db, inst);
    const outcome = await cache.restore({
      project: p,
      services: [db],
      instances: [{ service: db, instance: inst, volumes }],
      imageIds,
    });
    expect(outcome.result).toBe('miss');
    expect(rec.events.filter((e) => e.type === 'warning')).toEqual([]);
  });

  it('runs the steps again after a mounted input changed, and saves under the new key', async () => {
    writeFileSync(join(workspace, 'README.md'), 'edited, but not mounted\n');
    const unrelated = await freshRun(new DirCacheStore(dir));
    expect(statuses(unrelated.report)).toEqual(['Skipped', 'Skipped']);

    writeFileSync(join(workspace, 'migrations', '002.sql'), 'alter table t add column v text;\n');
    const changed = await freshRun(new DirCacheStore(dir));
    expect(statuses(changed.report)).toEqual(['Succeeded', 'Succeeded']);
    expect(changed.inspect.at(-3)).not.toBe(first.inspect.at(-3));
    expect(changed.inspect.at(-1)).toBe('alter table t add column v text;');
    expect(entries()).toHaveLength(2);
  });

  it('warns about a corrupted entry, runs the steps on clean volumes and replaces the entry', async () => {
    // The entry for the current inputs is the one that applied 002.sql; damage a byte of that content.
    const current = entries().find((f) => readFileSync(join(dir, f)).includes('alter table'));
    expect(current).toBeDefined();
    const file = join(dir, current as string);
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('alter table')] = 'A'.charCodeAt(0);
    writeFileSync(file, bytes);

    const run = await freshRun(new DirCacheStore(dir));
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(
      /the entry initsteps-2-\S+ in cache directory .* does not verify, not restored .*: db-0_data\/applied does not match the manifest/,
    );
    expect(statuses(run.report)).toEqual(['Succeeded', 'Succeeded']);
    expect(run.report.cacheHit).toBe(false);
    // Dropped and saved again: the replacement verifies.
    const key = (current as string).replace(/\.tar$/, '');
    await expect(
      verifySnapshot(createReadStream(file), { key, volumes: ['db-0_data'], maxBytes: 1 << 30 }),
    ).resolves.toBeDefined();
  });

  it('skips saving, with a warning, above the size limit', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    await down(runtime, { project: name, volumes: true });
    const rec = recorder();
    const cache = createVolumeCache({
      store: new DirCacheStore(dir),
      observer: rec.observer,
      runtime,
      maxBytes: 4096,
    });
    await up(runtime, { project: spec(), observer: rec.observer, cache, backoffBaseMs: 10 });
    const warnings = rec.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
    expect(warnings).toEqual(['cache: not saved: the volumes are larger than cache-max-size (4096 bytes)']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tar'))).toEqual([]);
  });

  it('saves nothing when the main had to be killed at the clean point, and leaves no helper behind', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    await down(runtime, { project: name, volumes: true });
    const rec = recorder();
    const cache = createVolumeCache({ store: new DirCacheStore(dir), observer: rec.observer, runtime });
    // A shell as PID 1 without a trap ignores SIGTERM: SIGKILL after the grace period.
    const ignoresTerm = ['sh', '-c', 'touch /tmp/up; sleep 3600'];
    const report = await up(runtime, {
      project: spec(undefined, ignoresTerm),
      observer: rec.observer,
      cache,
      backoffBaseMs: 10,
      stopGraceSeconds: 1,
    });
    const warnings = rec.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
    expect(warnings).toEqual([
      'cache: not saved: db-0 did not stop within 1 s of its stop signal and was killed, so its volumes are not at a clean point',
    ]);
    expect(report.services[0]?.status).toBe('Running');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tar'))).toEqual([]);
    expect(await runtime.listContainers({ [LABEL.project]: name, [LABEL.role]: 'cache' })).toEqual([]);
  });

  // A crafted entry: what the spec's run saved, plus `item` (with a manifest entry that matches it), so
  // that only the checks on each entry can refuse it.
  it.each([
    {
      what: 'a device node',
      item: {
        name: 'db-0_data/null',
        type: 'character-device' as const,
        mode: 0o666,
        devmajor: 1,
        devminor: 3,
      },
      refusal: 'db-0_data/null is a character device',
    },
    {
      what: 'a setuid file',
      item: { name: 'db-0_data/su', type: 'file' as const, mode: 0o4755, body: '#!/bin/sh\nid\n' },
      refusal: 'db-0_data/su is setuid (mode 4755)',
    },
  ])(
    'refuses an entry with $what: warns naming the entry, runs the steps, saves a good one',
    async ({ item, refusal }) => {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir);
      await freshRun(new DirCacheStore(dir));
      const [saved] = entries();
      const key = (saved as string).replace(/\.tar$/, '');
      const file = join(dir, saved as string);
      await plant(file, item);

      const run = await freshRun(new DirCacheStore(dir));
      expect(run.warnings).toEqual([
        `cache: the entry ${key} in cache directory ${dir} does not verify, not restored ` +
          `(the steps run on emptied volumes): ${refusal}`,
      ]);
      expect(statuses(run.report)).toEqual(['Succeeded', 'Succeeded']);
      expect(run.report.cacheHit).toBe(false);
      // Dropped, and saved again from the steps' run: the replacement verifies.
      await expect(
        verifySnapshot(createReadStream(file), { key, volumes: ['db-0_data'], maxBytes: 1 << 30 }),
      ).resolves.toBeDefined();
    },
  );

  it('does not save an instance whose steps receive valueFrom values, unless cacheSecrets says so', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const secrets = { DB_PASSWORD: 's3cret' };
    const left = await freshRun(new DirCacheStore(dir), { secrets });
    expect(statuses(left.report)).toEqual(['Succeeded', 'Succeeded']);
    expect(left.warnings).toEqual([]);
    expect(left.notices).toEqual([
      'cache: not saved (volumes db-0/data): containers of the run receive secrets through valueFrom ' +
        '(db: DB_PASSWORD); set cache-secrets: true to cache them',
    ]);
    expect(entries()).toEqual([]);

    const saved = await freshRun(new DirCacheStore(dir), { secrets, cacheSecrets: true });
    expect(saved.notices).toEqual([expect.stringMatching(/^cache: stopping db-0 to snapshot the volumes/)]);
    expect(entries()).toHaveLength(1);
    const restored = await freshRun(new DirCacheStore(dir), { secrets });
    expect(restored.report.cacheHit).toBe(true);
  });
});

describe('volume cache on the Actions cache service (local server)', () => {
  let server: CacheServer;
  let runnerTemp: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    server = await new CacheServer().start();
    runnerTemp = mkdtempSync(join(tmpdir(), 'initsteps-runner-temp-'));
    Object.assign(process.env, server.env(runnerTemp, workspace));
  });
  afterEach(() => {
    server.options = {};
  });
  afterAll(async () => {
    await server.stop();
    process.env = saved;
    rmSync(runnerTemp, { recursive: true, force: true });
  });
  const finalized = () => server.entries.filter((e) => e.finalized).map((e) => e.key);

  let first: Run;
  it('saves after the first run and restores in the next one', async () => {
    first = await freshRun(new ActionsCacheStore());
    expect(first.warnings).toEqual([]);
    expect(statuses(first.report)).toEqual(['Succeeded', 'Succeeded']);
    expect(finalized()).toEqual([
      expect.stringMatching(new RegExp(`^initsteps-2-${name}-[0-9a-f]{64}-[0-9a-f]{64}$`)),
    ]);

    const second = await freshRun(new ActionsCacheStore());
    expect(second.warnings).toEqual([]);
    expect(second.report.cacheHit).toBe(true);
    expect(statuses(second.report)).toEqual(['Skipped', 'Skipped']);
    expect(second.inspect).toEqual(first.inspect);
    // Restored with that key: not saved again. Nothing is left in RUNNER_TEMP.
    expect(server.calls.filter((c) => c === 'CreateCacheEntry')).toHaveLength(1);
    expect(readdirSync(join(runnerTemp, 'initsteps-cache'))).toEqual([]);
  });

  it('re-runs cleanly when the stored archive is corrupted', async () => {
    const [key] = finalized();
    const blob = server.blobOf(key as string) as Buffer;
    blob.fill(0, blob.length >> 1);
    const run = await freshRun(new ActionsCacheStore());
    expect(statuses(run.report)).toEqual(['Succeeded', 'Succeeded']);
    expect(run.report.cacheHit).toBe(false);
  });

  it('warns and succeeds when the cache service is down', async () => {
    await server.stop();
    try {
      const run = await freshRun(new ActionsCacheStore());
      expect(statuses(run.report)).toEqual(['Succeeded', 'Succeeded']);
      expect(run.warnings).toEqual([
        expect.stringMatching(/^cache: saving initsteps-2-\S+ failed \(the run goes on\): /),
      ]);
    } finally {
      await server.start();
      Object.assign(process.env, server.env(runnerTemp, workspace));
    }
  });

  // A read-only token (fork pull request), another job holding the key, an upload the service did not commit.
  it.each(['read-only', 'conflict', 'finalize'] as const)(
    'warns and succeeds when the service refuses a save (%s)',
    async (refuse) => {
      writeFileSync(join(workspace, 'migrations', `003-${refuse}.sql`), 'select 1;\n');
      server.options = { refuse };
      const before = finalized().length;
      const run = await freshRun(new ActionsCacheStore());
      expect(statuses(run.report)).toEqual(['Succeeded', 'Succeeded']);
      expect(run.warnings).toEqual([
        expect.stringMatching(/^cache: saving initsteps-2-\S+ failed \(the run goes on\): .*did not store/),
      ]);
      expect(finalized()).toHaveLength(before);
    },
  );

  it('defers the upload to the post step when asked', async () => {
    writeFileSync(join(workspace, 'migrations', '004.sql'), 'select 2;\n');
    const before = finalized().length;
    let pending: PendingUpload[] = [];
    await freshRun(new ActionsCacheStore(), { deferUpload: (p) => (pending = p) });
    expect(pending).toHaveLength(1);
    expect(finalized()).toHaveLength(before);
    const warnings: string[] = [];
    await uploadPending(
      new ActionsCacheStore(),
      pending,
      (e) => e.type === 'warning' && warnings.push(e.message),
    );
    expect(warnings).toEqual([]);
    expect(finalized()).toHaveLength(before + 1);
    expect(finalized().at(-1)).toBe(pending[0]?.key);

    const restored = await freshRun(new ActionsCacheStore());
    expect(restored.report.cacheHit).toBe(true);
  });
});
