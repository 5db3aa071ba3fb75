// The snapshot archive: one tar holding every persistent volume of an instance, each under its mount
// name (`<mount>/...`, byte for byte what Docker's GET archive gave: owners, modes, links, mtimes, pax
// records), then `markers.json`, then `manifest.json` (sha256 and size of every regular file, type,
// mode, owner and link of every entry). The layout is what Docker's PUT archive extracts at the helper's
// mount root, so a restore streams the file to Docker unchanged, each entry once its header passed the
// checks (docs/cache.md, what a restore checks), and compares it with the manifest on the way.
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

/** Characters that would act on a terminal or a log rather than show: controls, line and bidi separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const MESSAGE_MAX_CHARS = 500;

/**
 * Text from a cache entry (paths, keys, a JSON parser's excerpt) made safe to print: unprintable
 * characters escaped, the length bounded.
 */
export function printable(text: string, max = MESSAGE_MAX_CHARS): string {
  const escaped = text.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

/**
 * The archive is damaged, truncated, refused, or not the snapshot that was asked for. The message names
 * what the entry holds, so it is made printable here.
 */
export class SnapshotInvalidError extends Error {
  override readonly name = 'SnapshotInvalidError';
  constructor(message: string) {
    super(printable(message));
  }
}

export interface VolumeSource {
  /** Mount name. */
  name: string;
  /** A tar of the volume's directory as Docker's GET archive returns it: one top-level directory, `name`. */
  open: () => Promise<Readable>;
}

const isFile = (t: EntryType | null | undefined): boolean => t === 'file';
const stripSlash = (name: string): string => name.replace(/\/+$/, '');
const errorOf = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
const BLOCK = 512;
const blocks = (bytes: number): number => Math.ceil(bytes / BLOCK) * BLOCK;

/** `markers.json` holds a few keys per mount; anything near this is not a snapshot of ours. */
const MARKERS_MAX_BYTES = 1 << 20;
/** The manifest's fixed part (format, key, volumes, hash) fits in this; its entries get their own allowance. */
const MANIFEST_BASE_BYTES = 64 << 10;
/**
 * Bytes that may arrive without an entry to check: an entry's headers are a few blocks (a pax header of a
 * long path or link), so more means runs of empty blocks or headers, held in memory until an entry comes.
 */
const UNCHECKED_MAX_BYTES = 1 << 20;

/**
 * The entry kinds a snapshot holds and their tar type flags. Device nodes, FIFOs and the rest are refused:
 * a data directory needs none of them, and a device node in a volume hands a host device to any
 * container allowed to open it.
 */
const TYPEFLAGS: Partial<Record<EntryType, string>> = { file: '0', link: '1', symlink: '2', directory: '5' };
const REFUSED_KINDS: Partial<Record<EntryType, string>> = {
  'character-device': 'a character device',
  'block-device': 'a block device',
  fifo: 'a FIFO',
  'contiguous-file': 'a contiguous file',
};
/**
 * The pax records Docker's archives carry (Go's archive/tar, PAX format) that tar-stream and Docker's
 * extraction read alike. Extended attributes (`SCHILY.xattr.*`, `LIBARCHIVE.xattr.*`: file capabilities,
 * which Docker sets on extraction) and sparse maps (`GNU.sparse.*`, which Docker expands and tar-stream
 * does not) are refused with everything else.
 */
const PAX_KEYS = new Set([
  'path',
  'linkpath',
  'size',
  'uid',
  'gid',
  'uname',
  'gname',
  'mtime',
  'atime',
  'ctime',
]);
const NUMERIC_PAX_KEYS = ['size', 'uid', 'gid'];
/** POSIX ustar magic and version, which Go's archive/tar and tar-stream write. */
const USTAR = 'ustar\u000000';

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

const paxRecords = (h: Header): Record<string, string> =>
  typeof h.pax === 'object' && h.pax !== null ? (h.pax as Record<string, string>) : {};

function manifestEntry(h: Header, sha256?: string): ManifestEntry {
  const pax = paxRecords(h);
  return {
    path: stripSlash(h.name),
    type: h.type,
    // Permission, setuid/setgid and sticky bits: what a tar header round-trips (type bits do not).
    mode: h.mode & 0o7777,
    // Docker takes the owner from a pax record over the header field (tar-stream does not).
    uid: pax.uid !== undefined ? Number(pax.uid) : h.uid,
    gid: pax.gid !== undefined ? Number(pax.gid) : h.gid,
    ...(isFile(h.type) && { size: h.size, sha256 }),
    ...(h.linkname && { linkname: h.linkname }),
  };
}

/** An octal header field as Go's archive/tar reads it (NULs and spaces around, digits only); else undefined. */
function octalField(block: Buffer, at: number, length: number): number | undefined {
  const text = block
    .toString('latin1', at, at + length)
    .replace(/^[ \0]+|[ \0]+$/g, '')
    .split('\0')[0];
  return text && /^[0-7]+$/.test(text) ? parseInt(text, 8) : undefined;
}

/**
 * What is wrong with the raw header blocks of one entry (from the end of the previous entry's data to
 * this entry's data), if anything: they must be at most one pax extended header, then the entry's own
 * header, all POSIX ustar, as Docker writes them. tar-stream (which checks) and Go's archive/tar (which
 * Docker extracts with) read other dialects differently: a pax global header, a GNU long name beside a
 * pax path, a star prefix, entries past an end-of-archive marker. An entry could then show one thing to
 * the checks and be another thing to Docker.
 */
function headerProblem(region: Buffer, type: EntryType): string | undefined {
  let extended = false;
  for (let at = 0; ;) {
    const block = region.subarray(at, at + BLOCK);
    if (block.length < BLOCK) return 'its header blocks do not add up';
    at += BLOCK;
    if (block.every((b) => b === 0)) return 'an empty block (an end-of-archive marker) comes before it';
    if (block.toString('latin1', 257, 265) !== USTAR || block.toString('latin1', 508, 512) === 'tar\0') {
      return 'its header is not POSIX ustar';
    }
    const flag = String.fromCharCode(block[156] ?? 0);
    if (flag === 'x' && !extended) {
      extended = true;
      const size = octalField(block, 124, 12);
      if (size === undefined) return 'its pax header has no readable size';
      at += blocks(size);
      continue;
    }
    if (at !== region.length) return `a header of tar type ${JSON.stringify(flag)} comes before it`;
    if (flag !== TYPEFLAGS[type]) return `its header has tar type ${JSON.stringify(flag)}`;
    return undefined;
  }
}

/** A plain relative path: no empty, `.` or `..` segment (so not absolute either). */
const isPlain = (segments: string[]): boolean => segments.every((s) => s !== '' && s !== '.' && s !== '..');

interface ParseOptions {
  /** Mount names: every entry sits under one of them (the first segment of its path). */
  volumes: readonly string[];
  /** Restore: the archive ends with `markers.json` and `manifest.json`, whose bodies are kept. */
  trailer?: boolean;
  /** Refuse the archive once more bytes than this arrived. */
  maxBytes?: number;
  /** Where checked bytes go, in order (restore: to Docker); without it they are dropped. */
  release?: (bytes: Buffer) => Promise<void>;
}

/**
 * The bytes of the stream from the end of the last accepted entry on. Bytes before `accepted` go to
 * `release` in order, with backpressure; the rest waits until the entry whose headers they are is
 * accepted. So a refused entry never reaches Docker: not its header, not anything after it.
 */
class CheckedBytes {
  private held: Buffer[] = [];
  /** Stream offset of the first held byte. */
  private heldFrom = 0;
  /** Stream offset just past the last byte pushed. */
  private pushed = 0;
  private flushing: Promise<void> = Promise.resolve();
  /** Everything before this offset was checked (ahead of `pushed` while a file's data arrives). */
  accepted = 0;

  constructor(private readonly release?: (bytes: Buffer) => Promise<void>) {}

  /** Bytes pushed and not checked yet. */
  get unchecked(): number {
    return Math.max(0, this.pushed - this.accepted);
  }

  push(chunk: Buffer): Promise<void> {
    this.held.push(chunk);
    this.pushed += chunk.length;
    return this.flush();
  }

  /** A copy of the held bytes [from, to). */
  bytes(from: number, to: number): Buffer {
    const out = Buffer.alloc(Math.max(0, to - from));
    let at = this.heldFrom;
    for (const chunk of this.held) {
      const start = Math.max(from, at);
      const end = Math.min(to, at + chunk.length);
      if (start < end) chunk.copy(out, start - from, start - at, end - at);
      at += chunk.length;
      if (at >= to) break;
    }
    return out;
  }

  /** Hand over what is checked; calls are serialized, so the bytes go out in stream order. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      while (this.held.length > 0 && this.heldFrom < this.accepted) {
        const chunk = this.held[0] as Buffer;
        const take = Math.min(chunk.length, this.accepted - this.heldFrom);
        if (take === chunk.length) this.held.shift();
        else this.held[0] = chunk.subarray(take);
        this.heldFrom += take;
        if (this.release) await this.release(chunk.subarray(0, take));
      }
    });
    return this.flushing;
  }
}

/**
 * The checks each entry's header passes before any of its bytes go on, in stream order. What a snapshot
 * may hold: regular files, directories, symlinks and hard links, under the volumes' directories, without
 * setuid/setgid files or extended attributes. See docs/cache.md (what a restore checks).
 */
class EntryChecks {
  /** Every path so far and its type (hard links must name one; a path may appear once). */
  private readonly seen = new Map<string, EntryType>();
  private readonly symlinks = new Set<string>();
  private phase: 'volumes' | 'markers' | 'manifest' = 'volumes';
  /** An upper bound of the manifest's size for the entries so far. */
  manifestBudget = MANIFEST_BASE_BYTES;

  constructor(private readonly o: ParseOptions) {}

  /** Why the entry is refused, or undefined. */
  problem(h: Header, region: Buffer): string | undefined {
    const name = stripSlash(h.name);
    const kind = REFUSED_KINDS[h.type];
    if (kind) return `${name} is ${kind}`;
    if (TYPEFLAGS[h.type] === undefined) return `${name} is of a tar type initsteps does not restore`;
    const header = headerProblem(region, h.type);
    if (header) return `${name}: ${header}`;
    if (!isFile(h.type) && h.size !== 0) return `${name}: a ${h.type} entry with ${h.size} bytes of data`;
    // On a directory, setgid only makes new files inherit the group: no privilege.
    if (h.type !== 'directory' && (h.mode & 0o6000) !== 0) {
      const bits = ['setuid', 'setgid'].filter((_, i) => (h.mode & (i === 0 ? 0o4000 : 0o2000)) !== 0);
      return `${name} is ${bits.join(' and ')} (mode ${(h.mode & 0o7777).toString(8)})`;
    }
    for (const [key, value] of Object.entries(paxRecords(h))) {
      const xattr = /^(?:SCHILY|LIBARCHIVE)\.xattr\.(.*)$/.exec(key)?.[1];
      if (xattr === 'security.capability') return `${name} carries file capabilities (pax record ${key})`;
      if (xattr !== undefined) return `${name} carries the extended attribute ${xattr} (pax record ${key})`;
      if (!PAX_KEYS.has(key))
        return `${name} carries the pax record ${key}, which initsteps does not restore`;
      if (NUMERIC_PAX_KEYS.includes(key) && !/^\d+$/.test(value))
        return `${name}: pax record ${key} is not a number`;
    }
    return this.placeProblem(h, name);
  }

  private placeProblem(h: Header, name: string): string | undefined {
    const segments = name.split('/');
    if (!isPlain(segments)) return `${name} is not a plain relative path`;
    if (this.o.trailer && (name === MARKERS_NAME || name === MANIFEST_NAME))
      return this.trailerProblem(h, name);
    if (this.phase !== 'volumes') return `${name} comes after ${MARKERS_NAME}`;
    if (!this.o.volumes.includes(segments[0] as string)) {
      return `${name} is outside the volumes' directories (${this.o.volumes.join(', ')})`;
    }
    if (this.seen.has(name)) return `${name} appears twice`;
    // Docker would follow the symlink while extracting: the entry would land wherever it points.
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join('/');
      if (this.symlinks.has(parent)) return `${name} lies under the symlink ${parent}`;
    }
    if (h.type === 'link') {
      const target = h.linkname ?? '';
      const type = this.seen.get(target);
      if (target.split('/')[0] !== segments[0] || type === undefined || type === 'directory') {
        return `${name} is a hard link to ${target}, not to an earlier file of its volume`;
      }
    }
    this.seen.set(name, h.type);
    if (h.type === 'symlink') this.symlinks.add(name);
    // What the entry can add to the manifest: fixed fields, and each path character escaped at most 6 bytes.
    this.manifestBudget += 256 + 6 * (name.length + (h.linkname?.length ?? 0));
    return undefined;
  }

  private trailerProblem(h: Header, name: string): string | undefined {
    const next = name === MARKERS_NAME ? 'markers' : 'manifest';
    if (
      !(this.phase === 'volumes' && next === 'markers') &&
      !(this.phase === 'markers' && next === 'manifest')
    ) {
      return `${name} is out of place (the archive ends with ${MARKERS_NAME}, then ${MANIFEST_NAME})`;
    }
    this.phase = next;
    if (h.type !== 'file') return `${name} is not a file`;
    const limit = next === 'markers' ? MARKERS_MAX_BYTES : this.manifestBudget;
    if (h.size > limit) return `${name} is ${h.size} bytes, more than ${limit}`;
    return undefined;
  }

  /** Both trailer entries came (restore). */
  get complete(): boolean {
    return this.phase === 'manifest';
  }
}

/**
 * tar-stream's offset of the entry's data, just past its (last) header block. `byteOffset` is not part of
 * tar-stream's documented API, so package.json pins tar-stream to the exact version this was checked with.
 */
const dataOffset = (h: Header): number | undefined => (h as Header & { byteOffset?: number }).byteOffset;

interface Parsed {
  entries: ManifestEntry[];
  /** Where the archive's end-of-archive blocks start (the end of the last entry's data). */
  end: number;
  /** Bodies of the trailer entries (markers, manifest), kept rather than hashed. */
  kept: Map<string, Buffer>;
  /** Hand over the rest of the stream (its end-of-archive blocks), once everything verified. */
  releaseRest: () => Promise<void>;
}

/**
 * Parse a tar as it streams by: every entry checked as its header arrives (EntryChecks), its manifest
 * entry (regular files hashed), the byte offset where the archive proper ends. Throws
 * SnapshotInvalidError naming the first entry refused.
 */
async function parseTar(source: AsyncIterable<unknown>, o: ParseOptions): Promise<Parsed> {
  const ex = extract();
  const checked = new CheckedBytes(o.release);
  const checks = new EntryChecks(o);
  let refused: SnapshotInvalidError | undefined;
  let received = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      const bytes = chunk as Buffer;
      received += bytes.length;
      if (o.maxBytes !== undefined && received > o.maxBytes) {
        throw new SnapshotInvalidError(`it is larger than cache-max-size (${o.maxBytes} bytes)`);
      }
      if (checked.unchecked > UNCHECKED_MAX_BYTES) {
        throw new SnapshotInvalidError(`more than ${UNCHECKED_MAX_BYTES} bytes arrived without an entry`);
      }
      await checked.push(bytes);
      yield bytes;
    }
  }
  // Synchronously as tar-stream reads each header, before the next bytes can be released: an entry is
  // accepted (its headers and data may go on) or refused (nothing from its headers on ever goes).
  ex.on('entry', (h) => {
    const dataAt = dataOffset(h);
    // Without an offset nothing is accepted; the loop below then fails.
    if (refused || dataAt === undefined) return;
    const problem = checks.problem(h, checked.bytes(checked.accepted, dataAt));
    if (problem) refused = new SnapshotInvalidError(problem);
    else checked.accepted = dataAt + (isFile(h.type) ? blocks(h.size) : 0);
  });
  const feeding = feed(counted(), ex);
  const parsed: Parsed = {
    entries: [],
    end: 0,
    kept: new Map(),
    releaseRest: async () => {
      checked.accepted = Number.POSITIVE_INFINITY;
      await checked.flush();
    },
  };
  try {
    for await (const entry of ex) {
      if (refused) throw refused;
      const h = entry.header;
      const dataAt = dataOffset(h);
      if (dataAt === undefined) throw new Error('tar-stream gave no byte offsets');
      parsed.end = dataAt + (isFile(h.type) ? blocks(h.size) : 0);
      await checked.flush();
      const name = stripSlash(h.name);
      if (o.trailer && (name === MARKERS_NAME || name === MANIFEST_NAME)) {
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
    if (refused) throw refused;
    if (o.trailer && !checks.complete)
      throw new SnapshotInvalidError(`no ${MANIFEST_NAME} (truncated archive?)`);
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

/** A volume's part of the archive starts with the volume's directory (Docker's layout of a GET archive). */
function checkRoot(name: string, entries: ManifestEntry[]): void {
  const first = entries[0];
  if (first?.path !== name || first.type !== 'directory') {
    throw new SnapshotInvalidError(`the archive of volume ${name} does not start with its directory`);
  }
}

/** Bytes of a volume's tar written to the snapshot file at once (writeSnapshot). */
const DISK_BATCH = 1 << 20;

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
  // The engine's stream comes in small chunks: they go to disk in batches, one write in flight while the
  // next batch is parsed (a write per chunk, awaited in turn, cost as much as the engine's own reading).
  let writing: Promise<unknown> = Promise.resolve();
  let batch: Buffer[] = [];
  let batched = 0;
  const sendBatch = async (at: number): Promise<void> => {
    const bytes = Buffer.concat(batch, batched);
    batch = [];
    batched = 0;
    await writing;
    writing = fh.write(bytes, 0, bytes.length, at - bytes.length);
    writing.catch(() => undefined); // awaited with the next batch, or below
  };
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
          batch.push(bytes);
          batched += bytes.length;
          pos += bytes.length;
          if (batched >= DISK_BATCH) await sendBatch(pos);
          yield bytes;
        }
        await sendBatch(pos);
        await writing;
      }
      let parsed: Parsed;
      try {
        parsed = await parseTar(toDisk(), { volumes: [volume.name] });
      } finally {
        source.destroy();
      }
      checkRoot(volume.name, parsed.entries);
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
    await writing.catch(() => undefined);
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
      throw new SnapshotInvalidError(`${String((a ?? b)?.path)} ${what}`);
    }
  }
}

function parseJson(what: string, body: Buffer | undefined): unknown {
  if (body === undefined) throw new SnapshotInvalidError(`no ${what} (truncated archive?)`);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (e: unknown) {
    throw new SnapshotInvalidError(`${what}: ${errorOf(e).message}`);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseManifest(body: Buffer | undefined): SnapshotManifest {
  const m = parseJson('manifest', body);
  if (
    !isRecord(m) ||
    !Array.isArray(m.entries) ||
    !Array.isArray(m.volumes) ||
    !m.volumes.every((v) => typeof v === 'string')
  ) {
    throw new SnapshotInvalidError('manifest: not a snapshot manifest');
  }
  return m as unknown as SnapshotManifest;
}

/** A marker's key or time as initsteps writes them: short, printable. */
const isMarkerText = (v: unknown): boolean => typeof v === 'string' && printable(v) === v;

function parseMarkers(body: Buffer | undefined): SavedMarkers {
  const m = parseJson('markers', body);
  const valid =
    isRecord(m) &&
    Object.values(m).every(
      (list) =>
        Array.isArray(list) && list.every((x) => isRecord(x) && isMarkerText(x.key) && isMarkerText(x.at)),
    );
  if (!valid) throw new SnapshotInvalidError('markers: not a list of markers per volume');
  return m as SavedMarkers;
}

/** What an entry must be to be restored. */
export interface SnapshotExpectation {
  /** The key it was fetched under: the manifest must name it. */
  key: string;
  /** The instance's mount names: every entry sits under one of them, and the manifest lists exactly these. */
  volumes: readonly string[];
  /** `cache-max-size`: more bytes than this arriving refuses the entry. */
  maxBytes: number;
}

const sameVolumes = (a: readonly string[], b: readonly string[]): boolean =>
  [...a].sort().join('\0') === [...b].sort().join('\0');

/**
 * Check a snapshot stream: every entry's header as it arrives (only regular files, directories, symlinks
 * and hard links under the volumes' directories; no setuid/setgid file, no extended attribute), the size
 * limit, then against its manifest: the same entries in the same order, same metadata, same content, the
 * markers it names, the key and volumes asked for. Any difference or a truncated stream is invalid.
 * `release` gets the bytes that passed the header checks, in order (restoreSnapshot sends them to Docker);
 * the end-of-archive blocks only once everything verified.
 */
export async function verifySnapshot(
  source: AsyncIterable<unknown>,
  expected: SnapshotExpectation,
  release?: (bytes: Buffer) => Promise<void>,
): Promise<{ manifest: SnapshotManifest; markers: SavedMarkers }> {
  let parsed: Parsed;
  try {
    parsed = await parseTar(source, {
      volumes: expected.volumes,
      trailer: true,
      maxBytes: expected.maxBytes,
      release,
    });
  } catch (e: unknown) {
    if (e instanceof SnapshotInvalidError) throw e;
    throw new SnapshotInvalidError(`unreadable archive: ${errorOf(e).message}`);
  }
  const manifest = parseManifest(parsed.kept.get(MANIFEST_NAME));
  const markersText = parsed.kept.get(MARKERS_NAME);
  if (manifest.format !== CACHE_FORMAT_VERSION) {
    throw new SnapshotInvalidError(`format ${JSON.stringify(manifest.format)}`);
  }
  if (manifest.key !== expected.key) throw new SnapshotInvalidError(`snapshot of ${manifest.key}`);
  if (!sameVolumes(manifest.volumes, expected.volumes)) {
    throw new SnapshotInvalidError(
      `it holds volumes ${manifest.volumes.join(',')}, not ${expected.volumes.join(',')}`,
    );
  }
  if (!markersText || createHash('sha256').update(markersText).digest('hex') !== manifest.markersSha256) {
    throw new SnapshotInvalidError('markers do not match the manifest');
  }
  compareEntries(parsed.entries, manifest.entries);
  for (const v of manifest.volumes)
    checkRoot(
      v,
      manifest.entries.filter((e) => e.path.split('/')[0] === v),
    );
  const markers = parseMarkers(markersText);
  await parsed.releaseRest();
  return { manifest, markers };
}

/** Checked bytes sent to the engine at once in a restore (restoreSnapshot). */
const ENGINE_BATCH = 1 << 20;

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
 * through verification at the same time, each entry only once its header passed the checks (a refused
 * entry never reaches Docker). Resolves once both are done and the snapshot verified; on a verification
 * failure the upload is aborted, but what reached the volumes already (content that did not match the
 * manifest) must be discarded.
 * A failed upload does not stop the verification: whether the entry is bad or the engine failed (a full
 * disk) decides whether the cache keeps the entry.
 */
export async function restoreSnapshot(
  source: Readable,
  expected: SnapshotExpectation,
  put: (tar: Readable) => Promise<void>,
): Promise<{ manifest: SnapshotManifest; markers: SavedMarkers }> {
  const toDocker = new PassThrough();
  // The upload's own error reaches us through `put`; the stream's 'error' event needs no other handler.
  toDocker.on('error', () => undefined);
  const putting = put(toDocker);
  putting.catch((e: unknown) => toDocker.destroy(errorOf(e)));
  // The store failing to deliver the snapshot (a download that broke off) says nothing about the entry.
  let unreadable: unknown;
  async function* read(): AsyncGenerator<Buffer> {
    try {
      for await (const chunk of source) yield chunk as Buffer;
    } catch (e: unknown) {
      unreadable ??= e;
      throw e;
    }
  }
  // Checked bytes come entry by entry (a header, a file's data); written to the engine one by one they
  // cost more than the verification itself (a write per piece, each waking the engine), so they go in
  // batches of at least ENGINE_BATCH bytes.
  let batch: Buffer[] = [];
  let batched = 0;
  const sendBatch = async (): Promise<void> => {
    const bytes = Buffer.concat(batch, batched);
    batch = [];
    batched = 0;
    if (!toDocker.destroyed && !toDocker.write(bytes)) await drainedOrGone(toDocker);
  };
  const toEngine = async (bytes: Buffer): Promise<void> => {
    batch.push(bytes);
    batched += bytes.length;
    if (batched >= ENGINE_BATCH) await sendBatch();
  };
  const verifying = verifySnapshot(read(), expected, toEngine).then(
    async (verified) => {
      await sendBatch();
      toDocker.end();
      return verified;
    },
    (e: unknown) => {
      toDocker.destroy(new Error('restore stopped'));
      throw e;
    },
  );
  const [verified, uploaded] = await Promise.allSettled([verifying, putting]);
  if (unreadable !== undefined) throw unreadable;
  // A bad archive is the cause whenever verification says so, even if Docker choked on it first.
  if (verified.status === 'rejected' && verified.reason instanceof SnapshotInvalidError)
    throw verified.reason;
  if (uploaded.status === 'rejected') throw uploaded.reason;
  if (verified.status === 'rejected') throw verified.reason;
  return verified.value;
}
