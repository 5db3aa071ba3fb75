import { fileURLToPath as __ncc_fileURLToPath } from 'node:url'; import { dirname as __ncc_dirname } from 'node:path'; const __filename = __ncc_fileURLToPath(import.meta.url); const __dirname = __ncc_dirname(__filename);
export const id = 124;
export const ids = [124];
export const modules = {

/***/ 78124:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./node_modules/@actions/cache/lib/cache.js + 352 modules
var cache = __webpack_require__(83179);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/cache/stores.ts
// Where snapshots live between runs: the GitHub Actions cache service (through @actions/cache, which adds
// its own tar + zstd/gzip around the snapshot file) or a plain directory (CLI `up --cache-dir`, for a
// laptop or a self-hosted runner). Both hold the same snapshot archive, one file per key.







/** A store operation failed (service unreachable, refused, disk error); the cache treats it as a warning. */
class CacheStoreError extends Error {
    name = 'CacheStoreError';
}
/** One `<key>.tar` per entry; writes land in `.partial/` and are renamed in, so readers never see half a file. */
class DirCacheStore {
    dir;
    description;
    constructor(dir) {
        this.dir = dir;
        this.description = `cache directory ${dir}`;
    }
    entry(key) {
        return (0,external_node_path_.join)(this.dir, `${key}.tar`);
    }
    stagingFile(key) {
        return (0,external_node_path_.join)(this.dir, '.partial', `${key}.${(0,external_node_crypto_.randomUUID)()}.tar`);
    }
    async has(key) {
        return (0,external_node_fs_.existsSync)(this.entry(key));
    }
    async fetch(key) {
        const file = this.entry(key);
        return (0,external_node_fs_.existsSync)(file) ? file : undefined;
    }
    async release(key, file, corrupt) {
        if (corrupt)
            await (0,promises_.rm)(file, { force: true });
    }
    async put(key, file) {
        try {
            await (0,promises_.rename)(file, this.entry(key));
        }
        catch (e) {
            await (0,promises_.rm)(file, { force: true });
            throw new CacheStoreError(`could not store ${key} in ${this.dir}: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    }
}
/**
 * The Actions cache (v2 service when the runner enables it). One snapshot file per key under
 * `$RUNNER_TEMP/initsteps-cache/<key>/`: @actions/cache derives the entry's version from the paths, so
 * save and restore must name the same path. Restores use the exact key, never restore keys.
 */
class ActionsCacheStore {
    description = 'the GitHub Actions cache';
    root;
    constructor(env = process.env) {
        this.root = join(env.RUNNER_TEMP || tmpdir(), 'initsteps-cache');
    }
    stagingFile(key) {
        return join(this.root, key, 'snapshot.tar');
    }
    available() {
        if (!actionsCache.isFeatureAvailable()) {
            throw new CacheStoreError('the Actions cache service is not available to this step (ACTIONS_RESULTS_URL unset)');
        }
    }
    async has(key) {
        this.available();
        return (await actionsCache.restoreCache([this.stagingFile(key)], key, [], { lookupOnly: true })) === key;
    }
    async fetch(key) {
        this.available();
        const file = this.stagingFile(key);
        await mkdir(dirname(file), { recursive: true });
        // A miss and a failure look alike here: @actions/cache logs its own warning for a failure.
        const hit = await actionsCache.restoreCache([file], key, []);
        return hit === key && existsSync(file) ? file : undefined;
    }
    async release(_key, file) {
        await rm(dirname(file), { recursive: true, force: true });
    }
    async put(key, file) {
        try {
            this.available();
            let id;
            try {
                id = await actionsCache.saveCache([file], key);
            }
            catch (e) {
                throw new CacheStoreError(`the cache service refused ${key}: ${errorMessage(e)}`);
            }
            // -1: @actions/cache already said why (read-only token, a concurrent save, a server error).
            if (id === -1)
                throw new CacheStoreError(`the cache service did not store ${key}`);
        }
        finally {
            await rm(dirname(file), { recursive: true, force: true });
        }
    }
}

// EXTERNAL MODULE: ./src/engine/labels.ts
var engine_labels = __webpack_require__(59667);
// EXTERNAL MODULE: ./src/markers/store.ts
var store = __webpack_require__(31890);
// EXTERNAL MODULE: ./node_modules/dockerode/lib/docker.js
var lib_docker = __webpack_require__(39040);
var docker_default = /*#__PURE__*/__webpack_require__.n(lib_docker);
// EXTERNAL MODULE: ./src/runtime/docker.ts
var runtime_docker = __webpack_require__(3518);
;// CONCATENATED MODULE: ./src/runtime/docker-archive.ts


const statusOf = (e) => typeof e === 'object' && e !== null && 'statusCode' in e && typeof e.statusCode === 'number'
    ? e.statusCode
    : undefined;
/** A client for the engine at `endpoint` (a socket path, or anything else: dockerode reads DOCKER_HOST). */
function dockerArchiveClient(endpoint) {
    const socketPath = endpoint.startsWith('unix://') ? endpoint.slice('unix://'.length) : endpoint;
    const docker = socketPath.startsWith('/') ? new (docker_default())({ socketPath }) : new (docker_default())();
    return {
        async imageId(ref) {
            try {
                return (await docker.getImage(ref).inspect()).Id;
            }
            catch (e) {
                if (statusOf(e) === 404)
                    return undefined;
                throw new Error((0,runtime_docker/* dockerMessage */.QV)(e));
            }
        },
        async getArchive(containerId, path) {
            try {
                return (await docker.getContainer(containerId).getArchive({ path }));
            }
            catch (e) {
                throw new Error(`reading ${path}: ${(0,runtime_docker/* dockerMessage */.QV)(e)}`);
            }
        },
        async putArchive(containerId, path, tar) {
            try {
                // No copyUIDGID: the owners in the tar are kept, not replaced by the container user's.
                await docker.getContainer(containerId).putArchive(tar, { path });
            }
            catch (e) {
                throw new Error(`writing ${path}: ${(0,runtime_docker/* dockerMessage */.QV)(e)}`);
            }
        },
    };
}

// EXTERNAL MODULE: ./src/runtime/sandbox-image.ts
var sandbox_image = __webpack_require__(74987);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
;// CONCATENATED MODULE: ./src/cache/key.ts
// The cache key: `initsteps-<format>-<project>-<instance>-<sha256>` over everything that decides what an
// instance's init sequence leaves in its volumes (docs/cache.md lists it). Exact keys only: a restore
// of a volume initialized from other inputs would be wrong state, not a head start.




/** Bumped whenever the archive layout or the key's inputs change meaning: old entries then never match. */
const CACHE_FORMAT_VERSION = 1;
/** An image the key needs is not in the engine yet (it is pulled later in the run), so there is no key. */
class ImageNotPresentError extends Error {
    image;
    name = 'ImageNotPresentError';
    constructor(image) {
        super(`image ${image} is not present`);
        this.image = image;
    }
}
const sha256 = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
/**
 * Secret values enter the key through scrypt: the key never carries a value, and guessing a weak secret
 * back from a published key costs a slow hash per guess. Salted per service and name so equal values in
 * two places do not give equal digests.
 */
function secretDigest(service, name, value) {
    return new Promise((resolve, reject) => {
        (0,external_node_crypto_.scrypt)(value, `initsteps-cache-secret/${service}/${name}`, 32, { N: 16384, r: 8, p: 1 }, (err, key) => err ? reject(err) : resolve(key.toString('hex')));
    });
}
/** Workspace-relative, `/`-separated: the same checkout in another directory gives the same key. */
function portablePath(workspace, path) {
    const rel = (0,external_node_path_.relative)(workspace, path);
    return rel.startsWith('..') ? path : rel.split(external_node_path_.sep).join('/') || '.';
}
/**
 * Hash a hostPath's tree: every entry's relative path, kind, executable bit and content (symlinks by
 * their target, not followed), in sorted order. Other mode bits follow the checkout's umask, so they
 * would make two checkouts of the same commit miss each other's entries.
 */
async function hashHostPath(root) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    const visit = async (abs, rel) => {
        let st;
        try {
            st = await (0,promises_.lstat)(abs);
        }
        catch (e) {
            if (e.code !== 'ENOENT')
                throw e;
            hash.update(`${rel}\0missing\n`);
            return;
        }
        if (st.isSymbolicLink()) {
            hash.update(`${rel}\0symlink\0${await (0,promises_.readlink)(abs)}\n`);
        }
        else if (st.isDirectory()) {
            hash.update(`${rel}\0dir\n`);
            const names = (await (0,promises_.readdir)(abs)).sort();
            for (const name of names)
                await visit((0,external_node_path_.join)(abs, name), rel === '' ? name : `${rel}/${name}`);
        }
        else if (st.isFile()) {
            const content = (0,external_node_crypto_.createHash)('sha256');
            for await (const chunk of (0,external_node_fs_.createReadStream)(abs))
                content.update(chunk);
            const exec = (st.mode & 0o111) !== 0 ? 'x' : '-';
            hash.update(`${rel}\0file\0${exec}\0${st.size}\0${content.digest('hex')}\n`);
        }
        else {
            hash.update(`${rel}\0special\n`);
        }
    };
    await visit(root, '');
    return hash.digest('hex');
}
/** JSON with object keys sorted at every level, so the hash does not depend on construction order. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v))
            return v;
        return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));
    });
}
/** The images an instance involves: the service's, the main container's and every step's. */
function instanceImages(ctx) {
    const refs = [
        ctx.service.template.image,
        ctx.instance.main.image,
        ...ctx.instance.steps.map((s) => s.image),
    ];
    return [...new Set(refs.filter((r) => r !== undefined))].sort();
}
async function computeCacheKey(ctx, imageId) {
    const { project, service, instance } = ctx;
    const workspace = project.workspace;
    // A secret reaches the template, the main container and every step: derive each digest once.
    const digests = new Map();
    const digest = (v) => {
        const id = `${v.name}\0${v.value}`;
        const known = digests.get(id) ?? secretDigest(service.name, v.name, v.value);
        digests.set(id, known);
        return known;
    };
    const env = async (vars) => Promise.all(vars.map(async (v) => v.secret ? { name: v.name, secretScrypt: await digest(v) } : { name: v.name, value: v.value }));
    const mount = (m) => m.source.kind === 'hostPath'
        ? { ...m, source: { kind: 'hostPath', path: portablePath(workspace, m.source.path) } }
        : m;
    const container = async (c) => ({
        ...c,
        env: await env(c.env),
        volumes: c.volumes.map(mount),
    });
    const images = {};
    for (const ref of instanceImages(ctx)) {
        const id = await imageId(ref);
        if (id === undefined)
            throw new ImageNotPresentError(ref);
        images[ref] = id;
    }
    const hostPaths = [];
    const seen = new Set();
    for (const m of [
        ...instance.main.volumes,
        ...instance.steps.flatMap((s) => s.volumes),
        ...service.template.volumes,
    ]) {
        if (m.source.kind !== 'hostPath' || seen.has(m.source.path))
            continue;
        seen.add(m.source.path);
        hostPaths.push({
            path: portablePath(workspace, m.source.path),
            sha256: await hashHostPath(m.source.path),
        });
    }
    hostPaths.sort((a, b) => (a.path < b.path ? -1 : 1));
    // Source positions and the spec file's location are left out: they move when unrelated lines change.
    const inputs = {
        format: CACHE_FORMAT_VERSION,
        service: {
            name: service.name,
            runtime: service.runtime,
            pullPolicy: service.pullPolicy,
            replicas: service.replicas,
            ports: service.ports,
            dependsOn: service.dependsOn,
            readinessProbe: service.readinessProbe,
            template: await container(service.template),
        },
        instance: {
            name: instance.name,
            ordinal: instance.ordinal,
            main: await container(instance.main),
            steps: await Promise.all(instance.steps.map(async ({ pos: _pos, ...step }) => ({ ...step, ...(await container(step)) }))),
        },
        images,
        hostPaths,
    };
    const hash = sha256(canonicalJson(inputs));
    return { key: `initsteps-${CACHE_FORMAT_VERSION}-${project.name}-${instance.name}-${hash}`, inputs };
}

;// CONCATENATED MODULE: ./src/cache/archive.ts
// The snapshot archive: one tar holding every persistent volume of an instance, each under its mount
// name (`<mount>/...`, byte for byte what Docker's GET archive gave: owners, modes, links, mtimes, pax
// records), then `markers.json`, then `manifest.json` (sha256 and size of every regular file, type,
// mode, owner and link of every entry). The layout is what Docker's PUT archive extracts at the helper's
// mount root, so a restore streams the file to Docker unchanged while checking it against the manifest.
// Mount names are DNS labels (no dot): they cannot collide with the two JSON entries.








const MARKERS_NAME = 'markers.json';
const MANIFEST_NAME = 'manifest.json';
/** The snapshot grew past the size limit; nothing is left on disk. */
class SnapshotTooLargeError extends Error {
    limitBytes;
    name = 'SnapshotTooLargeError';
    constructor(limitBytes) {
        super(`the snapshot is larger than the cache size limit (${limitBytes} bytes)`);
        this.limitBytes = limitBytes;
    }
}
/** The archive is damaged, truncated, or not the snapshot that was asked for. */
class SnapshotInvalidError extends Error {
    name = 'SnapshotInvalidError';
}
const isFile = (t) => t === 'file' || t === 'contiguous-file';
const stripSlash = (name) => name.replace(/\/+$/, '');
const errorOf = (e) => (e instanceof Error ? e : new Error(String(e)));
const BLOCK = 512;
const blocks = (bytes) => Math.ceil(bytes / BLOCK) * BLOCK;
/** Until the extractor drains; rejects when it closes first (destroyed by the parsing side). */
function drained(ex) {
    return new Promise((resolve, reject) => {
        const settle = (err) => {
            ex.off('drain', onDrain);
            ex.off('close', onClose);
            if (err)
                reject(err);
            else
                resolve();
        };
        const onDrain = () => settle();
        const onClose = () => settle(new Error('the tar parser stopped'));
        ex.on('drain', onDrain);
        ex.on('close', onClose);
    });
}
/** Write a byte stream into tar-stream's extractor with backpressure, then end it (a streamx stream). */
async function feed(source, ex) {
    try {
        for await (const chunk of source) {
            if (ex.destroying)
                throw new Error('the tar parser stopped');
            if (!ex.write(chunk))
                await drained(ex);
        }
        ex.end(undefined);
    }
    catch (e) {
        ex.destroy(errorOf(e));
        throw e;
    }
}
function manifestEntry(h, sha256) {
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
/**
 * Parse a tar as it streams by: every entry's manifest entry (regular files hashed), and the byte offset
 * where the archive proper ends. `keep` names entries whose bodies are returned instead.
 */
async function parseTar(source, keep = []) {
    const ex = (0,tar_stream.extract)();
    const feeding = feed(source, ex);
    const parsed = { entries: [], end: 0, kept: new Map() };
    try {
        for await (const entry of ex) {
            const h = entry.header;
            // tar-stream's offset of the entry's data, just past its (last) header block.
            const dataAt = h.byteOffset;
            if (dataAt === undefined)
                throw new Error('tar-stream gave no byte offsets');
            parsed.end = dataAt + (isFile(h.type) ? blocks(h.size) : 0);
            const name = stripSlash(h.name);
            if (keep.includes(name)) {
                const chunks = [];
                for await (const c of entry)
                    chunks.push(c);
                parsed.kept.set(name, Buffer.concat(chunks));
            }
            else if (isFile(h.type)) {
                const hash = (0,external_node_crypto_.createHash)('sha256');
                let size = 0;
                for await (const c of entry) {
                    hash.update(c);
                    size += c.length;
                }
                if (size !== h.size)
                    throw new SnapshotInvalidError(`${name} is truncated`);
                parsed.entries.push(manifestEntry(h, hash.digest('hex')));
            }
            else {
                entry.resume();
                parsed.entries.push(manifestEntry(h));
            }
        }
        await feeding;
    }
    catch (e) {
        // With an error, so a feed waiting for 'drain' stops too.
        ex.destroy(errorOf(e));
        await feeding.catch(() => undefined);
        throw e;
    }
    return parsed;
}
/** Whether a volume's tar has anything besides its root directory; reads no further than the second entry. */
async function holdsMoreThanRoot(tar) {
    const ex = (0,tar_stream.extract)();
    const feeding = feed(tar, ex);
    let count = 0;
    for await (const entry of ex) {
        entry.resume();
        if (++count > 1)
            break;
    }
    tar.destroy();
    await feeding.catch(() => undefined);
    return count > 1;
}
/** A tar of small in-memory files, without its end-of-archive blocks (it is appended to). */
async function smallTar(files) {
    const p = (0,tar_stream.pack)();
    const out = [];
    p.on('data', (c) => out.push(c));
    const ended = new Promise((resolve, reject) => {
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
function checkUnder(name, entries) {
    if (entries.length === 0)
        throw new SnapshotInvalidError(`the archive of volume ${name} is empty`);
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
async function writeSnapshot(opts) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(opts.file), { recursive: true });
    const fh = await (0,promises_.open)(opts.file, 'w');
    try {
        let pos = 0;
        const entries = [];
        for (const volume of opts.volumes) {
            const base = pos;
            const source = await volume.open();
            async function* toDisk() {
                for await (const chunk of source) {
                    const bytes = chunk;
                    if (pos + bytes.length > opts.maxBytes)
                        throw new SnapshotTooLargeError(opts.maxBytes);
                    await fh.write(bytes, 0, bytes.length, pos);
                    pos += bytes.length;
                    yield bytes;
                }
            }
            let parsed;
            try {
                parsed = await parseTar(toDisk());
            }
            finally {
                source.destroy();
            }
            checkUnder(volume.name, parsed.entries);
            entries.push(...parsed.entries);
            pos = base + parsed.end;
        }
        const markers = Buffer.from(`${JSON.stringify(opts.markers, null, 2)}\n`);
        const manifest = {
            format: CACHE_FORMAT_VERSION,
            key: opts.key,
            createdAt: new Date().toISOString(),
            volumes: opts.volumes.map((v) => v.name),
            markersSha256: (0,external_node_crypto_.createHash)('sha256').update(markers).digest('hex'),
            entries,
        };
        const tail = Buffer.concat([
            await smallTar([
                { name: MARKERS_NAME, body: markers },
                { name: MANIFEST_NAME, body: Buffer.from(JSON.stringify(manifest)) },
            ]),
            Buffer.alloc(2 * BLOCK),
        ]);
        if (pos + tail.length > opts.maxBytes)
            throw new SnapshotTooLargeError(opts.maxBytes);
        await fh.write(tail, 0, tail.length, pos);
        pos += tail.length;
        await fh.truncate(pos);
        await fh.close();
        return { bytes: pos, manifest };
    }
    catch (e) {
        await fh.close().catch(() => undefined);
        await (0,promises_.rm)(opts.file, { force: true });
        throw e;
    }
}
const sameEntry = (a, b) => a.path === b.path &&
    a.type === b.type &&
    a.mode === b.mode &&
    a.uid === b.uid &&
    a.gid === b.gid &&
    a.size === b.size &&
    a.sha256 === b.sha256 &&
    a.linkname === b.linkname;
/** Throws SnapshotInvalidError naming the first entry that differs (content, metadata, presence or order). */
function compareEntries(actual, expected) {
    for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
        const a = actual[i];
        const b = expected[i];
        if (!a || !b || !sameEntry(a, b)) {
            const what = !a ? 'is missing' : !b ? 'is not in the manifest' : 'does not match the manifest';
            throw new SnapshotInvalidError(`${(a ?? b)?.path ?? '?'} ${what}`);
        }
    }
}
function parseJson(what, body) {
    if (body === undefined)
        throw new SnapshotInvalidError(`no ${what} (truncated archive?)`);
    try {
        return JSON.parse(body.toString('utf8'));
    }
    catch (e) {
        throw new SnapshotInvalidError(`${what}: ${errorOf(e).message}`);
    }
}
/**
 * Check a snapshot stream against its manifest: the same entries in the same order, same metadata, same
 * content, the markers it names, the key asked for. Any difference or a truncated stream is invalid.
 */
async function verifySnapshot(source, expectedKey) {
    let parsed;
    try {
        parsed = await parseTar(source, [MARKERS_NAME, MANIFEST_NAME]);
    }
    catch (e) {
        if (e instanceof SnapshotInvalidError)
            throw e;
        throw new SnapshotInvalidError(`unreadable archive: ${errorOf(e).message}`);
    }
    const manifest = parseJson('manifest', parsed.kept.get(MANIFEST_NAME));
    const markersText = parsed.kept.get(MARKERS_NAME);
    if (!Array.isArray(manifest.entries) || !Array.isArray(manifest.volumes)) {
        throw new SnapshotInvalidError('manifest: no entries');
    }
    if (manifest.format !== CACHE_FORMAT_VERSION)
        throw new SnapshotInvalidError(`format ${manifest.format}`);
    if (manifest.key !== expectedKey)
        throw new SnapshotInvalidError(`snapshot of ${manifest.key}`);
    if (!markersText || (0,external_node_crypto_.createHash)('sha256').update(markersText).digest('hex') !== manifest.markersSha256) {
        throw new SnapshotInvalidError('markers do not match the manifest');
    }
    compareEntries(parsed.entries, manifest.entries);
    for (const v of manifest.volumes)
        checkUnder(v, manifest.entries.filter((e) => e.path.split('/')[0] === v));
    const volumes = new Set(manifest.volumes);
    const stray = manifest.entries.find((e) => !volumes.has(e.path.split('/')[0] ?? ''));
    if (stray)
        throw new SnapshotInvalidError(`entry ${stray.path} outside the snapshot's volumes`);
    return { manifest, markers: parseJson('markers', markersText) };
}
/**
 * Restore in one pass: the file streams to `put` (Docker's PUT archive at the helper's mount root) and
 * through verification at the same time. Resolves once both are done and the snapshot verified; on a
 * verification failure the upload is aborted, but what reached the volumes already must be discarded.
 */
async function restoreSnapshot(file, key, put) {
    const toDocker = new external_node_stream_.PassThrough();
    const putting = put(toDocker);
    // A failed upload errors the pass-through, so the reader below stops waiting for 'drain'.
    putting.catch((e) => toDocker.destroy(errorOf(e)));
    async function* tee() {
        try {
            for await (const chunk of (0,external_node_fs_.createReadStream)(file, { highWaterMark: 1 << 20 })) {
                if (toDocker.destroyed)
                    throw new Error('the upload to Docker stopped');
                if (!toDocker.write(chunk))
                    await (0,external_node_events_.once)(toDocker, 'drain');
                yield chunk;
            }
            toDocker.end();
        }
        finally {
            if (!toDocker.writableEnded)
                toDocker.destroy(new Error('restore stopped'));
        }
    }
    const [verified, uploaded] = await Promise.allSettled([verifySnapshot(tee(), key), putting]);
    // A bad archive is the cause whenever verification says so, even if Docker choked on it first.
    if (verified.status === 'rejected' && verified.reason instanceof SnapshotInvalidError)
        throw verified.reason;
    if (uploaded.status === 'rejected')
        throw uploaded.reason;
    if (verified.status === 'rejected')
        throw verified.reason;
    return verified.value;
}

;// CONCATENATED MODULE: ./src/cache/volume-cache.ts
// The VolumeCache the engine calls around an instance's init sequence (contract §5). Restore: only into
// volumes that are fresh (no marker, empty), only the exact key; the snapshot streams into the volumes
// while it is checked against its manifest (volumes that took a bad one are emptied again); then the
// markers are written for the volumes' new identities.
// Save: only what this run initialized from fresh volumes under the key computed at restore time, once
// per key. Every failure is a warning through the observer; the run goes on as on fresh volumes.







const DEFAULT_CACHE_MAX_BYTES = 2 * 1024 ** 3;
/** Where the helper container mounts each volume: flat, so nested mount paths cannot overlap. */
const HELPER_ROOT = '/initsteps-cache';
/** A volume that took a bad snapshot could not be emptied again (reported as a warning, like every failure). */
class VolumeNotEmptiedError extends Error {
    name = 'VolumeNotEmptiedError';
}
function createVolumeCache(options) {
    return new DockerVolumeCache(options);
}
class DockerVolumeCache {
    o;
    states = new Map();
    savedKeys = new Set();
    waiting = [];
    maxBytes;
    archive;
    constructor(o) {
        this.o = o;
        this.maxBytes = o.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
        this.archive = o.archive ?? dockerArchiveClient(o.runtime.endpoint);
    }
    warn(message) {
        this.o.observer({ type: 'warning', message: `cache: ${message}` });
    }
    /** The markers of a volume identity, from the engine's marker store. */
    markers(uid) {
        return (0,store/* getMarkers */.Iw)(uid);
    }
    async restore(ctx) {
        const id = `${ctx.project.name}/${ctx.instance.name}`;
        this.states.set(id, { kind: 'skip' });
        if (ctx.service.runtime !== 'container' || ctx.volumes.length === 0)
            return false;
        try {
            const volumes = await this.identify(ctx);
            if (volumes === undefined)
                return false;
            for (const v of volumes)
                if ((await this.markers(v.uid)).length > 0)
                    return false;
            const key = await this.key(ctx);
            if (key === undefined)
                return false;
            return await this.withHelper(ctx, volumes, false, async (helper) => {
                if (!(await this.allEmpty(helper, volumes)))
                    return false;
                this.states.set(id, { kind: 'fresh', key });
                const restored = await this.restoreInto(ctx, helper, volumes, key);
                if (restored)
                    this.states.set(id, { kind: 'restored', key });
                return restored;
            });
        }
        catch (e) {
            this.warn(`restoring ${ctx.instance.name} failed, its steps run as on fresh volumes: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return false;
        }
    }
    async save(ctx) {
        const state = this.states.get(`${ctx.project.name}/${ctx.instance.name}`);
        if (state?.kind !== 'fresh' || this.savedKeys.has(state.key))
            return;
        const key = state.key;
        this.savedKeys.add(key);
        try {
            if (await this.o.store.has(key))
                return;
            const volumes = await this.identify(ctx);
            if (volumes === undefined)
                return;
            const markers = {};
            for (const v of volumes)
                markers[v.name] = (await this.markers(v.uid)).map((m) => ({ key: m.key, at: m.at }));
            const file = this.o.store.stagingFile(key);
            try {
                await this.withHelper(ctx, volumes, true, (helper) => writeSnapshot({
                    file,
                    key,
                    volumes: this.sources(helper, volumes),
                    markers,
                    maxBytes: this.maxBytes,
                }));
            }
            catch (e) {
                if (!(e instanceof SnapshotTooLargeError))
                    throw e;
                this.warn(`${ctx.instance.name} not saved: its volumes are larger than cache-max-size (${this.maxBytes} bytes)`);
                return;
            }
            if (this.o.deferUpload) {
                this.waiting.push({ key, file });
                this.o.deferUpload([...this.waiting]);
            }
            else {
                await this.o.store.put(key, file);
            }
        }
        catch (e) {
            this.warn(`saving ${ctx.instance.name} failed (the run goes on): ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    }
    /** The instance's volumes with their identities; undefined when one has none (not created by initsteps). */
    async identify(ctx) {
        const volumes = [];
        for (const { mount, volumeName } of ctx.volumes) {
            const uid = (await this.o.runtime.inspectVolume(volumeName))?.labels[engine_labels/* LABEL */.d_.uid];
            if (uid === undefined)
                return undefined;
            volumes.push({ name: mount.name, dockerName: volumeName, uid });
        }
        return volumes.sort((a, b) => (a.name < b.name ? -1 : 1));
    }
    /**
     * The key, pulling a missing image as the run would (its ID is part of the key, and the steps need it
     * anyway). Undefined when an image cannot be had: the engine reports that when it gets to the step.
     */
    async key(ctx) {
        const policy = ctx.service.pullPolicy;
        for (const ref of instanceImages(ctx)) {
            if (policy === 'Never' || (policy === 'IfNotPresent' && (await this.archive.imageId(ref))))
                continue;
            try {
                await this.o.runtime.pullImage(ref, (progress) => this.o.observer({ type: 'image-pull', image: ref, progress }));
            }
            catch {
                return undefined;
            }
        }
        try {
            return (await computeCacheKey(ctx, (ref) => this.archive.imageId(ref))).key;
        }
        catch (e) {
            if (e instanceof ImageNotPresentError)
                return undefined;
            throw e;
        }
    }
    /** A created, never started container mounting every volume under HELPER_ROOT; removed afterwards. */
    async withHelper(ctx, volumes, readOnly, use) {
        const image = await (0,sandbox_image/* ensureSandboxImage */.rY)(this.o.runtime);
        const helper = await this.o.runtime.createContainer({
            image,
            env: [],
            labels: {
                [engine_labels/* LABEL */.d_.project]: ctx.project.name,
                [engine_labels/* LABEL */.d_.service]: ctx.service.name,
                [engine_labels/* LABEL */.d_.instance]: ctx.instance.name,
                [engine_labels/* LABEL */.d_.role]: 'cache',
            },
            network: { mode: 'none' },
            mounts: volumes.map((v) => ({
                type: 'volume',
                source: v.dockerName,
                target: `${HELPER_ROOT}/${v.name}`,
                readOnly,
            })),
            securityOpt: [],
            capAdd: [],
            capDrop: ['ALL'],
            privileged: false,
        });
        this.o.observer({ type: 'created', kind: 'container', id: helper });
        try {
            return await use(helper);
        }
        finally {
            await this.o.runtime.removeContainer(helper);
        }
    }
    sources(helper, volumes) {
        return volumes.map((v) => ({
            name: v.name,
            open: () => this.archive.getArchive(helper, `${HELPER_ROOT}/${v.name}`),
        }));
    }
    /** Whether every volume holds nothing but its root directory (reads at most two entries of each). */
    async allEmpty(helper, volumes) {
        for (const source of this.sources(helper, volumes)) {
            if (await holdsMoreThanRoot(await source.open()))
                return false;
        }
        return true;
    }
    async restoreInto(ctx, helper, volumes, key) {
        const name = ctx.instance.name;
        const file = await this.o.store.fetch(key);
        if (file === undefined)
            return false;
        let corrupt = false;
        try {
            let snapshot;
            try {
                // Streams into the volumes while it verifies: a snapshot that does not verify is then emptied out.
                snapshot = await restoreSnapshot(file, key, (tar) => this.archive.putArchive(helper, HELPER_ROOT, tar));
                const want = volumes.map((v) => v.name).join(',');
                if ([...snapshot.manifest.volumes].sort().join(',') !== want) {
                    throw new SnapshotInvalidError(`it holds volumes ${snapshot.manifest.volumes.join(',')}, not ${want}`);
                }
            }
            catch (e) {
                corrupt = e instanceof SnapshotInvalidError;
                this.warn(corrupt
                    ? `the entry for ${name} in ${this.o.store.description} does not verify, not restored (its steps run on emptied volumes): ${(0,errors/* errorMessage */.gJ)(e)}`
                    : `restoring ${name} failed (its steps run on emptied volumes): ${(0,errors/* errorMessage */.gJ)(e)}`);
                await this.o.runtime.removeContainer(helper);
                await this.empty(volumes);
                return false;
            }
            for (const v of volumes) {
                const markers = (snapshot.markers[v.name] ?? []).map((m) => ({
                    volumeUid: v.uid,
                    key: m.key,
                    at: m.at,
                }));
                await (0,store/* setMarkers */.Yq)(v.uid, markers);
            }
            return true;
        }
        finally {
            await this.o.store.release(key, file, corrupt);
        }
    }
    /** Back to empty: remove each volume and create it again with the same name and labels (same uid: it has no markers). */
    async empty(volumes) {
        for (const v of volumes) {
            try {
                const labels = (await this.o.runtime.inspectVolume(v.dockerName))?.labels ?? {};
                await this.o.runtime.removeVolume(v.dockerName);
                await this.o.runtime.createVolume(v.dockerName, labels);
            }
            catch (e) {
                throw new VolumeNotEmptiedError(`volume ${v.dockerName} could not be emptied (${(0,errors/* errorMessage */.gJ)(e)}); remove it with \`initsteps down --volumes\``);
            }
        }
    }
}
/** Store the snapshots `save` left on disk (the action's post step); failures are warnings. */
async function uploadPending(store, pending, observer) {
    for (const { key, file } of pending) {
        try {
            await store.put(key, file);
        }
        catch (e) {
            observer({
                type: 'warning',
                message: `cache: saving ${key} failed (the run goes on): ${errorMessage(e)}`,
            });
        }
    }
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/plan/plan.ts
var plan = __webpack_require__(48720);
// EXTERNAL MODULE: ./src/engine/path-check.ts
var path_check = __webpack_require__(75130);
// EXTERNAL MODULE: ./src/runtime/stream.ts
var stream = __webpack_require__(97558);
// EXTERNAL MODULE: ./src/spec/model.ts
var model = __webpack_require__(63522);
;// CONCATENATED MODULE: ./src/engine/attempt.ts
// One attempt of one init step: in a container (joined to the instance's sandbox) or as a host process.




const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** Settles with what ended the wait first: the work itself, the per-attempt timeout or cancellation. */
function raceEnd(done, timeoutMs, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(() => finish('timeout'), timeoutMs);
        const onAbort = () => finish('abort');
        signal?.addEventListener('abort', onAbort, { once: true });
        if (signal?.aborted)
            onAbort();
        void done.then(() => finish('done'), () => finish('done'));
        function finish(how) {
            clearTimeout(timer);
            signal?.removeEventListener('abort', onAbort);
            resolve(how);
        }
    });
}
/** Resolves on abort (or never); for racing a grace period against cancellation. */
const aborted = (signal) => new Promise((resolve) => {
    if (signal?.aborted)
        resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
});
const exitMessage = (code) => `exit code ${code}`;
/**
 * Create, attach, start; on timeout SIGTERM then SIGKILL after the grace; on abort SIGKILL. The output is
 * drained completely before the exit code is read; the container is removed in every case.
 */
async function runContainerAttempt(runtime, spec, o) {
    const id = await runtime.createContainer(spec);
    o.onCreated(id);
    try {
        const splitters = {
            stdout: new stream/* LineSplitter */.g3((line) => o.onLine('stdout', line)),
            stderr: new stream/* LineSplitter */.g3((line) => o.onLine('stderr', line)),
        };
        const attachment = await runtime.attach(id, (stream, chunk) => splitters[stream].push(chunk));
        try {
            await runtime.startContainer(id);
        }
        catch (e) {
            return { reason: 'RuntimeError', message: `could not start: ${(0,errors/* errorMessage */.gJ)(e)}` };
        }
        let end = await raceEnd(attachment.done, o.timeoutMs, o.signal);
        if (end === 'timeout') {
            await runtime.killContainer(id, 'SIGTERM');
            const after = await Promise.race([
                attachment.done.then(() => 'done'),
                sleep(o.killGraceMs).then(() => 'grace'),
                aborted(o.signal).then(() => 'abort'),
            ]);
            if (after !== 'done')
                await runtime.killContainer(id, 'SIGKILL');
            if (after === 'abort')
                end = 'abort';
        }
        else if (end === 'abort') {
            await runtime.killContainer(id, 'SIGKILL');
        }
        await attachment.done;
        splitters.stdout.end();
        splitters.stderr.end();
        const exitCode = await runtime.waitContainer(id);
        if (end === 'abort')
            return { reason: 'Cancelled', exitCode, message: 'run cancelled' };
        if (end === 'timeout') {
            return { reason: 'Timeout', exitCode, message: `timed out after ${formatMs(o.timeoutMs)}` };
        }
        if (exitCode === 0)
            return { exitCode };
        const state = await runtime.inspectContainer(id);
        if (state.oomKilled) {
            return {
                reason: 'OOMKilled',
                exitCode,
                message: `killed at the memory limit (${exitMessage(exitCode)})`,
            };
        }
        return { reason: 'ExitNonZero', exitCode, message: exitMessage(exitCode) };
    }
    finally {
        await runtime.removeContainer(id);
        o.onRemoved(id);
    }
}
/** The same for `runtime: process`: a host subprocess (spawn, no shell). Cancel → RuntimeError (contract §2). */
async function runProcessAttempt(p, o) {
    const [file, ...args] = p.command;
    if (file === undefined)
        return { reason: 'RuntimeError', message: 'no command to run' };
    // Its own process group, so a kill reaches what it started too (a shell's children hold the pipes open).
    const child = (0,external_node_child_process_.spawn)(file, args, {
        cwd: p.cwd,
        env: p.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    const kill = (signal) => {
        try {
            if (child.pid !== undefined)
                process.kill(-child.pid, signal);
        }
        catch {
            // The group is gone already.
        }
    };
    const splitters = {
        stdout: new stream/* LineSplitter */.g3((line) => o.onLine('stdout', line)),
        stderr: new stream/* LineSplitter */.g3((line) => o.onLine('stderr', line)),
    };
    child.stdout.on('data', (c) => splitters.stdout.push(c));
    child.stderr.on('data', (c) => splitters.stderr.push(c));
    // 'close' comes after both pipes are drained; 'error' when the spawn itself failed.
    const closed = new Promise((resolve) => {
        child.once('error', (error) => resolve({ code: null, signal: null, error }));
        child.once('close', (code, signal) => resolve({ code, signal }));
    });
    let end = await raceEnd(closed, o.timeoutMs, o.signal);
    if (end === 'timeout') {
        kill('SIGTERM');
        const after = await Promise.race([
            closed.then(() => 'done'),
            sleep(o.killGraceMs).then(() => 'grace'),
            aborted(o.signal).then(() => 'abort'),
        ]);
        if (after !== 'done')
            kill('SIGKILL');
        if (after === 'abort')
            end = 'abort';
    }
    else if (end === 'abort') {
        kill('SIGKILL');
    }
    const res = await closed;
    splitters.stdout.end();
    splitters.stderr.end();
    if (res.error)
        return { reason: 'RuntimeError', message: `could not start ${file}: ${res.error.message}` };
    const exitCode = res.code ?? 128 + signalNumber(res.signal);
    if (end === 'abort')
        return { reason: 'RuntimeError', exitCode, message: 'killed: run cancelled' };
    if (end === 'timeout')
        return { reason: 'Timeout', exitCode, message: `timed out after ${formatMs(o.timeoutMs)}` };
    if (exitCode === 0)
        return { exitCode };
    return { reason: 'ExitNonZero', exitCode, message: exitMessage(exitCode) };
}
/** Shell convention: killed by signal n → 128 + n. */
const signalNumber = (s) => (s ? external_node_os_.constants.signals[s] : 0);
function formatMs(ms) {
    if (ms % 3_600_000 === 0)
        return `${ms / 3_600_000}h`;
    if (ms % 60_000 === 0)
        return `${ms / 60_000}m`;
    if (ms % 1000 === 0)
        return `${ms / 1000}s`;
    return `${ms}ms`;
}

// EXTERNAL MODULE: ./src/engine/container-spec.ts
var container_spec = __webpack_require__(76985);
;// CONCATENATED MODULE: ./src/report/mask.ts
const MASK = '***';
/** Every distinct secret value in the project: service templates, each instance's steps and main. */
function secretValues(project) {
    const values = new Set();
    const add = (spec) => {
        for (const e of spec.env)
            if (e.secret && e.value !== '')
                values.add(e.value);
    };
    for (const service of project.services) {
        add(service.template);
        for (const instance of service.instances) {
            add(instance.main);
            instance.steps.forEach(add);
        }
    }
    return [...values];
}
const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A masker for these values. A multi-line value is also masked line by line, since logs are read (and
 * tails are cut) per line. Longer values are matched first so one secret containing another is hidden whole.
 */
function createMasker(values) {
    const parts = new Set();
    for (const v of values) {
        if (v === '')
            continue;
        parts.add(v);
        for (const line of v.split(/\r?\n/))
            if (line.trim() !== '')
                parts.add(line);
    }
    if (parts.size === 0)
        return (text) => text;
    const pattern = new RegExp([...parts]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join('|'), 'g');
    return (text) => text.replace(pattern, MASK);
}

// EXTERNAL MODULE: ./src/engine/down.ts
var down = __webpack_require__(47900);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./src/engine/readiness.ts
// Readiness of a started main container or process: the spec's readinessProbe, else the image's
// HEALTHCHECK, else "it is running".





const HEALTH_POLL_MS = 250;
async function waitReady(probe, useHealthcheck, target, signal) {
    const exited = (code) => ({
        ok: false,
        reason: 'StartFailed',
        message: `main container exited with code ${code}`,
    });
    if (probe) {
        await (0,external_node_timers_promises_.setTimeout)(probe.initialDelayMs, undefined, { signal });
        let failures = 0;
        for (;;) {
            const st = await target.state();
            if (!st.running)
                return exited(st.exitCode);
            const error = await runCheck(probe.check, probe.timeoutMs, target, signal);
            if (error === undefined)
                return { ok: true };
            failures += 1;
            if (failures >= probe.failureThreshold) {
                return {
                    ok: false,
                    reason: 'ReadinessTimeout',
                    message: `readiness probe failed ${failures} times: ${error}`,
                };
            }
            await (0,external_node_timers_promises_.setTimeout)(probe.periodMs, undefined, { signal });
        }
    }
    for (;;) {
        const st = await target.state();
        if (!st.running)
            return exited(st.exitCode);
        if (!useHealthcheck || st.health === 'healthy')
            return { ok: true };
        if (st.health === 'unhealthy') {
            return { ok: false, reason: 'ReadinessTimeout', message: 'image HEALTHCHECK reports unhealthy' };
        }
        await (0,external_node_timers_promises_.setTimeout)(HEALTH_POLL_MS, undefined, { signal });
    }
}
/** Undefined when the check passed, else why it failed. */
async function runCheck(check, timeoutMs, target, signal) {
    const limit = AbortSignal.timeout(timeoutMs);
    const both = signal ? AbortSignal.any([signal, limit]) : limit;
    try {
        switch (check.kind) {
            case 'exec': {
                const code = await target.exec(check.command, both);
                return code === 0 ? undefined : `exec ${JSON.stringify(check.command)} exited with code ${code}`;
            }
            case 'tcpSocket': {
                const addr = check.host ? { host: check.host, port: check.port } : await target.address(check.port);
                await tcpConnect(addr.host, addr.port, both);
                return undefined;
            }
            case 'httpGet': {
                const addr = check.host ? { host: check.host, port: check.port } : await target.address(check.port);
                const status = await httpGet(check.scheme, addr.host, addr.port, check.path, both);
                return status >= 200 && status < 400 ? undefined : `GET ${check.path} answered ${status}`;
            }
        }
    }
    catch (e) {
        signal?.throwIfAborted();
        return limit.aborted ? `no answer within ${timeoutMs} ms` : (0,errors/* errorMessage */.gJ)(e);
    }
}
function tcpConnect(host, port, signal) {
    return new Promise((resolve, reject) => {
        const socket = (0,external_node_net_.connect)({ host, port, signal });
        socket.once('connect', () => {
            socket.destroy();
            resolve();
        });
        socket.once('error', (e) => reject(new Error(`connect ${host}:${port}: ${e.message}`)));
    });
}
function httpGet(scheme, host, port, path, signal) {
    return new Promise((resolve, reject) => {
        const request = scheme === 'https' ? external_node_https_.request : external_node_http_.request;
        // Like Kubernetes, an https probe does not verify the certificate.
        const req = request({ host, port, path, method: 'GET', signal, rejectUnauthorized: false }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
        });
        req.once('error', (e) => reject(new Error(`GET ${scheme}://${host}:${port}${path}: ${e.message}`)));
        req.end();
    });
}

// EXTERNAL MODULE: ./src/engine/state.ts
var state = __webpack_require__(61599);
;// CONCATENATED MODULE: ./src/engine/up.ts
// `up`: per service in dependency order, per instance: volumes, a sandbox holding the instance's network
// namespace and ports (the Kubernetes pod model), the init steps one at a time, then the main container
// and its readiness. Step and service failures go into the report; only fatal errors throw.




















/** `up` was cancelled; everything it started is removed (unless kept) and the report says how far it got. */
class UpCancelledError extends errors/* CancelledError */.cc {
    report;
    constructor(signal, report) {
        super(signal);
        this.report = report;
    }
}
/** Lines of a step's output kept in the state dir for `logs --output`, and in the report. */
const LOG_KEEP = 1000;
const TAIL_LINES = 50;
/**
 * The abort reason as the CancelledError kind: a CancelledError or a signal name passes through, an
 * AbortSignal.timeout() is `timeout`, anything else counts as an interrupt.
 */
function cancelKind(reason) {
    if (reason instanceof errors/* CancelledError */.cc)
        return reason.signal;
    if (reason === 'SIGINT' || reason === 'SIGTERM')
        return reason;
    if (reason instanceof DOMException && reason.name === 'TimeoutError')
        return 'timeout';
    return 'SIGINT';
}
/** The named services and, transitively, their dependencies, in the project's (dependency) order. */
function selectServices(project, names) {
    if (names === undefined || names.length === 0)
        return project.services;
    const byName = new Map(project.services.map((s) => [s.name, s]));
    const unknown = names.filter((n) => !byName.has(n));
    if (unknown.length > 0) {
        throw new errors/* UsageError */.eb(`unknown service ${unknown.map((n) => `"${n}"`).join(', ')}; the spec defines ${[...byName.keys()].join(', ')}`);
    }
    const wanted = new Set();
    const visit = (name) => {
        if (wanted.has(name))
            return;
        wanted.add(name);
        for (const d of byName.get(name)?.dependsOn ?? [])
            visit(d);
    };
    names.forEach(visit);
    return project.services.filter((s) => wanted.has(s.name));
}
class ImageError extends Error {
    reason;
    constructor(reason, message) {
        super(message);
        this.reason = reason;
    }
}
async function up(runtime, options) {
    return new Run(runtime, options).execute();
}
class Run {
    runtime;
    o;
    project;
    runId;
    emit;
    signal;
    backoffBaseMs;
    killGraceMs;
    stateDir = (0,store/* stateDir */.Pn)();
    live = { containers: [], networks: [], volumes: [] };
    processes = [];
    /** Persistent volumes this run created: kept after a run, removed (with markers) when it is cancelled. */
    newVolumes = [];
    services = new Map();
    steps = new Map();
    logs = {};
    images = new Map();
    cacheRestores = [];
    sandboxImage = '';
    previous;
    /** Every `valueFrom` value of the project, hidden in captured output (contract §2). */
    mask;
    constructor(runtime, o) {
        this.runtime = runtime;
        this.o = o;
        this.project = o.project;
        this.runId = o.runId ?? (0,external_node_crypto_.randomBytes)(4).toString('hex');
        this.emit = o.observer;
        this.signal = o.signal;
        this.backoffBaseMs = o.backoffBaseMs ?? 1000;
        this.killGraceMs = o.killGraceMs ?? 2000;
        this.mask = createMasker(secretValues(o.project));
    }
    async execute() {
        const startedAt = new Date();
        const selected = selectServices(this.project, this.o.services);
        for (const s of selected)
            this.initResults(s);
        this.previous = await (0,state/* loadLastRun */.qX)(this.project.name, this.stateDir);
        try {
            this.throwIfAborted();
            if (selected.some((s) => s.runtime === 'container')) {
                this.sandboxImage = await (0,sandbox_image/* ensureSandboxImage */.rY)(this.runtime);
                const labels = { [engine_labels/* LABEL */.d_.project]: this.project.name, [engine_labels/* LABEL */.d_.role]: 'network' };
                const net = await this.runtime.ensureNetwork((0,engine_labels/* networkName */.uv)(this.project.name), labels);
                if (net.created)
                    this.track('network', net.id);
            }
            for (const s of selected)
                await this.runService(s);
        }
        catch (e) {
            if (this.signal?.aborted) {
                if (!this.o.keepOnCancel)
                    await this.cleanup(true);
                const report = this.report();
                await this.persist(startedAt, selected);
                throw new UpCancelledError(cancelKind(this.signal.reason), report);
            }
            // A fatal error (the engine went away, the state dir is unwritable): leave nothing half-started.
            await this.cleanup();
            throw e;
        }
        const report = this.report();
        await this.persist(startedAt, selected);
        return report;
    }
    // ---- results -------------------------------------------------------------------------------------
    initResults(s) {
        this.services.set(s.name, {
            name: s.name,
            pos: s.pos,
            status: 'Pending',
            instances: s.instances.map((i) => ({ name: i.name, ordinal: i.ordinal, status: 'Pending', ports: [] })),
        });
        for (const i of s.instances) {
            for (const step of i.steps) {
                this.steps.set((0,state/* logKey */.Up)(i.name, step.name), {
                    service: s.name,
                    instance: i.name,
                    step: step.name,
                    pos: step.pos,
                    status: 'Pending',
                    attempts: 0,
                    durationMs: 0,
                    logTail: [],
                });
            }
        }
    }
    report() {
        const withVolumes = this.cacheRestores.length > 0;
        return {
            project: this.project.name,
            services: [...this.services.values()],
            steps: [...this.steps.values()],
            cacheHit: withVolumes && this.cacheRestores.every(Boolean),
            created: {
                containers: [...this.live.containers],
                networks: [...this.live.networks],
                volumes: [...this.live.volumes],
                processes: this.processes.map((p) => p.info.pid),
            },
        };
    }
    /** Keep the last run's results of services this run did not touch (`up --services`). */
    async persist(startedAt, selected) {
        const names = new Set(selected.map((s) => s.name));
        const prev = this.previous;
        const report = this.report();
        const keep = (items) => (items ?? []).filter((x) => !names.has(x.service));
        const merged = {
            runId: this.runId,
            startedAt: startedAt.toISOString(),
            finishedAt: new Date().toISOString(),
            report: {
                ...report,
                services: [...(prev?.report.services ?? []).filter((s) => !names.has(s.name)), ...report.services],
                steps: [...keep(prev?.report.steps), ...report.steps],
            },
            logs: { ...keptLogs(prev, names), ...this.logs },
            processes: [...keep(prev?.processes), ...this.processes.map((p) => p.info)],
        };
        await (0,state/* saveLastRun */.$t)(this.project.name, merged, this.stateDir);
    }
    setInstance(s, inst, status, reason, message) {
        const r = this.instanceResult(s.name, inst.name);
        r.status = status;
        if (reason)
            r.reason = reason;
        if (message)
            r.message = message;
        this.emit({
            type: 'service-status',
            service: s.name,
            instance: inst.name,
            status,
            ...(reason && { reason }),
            ...(message && { message }),
        });
    }
    setService(name, status, reason, message) {
        const r = this.serviceResult(name);
        r.status = status;
        if (reason)
            r.reason = reason;
        if (message)
            r.message = message;
        this.emit({
            type: 'service-status',
            service: name,
            status,
            ...(reason && { reason }),
            ...(message && { message }),
        });
    }
    serviceResult(name) {
        const r = this.services.get(name);
        if (!r)
            throw new Error(`internal: no result for service ${name}`);
        return r;
    }
    instanceResult(service, instance) {
        const r = this.serviceResult(service).instances.find((i) => i.name === instance);
        if (!r)
            throw new Error(`internal: no result for instance ${instance}`);
        return r;
    }
    stepResult(instance, step) {
        const r = this.steps.get((0,state/* logKey */.Up)(instance, step));
        if (!r)
            throw new Error(`internal: no result for step ${instance}/${step}`);
        return r;
    }
    /** Steps that will not run keep `Pending` and say why. */
    notRun(inst, from, why) {
        for (const step of inst.steps.slice(from))
            this.stepResult(inst.name, step.name).message = `not run: ${why}`;
    }
    // ---- objects -------------------------------------------------------------------------------------
    track(kind, id) {
        this.live[`${kind}s`].push(id);
        this.emit({ type: 'created', kind, id });
    }
    untrack(kind, id) {
        const list = this.live[`${kind}s`];
        const at = list.indexOf(id);
        if (at >= 0)
            list.splice(at, 1);
    }
    labels(s, inst, role, step) {
        return {
            [engine_labels/* LABEL */.d_.project]: this.project.name,
            [engine_labels/* LABEL */.d_.service]: s.name,
            [engine_labels/* LABEL */.d_.instance]: inst.name,
            [engine_labels/* LABEL */.d_.role]: role,
            [engine_labels/* LABEL */.d_.run]: this.runId,
            ...(step !== undefined && { [engine_labels/* LABEL */.d_.step]: step }),
        };
    }
    /** Remove what this run created; `cancelled` includes the persistent volumes it created (nothing left behind). */
    async cleanup(cancelled = false) {
        const warn = (message) => this.emit({ type: 'warning', message });
        const created = {
            containers: [...this.live.containers],
            networks: [],
            volumes: [...this.live.volumes, ...(cancelled ? this.newVolumes.map((v) => v.name) : [])],
            processes: this.processes.map((p) => p.info.pid),
        };
        await (0,down/* removeObjects */.$)(this.runtime, created, warn);
        if (cancelled)
            for (const v of this.newVolumes)
                await (0,store/* deleteMarkers */.jl)(v.uid, this.stateDir);
        // The network last: every container on it is gone by now.
        await (0,down/* removeObjects */.$)(this.runtime, { containers: [], volumes: [], networks: [...this.live.networks] }, warn);
        // The report no longer lists them: nothing is left for the action's post step to remove.
        for (const list of Object.values(this.live))
            list.length = 0;
        this.processes.length = 0;
    }
    /** The cache never fails a run (contract §5): an error from it is a warning, a failed restore leaves volumes fresh. */
    async cacheStep(what, fn, fallback) {
        try {
            return await fn();
        }
        catch (e) {
            this.throwIfAborted();
            this.emit({ type: 'warning', message: `cache ${what} failed: ${(0,errors/* errorMessage */.gJ)(e)}` });
            return fallback;
        }
    }
    throwIfAborted() {
        this.signal?.throwIfAborted();
    }
    // ---- services ------------------------------------------------------------------------------------
    async runService(s) {
        this.throwIfAborted();
        const failedDep = s.dependsOn.find((d) => this.services.get(d)?.status === 'Failed');
        if (failedDep !== undefined) {
            const why = `dependency "${failedDep}" failed`;
            for (const inst of s.instances) {
                this.notRun(inst, 0, why);
                this.setInstance(s, inst, 'Failed', 'DependencyFailed', why);
            }
            this.setService(s.name, 'Failed', 'DependencyFailed', why);
            return;
        }
        this.setService(s.name, 'Initializing');
        if (s.runtime === 'container')
            await this.removeScaledDown(s);
        const started = [];
        for (const inst of s.instances) {
            this.throwIfAborted();
            this.setInstance(s, inst, 'Initializing');
            const main = s.runtime === 'process'
                ? await this.initProcessInstance(s, inst)
                : await this.initContainerInstance(s, inst);
            if (main)
                started.push({ inst, ...main });
        }
        await Promise.all(started.map(async ({ inst, target, healthcheck }) => {
            const ready = await waitReady(s.readinessProbe, healthcheck, target, this.signal);
            if (ready.ok)
                this.setInstance(s, inst, 'Running');
            else
                this.setInstance(s, inst, 'Failed', ready.reason, ready.message);
        }));
        const failed = this.serviceResult(s.name).instances.find((i) => i.status === 'Failed');
        if (failed)
            this.setService(s.name, 'Failed', failed.reason, `${failed.name}: ${failed.message ?? failed.reason}`);
        else
            this.setService(s.name, 'Running');
    }
    /** Instances beyond the current replica count (scaled down) are stopped; their volumes stay. */
    async removeScaledDown(s) {
        const current = new Set(s.instances.map((i) => i.name));
        const found = await this.runtime.listContainers({
            [engine_labels/* LABEL */.d_.project]: this.project.name,
            [engine_labels/* LABEL */.d_.service]: s.name,
        });
        const stale = found.filter((c) => !current.has(c.labels[engine_labels/* LABEL */.d_.instance] ?? ''));
        await removeContainersOrdered(this.runtime, stale);
    }
    /** A restart: what an earlier run left of this instance (containers, run-scoped volumes) goes first. */
    async removeLeftovers(inst) {
        const sel = { [engine_labels/* LABEL */.d_.project]: this.project.name, [engine_labels/* LABEL */.d_.instance]: inst.name };
        await removeContainersOrdered(this.runtime, await this.runtime.listContainers(sel));
        for (const v of await this.runtime.listVolumes({ ...sel, [engine_labels/* LABEL */.d_.ephemeral]: 'true' })) {
            await this.runtime.removeVolume(v.name);
        }
    }
    async prepareVolumes(s, inst) {
        const mounts = new Map();
        for (const m of [...inst.main.volumes, ...inst.steps.flatMap((st) => st.volumes)]) {
            if (!mounts.has(m.name))
                mounts.set(m.name, m);
        }
        const prepared = new Map();
        for (const mount of mounts.values()) {
            const base = (0,engine_labels/* volumeName */.EH)(this.project.name, inst.name, mount.name);
            const labels = { ...this.labels(s, inst, 'volume'), [engine_labels/* LABEL */.d_.volume]: mount.name };
            if (mount.source.kind === 'claim') {
                let info = await this.runtime.inspectVolume(base);
                if (!info) {
                    const fresh = (0,external_node_crypto_.randomUUID)();
                    info = await this.runtime.createVolume(base, { ...labels, [engine_labels/* LABEL */.d_.uid]: fresh });
                    if (info.labels[engine_labels/* LABEL */.d_.uid] === fresh)
                        this.newVolumes.push({ name: base, uid: fresh });
                }
                const uid = info.labels[engine_labels/* LABEL */.d_.uid];
                if (uid === undefined) {
                    this.emit({
                        type: 'warning',
                        message: `volume ${base} was not created by initsteps (no ${engine_labels/* LABEL */.d_.uid} label): its steps always run`,
                    });
                }
                prepared.set(mount.name, { mount, dockerName: base, ...(uid !== undefined && { uid }) });
            }
            else if (mount.source.kind === 'emptyDir') {
                const name = `${base}_${this.runId}`;
                await this.runtime.createVolume(name, { ...labels, [engine_labels/* LABEL */.d_.ephemeral]: 'true' });
                this.track('volume', name);
                prepared.set(mount.name, { mount, dockerName: name });
            }
        }
        return prepared;
    }
    async startSandbox(s, inst) {
        const id = await this.runtime.createContainer({
            name: (0,engine_labels/* sandboxName */.ZV)(this.project.name, inst.name),
            image: this.sandboxImage,
            env: [],
            hostname: inst.name,
            labels: this.labels(s, inst, 'sandbox'),
            network: { mode: 'network', network: (0,engine_labels/* networkName */.uv)(this.project.name), aliases: [s.name, inst.name] },
            mounts: [],
            ports: s.ports,
            securityOpt: [],
            capAdd: [],
            capDrop: ['ALL'],
            privileged: false,
        });
        this.track('container', id);
        await this.runtime.startContainer(id);
        return id;
    }
    /** Init steps then the main container; returns how to check readiness, or undefined when it failed. */
    async initContainerInstance(s, inst) {
        await this.removeLeftovers(inst);
        const volumes = await this.prepareVolumes(s, inst);
        let sandbox;
        try {
            sandbox = await this.startSandbox(s, inst);
        }
        catch (e) {
            this.throwIfAborted();
            const why = `could not start the instance sandbox: ${(0,errors/* errorMessage */.gJ)(e)}`;
            this.notRun(inst, 0, why);
            this.setInstance(s, inst, 'Failed', 'StartFailed', why);
            return undefined;
        }
        const sandboxInfo = await this.runtime.inspectContainer(sandbox);
        this.instanceResult(s.name, inst.name).ports = sandboxInfo.ports;
        const cacheCtx = {
            project: this.project,
            service: s,
            instance: inst,
            volumes: [...volumes.values()]
                .filter((v) => (0,model/* isPersistent */.s)(v.mount))
                .map((v) => ({ mount: v.mount, volumeName: v.dockerName })),
        };
        const cache = cacheCtx.volumes.length > 0 ? this.o.cache : undefined;
        if (cache)
            this.cacheRestores.push(await this.cacheStep('restore', () => cache.restore(cacheCtx), false));
        if (!(await this.runSteps(s, inst, volumes, sandbox)))
            return undefined;
        if (cache)
            await this.cacheStep('save', () => cache.save(cacheCtx), undefined);
        const image = inst.main.image ?? '';
        let main;
        try {
            await this.ensureImage(image, s.pullPolicy);
            const spec = (0,container_spec/* toCreateSpec */.nE)(inst.main, {
                name: (0,engine_labels/* mainName */.V7)(this.project.name, inst.name),
                image,
                labels: this.labels(s, inst, 'main'),
                network: { mode: 'container', container: sandbox },
                volumes: dockerNames(volumes),
                localhostProfile: await (0,container_spec/* readSeccompProfile */.QA)(inst.main.securityContext),
            });
            main = await this.runtime.createContainer(spec);
            this.track('container', main);
            await this.runtime.startContainer(main);
        }
        catch (e) {
            this.throwIfAborted();
            this.setInstance(s, inst, 'Failed', 'StartFailed', `main container: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return undefined;
        }
        const network = (0,engine_labels/* networkName */.uv)(this.project.name);
        const target = {
            address: async (port) => {
                // A local engine: the pod IP on the project bridge, routable from this host. Not the published
                // port: docker-proxy accepts a connection there even while nothing listens inside.
                if (this.runtime.remoteHost === undefined) {
                    const ip = await this.runtime.containerIp(sandbox, network);
                    if (ip === undefined)
                        throw new Error(`instance ${inst.name} has no address on network ${network}`);
                    return { host: ip, port };
                }
                // A remote engine: only published ports are reachable, on the engine's host.
                const published = sandboxInfo.ports.find((p) => p.containerPort === port && p.protocol === 'tcp');
                if (!published)
                    throw new Error(`port ${port} is not published, and the Docker engine is remote`);
                const host = isAnyAddress(published.hostIp) ? this.runtime.remoteHost : published.hostIp;
                return { host, port: published.hostPort };
            },
            exec: (command, signal) => this.runtime.exec(main, command, signal),
            state: () => this.runtime.inspectContainer(main),
        };
        const healthcheck = s.readinessProbe === undefined && (await this.runtime.imageHasHealthcheck(image));
        return { target, healthcheck };
    }
    async initProcessInstance(s, inst) {
        // A restart: the previous run's main process of this instance goes first.
        for (const p of this.previous?.processes ?? []) {
            if (p.instance === inst.name)
                killProcess(p.pid);
        }
        this.instanceResult(s.name, inst.name).ports = s.ports.map((p) => ({
            containerPort: p.containerPort,
            protocol: p.protocol,
            hostIp: '127.0.0.1',
            hostPort: p.hostPort ?? p.containerPort,
        }));
        if (!(await this.runSteps(s, inst, new Map(), undefined)))
            return undefined;
        let child;
        try {
            child = await this.spawnMain(s, inst);
        }
        catch (e) {
            this.setInstance(s, inst, 'Failed', 'StartFailed', `main process: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return undefined;
        }
        const cwd = processCwd(s, inst.main);
        const env = processEnv(inst.main.env);
        const target = {
            address: (port) => Promise.resolve({ host: '127.0.0.1', port }),
            exec: async (command, signal) => {
                const outcome = await runProcessAttempt({ command, cwd, env }, { timeoutMs: 2 ** 31 - 1, killGraceMs: 0, signal, onLine: () => undefined });
                return outcome.exitCode ?? -1;
            },
            state: () => Promise.resolve({
                running: child.exitCode === null && child.signalCode === null,
                exitCode: child.exitCode ?? -1,
            }),
        };
        return { target, healthcheck: false };
    }
    /** Detached, output to a log file in the state dir, so it outlives `initsteps up`. */
    async spawnMain(s, inst) {
        const [file, ...args] = [...(inst.main.command ?? []), ...(inst.main.args ?? [])];
        if (file === undefined)
            throw new Error('no command to run');
        const dir = (0,state/* projectStateDir */.q5)(this.project.name, this.stateDir);
        await (0,promises_.mkdir)(dir, { recursive: true });
        const log = (0,external_node_path_.join)(dir, `${inst.name}.log`);
        const out = await (0,promises_.open)(log, 'a');
        try {
            const child = (0,external_node_child_process_.spawn)(file, args, {
                cwd: processCwd(s, inst.main),
                env: processEnv(inst.main.env),
                detached: true,
                stdio: ['ignore', out.fd, out.fd],
            });
            await new Promise((resolve, reject) => {
                child.once('spawn', resolve);
                child.once('error', reject);
            });
            child.unref();
            if (child.pid === undefined)
                throw new Error(`could not start ${file}`);
            this.processes.push({ info: { service: s.name, instance: inst.name, pid: child.pid, log }, child });
            this.emit({ type: 'created', kind: 'process', id: String(child.pid) });
            return child;
        }
        finally {
            await out.close();
        }
    }
    // ---- steps ---------------------------------------------------------------------------------------
    /** The init sequence of one instance; false when a step did not succeed. */
    async runSteps(s, inst, volumes, sandbox) {
        for (const [index, step] of inst.steps.entries()) {
            this.throwIfAborted();
            const began = Date.now();
            const decision = (0,plan/* decideStep */.lH)(s.name, step, await this.facts(step, volumes, sandbox !== undefined));
            if (decision.action === 'skip') {
                const r = this.stepResult(inst.name, step.name);
                Object.assign(r, { status: 'Skipped', message: decision.reason, durationMs: Date.now() - began });
                this.emit({ type: 'step-end', result: { ...r } });
                continue;
            }
            const r = await this.runStep(s, inst, step, volumes, sandbox);
            this.emit({ type: 'step-end', result: { ...r } });
            if (r.status === 'Succeeded') {
                const key = (0,plan/* markerKey */.s8)(s.name, step.name);
                for (const m of step.volumes.filter(model/* isPersistent */.s)) {
                    const uid = volumes.get(m.name)?.uid;
                    if (uid !== undefined)
                        await (0,store/* addMarker */.Yu)(uid, key, new Date(), this.stateDir);
                }
                continue;
            }
            this.throwIfAborted();
            this.notRun(inst, index + 1, `init step "${step.name}" failed`);
            const detail = [r.reason, r.message].filter(Boolean).join(' ');
            this.setInstance(s, inst, 'Failed', 'InitStepFailed', `init step "${step.name}" failed: ${detail}`);
            return false;
        }
        return true;
    }
    /** What the planner needs, read fresh right before the step (an earlier step may have changed it). */
    async facts(step, volumes, container) {
        const facts = { volumes: {} };
        for (const m of step.volumes.filter(model/* isPersistent */.s)) {
            const v = volumes.get(m.name);
            if (v === undefined)
                continue;
            facts.volumes[m.name] = { uid: v.uid, markers: v.uid ? await (0,store/* getMarkers */.Iw)(v.uid, this.stateDir) : [] };
        }
        if (step.runIf.type === 'fileMissing') {
            const path = step.runIf.path;
            const restrict = step.runIf.volume;
            const mounts = step.volumes.filter((m) => restrict === undefined || m.name === restrict);
            facts.fileExists = container ? await this.pathExists(path, mounts, volumes) : (0,external_node_fs_.existsSync)(path);
        }
        return facts;
    }
    /** Checks a path on the volumes without starting anything. */
    pathExists(path, mounts, volumes) {
        const labels = { [engine_labels/* LABEL */.d_.project]: this.project.name, [engine_labels/* LABEL */.d_.role]: 'step', [engine_labels/* LABEL */.d_.run]: this.runId };
        return (0,path_check/* pathExistsOnMounts */.X)(this.runtime, this.sandboxImage, labels, (0,container_spec/* mountsFor */.yd)(mounts, dockerNames(volumes)), path, {
            created: (id) => this.track('container', id),
            removed: (id) => this.untrack('container', id),
        });
    }
    ensureImage(ref, policy) {
        const key = `${policy} ${ref}`;
        let pending = this.images.get(key);
        if (!pending) {
            pending = this.pullIfNeeded(ref, policy);
            this.images.set(key, pending);
        }
        return pending;
    }
    async pullIfNeeded(ref, policy) {
        if (policy !== 'Always' && (await this.runtime.imageExists(ref)))
            return;
        if (policy === 'Never') {
            throw new ImageError('ImageNotPresent', `image ${ref} is not present and imagePullPolicy is Never`);
        }
        try {
            await this.runtime.pullImage(ref, (progress) => this.emit({ type: 'image-pull', image: ref, progress }), this.signal);
        }
        catch (e) {
            this.throwIfAborted();
            throw new ImageError('ImagePullFailed', `pulling ${ref}: ${(0,errors/* errorMessage */.gJ)(e)}`);
        }
    }
    async runStep(s, inst, step, volumes, sandbox) {
        const r = this.stepResult(inst.name, step.name);
        const began = Date.now();
        const log = new stream/* Tail */.PW(LOG_KEEP);
        const onLine = (stream, raw) => {
            const line = this.mask(raw);
            log.push(line);
            this.emit({ type: 'step-output', instance: inst.name, step: step.name, stream, line });
        };
        const finish = (outcome, attempts) => {
            const status = outcome.reason === undefined ? 'Succeeded' : outcome.reason === 'Cancelled' ? 'Cancelled' : 'Failed';
            Object.assign(r, {
                status,
                attempts,
                durationMs: Date.now() - began,
                exitCode: outcome.exitCode,
                reason: outcome.reason,
                message: outcome.message,
                logTail: log.values().slice(-TAIL_LINES),
            });
            this.logs[(0,state/* logKey */.Up)(inst.name, step.name)] = log.values();
            return r;
        };
        let attempt;
        if (sandbox !== undefined) {
            const image = step.image ?? '';
            try {
                await this.ensureImage(image, s.pullPolicy);
            }
            catch (e) {
                if (!(e instanceof ImageError))
                    throw e;
                return finish({ reason: e.reason, message: e.message }, 0);
            }
            const spec = (0,container_spec/* toCreateSpec */.nE)(step, {
                image,
                labels: this.labels(s, inst, 'step', step.name),
                network: { mode: 'container', container: sandbox },
                volumes: dockerNames(volumes),
                localhostProfile: await (0,container_spec/* readSeccompProfile */.QA)(step.securityContext),
            });
            attempt = () => runContainerAttempt(this.runtime, spec, {
                timeoutMs: step.timeoutMs,
                killGraceMs: this.killGraceMs,
                signal: this.signal,
                onLine,
                onCreated: (id) => this.track('container', id),
                onRemoved: (id) => this.untrack('container', id),
            });
        }
        else {
            const spec = {
                command: [...(step.command ?? []), ...(step.args ?? [])],
                cwd: processCwd(s, step),
                env: processEnv(step.env),
            };
            attempt = () => runProcessAttempt(spec, {
                timeoutMs: step.timeoutMs,
                killGraceMs: this.killGraceMs,
                signal: this.signal,
                onLine,
            });
        }
        let outcome = { reason: 'RuntimeError', message: 'no attempt made' };
        let n = 0;
        let cancelledWaiting = false;
        while (n < step.attempts) {
            n += 1;
            r.status = 'Running';
            this.emit({
                type: 'step-start',
                service: s.name,
                instance: inst.name,
                step: step.name,
                attempt: n,
                attempts: step.attempts,
            });
            try {
                outcome = await attempt();
            }
            catch (e) {
                outcome = { reason: 'RuntimeError', message: (0,errors/* errorMessage */.gJ)(e) };
            }
            if (outcome.reason === undefined || this.signal?.aborted)
                break;
            if (n < step.attempts) {
                const delayMs = n * this.backoffBaseMs;
                this.emit({
                    type: 'step-retry',
                    instance: inst.name,
                    step: step.name,
                    attempt: n,
                    delayMs,
                    detail: `${outcome.reason} ${outcome.message ?? ''}`.trim(),
                });
                try {
                    await (0,external_node_timers_promises_.setTimeout)(delayMs, undefined, { signal: this.signal });
                }
                catch {
                    cancelledWaiting = true;
                    break;
                }
            }
        }
        // Cancelled during the backoff: nothing was running, so the step itself is Cancelled.
        if (cancelledWaiting)
            outcome = { ...outcome, reason: 'Cancelled', message: 'run cancelled' };
        return finish(outcome, n);
    }
}
/** The previous run's captured output of steps of services this run did not touch. */
function keptLogs(prev, names) {
    if (!prev)
        return {};
    const keys = new Set(prev.report.steps.filter((s) => !names.has(s.service)).map((s) => (0,state/* logKey */.Up)(s.instance, s.step)));
    return Object.fromEntries(Object.entries(prev.logs).filter(([k]) => keys.has(k)));
}
const dockerNames = (volumes) => new Map([...volumes].map(([name, v]) => [name, v.dockerName]));
/** Containers joined to a sandbox go before the sandbox itself. */
async function removeContainersOrdered(runtime, containers) {
    const rank = (c) => (c.labels[engine_labels/* LABEL */.d_.role] === 'sandbox' ? 1 : 0);
    for (const c of [...containers].sort((a, b) => rank(a) - rank(b)))
        await runtime.removeContainer(c.id);
}
const isAnyAddress = (hostIp) => hostIp === '' || hostIp === '0.0.0.0' || hostIp === '::';
const processCwd = (s, spec) => spec.workingDir ?? (0,external_node_path_.dirname)(s.file);
const processEnv = (env) => {
    const out = {};
    for (const [k, v] of Object.entries(process.env))
        if (v !== undefined)
            out[k] = v;
    for (const e of env)
        out[e.name] = e.value;
    return out;
};
/** SIGTERM to the process group a detached main process leads; gone already is fine. */
function killProcess(pid) {
    try {
        process.kill(-pid, 'SIGTERM');
    }
    catch {
        // Already exited.
    }
}

// EXTERNAL MODULE: ./src/report/lines.ts
var report_lines = __webpack_require__(22365);
// EXTERNAL MODULE: ./src/report/failure.ts
var report_failure = __webpack_require__(3304);
// EXTERNAL MODULE: ./src/spec/index.ts + 9 modules
var spec = __webpack_require__(18830);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
// EXTERNAL MODULE: ./src/cli/load.ts
var load = __webpack_require__(43180);
;// CONCATENATED MODULE: ./src/cli/commands/up.ts
// `initsteps up <spec...>`: run the init steps and start the services (contract §4).











const run = async (args, io) => {
    // Connect while the spec loads (both are start-up cost); a spec error still wins over an absent engine.
    const connecting = (0,runtime_docker/* connectDocker */.Z8)(io.env);
    connecting.catch(() => undefined);
    const project = await (0,load/* loadFromArgs */.s)(args, io);
    const json = (0,cli_io/* flagBool */.NZ)(args, 'json');
    const timeoutText = (0,cli_io/* flagString */.w)(args, 'timeout');
    const timeoutMs = timeoutText === undefined ? undefined : (0,spec/* parseDuration */.E9)(timeoutText);
    if (timeoutText !== undefined && (timeoutMs === undefined || timeoutMs <= 0)) {
        throw new errors/* UsageError */.eb(`--timeout: "${timeoutText}" is not a duration (examples: 90s, 5m, 1h30m)`);
    }
    const runtime = await connecting;
    // The run-level timeout cancels like a signal does: the running step is killed and reported Cancelled.
    // (Its own timer: a Node 20 AbortSignal.timeout() only weakly held by AbortSignal.any() can be collected
    // before it fires.)
    const controller = new AbortController();
    const abort = () => controller.abort(io.signal.reason);
    io.signal.addEventListener('abort', abort, { once: true });
    if (io.signal.aborted)
        abort();
    const timer = timeoutMs === undefined
        ? undefined
        : setTimeout(() => controller.abort(new errors/* CancelledError */.cc('timeout')), timeoutMs);
    const signal = controller.signal;
    const printReport = (report) => {
        if (json)
            io.out(JSON.stringify(report, null, 2));
    };
    const observer = (event) => {
        if (json)
            return;
        const lines = (0,report_lines/* eventToLines */.j$)(event);
        for (const line of lines)
            (event.type === 'warning' ? io.err : io.out)(line);
    };
    // --cache-dir: initialized volumes are kept between runs in a directory (docs/cache.md).
    const cacheDir = (0,cli_io/* flagString */.w)(args, 'cache-dir');
    const cache = cacheDir === undefined
        ? undefined
        : createVolumeCache({ store: new DirCacheStore(external_node_path_default().resolve(io.cwd, cacheDir)), observer, runtime });
    let report;
    try {
        report = await up(runtime, { project, services: (0,cli_io/* flagList */.zg)(args, 'services'), signal, observer, cache });
    }
    catch (e) {
        // Cancelled: everything is removed by now; the report still says how far the run got.
        if (e instanceof UpCancelledError)
            printReport(e.report);
        throw e;
    }
    finally {
        clearTimeout(timer);
        io.signal.removeEventListener('abort', abort);
    }
    printReport(report);
    const failure = (0,report_failure/* runFailure */.A9)(report);
    if (failure) {
        io.err(failure.message);
        return failure.exitCode;
    }
    return 0;
};


/***/ }),

/***/ 43180:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ loadFromArgs)
/* harmony export */ });
/* unused harmony export specFiles */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _spec_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18830);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(71604);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// Spec loading shared by the commands that take `<spec...>`.




async function loadFromArgs(args, io) {
    const files = specFiles(args, io);
    const result = await (0,_spec_index_js__WEBPACK_IMPORTED_MODULE_1__/* .loadProject */ .gi)({
        files,
        project: (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .flagString */ .w)(args, 'project'),
        env: io.env,
        allowPrivileged: (0,_io_js__WEBPACK_IMPORTED_MODULE_3__/* .flagBool */ .NZ)(args, 'allow-privileged'),
    });
    if (!result.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SpecError */ .G8(result.problems);
    return result.project;
}
function specFiles(args, io) {
    if (args.positionals.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`initsteps ${args.command}: name at least one spec file`);
    return args.positionals.map((f) => node_path__WEBPACK_IMPORTED_MODULE_2___default().resolve(io.cwd, f));
}


/***/ }),

/***/ 76985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QA: () => (/* binding */ readSeccompProfile),
/* harmony export */   nE: () => (/* binding */ toCreateSpec),
/* harmony export */   yd: () => (/* binding */ mountsFor)
/* harmony export */ });
/* unused harmony exports entrypointAndCmd, envList, securityOpt */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
// A resolved ContainerSpec → what the runtime creates. Pure apart from reading a Localhost seccomp profile.

/**
 * Kubernetes command/args over Docker ENTRYPOINT/CMD (contract §1): `command` replaces ENTRYPOINT verbatim
 * and drops the image CMD; `args` alone keeps the image ENTRYPOINT and replaces CMD.
 */
function entrypointAndCmd(spec) {
    if (spec.command !== undefined)
        return { entrypoint: spec.command, cmd: spec.args ?? [] };
    if (spec.args !== undefined)
        return { cmd: spec.args };
    return {};
}
const envList = (env) => env.map((e) => `${e.name}=${e.value}`);
/** Docker SecurityOpt for a seccomp profile; a Localhost profile is passed as its JSON contents. */
function securityOpt(sc, localhostProfile) {
    switch (sc.seccompProfile?.type) {
        case 'Unconfined':
            return ['seccomp=unconfined'];
        case 'Localhost':
            if (localhostProfile === undefined)
                throw new Error('Localhost seccomp profile contents missing');
            return [`seccomp=${localhostProfile}`];
        default:
            return [];
    }
}
async function readSeccompProfile(sc) {
    const path = sc.seccompProfile?.type === 'Localhost' ? sc.seccompProfile.localhostProfile : undefined;
    return path === undefined ? undefined : (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
}
function mountsFor(volumes, names) {
    return volumes.map((v) => {
        if (v.source.kind === 'hostPath') {
            return { type: 'bind', source: v.source.path, target: v.mountPath, readOnly: v.readOnly };
        }
        const source = names.get(v.name);
        if (source === undefined)
            throw new Error(`no Docker volume prepared for ${v.name}`);
        return { type: 'volume', source, target: v.mountPath, readOnly: v.readOnly };
    });
}
function toCreateSpec(spec, ctx) {
    const sc = spec.securityContext;
    return {
        ...(ctx.name !== undefined && { name: ctx.name }),
        image: ctx.image,
        ...entrypointAndCmd(spec),
        env: envList(spec.env),
        ...(spec.user !== undefined && { user: spec.user }),
        ...(spec.workingDir !== undefined && { workingDir: spec.workingDir }),
        labels: ctx.labels,
        network: ctx.network,
        mounts: mountsFor(spec.volumes, ctx.volumes),
        securityOpt: securityOpt(sc, ctx.localhostProfile),
        capAdd: sc.capAdd,
        capDrop: sc.capDrop,
        privileged: sc.privileged,
        ...(spec.resources.nanoCpus !== undefined && { nanoCpus: spec.resources.nanoCpus }),
        ...(spec.resources.memoryBytes !== undefined && { memoryBytes: spec.resources.memoryBytes }),
    };
}


/***/ }),

/***/ 47900:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ removeObjects),
/* harmony export */   T: () => (/* binding */ down)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/* harmony import */ var _markers_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(31890);
/* harmony import */ var _labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59667);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(61599);
// `down` (by labels: everything of a project) and `removeObjects` (by id: what one run created, for the
// action's post step). Both go on past individual failures and report them as warnings.




/** Stop a detached main process (it leads its own process group); false when it was already gone. */
function stopProcess(pid) {
    try {
        process.kill(-pid, 'SIGKILL');
        return true;
    }
    catch {
        return false;
    }
}
async function down(runtime, options) {
    const result = { containers: 0, volumes: 0, networks: 0, processes: 0, warnings: [] };
    const attempt = async (what, fn) => {
        try {
            await fn();
            return true;
        }
        catch (e) {
            result.warnings.push(`could not remove ${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`);
            return false;
        }
    };
    const project = { [_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .LABEL */ .d_.project]: options.project };
    const dir = (0,_markers_store_js__WEBPACK_IMPORTED_MODULE_1__/* .stateDir */ .Pn)();
    const last = await (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .loadLastRun */ .qX)(options.project, dir);
    for (const p of last?.processes ?? [])
        if (stopProcess(p.pid))
            result.processes += 1;
    const containers = await runtime.listContainers(project);
    // Containers joined to a sandbox go before the sandbox.
    const ordered = [
        ...containers.filter((c) => c.labels[_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .LABEL */ .d_.role] !== 'sandbox'),
        ...containers.filter((c) => c.labels[_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .LABEL */ .d_.role] === 'sandbox'),
    ];
    for (const c of ordered) {
        if (await attempt(`container ${c.id.slice(0, 12)}`, () => runtime.removeContainer(c.id)))
            result.containers += 1;
    }
    const volumes = await runtime.listVolumes(project);
    for (const v of volumes) {
        const ephemeral = v.labels[_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .LABEL */ .d_.ephemeral] === 'true';
        if (!ephemeral && !options.volumes)
            continue;
        const removed = await attempt(`volume ${v.name}`, () => runtime.removeVolume(v.name));
        if (!removed)
            continue;
        result.volumes += 1;
        const uid = v.labels[_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .LABEL */ .d_.uid];
        if (uid !== undefined)
            await (0,_markers_store_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteMarkers */ .jl)(uid, dir);
    }
    for (const n of await runtime.listNetworks(project)) {
        if (await attempt(`network ${n.name}`, () => runtime.removeNetwork(n.id)))
            result.networks += 1;
    }
    // Step results stay for `status`/`logs` unless the volumes (what they initialized) are gone too.
    if (options.volumes)
        await (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .clearLastRun */ .v0)(options.project, dir);
    else if (last)
        await (0,_state_js__WEBPACK_IMPORTED_MODULE_3__/* .saveLastRun */ .$t)(options.project, { ...last, processes: [] }, dir);
    return result;
}
/** Remove what one run created, newest first (steps and main before their sandbox); returns warnings. */
async function removeObjects(runtime, created, onWarning = () => undefined) {
    const warnings = [];
    const attempt = async (what, fn) => {
        try {
            await fn();
        }
        catch (e) {
            const message = `could not remove ${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(e)}`;
            warnings.push(message);
            onWarning(message);
        }
    };
    for (const pid of created.processes ?? [])
        stopProcess(pid);
    for (const id of [...created.containers].reverse()) {
        await attempt(`container ${id.slice(0, 12)}`, () => runtime.removeContainer(id));
    }
    for (const name of created.volumes)
        await attempt(`volume ${name}`, () => runtime.removeVolume(name));
    for (const id of created.networks)
        await attempt(`network ${id.slice(0, 12)}`, () => runtime.removeNetwork(id));
    return warnings;
}


/***/ }),

/***/ 75130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ pathExistsOnMounts)
/* harmony export */ });
async function pathExistsOnMounts(runtime, sandboxImage, labels, mounts, path, track = { created() { }, removed() { } }) {
    const id = await runtime.createContainer({
        image: sandboxImage,
        env: [],
        labels,
        network: { mode: 'none' },
        mounts,
        securityOpt: [],
        capAdd: [],
        capDrop: ['ALL'],
        privileged: false,
    });
    track.created(id);
    try {
        return await runtime.pathExists(id, path);
    }
    finally {
        await runtime.removeContainer(id);
        track.removed(id);
    }
}


/***/ }),

/***/ 61599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $t: () => (/* binding */ saveLastRun),
/* harmony export */   Up: () => (/* binding */ logKey),
/* harmony export */   q5: () => (/* binding */ projectStateDir),
/* harmony export */   qX: () => (/* binding */ loadLastRun),
/* harmony export */   v0: () => (/* binding */ clearLastRun)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _markers_store_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(31890);
// The last run of each project, kept in the state dir so `status` and `logs --init-step` can show step
// results and captured output after `up` has exited.



const projectStateDir = (project, dir = (0,_markers_store_js__WEBPACK_IMPORTED_MODULE_2__/* .stateDir */ .Pn)()) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'projects', project);
const lastRunPath = (project, dir) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(projectStateDir(project, dir), 'last-run.json');
const logKey = (instance, step) => `${instance}/${step}`;
async function saveLastRun(project, run, dir) {
    await (0,_markers_store_js__WEBPACK_IMPORTED_MODULE_2__/* .writeFileAtomic */ .Zf)(lastRunPath(project, dir), `${JSON.stringify(run)}\n`);
}
/** The last run, or undefined when there is none (a file that does not parse counts as none). */
async function loadLastRun(project, dir) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(lastRunPath(project, dir), 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw e;
    }
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
async function clearLastRun(project, dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(lastRunPath(project, dir), { force: true });
}


/***/ }),

/***/ 48720:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y8: () => (/* binding */ freshFacts),
/* harmony export */   fU: () => (/* binding */ planProject),
/* harmony export */   lH: () => (/* binding */ decideStep),
/* harmony export */   s8: () => (/* binding */ markerKey)
/* harmony export */ });
/* unused harmony export hasMarker */
/* harmony import */ var _spec_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(63522);
// The planner: pure. Given a step and what is known about its volumes and files, it decides run or skip
// and says why in words a person reads. The engine asks it right before each step (an earlier step may
// have created the file a later `fileMissing` checks); `initsteps plan` asks it for every step up front.

const markerKey = (service, step) => `${service}/${step}`;
/** Whether a volume, as it exists now, carries the marker for this step. Stale identities never count. */
const hasMarker = (facts, key) => facts?.uid !== undefined && facts.markers.some((m) => m.volumeUid === facts.uid && m.key === key);
function decideStep(service, step, facts) {
    const runIf = step.runIf;
    switch (runIf.type) {
        case 'always':
            return { action: 'run', reason: 'runIf always' };
        case 'fileMissing': {
            if (facts.fileExists === true)
                return { action: 'skip', reason: `${runIf.path} exists` };
            return { action: 'run', reason: `${runIf.path} is missing` };
        }
        case 'freshVolume': {
            const persistent = step.volumes
                .filter(_spec_model_js__WEBPACK_IMPORTED_MODULE_0__/* .isPersistent */ .s)
                .filter((v) => !runIf.volume || v.name === runIf.volume);
            if (persistent.length === 0)
                return { action: 'run', reason: 'no persistent volume: always fresh' };
            const key = markerKey(service, step.name);
            const fresh = persistent.filter((v) => !hasMarker(facts.volumes[v.name], key));
            if (fresh.length === 0)
                return { action: 'skip', reason: 'volume already initialized' };
            const names = fresh.map((v) => v.name).join(', ');
            return { action: 'run', reason: `fresh volume ${names}` };
        }
    }
}
function planProject(project, facts) {
    const entries = [];
    for (const service of project.services) {
        for (const instance of service.instances) {
            for (const step of instance.steps) {
                const d = decideStep(service.name, step, facts(instance, step));
                entries.push({ service: service.name, instance: instance.name, step: step.name, ...d });
            }
        }
    }
    return entries;
}
/** Facts for a project none of whose volumes exist yet (`plan` before any `up`, or without Docker). */
const freshFacts = () => ({ volumes: {} });


/***/ }),

/***/ 74987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rY: () => (/* binding */ ensureSandboxImage)
/* harmony export */ });
/* unused harmony exports buildPauseElf, sandboxArch, buildTar, sandboxImage */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(56118);
// The sandbox ("pause") image: a process that only waits, holding an instance's network namespace.
// There is no registry to pull from, so the image is made here: a minimal static ELF written byte by
// byte, packed into a one-file tar and `docker import`ed, tagged by the hash of its bytes.


const BASE = 0x400000;
const EHDR_SIZE = 64;
const PHDR_SIZE = 56;
/** Machine code of the wait loop, per architecture. */
function loopCode(arch) {
    if (arch === 'x64') {
        // 0: mov eax, 34 (pause) ; syscall ; jmp 0  — pause returns after a handled signal, so loop.
        return Buffer.from([0xb8, 0x22, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xeb, 0xf7]);
    }
    // aarch64 has no pause(2): ppoll(NULL, 0, NULL, NULL) (syscall 73) blocks until a signal; loop.
    const words = [
        0xd2800000, // mov x0, #0
        0xd2800001, // mov x1, #0
        0xd2800002, // mov x2, #0
        0xd2800003, // mov x3, #0
        0xd2800928, // mov x8, #73
        0xd4000001, // svc #0
        0x17fffffa, // b -6 (back to the first mov)
    ];
    const code = Buffer.alloc(words.length * 4);
    words.forEach((w, i) => code.writeUInt32LE(w, i * 4));
    return code;
}
/** A static ELF64 executable: one PT_LOAD segment (R+X) mapping the whole file, entry right after the headers. */
function buildPauseElf(arch) {
    const code = loopCode(arch);
    const size = EHDR_SIZE + PHDR_SIZE + code.length;
    const elf = Buffer.alloc(size);
    // e_ident: magic, ELFCLASS64, little endian, version 1, System V ABI.
    elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
    elf.writeUInt16LE(2, 16); // e_type ET_EXEC
    elf.writeUInt16LE(arch === 'x64' ? 62 : 183, 18); // e_machine EM_X86_64 | EM_AARCH64
    elf.writeUInt32LE(1, 20); // e_version
    elf.writeBigUInt64LE(BigInt(BASE + EHDR_SIZE + PHDR_SIZE), 24); // e_entry
    elf.writeBigUInt64LE(BigInt(EHDR_SIZE), 32); // e_phoff
    elf.writeBigUInt64LE(0n, 40); // e_shoff: no sections
    elf.writeUInt32LE(0, 48); // e_flags
    elf.writeUInt16LE(EHDR_SIZE, 52); // e_ehsize
    elf.writeUInt16LE(PHDR_SIZE, 54); // e_phentsize
    elf.writeUInt16LE(1, 56); // e_phnum
    elf.writeUInt16LE(64, 58); // e_shentsize
    elf.writeUInt16LE(0, 60); // e_shnum
    elf.writeUInt16LE(0, 62); // e_shstrndx
    const ph = EHDR_SIZE;
    elf.writeUInt32LE(1, ph); // p_type PT_LOAD
    elf.writeUInt32LE(5, ph + 4); // p_flags R+X
    elf.writeBigUInt64LE(0n, ph + 8); // p_offset
    elf.writeBigUInt64LE(BigInt(BASE), ph + 16); // p_vaddr
    elf.writeBigUInt64LE(BigInt(BASE), ph + 24); // p_paddr
    elf.writeBigUInt64LE(BigInt(size), ph + 32); // p_filesz
    elf.writeBigUInt64LE(BigInt(size), ph + 40); // p_memsz
    elf.writeBigUInt64LE(0x1000n, ph + 48); // p_align
    code.copy(elf, EHDR_SIZE + PHDR_SIZE);
    return elf;
}
function sandboxArch(arch = process.arch) {
    if (arch === 'x64' || arch === 'arm64')
        return arch;
    throw new Error(`no sandbox image for architecture ${arch} (supported: x64, arm64)`);
}
/** A tar archive holding the given files (mode 0755, owned by root). */
async function buildTar(files) {
    const p = (0,tar_stream__WEBPACK_IMPORTED_MODULE_1__.pack)();
    const chunks = [];
    p.on('data', (c) => chunks.push(c));
    const ended = new Promise((resolve, reject) => {
        p.on('end', resolve);
        p.on('error', reject);
    });
    for (const f of files) {
        // mtime fixed so the tar (and the image) is reproducible.
        p.entry({ name: f.name, mode: 0o755, uid: 0, gid: 0, mtime: new Date(0) }, f.content);
    }
    p.finalize();
    await ended;
    return Buffer.concat(chunks);
}
async function sandboxImage(arch = sandboxArch()) {
    const elf = buildPauseElf(arch);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(elf).digest('hex').slice(0, 12);
    return {
        ref: `initsteps/sandbox:${hash}`,
        tar: await buildTar([{ name: 'pause', content: elf }]),
        changes: ['CMD ["/pause"]', 'LABEL dev.initsteps.role=sandbox'],
    };
}
/** Import the sandbox image unless this engine already has it; returns its reference. */
async function ensureSandboxImage(runtime) {
    const image = await sandboxImage();
    if (!(await runtime.imageExists(image.ref)))
        await runtime.importImage(image.tar, image.ref, image.changes);
    return image.ref;
}


/***/ }),

/***/ 63522:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ isPersistent)
/* harmony export */ });
// The resolved model: the only thing stages after the spec loader consume.
// Every field here is final: inheritance (contract §2) is already applied, durations are
// milliseconds, quantities are numbers, paths are absolute.
const isPersistent = (v) => v.source.kind === 'claim';


/***/ })

};

//# sourceMappingURL=124.index.js.map