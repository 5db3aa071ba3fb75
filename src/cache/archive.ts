// The snapshot archive: one tar holding every persistent volume of an instance, each under its mount
// name (`<mount>/...`, byte for byte what Docker's GET archive gave: owners, modes, links, mtimes, pax
// records), then `markers.json`, then `manifest.json` (sha256 and size of every regular file, type,
// mode, owner and link of every entry). The layout is what Docker's PUT archive extracts at the helper's
// mount root, so a restore streams the file to Docker unchanged while checking it against the manifest.
// Mount names are DNS labels (no dot): they cannot collide with the two JSON entries.
import { createHash } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { extract, pack, type Extract, type Header } from 'tar-stream';
import { CACHE_FORMAT_VERSION } from './key.js';

export const MARKERS_NAME = 'markers.json';
export const MANIFEST_NAME = 'manifest.json';

type EntryType = Header['type'];

export interface ManifestEntry {
  /** `<mount>` for a volume's root, `<mount>/<relative path>` below it. */
  path: string;
  type: EntryType;
  mode: number;
  uid: number;
  gid: number;
  /** Regular files only. */
  size?: number;
  sha256?: string;
  /** Symlink target, or for a hard link the archive path it links to. */
  linkname?: string;
}

export interface SnapshotManifest {
  format: number;
  key: string;
  createdAt: string;
  /** Mount names, in archive order. */
  volumes: string[];
  markersSha256: string;
  entries: ManifestEntry[];
}

/** Markers per mount name, without the volume identity (a restored volume has a new one). */
export type SavedMarkers = Record<string, { key: string; at: string }[]>;

/** The snapshot grew past the size limit; nothing is left on disk. */
export class SnapshotTooLargeError extends Error {
  override readonly name = 'SnapshotTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`the snapshot is larger than the cache size limit (${limitBytes} bytes)`);
  }
}

/** The archive is damaged, truncated, or not the snapshot that was asked for. */
export class SnapshotInvalidError extends Error {
  override readonly name = 'SnapshotInvalidError';
}

export interface VolumeSource {
  /** Mount name. */
  name: string;
  /** A tar of the volume's directory as Docker's GET archive returns it: one top-level directory, `name`. */
  open: () => Promise<Readable>;
}

const isFile = (t: EntryType | null | undefined): boolean => t === 'file' || t === 'contiguous-file';
const stripSlash = (name: string): string => name.replace(/\/+$/, '');
const errorOf = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
const BLOCK = 512;
const blocks = (bytes: number): number => Math.ceil(bytes / BLOCK) * BLOCK;

/** Until the extractor drains; rejects when it closes first (destroyed by the parsing side). */
function drained(ex: Extract): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (err?: Error): void => {
      ex.off('drain', onDrain);
      ex.off('close', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = (): void => settle();
    const onClose = (): void => settle(new Error('the tar parser stopped'));
    ex.on('drain', onDrain);
    ex.on('close', onClose);
  });
}

/** Write a byte stream into tar-stream's extractor with backpressure, then end it (a streamx stream). */
async function feed(source: AsyncIterable<unknown>, ex: Extract): Promise<void> {
  try {
    for await (const chunk of source) {
      if (ex.destroying) throw new Error('the tar parser stopped');
      if (!ex.write(chunk)) await drained(ex);
    }
    ex.end(undefined);
  } catch (e: unknown) {
    ex.destroy(errorOf(e));
    throw e;
  }
}

function manifestEntry(h: Header, sha256?: string): ManifestEntry {
  return {
    path: stripSlash(h.name),
    type: h.type,
    // Permission, setuid/setgid and sticky bits: what a tar header round-trips (type bits do not).
    mode: h.mode & 0o7777,
    uid: h.uid,
    gid: h.gid,
    ...(isFile(h.type) && { size: h.size, sha256 }),
    ...(h.linkname && { linkname: h.linkname }),
  };
}

interface Parsed {
  entries: ManifestEntry[];
  /** Where the archive's end-of-archive blocks start (the end of the last entry's data). */
  end: number;
  /** Bodies of the named small entries (markers, manifest), kept rather than hashed. */
  kept: Map<string, Buffer>;
}

/**
 * Parse a tar as it streams by: every entry's manifest entry (regular files hashed), and the byte offset
 * where the archive proper ends. `keep` names entries whose bodies are returned instead.
 */
async function parseTar(source: AsyncIterable<unknown>, keep: string[] = []): Promise<Parsed> {
  const ex = extract();
  const feeding = feed(source, ex);
  const parsed: Parsed = { entries: [], end: 0, kept: new Map() };
  try {
    for await (const entry of ex) {
      const h = entry.header;
      // tar-stream's offset of the entry's data, just past its (last) header block.
      const dataAt = (h as Header & { byteOffset?: number }).byteOffset;
      if (dataAt === undefined) throw new Error('tar-stream gave no byte offsets');
      parsed.end = dataAt + (isFile(h.type) ? blocks(h.size) : 0);
      const name = stripSlash(h.name);
      if (keep.includes(name)) {
        const chunks: Buffer[] = [];
        for await (const c of entry) chunks.push(c as Buffer);
        parsed.kept.set(name, Buffer.concat(chunks));
      } else if (isFile(h.type)) {
        const hash = createHash('sha256');
        let size = 0;
        for await (const c of entry) {
          hash.update(c as Buffer);
          size += (c as Buffer).length;
        }
        if (size !== h.size) throw new SnapshotInvalidError(`${name} is truncated`);
        parsed.entries.push(manifestEntry(h, hash.digest('hex')));
      } else {
        entry.resume();
        parsed.entries.push(manifestEntry(h));
      }
    }
    await feeding;
  } catch (e: unknown) {
    // With an error, so a feed waiting for 'drain' stops too.
    ex.destroy(errorOf(e));
    await feeding.catch(() => undefined);
    throw e;
  }
  return parsed;
}

/** Whether a volume's tar has anything besides its root directory; reads no further than the second entry. */
export async function holdsMoreThanRoot(tar: Readable): Promise<boolean> {
  const ex = extract();
  const feeding = feed(tar, ex);
  let count = 0;
  for await (const entry of ex) {
    entry.resume();
    if (++count > 1) break;
  }
  tar.destroy();
  await feeding.catch(() => undefined);
  return count > 1;
}

/** A tar of small in-memory files, without its end-of-archive blocks (it is appended to). */
async function smallTar(files: { name: string; body: Buffer }[]): Promise<Buffer> {
  const p = pack();
  const out: Buffer[] = [];
  p.on('data', (c: unknown) => out.push(c as Buffer));
  const ended = new Promise<void>((resolve, reject) => {
    p.on('end', () => resolve());
    p.on('error', reject);
  });
  for (const f of files)
    p.entry({ name: f.name, mode: 0o644, size: f.body.length, mtime: new Date() }, f.body);
  p.finalize();
  await ended;
  const tar = Buffer.concat(out);
  return tar.subarray(0, tar.length - 2 * BLOCK);
}

/** Whether every entry of a volume's tar sits under `<name>/` (Docker's layout for the volume's directory). */
function checkUnder(name: string, entries: ManifestEntry[]): void {
  if (entries.length === 0) throw new SnapshotInvalidError(`the archive of volume ${name} is empty`);
  for (const e of entries) {
    if ((e.path !== name && !e.path.startsWith(`${name}/`)) || e.path.split('/').includes('..')) {
      throw new SnapshotInvalidError(`entry ${e.path} outside ${name}/`);
    }
  }
}

/**
 * Write a snapshot of `volumes` with their `markers` to `file`: each volume's tar goes to disk as it
 * arrives, parsed on the way for the manifest; the next part overwrites its end-of-archive blocks.
 * Removes the file when anything fails.
 */
export async function writeSnapshot(opts: {
  file: string;
  key: string;
  volumes: VolumeSource[];
  markers: SavedMarkers;
  maxBytes: number;
}): Promise<{ bytes: number; manifest: SnapshotManifest }> {
  await mkdir(dirname(opts.file), { recursive: true });
  const fh = await open(opts.file, 'w');
  try {
    let pos = 0;
    const entries: ManifestEntry[] = [];
    for (const volume of opts.volumes) {
      const base = pos;
      const source = await volume.open();
      async function* toDisk(): AsyncGenerator<Buffer> {
        for await (const chunk of source) {
          const bytes = chunk as Buffer;
          if (pos + bytes.length > opts.maxBytes) throw new SnapshotTooLargeError(opts.maxBytes);
          await fh.write(bytes, 0, bytes.length, pos);
          pos += bytes.length;
          yield bytes;
        }
      }
      let parsed: Parsed;
      try {
        parsed = await parseTar(toDisk());
      } finally {
        source.destroy();
      }
      checkUnder(volume.name, parsed.entries);
      entries.push(...parsed.entries);
      pos = base + parsed.end;
    }
    const markers = Buffer.from(`${JSON.stringify(opts.markers, null, 2)}\n`);
    const manifest: SnapshotManifest = {
      format: CACHE_FORMAT_VERSION,
      key: opts.key,
      createdAt: new Date().toISOString(),
      volumes: opts.volumes.map((v) => v.name),
      markersSha256: createHash('sha256').update(markers).digest('hex'),
      entries,
    };
    const tail = Buffer.concat([
      await smallTar([
        { name: MARKERS_NAME, body: markers },
        { name: MANIFEST_NAME, body: Buffer.from(JSON.stringify(manifest)) },
      ]),
      Buffer.alloc(2 * BLOCK),
    ]);
    if (pos + tail.length > opts.maxBytes) throw new SnapshotTooLargeError(opts.maxBytes);
    await fh.write(tail, 0, tail.length, pos);
    pos += tail.length;
    await fh.truncate(pos);
    await fh.close();
    return { bytes: pos, manifest };
  } catch (e: unknown) {
    await fh.close().catch(() => undefined);
    await rm(opts.file, { force: true });
    throw e;
  }
}

const sameEntry = (a: ManifestEntry, b: ManifestEntry): boolean =>
  a.path === b.path &&
  a.type === b.type &&
  a.mode === b.mode &&
  a.uid === b.uid &&
  a.gid === b.gid &&
  a.size === b.size &&
  a.sha256 === b.sha256 &&
  a.linkname === b.linkname;

/** Throws SnapshotInvalidError naming the first entry that differs (content, metadata, presence or order). */
function compareEntries(actual: ManifestEntry[], expected: ManifestEntry[]): void {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const a = actual[i];
    const b = expected[i];
    if (!a || !b || !sameEntry(a, b)) {
      const what = !a ? 'is missing' : !b ? 'is not in the manifest' : 'does not match the manifest';
      throw new SnapshotInvalidError(`${(a ?? b)?.path ?? '?'} ${what}`);
    }
  }
}

function parseJson<T>(what: string, body: Buffer | undefined): T {
  if (body === undefined) throw new SnapshotInvalidError(`no ${what} (truncated archive?)`);
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch (e: unknown) {
    throw new SnapshotInvalidError(`${what}: ${errorOf(e).message}`);
  }
}

/**
 * Check a snapshot stream against its manifest: the same entries in the same order, same metadata, same
 * content, the markers it names, the key asked for. Any difference or a truncated stream is invalid.
 */
export async function verifySnapshot(
  source: AsyncIterable<unknown>,
  expectedKey: string,
): Promise<{ manifest: SnapshotManifest; markers: SavedMarkers }> {
  let parsed: Parsed;
  try {
    parsed = await parseTar(source, [MARKERS_NAME, MANIFEST_NAME]);
  } catch (e: unknown) {
    if (e instanceof SnapshotInvalidError) throw e;
    throw new SnapshotInvalidError(`unreadable archive: ${errorOf(e).message}`);
  }
  const manifest = parseJson<SnapshotManifest>('manifest', parsed.kept.get(MANIFEST_NAME));
  const markersText = parsed.kept.get(MARKERS_NAME);
  if (!Array.isArray(manifest.entries) || !Array.isArray(manifest.volumes)) {
    throw new SnapshotInvalidError('manifest: no entries');
  }
  if (manifest.format !== CACHE_FORMAT_VERSION) throw new SnapshotInvalidError(`format ${manifest.format}`);
  if (manifest.key !== expectedKey) throw new SnapshotInvalidError(`snapshot of ${manifest.key}`);
  if (!markersText || createHash('sha256').update(markersText).digest('hex') !== manifest.markersSha256) {
    throw new SnapshotInvalidError('markers do not match the manifest');
  }
  compareEntries(parsed.entries, manifest.entries);
  for (const v of manifest.volumes)
    checkUnder(
      v,
      manifest.entries.filter((e) => e.path.split('/')[0] === v),
    );
  const volumes = new Set(manifest.volumes);
  const stray = manifest.entries.find((e) => !volumes.has(e.path.split('/')[0] ?? ''));
  if (stray) throw new SnapshotInvalidError(`entry ${stray.path} outside the snapshot's volumes`);
  return { manifest, markers: parseJson<SavedMarkers>('markers', markersText) };
}

/** Until `stream` can take more, or is gone. */
function drainedOrGone(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

/**
 * Restore in one pass: the snapshot streams to `put` (Docker's PUT archive at the helper's mount root) and
 * through verification at the same time. Resolves once both are done and the snapshot verified; on a
 * verification failure the upload is aborted, but what reached the volumes already must be discarded.
 * A failed upload does not stop the verification: whether the entry is bad or the engine failed (a full
 * disk) decides whether the cache keeps the entry.
 */
export async function restoreSnapshot(
  source: Readable,
  key: string,
  put: (tar: Readable) => Promise<void>,
): Promise<{ manifest: SnapshotManifest; markers: SavedMarkers }> {
  const toDocker = new PassThrough();
  // The upload's own error reaches us through `put`; the stream's 'error' event needs no other handler.
  toDocker.on('error', () => undefined);
  const putting = put(toDocker);
  putting.catch((e: unknown) => toDocker.destroy(errorOf(e)));
  // The store failing to deliver the snapshot (a download that broke off) says nothing about the entry.
  let unreadable: unknown;
  async function* tee(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of source) {
        if (!toDocker.destroyed && !toDocker.write(chunk)) await drainedOrGone(toDocker);
        yield chunk as Buffer;
      }
      toDocker.end();
    } catch (e: unknown) {
      unreadable ??= e;
      throw e;
    } finally {
      if (!toDocker.writableEnded) toDocker.destroy(new Error('restore stopped'));
    }
  }
  const [verified, uploaded] = await Promise.allSettled([verifySnapshot(tee(), key), putting]);
  if (unreadable !== undefined) throw unreadable;
  // A bad archive is the cause whenever verification says so, even if Docker choked on it first.
  if (verified.status === 'rejected' && verified.reason instanceof SnapshotInvalidError)
    throw verified.reason;
  if (uploaded.status === 'rejected') throw uploaded.reason;
  if (verified.status === 'rejected') throw verified.reason;
  return verified.value;
}
