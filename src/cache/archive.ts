// The snapshot archive: one tar holding every persistent volume of an instance (`volumes/<mount>/...`,
// ownership, modes, links and mtimes as Docker's archive endpoint reports them), then `markers.json`,
// then `manifest.json` (sha256 and size of every regular file, mode/owner/link of every entry). The
// manifest comes last because it is computed while the volumes stream through; a restore reads the
// whole file once to verify it before a byte reaches a volume.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, pack, type Extract, type Header, type Pack } from 'tar-stream';
import { CACHE_FORMAT_VERSION } from './key.js';

export const VOLUMES_DIR = 'volumes';
export const MARKERS_NAME = 'markers.json';
export const MANIFEST_NAME = 'manifest.json';

type EntryType = Header['type'];
type EntryHeader = Partial<Header> & { name: string };

export interface ManifestEntry {
  /** `volumes/<mount>` for a volume's root, `volumes/<mount>/<relative path>` below it. */
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
  /** A tar of the volume's directory as Docker's GET archive returns it: one top-level directory. */
  open: () => Promise<Readable>;
}

const isFile = (t: EntryType | null | undefined): boolean => t === 'file' || t === 'contiguous-file';
const stripSlash = (name: string): string => name.replace(/\/+$/, '');

/** Counts bytes on their way to disk and fails the pipeline past the limit. */
class SizeLimit extends Transform {
  bytes = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) cb(new SnapshotTooLargeError(this.limit));
    else cb(null, chunk);
  }
}

/** Hashes and counts the bytes of `source` as they pass. */
function tap(source: AsyncIterable<unknown>): {
  body: AsyncGenerator<Uint8Array>;
  result: () => { sha256: string; size: number };
} {
  const hash = createHash('sha256');
  let size = 0;
  async function* body(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      const bytes = chunk as Uint8Array;
      hash.update(bytes);
      size += bytes.length;
      yield bytes;
    }
  }
  return { body: body(), result: () => ({ sha256: hash.digest('hex'), size }) };
}

/** Write a byte stream into tar-stream's extractor with backpressure, then end it (a streamx stream). */
async function feed(source: AsyncIterable<unknown>, ex: Extract): Promise<void> {
  try {
    for await (const chunk of source) if (!ex.write(chunk)) await once(ex, 'drain');
    ex.end(undefined);
  } catch (e: unknown) {
    ex.destroy(e instanceof Error ? e : new Error(String(e)));
    throw e;
  }
}

/** Add one entry to the pack, streaming its body when it has one. */
async function addEntry(
  p: Pack,
  header: EntryHeader,
  body?: AsyncIterable<unknown> | Iterable<unknown>,
): Promise<void> {
  let settle: (err?: Error | null) => void = () => undefined;
  const finished = new Promise<void>((resolve, reject) => {
    settle = (err) => (err ? reject(err) : resolve());
  });
  // Awaited below; when the body fails first, this rejection is a follow-on, not an unhandled one.
  finished.catch(() => undefined);
  const sink = p.entry(header, settle);
  if (body) for await (const chunk of body) if (!sink.write(chunk)) await once(sink, 'drain');
  sink.end(undefined);
  await finished;
}

/** Copy of the header fields a restore needs (tar-stream's pax extras and offsets are left behind). */
function cleanHeader(h: Header, name: string, linkname: string | undefined): EntryHeader {
  return {
    name,
    type: h.type,
    mode: h.mode,
    uid: h.uid,
    gid: h.gid,
    size: isFile(h.type) ? h.size : 0,
    mtime: h.mtime,
    ...(linkname !== undefined && { linkname }),
    ...(h.uname && { uname: h.uname }),
    ...(h.gname && { gname: h.gname }),
    ...(h.devmajor && { devmajor: h.devmajor }),
    ...(h.devminor && { devminor: h.devminor }),
  };
}

function manifestEntry(
  h: Header,
  path: string,
  linkname: string | undefined,
  sha256?: string,
): ManifestEntry {
  return {
    path,
    type: h.type,
    // Permission, setuid/setgid and sticky bits: what a tar header round-trips (type bits do not).
    mode: h.mode & 0o7777,
    uid: h.uid,
    gid: h.gid,
    ...(isFile(h.type) && { size: h.size, sha256 }),
    ...(linkname !== undefined && { linkname }),
  };
}

/** The link target as the archive should carry it: hard links name an archive path, so they move too. */
function linkTarget(h: Header, move: (name: string) => string): string | undefined {
  if (!h.linkname) return undefined;
  return h.type === 'link' ? move(h.linkname) : h.linkname;
}

/** Renames `<top>/rest` (Docker's layout) to `<prefix>/rest`; refuses anything outside `<top>`. */
function rebase(name: string, prefix: string, top: string | undefined): { top: string; path: string } {
  const clean = stripSlash(name.replace(/^\.\//, ''));
  const slash = clean.indexOf('/');
  const first = slash === -1 ? clean : clean.slice(0, slash);
  if (top !== undefined && first !== top)
    throw new SnapshotInvalidError(`unexpected entry ${name} outside ${top}/`);
  if (clean.split('/').includes('..')) throw new SnapshotInvalidError(`entry ${name} escapes its volume`);
  return { top: first, path: slash === -1 ? prefix : `${prefix}/${clean.slice(slash + 1)}` };
}

const errorOf = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

/**
 * Walk one volume's tar (Docker's layout) entry by entry, renamed under `volumes/<mount>`; `onEntry` gets
 * the cleaned header and, for regular files, the body (which it must consume) and then the manifest entry.
 */
async function walkVolume(
  volume: VolumeSource,
  onEntry: (header: EntryHeader, body: AsyncIterable<unknown> | undefined) => Promise<void>,
): Promise<ManifestEntry[]> {
  const prefix = `${VOLUMES_DIR}/${volume.name}`;
  const entries: ManifestEntry[] = [];
  const ex = extract();
  const feeding = feed(await volume.open(), ex);
  let top: string | undefined;
  try {
    for await (const entry of ex) {
      const h = entry.header;
      const at = rebase(h.name, prefix, top);
      top = at.top;
      const linkname = linkTarget(h, (n) => rebase(n, prefix, top).path);
      const header = cleanHeader(h, at.path, linkname);
      if (isFile(h.type)) {
        const t = tap(entry);
        await onEntry(header, t.body);
        entries.push(manifestEntry(h, at.path, linkname, t.result().sha256));
      } else {
        entry.resume();
        await onEntry(header, undefined);
        entries.push(manifestEntry(h, at.path, linkname));
      }
    }
    await feeding;
  } catch (e: unknown) {
    ex.destroy(errorOf(e));
    await feeding.catch(() => undefined);
    throw e;
  }
  if (top === undefined) throw new SnapshotInvalidError(`the archive of volume ${volume.name} is empty`);
  return entries;
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

/** The manifest entries of volumes as they are now (to check a restore landed intact). */
export async function scanVolumes(volumes: VolumeSource[]): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  for (const volume of volumes) {
    entries.push(
      ...(await walkVolume(volume, async (_header, body) => {
        if (body) for await (const _chunk of body);
      })),
    );
  }
  return entries;
}

/** Write a snapshot of `volumes` with their `markers` to `file`; removes the file when anything fails. */
export async function writeSnapshot(opts: {
  file: string;
  key: string;
  volumes: VolumeSource[];
  markers: SavedMarkers;
  maxBytes: number;
}): Promise<{ bytes: number; manifest: SnapshotManifest }> {
  await mkdir(dirname(opts.file), { recursive: true });
  const p = pack();
  const limit = new SizeLimit(opts.maxBytes);
  const written = pipeline(Readable.from(p), limit, createWriteStream(opts.file));
  const entries: ManifestEntry[] = [];
  const fill = async (): Promise<SnapshotManifest> => {
    for (const volume of opts.volumes) {
      entries.push(...(await walkVolume(volume, (header, body) => addEntry(p, header, body))));
    }
    const markers = Buffer.from(`${JSON.stringify(opts.markers, null, 2)}\n`);
    await addEntry(p, { name: MARKERS_NAME, mode: 0o644, size: markers.length }, [markers]);
    const manifest: SnapshotManifest = {
      format: CACHE_FORMAT_VERSION,
      key: opts.key,
      createdAt: new Date().toISOString(),
      volumes: opts.volumes.map((v) => v.name),
      markersSha256: createHash('sha256').update(markers).digest('hex'),
      entries,
    };
    const body = Buffer.from(JSON.stringify(manifest));
    await addEntry(p, { name: MANIFEST_NAME, mode: 0o644, size: body.length }, [body]);
    p.finalize();
    return manifest;
  };
  try {
    const [manifest] = await Promise.all([
      fill().catch(async (e: unknown) => {
        p.destroy(errorOf(e));
        await written.catch(() => undefined);
        throw e;
      }),
      written,
    ]);
    return { bytes: limit.bytes, manifest };
  } catch (e: unknown) {
    await rm(opts.file, { force: true });
    // Past the limit the pack fails too (its reader is gone): report the cause, not the follow-on error.
    throw limit.bytes > opts.maxBytes ? new SnapshotTooLargeError(opts.maxBytes) : e;
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
export function compareEntries(actual: ManifestEntry[], expected: ManifestEntry[]): void {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    const a = actual[i];
    const b = expected[i];
    if (!a || !b || !sameEntry(a, b)) {
      const what = !a ? 'is missing' : !b ? 'is not in the manifest' : 'does not match the manifest';
      throw new SnapshotInvalidError(`${(a ?? b)?.path ?? '?'} ${what}`);
    }
  }
}

/**
 * Read the whole archive, recompute every entry and compare with the manifest: same entries in the same
 * order, same metadata, same content. Any difference, a truncated file or another key is invalid.
 */
export async function verifySnapshot(
  file: string,
  expectedKey: string,
): Promise<{ manifest: SnapshotManifest; markers: SavedMarkers }> {
  const seen: ManifestEntry[] = [];
  let markersText: Buffer | undefined;
  let manifest: SnapshotManifest | undefined;
  const ex = extract();
  const feeding = feed(createReadStream(file), ex);
  try {
    for await (const entry of ex) {
      const h = entry.header;
      const name = stripSlash(h.name);
      if (manifest) throw new SnapshotInvalidError(`entry ${name} after the manifest`);
      if (name === MARKERS_NAME || name === MANIFEST_NAME) {
        const chunks: Buffer[] = [];
        for await (const c of entry) chunks.push(c as Buffer);
        if (name === MARKERS_NAME) markersText = Buffer.concat(chunks);
        else manifest = parseManifest(Buffer.concat(chunks));
        continue;
      }
      if (markersText) throw new SnapshotInvalidError(`entry ${name} after the markers`);
      let sha256: string | undefined;
      if (isFile(h.type)) {
        const t = tap(entry);
        for await (const _ of t.body);
        const r = t.result();
        if (r.size !== h.size) throw new SnapshotInvalidError(`${name} is truncated`);
        sha256 = r.sha256;
      } else {
        entry.resume();
      }
      seen.push(manifestEntry(h, name, h.linkname || undefined, sha256));
    }
    await feeding;
  } catch (e: unknown) {
    // With an error, so a feed waiting for 'drain' stops too.
    ex.destroy(new Error('verification stopped'));
    await feeding.catch(() => undefined);
    if (e instanceof SnapshotInvalidError) throw e;
    throw new SnapshotInvalidError(`unreadable archive: ${errorOf(e).message}`);
  }
  if (!manifest) throw new SnapshotInvalidError('no manifest (truncated archive?)');
  if (!markersText) throw new SnapshotInvalidError('no markers');
  if (manifest.format !== CACHE_FORMAT_VERSION) throw new SnapshotInvalidError(`format ${manifest.format}`);
  if (manifest.key !== expectedKey) throw new SnapshotInvalidError(`snapshot of ${manifest.key}`);
  if (createHash('sha256').update(markersText).digest('hex') !== manifest.markersSha256) {
    throw new SnapshotInvalidError('markers do not match the manifest');
  }
  compareEntries(seen, manifest.entries);
  for (const e of manifest.entries) {
    const volume = e.path.split('/')[1] ?? '';
    if (
      !e.path.startsWith(`${VOLUMES_DIR}/`) ||
      !manifest.volumes.includes(volume) ||
      e.path.split('/').includes('..')
    ) {
      throw new SnapshotInvalidError(`entry ${e.path} outside the snapshot's volumes`);
    }
  }
  let markers: SavedMarkers;
  try {
    markers = JSON.parse(markersText.toString('utf8')) as SavedMarkers;
  } catch (e: unknown) {
    throw new SnapshotInvalidError(`markers: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { manifest, markers };
}

function parseManifest(body: Buffer): SnapshotManifest {
  try {
    const m = JSON.parse(body.toString('utf8')) as SnapshotManifest;
    if (!Array.isArray(m.entries) || !Array.isArray(m.volumes)) throw new Error('missing entries');
    return m;
  } catch (e: unknown) {
    throw new SnapshotInvalidError(`manifest: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * The volumes' part of a (verified) snapshot as a tar Docker can extract at the helper's mount root:
 * `volumes/<mount>/rest` becomes `<mount>/rest`, so the `<mount>/` entry carries the volume root's owner
 * and mode (Docker skips a `.` entry, which would leave the root as created).
 */
export function volumesTar(file: string): Readable {
  const out = pack();
  const strip = (name: string): string => stripSlash(name).slice(VOLUMES_DIR.length + 1);
  (async () => {
    const ex = extract();
    const feeding = feed(createReadStream(file), ex);
    for await (const entry of ex) {
      const h = entry.header;
      const name = stripSlash(h.name);
      if (!name.startsWith(`${VOLUMES_DIR}/`)) {
        entry.resume();
        continue;
      }
      const header = cleanHeader(h, strip(name), linkTarget(h, strip));
      if (isFile(h.type)) {
        await addEntry(out, header, entry);
      } else {
        entry.resume();
        await addEntry(out, header);
      }
    }
    await feeding;
    out.finalize();
  })().catch((e: unknown) => out.destroy(errorOf(e)));
  return Readable.from(out);
}
