import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { extract, pack, type Header } from 'tar-stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SnapshotInvalidError,
  SnapshotTooLargeError,
  holdsMoreThanRoot,
  restoreSnapshot,
  verifySnapshot as verifyStream,
  writeSnapshot,
  type VolumeSource,
} from '../../../src/cache/archive.js';

type Item = Partial<Header> & { name: string; body?: string };

async function tarOf(items: Item[]): Promise<Buffer> {
  const p = pack();
  const out: Buffer[] = [];
  p.on('data', (c: unknown) => out.push(c as Buffer));
  const done = new Promise<void>((resolve) => p.on('end', () => resolve()));
  for (const { body, ...h } of items) {
    if (body === undefined) p.entry(h);
    else p.entry({ ...h, size: Buffer.byteLength(body) }, body);
  }
  p.finalize();
  await done;
  return Buffer.concat(out);
}

async function entriesOf(tar: Buffer): Promise<Item[]> {
  const ex = extract();
  const items: Item[] = [];
  const reading = (async () => {
    for await (const e of ex) {
      const chunks: Buffer[] = [];
      for await (const c of e) chunks.push(c as Buffer);
      items.push({
        ...e.header,
        ...(e.header.type === 'file' && { body: Buffer.concat(chunks).toString() }),
      });
    }
  })();
  ex.end(tar);
  await reading;
  return items;
}

/** A volume as Docker's GET archive returns it: one top directory named after the mount point. */
const DATA: Item[] = [
  { name: 'data/', type: 'directory', mode: 0o750, uid: 999, gid: 0 },
  { name: 'data/pg/', type: 'directory', mode: 0o700, uid: 999, gid: 999 },
  { name: 'data/pg/PG_VERSION', type: 'file', mode: 0o600, uid: 999, gid: 999, body: '15\n' },
  { name: 'data/pg/base', type: 'file', mode: 0o600, uid: 999, gid: 999, body: 'x'.repeat(5000) },
  { name: 'data/current', type: 'symlink', mode: 0o777, linkname: 'pg/PG_VERSION' },
  { name: 'data/hard', type: 'link', mode: 0o600, uid: 999, gid: 999, linkname: 'data/pg/PG_VERSION' },
];
const WAL: Item[] = [
  { name: 'wal/', type: 'directory', mode: 0o700, uid: 999, gid: 999 },
  { name: 'wal/0001', type: 'file', mode: 0o600, uid: 999, gid: 999, body: 'segment' },
];

const verifySnapshot = (path: string, key: string) => verifyStream(createReadStream(path), key);

const source = (name: string, items: Item[]): VolumeSource => ({
  name,
  open: async () => Readable.from([await tarOf(items)]),
});

let dir: string;
let file: string;
const KEY = 'initsteps-1-app-db-0-abc';
const markers = { data: [{ key: 'db/initdb', at: '2026-01-01T00:00:00.000Z' }], wal: [] };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'initsteps-archive-'));
  file = join(dir, 'snap', 'snapshot.tar');
  await writeSnapshot({
    file,
    key: KEY,
    volumes: [source('data', DATA), source('wal', WAL)],
    markers,
    maxBytes: 1 << 20,
  });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Rewrite the snapshot through `edit` (entries in order), keeping everything else byte for byte. */
async function rewrite(edit: (items: Item[]) => Item[]): Promise<void> {
  writeFileSync(file, await tarOf(edit(await entriesOf(readFileSync(file)))));
}

describe('writeSnapshot + verifySnapshot', () => {
  it('records every entry with owner, mode, links and a sha256 per file, then the markers', async () => {
    const { manifest, markers: saved } = await verifySnapshot(file, KEY);
    expect(saved).toEqual(markers);
    expect(manifest.volumes).toEqual(['data', 'wal']);
    expect(manifest.entries.map((e) => e.path)).toEqual([
      'data',
      'data/pg',
      'data/pg/PG_VERSION',
      'data/pg/base',
      'data/current',
      'data/hard',
      'wal',
      'wal/0001',
    ]);
    expect(manifest.entries[0]).toEqual({
      path: 'data',
      type: 'directory',
      mode: 0o750,
      uid: 999,
      gid: 0,
    });
    expect(manifest.entries[2]).toEqual({
      path: 'data/pg/PG_VERSION',
      type: 'file',
      mode: 0o600,
      uid: 999,
      gid: 999,
      size: 3,
      sha256: createHash('sha256').update('15\n').digest('hex'),
    });
    expect(manifest.entries[4]).toMatchObject({ type: 'symlink', linkname: 'pg/PG_VERSION' });
    // A hard link names an archive path, so it moves with the entries.
    expect(manifest.entries[5]).toMatchObject({ type: 'link', linkname: 'data/pg/PG_VERSION' });
  });

  it('rejects a changed content byte', async () => {
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('segment')] = 'S'.charCodeAt(0);
    writeFileSync(file, bytes);
    await expect(verifySnapshot(file, KEY)).rejects.toThrow(/wal\/0001 does not match the manifest/);
  });

  it('rejects a truncated archive', async () => {
    truncateSync(file, 3000);
    await expect(verifySnapshot(file, KEY)).rejects.toThrow(SnapshotInvalidError);
  });

  it('rejects a snapshot of another key', async () => {
    await expect(verifySnapshot(file, 'initsteps-1-app-db-0-other')).rejects.toThrow(
      /snapshot of initsteps-1-app-db-0-abc/,
    );
  });

  it('rejects a missing entry, an extra entry and a changed mode or owner', async () => {
    await rewrite((items) => items.filter((i) => i.name !== 'data/current'));
    await expect(verifySnapshot(file, KEY)).rejects.toThrow(/does not match the manifest|is missing/);

    await writeSnapshot({ file, key: KEY, volumes: [source('data', DATA)], markers, maxBytes: 1 << 20 });
    await rewrite((items) => [
      ...items.slice(0, 3),
      { name: 'data/planted', type: 'file', mode: 0o644, body: 'x' },
      ...items.slice(3),
    ]);
    await expect(verifySnapshot(file, KEY)).rejects.toThrow(/data\/planted does not match the manifest/);

    await writeSnapshot({ file, key: KEY, volumes: [source('data', DATA)], markers, maxBytes: 1 << 20 });
    await rewrite((items) =>
      items.map((i) => (i.name.replace(/\/$/, '') === 'data/pg' ? { ...i, mode: 0o755 } : i)),
    );
    await expect(verifySnapshot(file, KEY)).rejects.toThrow(/data\/pg does not match the manifest/);

    await writeSnapshot({ file, key: KEY, volumes: [source('data', DATA)], markers, maxBytes: 1 << 20 });
    await rewrite((items) => items.map((i) => (i.name === 'data/pg/base' ? { ...i, uid: 0 } : i)));
    await expect(verifySnapshot(file, KEY)).rejects.toThrow(/data\/pg\/base does not match the manifest/);
  });

  it('rejects edited markers', async () => {
    await rewrite((items) =>
      items.map((i) =>
        i.name === 'markers.json' ? { ...i, body: '{"data":[{"key":"db/seed","at":"x"}]}' } : i,
      ),
    );
    await expect(verifySnapshot(file, KEY)).rejects.toThrow(/markers do not match the manifest/);
  });

  it('rejects an entry outside the volume it belongs to', async () => {
    const evil = source('data', [...DATA, { name: 'other/x', type: 'file', mode: 0o644, body: 'x' }]);
    await expect(
      writeSnapshot({ file, key: KEY, volumes: [evil], markers, maxBytes: 1 << 20 }),
    ).rejects.toThrow(/outside data\//);
    expect(existsSync(file)).toBe(false);
  });

  it('stops at the size limit and leaves no file', async () => {
    const write = writeSnapshot({ file, key: KEY, volumes: [source('data', DATA)], markers, maxBytes: 4096 });
    await expect(write).rejects.toThrow(SnapshotTooLargeError);
    expect(existsSync(file)).toBe(false);
  });
});

describe('restoreSnapshot', () => {
  const collect = (into: Buffer[]) => async (tar: Readable) => {
    for await (const c of tar) into.push(c as Buffer);
  };

  it('streams the file unchanged to Docker while it verifies', async () => {
    const sent: Buffer[] = [];
    const { manifest } = await restoreSnapshot(createReadStream(file), KEY, collect(sent));
    expect(Buffer.concat(sent).equals(readFileSync(file))).toBe(true);
    expect(manifest.volumes).toEqual(['data', 'wal']);
  });

  it('fails on a damaged file even though the bytes went out', async () => {
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('segment')] = 'S'.charCodeAt(0);
    writeFileSync(file, bytes);
    await expect(restoreSnapshot(createReadStream(file), KEY, collect([]))).rejects.toThrow(
      /wal\/0001 does not match/,
    );
  });

  it("fails with the store's error, not as a bad entry, when the snapshot cannot be read to the end", async () => {
    async function* brokenOff(): AsyncGenerator<Buffer> {
      yield readFileSync(file).subarray(0, 1024);
      throw new Error('download broke off');
    }
    const restoring = restoreSnapshot(Readable.from(brokenOff()), KEY, collect([]));
    await expect(restoring).rejects.toThrow('download broke off');
    await expect(restoring).rejects.not.toBeInstanceOf(SnapshotInvalidError);
  });

  describe('when the upload fails', () => {
    const refuse = async (): Promise<void> => {
      await new Promise((r) => setTimeout(r, 20));
      throw new Error('no space left on device');
    };
    beforeEach(async () => {
      const big = [
        { name: 'data/', type: 'directory' as const, mode: 0o755 },
        { name: 'data/big', type: 'file' as const, mode: 0o644, body: 'y'.repeat(8 << 20) },
      ];
      await writeSnapshot({ file, key: KEY, volumes: [source('data', big)], markers, maxBytes: 1 << 30 });
    });

    it('blames the engine, not the entry, when the archive verifies', async () => {
      const restoring = restoreSnapshot(createReadStream(file), KEY, refuse);
      await expect(restoring).rejects.toThrow('no space left on device');
      await expect(restoring).rejects.not.toBeInstanceOf(SnapshotInvalidError);
    });

    it('blames the entry when the archive does not verify', async () => {
      const bytes = readFileSync(file);
      const middle = bytes.length - 4096 - (8 << 20) / 2; // in the middle of data/big
      bytes[middle] = 0x7a;
      writeFileSync(file, bytes);
      await expect(restoreSnapshot(createReadStream(file), KEY, refuse)).rejects.toThrow(
        /data\/big does not match/,
      );
    });
  });
});

describe('holdsMoreThanRoot', () => {
  it('tells an empty volume from one with content', async () => {
    expect(await holdsMoreThanRoot(Readable.from([await tarOf(DATA.slice(0, 1))]))).toBe(false);
    expect(await holdsMoreThanRoot(Readable.from([await tarOf(DATA)]))).toBe(true);
  });
});
