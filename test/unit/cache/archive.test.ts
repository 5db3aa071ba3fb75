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
import { CACHE_FORMAT_VERSION } from '../../../src/cache/key.js';

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

const restoring = (key: string, volumes = ['data', 'wal'], maxBytes = 1 << 30) => ({
  key,
  volumes,
  maxBytes,
});
const verifySnapshot = (path: string, key: string, volumes = ['data', 'wal']) =>
  verifyStream(createReadStream(path), { key, volumes, maxBytes: 1 << 30 });

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
    await expect(verifySnapshot(file, KEY, ['data'])).rejects.toThrow(
      /data\/planted does not match the manifest/,
    );

    await writeSnapshot({ file, key: KEY, volumes: [source('data', DATA)], markers, maxBytes: 1 << 20 });
    await rewrite((items) =>
      items.map((i) => (i.name.replace(/\/$/, '') === 'data/pg' ? { ...i, mode: 0o755 } : i)),
    );
    await expect(verifySnapshot(file, KEY, ['data'])).rejects.toThrow(/data\/pg does not match the manifest/);

    await writeSnapshot({ file, key: KEY, volumes: [source('data', DATA)], markers, maxBytes: 1 << 20 });
    await rewrite((items) => items.map((i) => (i.name === 'data/pg/base' ? { ...i, uid: 0 } : i)));
    await expect(verifySnapshot(file, KEY, ['data'])).rejects.toThrow(
      /data\/pg\/base does not match the manifest/,
    );
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
    ).rejects.toThrow(/other\/x is outside the volumes' directories \(data\)/);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses to save what a restore would refuse, naming the entry, and leaves no file', async () => {
    const dev = source('data', [...DATA, { name: 'data/null', type: 'character-device', mode: 0o666 }]);
    const write = writeSnapshot({ file, key: KEY, volumes: [dev], markers, maxBytes: 1 << 20 });
    await expect(write).rejects.toThrow(SnapshotInvalidError);
    await expect(write).rejects.toThrow(/^data\/null is a character device$/);
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
    const { manifest } = await restoreSnapshot(createReadStream(file), restoring(KEY), collect(sent));
    expect(Buffer.concat(sent).equals(readFileSync(file))).toBe(true);
    expect(manifest.volumes).toEqual(['data', 'wal']);
  });

  it('fails on a damaged file even though the bytes went out', async () => {
    const bytes = readFileSync(file);
    bytes[bytes.indexOf('segment')] = 'S'.charCodeAt(0);
    writeFileSync(file, bytes);
    await expect(restoreSnapshot(createReadStream(file), restoring(KEY), collect([]))).rejects.toThrow(
      /wal\/0001 does not match/,
    );
  });

  it("fails with the store's error, not as a bad entry, when the snapshot cannot be read to the end", async () => {
    async function* brokenOff(): AsyncGenerator<Buffer> {
      yield readFileSync(file).subarray(0, 1024);
      throw new Error('download broke off');
    }
    const restore = restoreSnapshot(Readable.from(brokenOff()), restoring(KEY), collect([]));
    await expect(restore).rejects.toThrow('download broke off');
    await expect(restore).rejects.not.toBeInstanceOf(SnapshotInvalidError);
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
      const restore = restoreSnapshot(createReadStream(file), restoring(KEY, ['data']), refuse);
      await expect(restore).rejects.toThrow('no space left on device');
      await expect(restore).rejects.not.toBeInstanceOf(SnapshotInvalidError);
    });

    it('blames the entry when the archive does not verify', async () => {
      const bytes = readFileSync(file);
      const middle = bytes.length - 4096 - (8 << 20) / 2; // in the middle of data/big
      bytes[middle] = 0x7a;
      writeFileSync(file, bytes);
      await expect(restoreSnapshot(createReadStream(file), restoring(KEY, ['data']), refuse)).rejects.toThrow(
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

/** Bytes of a file padded to whole tar blocks. */
const padded = (body: Buffer): Buffer =>
  Buffer.concat([body, Buffer.alloc((512 - (body.length % 512)) % 512)]);

/** One raw ustar header block, for the dialects tar-stream cannot write. */
function rawHeader(name: string, typeflag: string, size: number, magic = 'ustar\u000000'): Buffer {
  const b = Buffer.alloc(512);
  b.write(name, 0, 100);
  b.write('0000644\0', 100);
  b.write('0000000\0', 108);
  b.write('0000000\0', 116);
  b.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  b.write('00000000000\0', 136);
  b.write(typeflag, 156, 'latin1');
  b.write(magic, 257, 'latin1');
  b.fill(' ', 148, 156);
  const sum = b.reduce((a, x) => a + x, 0);
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return b;
}

/** A pax extended header's records. */
const paxBody = (records: Record<string, string>): Buffer =>
  Buffer.from(
    Object.entries(records)
      .map(([k, v]) => {
        const rest = ` ${k}=${v}\n`;
        let len = rest.length + 1;
        while (`${len}${rest}`.length !== len) len++;
        return `${len}${rest}`;
      })
      .join(''),
  );

/** Where the header of the entry named `name` starts. */
function headerAt(tar: Buffer, name: string): number {
  for (let at = 0; at < tar.length; at += 512) {
    if (tar.toString('utf8', at, at + name.length + 1) === `${name}\0`) return at;
  }
  throw new Error(`no header for ${name}`);
}

const insertAt = (tar: Buffer, at: number, bytes: Buffer): Buffer =>
  Buffer.concat([tar.subarray(0, at), bytes, tar.subarray(at)]);

/**
 * A snapshot of one volume, `data`, holding `items`, with markers and a manifest that match them: only
 * the checks on each entry (or the size limits) can refuse it. `manifestExtra` is merged into the manifest.
 */
async function craft(
  items: Item[],
  opts: { markers?: string; manifestExtra?: Record<string, unknown> } = {},
): Promise<Buffer> {
  const markersBody = opts.markers ?? JSON.stringify({ data: [] });
  const entries = items.map((i) => ({
    path: i.name.replace(/\/+$/, ''),
    type: i.type ?? 'file',
    mode: (i.mode ?? 0o644) & 0o7777,
    uid: i.uid ?? 0,
    gid: i.gid ?? 0,
    ...((i.type ?? 'file') === 'file' && {
      size: Buffer.byteLength(i.body ?? ''),
      sha256: createHash('sha256')
        .update(i.body ?? '')
        .digest('hex'),
    }),
    ...(i.linkname && { linkname: i.linkname }),
  }));
  const manifest = {
    format: CACHE_FORMAT_VERSION,
    key: KEY,
    createdAt: '2026-01-01T00:00:00.000Z',
    volumes: ['data'],
    markersSha256: createHash('sha256').update(markersBody).digest('hex'),
    entries,
    ...opts.manifestExtra,
  };
  return tarOf([
    ...items,
    { name: 'markers.json', type: 'file', mode: 0o644, body: markersBody },
    { name: 'manifest.json', type: 'file', mode: 0o644, body: JSON.stringify(manifest) },
  ]);
}

const ROOT: Item = { name: 'data/', type: 'directory', mode: 0o755 };
const SOME: Item[] = [ROOT, { name: 'data/a', type: 'file', mode: 0o644, body: 'a' }];

/** Restores `tar` in 4 KiB chunks; what reached "Docker" is returned with the outcome. */
async function restoreCrafted(tar: Buffer, maxBytes = 1 << 30): Promise<{ sent: Buffer; error: unknown }> {
  const chunks = Array.from({ length: Math.ceil(tar.length / 4096) }, (_, i) =>
    tar.subarray(i * 4096, (i + 1) * 4096),
  );
  const sent: Buffer[] = [];
  let error: unknown;
  try {
    await restoreSnapshot(Readable.from(chunks), restoring(KEY, ['data'], maxBytes), async (t) => {
      for await (const c of t) sent.push(c as Buffer);
    });
  } catch (e: unknown) {
    error = e;
  }
  return { sent: Buffer.concat(sent), error };
}

/** Refused as an entry that does not verify, and nothing from the refused header on reached Docker. */
async function expectRefused(tar: Buffer, message: RegExp, refusedAt?: number): Promise<void> {
  const { sent, error } = await restoreCrafted(tar);
  expect(error).toBeInstanceOf(SnapshotInvalidError);
  expect((error as Error).message).toMatch(message);
  if (refusedAt !== undefined) expect(sent.length).toBeLessThanOrEqual(refusedAt);
}

describe('a crafted entry', () => {
  it('restores when every entry is allowed (the crafting itself is sound)', async () => {
    const tar = await craft([
      ...SOME,
      { name: 'data/shared/', type: 'directory', mode: 0o2775 },
      { name: 'data/l', type: 'symlink', mode: 0o777, linkname: '/etc/passwd' },
      { name: 'data/h', type: 'link', mode: 0o644, linkname: 'data/a' },
    ]);
    const { sent, error } = await restoreCrafted(tar);
    expect(error).toBeUndefined();
    expect(sent.equals(tar)).toBe(true);
  });

  it.each([
    ['character-device', 'a character device'],
    ['block-device', 'a block device'],
    ['fifo', 'a FIFO'],
  ] as const)('with a %s is refused before Docker sees it', async (type, kind) => {
    const tar = await craft([...SOME, { name: 'data/dev', type, mode: 0o666, devmajor: 1, devminor: 3 }]);
    await expectRefused(tar, new RegExp(`^data/dev is ${kind}$`), headerAt(tar, 'data/dev'));
  });

  it('is named printably: control characters in an entry name are escaped', async () => {
    const tar = await craft([...SOME, { name: 'data/x\n::error::\u001b[31m', type: 'fifo', mode: 0o644 }]);
    await expectRefused(tar, /^data\/x\\u000a::error::\\u001b\[31m is a FIFO$/);
  });

  it('with a setuid or setgid file is refused; a setgid directory is not', async () => {
    const suid = await craft([...SOME, { name: 'data/su', type: 'file', mode: 0o4755, body: '#!/bin/sh' }]);
    await expectRefused(suid, /^data\/su is setuid \(mode 4755\)$/, headerAt(suid, 'data/su'));
    const sgid = await craft([...SOME, { name: 'data/sg', type: 'file', mode: 0o2755, body: 'x' }]);
    await expectRefused(sgid, /^data\/sg is setgid \(mode 2755\)$/, headerAt(sgid, 'data/sg'));
    const link = await craft([...SOME, { name: 'data/h', type: 'link', mode: 0o6755, linkname: 'data/a' }]);
    await expectRefused(link, /^data\/h is setuid and setgid/);
  });

  it.each(['SCHILY.xattr.security.capability', 'LIBARCHIVE.xattr.security.capability'])(
    'with file capabilities (%s) is refused',
    async (record) => {
      const tar = await craft([
        ...SOME,
        { name: 'data/ping', type: 'file', mode: 0o755, body: 'x', pax: { [record]: '\u0001\u0002' } },
      ]);
      await expectRefused(
        tar,
        new RegExp(`^data/ping carries file capabilities \\(pax record ${record}\\)$`),
      );
    },
  );

  it('with another extended attribute or an unknown pax record is refused', async () => {
    const xattr = await craft([
      ...SOME,
      {
        name: 'data/f',
        type: 'file',
        mode: 0o644,
        body: 'x',
        pax: { 'SCHILY.xattr.trusted.overlay.opaque': 'y' },
      },
    ]);
    await expectRefused(xattr, /^data\/f carries the extended attribute trusted\.overlay\.opaque/);
    const sparse = await craft([
      ...SOME,
      { name: 'data/f', type: 'file', mode: 0o644, body: 'x', pax: { 'GNU.sparse.size': '9999' } },
    ]);
    await expectRefused(sparse, /^data\/f carries the pax record GNU\.sparse\.size/);
  });

  it('over cache-max-size is refused, counted as it streams', async () => {
    const tar = await craft([
      ...SOME,
      { name: 'data/big', type: 'file', mode: 0o644, body: 'z'.repeat(64 << 10) },
    ]);
    const { error } = await restoreCrafted(tar, 32 << 10);
    expect(error).toBeInstanceOf(SnapshotInvalidError);
    expect((error as Error).message).toBe('it is larger than cache-max-size (32768 bytes)');
    expect((await restoreCrafted(tar, tar.length)).error).toBeUndefined();
  });

  it('with an oversized manifest or markers is refused before they are read', async () => {
    const manifest = await craft(SOME, { manifestExtra: { padding: ' '.repeat(256 << 10) } });
    await expectRefused(manifest, /^manifest\.json is \d+ bytes, more than \d+$/);
    const markers = await craft(SOME, { markers: JSON.stringify({ data: [], pad: 'x'.repeat(2 << 20) }) });
    await expectRefused(markers, /^markers\.json is \d+ bytes, more than 1048576$/);
  });

  it('with malformed markers is refused', async () => {
    await expectRefused(
      await craft(SOME, { markers: JSON.stringify({ data: [{ key: 1 }] }) }),
      /^markers: not a list of markers per volume$/,
    );
  });

  it.each([
    ['/etc/cron.d/x', /^\/etc\/cron\.d\/x is not a plain relative path$/],
    ['data/../x', /^data\/\.\.\/x is not a plain relative path$/],
    ['wal/x', /^wal\/x is outside the volumes' directories \(data\)$/],
  ])('with an entry at %s is refused', async (name, message) => {
    await expectRefused(await craft([...SOME, { name, type: 'file', mode: 0o644, body: 'x' }]), message);
  });

  it('writing through a symlink, or hard-linking out of its volume, is refused', async () => {
    const through = await craft([
      ...SOME,
      { name: 'data/up', type: 'symlink', mode: 0o777, linkname: '/' },
      { name: 'data/up/etc/passwd', type: 'file', mode: 0o644, body: 'x' },
    ]);
    await expectRefused(through, /^data\/up\/etc\/passwd lies under the symlink data\/up$/);
    for (const target of ['/etc/shadow', 'data/missing', 'data/']) {
      const tar = await craft([...SOME, { name: 'data/h', type: 'link', mode: 0o644, linkname: target }]);
      await expectRefused(tar, /^data\/h is a hard link to .*, not to an earlier file of its volume$/);
    }
  });

  it('with an entry twice or after the manifest is refused', async () => {
    await expectRefused(await craft([...SOME, SOME[1] as Item]), /^data\/a appears twice$/);
    const tar = await craft(SOME);
    const after = Buffer.concat([
      tar.subarray(0, tar.length - 1024),
      await tarOf([{ name: 'data/late', type: 'file', mode: 0o644, body: 'x' }]),
    ]);
    await expectRefused(after, /^data\/late comes after markers\.json$/);
  });

  describe('in a tar dialect tar-stream and Docker read differently', () => {
    it('a pax global header is refused', async () => {
      const tar = await craft(SOME);
      const body = paxBody({ path: 'data/b' });
      const at = headerAt(tar, 'data/a');
      const g = Buffer.concat([rawHeader('pax_global_header', 'g', body.length), padded(body)]);
      await expectRefused(insertAt(tar, at, g), /^data\/a: a header of tar type "g" comes before it$/, at);
    });

    it('a GNU long name is refused', async () => {
      const tar = await craft(SOME);
      const body = Buffer.from('data/a\0');
      const at = headerAt(tar, 'data/a');
      const l = Buffer.concat([rawHeader('././@LongLink', 'L', body.length), padded(body)]);
      await expectRefused(insertAt(tar, at, l), /^data\/a: a header of tar type "L" comes before it$/, at);
    });

    it('entries past an end-of-archive marker are refused', async () => {
      const tar = await craft(SOME);
      const at = headerAt(tar, 'data/a');
      await expectRefused(insertAt(tar, at, Buffer.alloc(1024)), /an empty block .* comes before it$/, at);
    });

    it('a GNU header is refused', async () => {
      const tar = await craft(SOME);
      const at = headerAt(tar, 'data/a');
      const gnu = rawHeader('data/g', '0', 0, 'ustar  \0');
      await expectRefused(insertAt(tar, at, gnu), /^data\/g: its header is not POSIX ustar$/, at);
    });

    it('a symlink carrying data (where Docker would read a hidden header) is refused', async () => {
      const tar = await craft(SOME);
      const at = headerAt(tar, 'data/a');
      const hidden = rawHeader('data/null', '3', 0);
      const link = Buffer.concat([rawHeader('data/s', '2', 512), hidden]);
      await expectRefused(insertAt(tar, at, link), /^data\/s: a symlink entry with 512 bytes of data$/, at);
    });

    it('a run of empty blocks is refused without holding it all', async () => {
      const tar = await craft(SOME);
      const at = headerAt(tar, 'data/a');
      await expectRefused(insertAt(tar, at, Buffer.alloc(2 << 20)), /bytes arrived without an entry$/, at);
    });
  });
});
