import { fileURLToPath as __ncc_fileURLToPath } from 'node:url'; import { dirname as __ncc_dirname } from 'node:path'; const __filename = __ncc_fileURLToPath(import.meta.url); const __dirname = __ncc_dirname(__filename);
export const id = 241;
export const ids = [241];
export const modules = {

/***/ 59667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EH: () => (/* binding */ volumeName),
/* harmony export */   V7: () => (/* binding */ mainName),
/* harmony export */   ZV: () => (/* binding */ sandboxName),
/* harmony export */   d_: () => (/* binding */ LABEL),
/* harmony export */   uv: () => (/* binding */ networkName)
/* harmony export */ });
// Names and labels of every Docker object a run creates: `down`, `status` and cleanup find them by label.
const LABEL = {
    project: 'dev.initsteps.project',
    service: 'dev.initsteps.service',
    instance: 'dev.initsteps.instance',
    step: 'dev.initsteps.step',
    role: 'dev.initsteps.role',
    run: 'dev.initsteps.run',
    /** Identity of a persistent volume, set once at creation: markers are keyed by it. */
    uid: 'dev.initsteps.uid',
    /** The spec's volume name, on Docker volumes. */
    volume: 'dev.initsteps.volume',
    /** On run-scoped (emptyDir) volumes, which `down` removes even without --volumes. */
    ephemeral: 'dev.initsteps.ephemeral',
};
const networkName = (project) => `initsteps_${project}`;
const volumeName = (project, instance, volume) => `initsteps_${project}_${instance}_${volume}`;
const mainName = (project, instance) => `initsteps_${project}_${instance}`;
const sandboxName = (project, instance) => `initsteps_${project}_${instance}_sandbox`;


/***/ }),

/***/ 31890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ getMarkers),
/* harmony export */   Pn: () => (/* binding */ stateDir),
/* harmony export */   Yq: () => (/* binding */ setMarkers),
/* harmony export */   Yu: () => (/* binding */ addMarker),
/* harmony export */   Zf: () => (/* binding */ writeFileAtomic),
/* harmony export */   jl: () => (/* binding */ deleteMarkers)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
// Markers live outside the volume (postgres initdb, for one, refuses a non-empty data directory): a JSON
// file per volume identity under the state dir. Keyed by the volume's uid label, so a volume removed and
// created again (new uid) has no markers, whatever an old file says.




/** `INITSTEPS_STATE_DIR`, else `$XDG_STATE_HOME/initsteps`, else `~/.local/state/initsteps`. */
function stateDir(env = process.env) {
    if (env.INITSTEPS_STATE_DIR)
        return env.INITSTEPS_STATE_DIR;
    if (env.XDG_STATE_HOME)
        return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(env.XDG_STATE_HOME, 'initsteps');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_2__.homedir)(), '.local', 'state', 'initsteps');
}
const UID_RE = /^[A-Za-z0-9._-]+$/;
function markerPath(uid, dir) {
    // The uid names a file: refuse anything that could escape the directory.
    if (!UID_RE.test(uid) || uid.startsWith('.'))
        throw new Error(`invalid volume uid ${JSON.stringify(uid)}`);
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, 'markers', `${uid}.json`);
}
/** Write a file atomically: readers see the old or the new content, never a torn one. */
async function writeFileAtomic(path, content) {
    const tmp = `${path}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}.tmp`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(path, '..'), { recursive: true });
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(tmp, content);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rename)(tmp, path);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(tmp, { force: true });
    }
}
/** Markers stamped on the volume with this uid (only those that name it). */
async function getMarkers(uid, dir = stateDir()) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(markerPath(uid, dir), 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return [];
        throw e;
    }
    const file = JSON.parse(text);
    return file.markers.filter((m) => m.volumeUid === uid);
}
/** Replace the volume's markers (the cache restores them this way together with the volume's contents). */
async function setMarkers(uid, markers, dir = stateDir()) {
    const file = { volumeUid: uid, markers: markers.map((m) => ({ ...m, volumeUid: uid })) };
    await writeFileAtomic(markerPath(uid, dir), `${JSON.stringify(file, null, 2)}\n`);
}
/** Stamp `key` on the volume (replacing an older stamp of the same key). */
async function addMarker(uid, key, at = new Date(), dir = stateDir()) {
    const markers = (await getMarkers(uid, dir)).filter((m) => m.key !== key);
    markers.push({ volumeUid: uid, key, at: at.toISOString() });
    await setMarkers(uid, markers, dir);
}
async function deleteMarkers(uid, dir = stateDir()) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(markerPath(uid, dir), { force: true });
}


/***/ }),

/***/ 3518:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QV: () => (/* binding */ dockerMessage),
/* harmony export */   Z8: () => (/* binding */ connectDocker)
/* harmony export */ });
/* unused harmony exports DockerRuntime, remoteHostOf, dockerEndpoint */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var dockerode__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39040);
/* harmony import */ var dockerode__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(dockerode__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _stream_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97558);
// The Docker implementation of ContainerRuntime: the only module that imports dockerode.




const PING_TIMEOUT_MS = 5000;
/** The HTTP status of a dockerode error, if it has one. */
const statusOf = (e) => typeof e === 'object' && e !== null && 'statusCode' in e && typeof e.statusCode === 'number'
    ? e.statusCode
    : undefined;
/** The daemon's own message (dockerode wraps it in "(HTTP code 404) unexpected - ..."). */
function dockerMessage(e) {
    if (typeof e === 'object' && e !== null && 'json' in e) {
        const json = e.json;
        if (typeof json === 'object' && json !== null && 'message' in json && typeof json.message === 'string') {
            return json.message;
        }
    }
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e).trim();
}
/** Run `fn`, treating the listed HTTP statuses as "nothing to do". */
async function tolerate(statuses, fn) {
    try {
        await fn();
    }
    catch (e) {
        const status = statusOf(e);
        if (status === undefined || !statuses.includes(status))
            throw e;
    }
}
const labelFilters = (labels) => ({
    label: Object.entries(labels).map(([k, v]) => `${k}=${v}`),
});
/** Reads a JSON-lines progress stream to its end; rejects on an `error` message in it. */
function followProgress(modem, stream, onProgress) {
    return new Promise((resolve, reject) => {
        modem.followProgress(stream, (err) => (err ? reject(err) : resolve()), (event) => onProgress(event));
    });
}
class DockerRuntime {
    docker;
    endpoint;
    remoteHost;
    constructor(docker, endpoint) {
        this.docker = docker;
        this.endpoint = endpoint;
        this.remoteHost = remoteHostOf(endpoint);
    }
    async imageExists(ref) {
        try {
            await this.docker.getImage(ref).inspect();
            return true;
        }
        catch (e) {
            if (statusOf(e) === 404)
                return false;
            throw e;
        }
    }
    async imageHasHealthcheck(ref) {
        const info = await this.docker.getImage(ref).inspect();
        const test = info.Config?.Healthcheck?.Test;
        return Array.isArray(test) && test.length > 0 && test[0] !== 'NONE';
    }
    async pullImage(ref, onProgress, signal) {
        try {
            const stream = await this.docker.pull(ref, signal ? { abortSignal: signal } : {});
            await followProgress(this.docker.modem, stream, (ev) => {
                const text = [ev.id, ev.status, ev.progress].filter(Boolean).join(' ');
                if (text)
                    onProgress(text);
            });
        }
        catch (e) {
            throw new Error(dockerMessage(e));
        }
    }
    async importImage(tar, ref, changes) {
        const [repo, tag] = splitRef(ref);
        const stream = await this.docker.importImage(node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from([tar]), { repo, tag, changes });
        await followProgress(this.docker.modem, stream, () => undefined);
    }
    async createContainer(spec) {
        const ports = spec.ports ?? [];
        const key = (p) => `${p.containerPort}/${p.protocol}`;
        const network = spec.network;
        const container = await this.docker.createContainer({
            ...(spec.name !== undefined && { name: spec.name }),
            Image: spec.image,
            ...(spec.entrypoint !== undefined && { Entrypoint: spec.entrypoint }),
            ...(spec.cmd !== undefined && { Cmd: spec.cmd }),
            Env: spec.env,
            ...(spec.user !== undefined && { User: spec.user }),
            ...(spec.workingDir !== undefined && { WorkingDir: spec.workingDir }),
            ...(spec.hostname !== undefined && { Hostname: spec.hostname }),
            Labels: spec.labels,
            AttachStdout: true,
            AttachStderr: true,
            Tty: false,
            ExposedPorts: Object.fromEntries(ports.map((p) => [key(p), {}])),
            HostConfig: {
                NetworkMode: network.mode === 'none'
                    ? 'none'
                    : network.mode === 'container'
                        ? `container:${network.container}`
                        : network.network,
                Mounts: spec.mounts.map((m) => ({
                    Type: m.type,
                    Source: m.source,
                    Target: m.target,
                    ReadOnly: m.readOnly,
                })),
                PortBindings: Object.fromEntries(ports.map((p) => [key(p), [{ HostIp: p.hostIp, HostPort: p.hostPort ? String(p.hostPort) : '' }]])),
                SecurityOpt: spec.securityOpt,
                CapAdd: spec.capAdd,
                CapDrop: spec.capDrop,
                Privileged: spec.privileged,
                ...(spec.nanoCpus !== undefined && { NanoCpus: spec.nanoCpus }),
                // No swap on top of the limit, as in Kubernetes: over the limit means OOMKilled.
                ...(spec.memoryBytes !== undefined && { Memory: spec.memoryBytes, MemorySwap: spec.memoryBytes }),
            },
            ...(network.mode === 'network' && {
                NetworkingConfig: { EndpointsConfig: { [network.network]: { Aliases: network.aliases } } },
            }),
        });
        return container.id;
    }
    async attach(id, onData) {
        const stream = (await this.docker
            .getContainer(id)
            .attach({ stream: true, stdout: true, stderr: true }));
        const demux = new _stream_js__WEBPACK_IMPORTED_MODULE_3__/* .Demuxer */ .B$(onData);
        const done = new Promise((resolve) => {
            stream.on('data', (chunk) => demux.push(chunk));
            // The stream ends when the container exits; an aborted connection ends it too (nothing more to read).
            stream.on('end', () => resolve());
            stream.on('close', () => resolve());
            stream.on('error', () => resolve());
        });
        return { done };
    }
    async startContainer(id) {
        try {
            await this.docker.getContainer(id).start();
        }
        catch (e) {
            // 304: already started.
            if (statusOf(e) === 304)
                return;
            throw new Error(dockerMessage(e));
        }
    }
    async waitContainer(id) {
        const res = (await this.docker.getContainer(id).wait());
        return res.StatusCode;
    }
    async inspectContainer(id) {
        const info = await this.docker.getContainer(id).inspect();
        const health = info.State.Health?.Status;
        return {
            id: info.Id,
            labels: info.Config.Labels ?? {},
            state: info.State.Status,
            running: info.State.Running,
            exitCode: info.State.ExitCode,
            oomKilled: info.State.OOMKilled,
            ...(info.State.Error ? { error: info.State.Error } : {}),
            ...(health === 'starting' || health === 'healthy' || health === 'unhealthy' ? { health } : {}),
            ports: parsePorts(info.NetworkSettings.Ports),
        };
    }
    async killContainer(id, signal) {
        // 404 gone, 409 not running: either way nothing to kill.
        await tolerate([404, 409], () => this.docker.getContainer(id).kill({ signal }));
    }
    async stopContainer(id, graceSeconds) {
        await tolerate([304, 404], () => this.docker.getContainer(id).stop({ t: graceSeconds }));
    }
    async removeContainer(id) {
        // 409: a removal is already in progress.
        await tolerate([404, 409], () => this.docker.getContainer(id).remove({ force: true, v: true }));
    }
    async listContainers(labels) {
        const list = await this.docker.listContainers({ all: true, filters: labelFilters(labels) });
        return list.map((c) => ({
            id: c.Id,
            labels: c.Labels,
            state: c.State,
            ports: c.Ports.filter((p) => p.PublicPort !== undefined).map((p) => ({
                containerPort: p.PrivatePort,
                protocol: p.Type === 'udp' ? 'udp' : 'tcp',
                hostIp: p.IP ?? '',
                hostPort: p.PublicPort,
            })),
        }));
    }
    async exec(id, command, signal) {
        const exec = await this.docker
            .getContainer(id)
            .exec({ Cmd: command, AttachStdout: true, AttachStderr: true });
        const stream = await exec.start({ hijack: true, stdin: false });
        await new Promise((resolve) => {
            const onAbort = () => stream.destroy();
            signal?.addEventListener('abort', onAbort, { once: true });
            stream.on('data', () => undefined);
            const finish = () => {
                signal?.removeEventListener('abort', onAbort);
                resolve();
            };
            stream.on('end', finish);
            stream.on('close', finish);
            stream.on('error', finish);
        });
        signal?.throwIfAborted();
        const info = await exec.inspect();
        return info.ExitCode ?? -1;
    }
    async pathExists(id, path) {
        try {
            // The HEAD answer comes as a response stream: left open, it keeps the socket (and the process) alive
            // until Docker's idle timeout, minutes after the run is done.
            const res = await this.docker.getContainer(id).infoArchive({ path });
            if (res instanceof node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable)
                res.destroy();
            return true;
        }
        catch (e) {
            if (statusOf(e) === 404)
                return false;
            throw e;
        }
    }
    async containerIp(id, network) {
        const info = await this.docker.getContainer(id).inspect();
        return info.NetworkSettings.Networks[network]?.IPAddress || undefined;
    }
    async ensureNetwork(name, labels) {
        const existing = await this.inspectNetwork(name);
        if (existing)
            return { id: existing, created: false };
        try {
            const net = await this.docker.createNetwork({
                Name: name,
                Driver: 'bridge',
                Labels: labels,
                CheckDuplicate: true,
            });
            return { id: net.id, created: true };
        }
        catch (e) {
            // 409: another run created it meanwhile.
            const raced = statusOf(e) === 409 ? await this.inspectNetwork(name) : undefined;
            if (raced)
                return { id: raced, created: false };
            throw e;
        }
    }
    async inspectNetwork(name) {
        try {
            const info = (await this.docker.getNetwork(name).inspect());
            return info.Id;
        }
        catch (e) {
            if (statusOf(e) === 404)
                return undefined;
            throw e;
        }
    }
    async listNetworks(labels) {
        const list = await this.docker.listNetworks({ filters: labelFilters(labels) });
        return list.map((n) => ({ id: n.Id, name: n.Name, labels: n.Labels ?? {} }));
    }
    async removeNetwork(idOrName) {
        await tolerate([404], () => this.docker.getNetwork(idOrName).remove());
    }
    async inspectVolume(name) {
        try {
            const info = await this.docker.getVolume(name).inspect();
            return { name: info.Name, labels: info.Labels ?? {} };
        }
        catch (e) {
            if (statusOf(e) === 404)
                return undefined;
            throw e;
        }
    }
    async createVolume(name, labels) {
        await this.docker.createVolume({ Name: name, Labels: labels });
        // Read back: creating a volume that exists already returns the existing one, with its own labels.
        const info = await this.inspectVolume(name);
        if (!info)
            throw new Error(`volume ${name} vanished right after it was created`);
        return info;
    }
    async listVolumes(labels) {
        const res = await this.docker.listVolumes({ filters: labelFilters(labels) });
        return (res.Volumes ?? []).map((v) => ({ name: v.Name, labels: v.Labels ?? {} }));
    }
    async removeVolume(name) {
        try {
            await this.docker.getVolume(name).remove();
        }
        catch (e) {
            if (statusOf(e) === 404)
                return;
            throw new Error(dockerMessage(e));
        }
    }
}
function splitRef(ref) {
    const slash = ref.lastIndexOf('/');
    const colon = ref.lastIndexOf(':');
    return colon > slash ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
}
function parsePorts(ports) {
    const out = [];
    for (const [key, bindings] of Object.entries(ports ?? {})) {
        const [port, proto] = key.split('/');
        for (const b of bindings ?? []) {
            out.push({
                containerPort: Number(port),
                protocol: proto === 'udp' ? 'udp' : 'tcp',
                hostIp: b.HostIp,
                hostPort: Number(b.HostPort),
            });
        }
    }
    return out;
}
/** The host of a tcp:// or ssh:// endpoint; undefined for a local socket (or a named pipe). */
function remoteHostOf(endpoint) {
    if (!/^(tcp|ssh|https?):\/\//.test(endpoint))
        return undefined;
    const host = new URL(endpoint).hostname;
    return host === '' ? undefined : host.replace(/^\[(.*)\]$/, '$1');
}
/** Where dockerode will connect: DOCKER_HOST when set, else the default socket. */
const dockerEndpoint = (env = process.env) => env.DOCKER_HOST || '/var/run/docker.sock';
/** Connect and ping (5 s limit); a silent engine is a DockerUnavailableError naming the endpoint. */
async function connectDocker(env = process.env) {
    const endpoint = dockerEndpoint(env);
    let docker;
    try {
        // For anything but a unix socket dockerode reads DOCKER_HOST (and DOCKER_TLS_VERIFY, DOCKER_CERT_PATH) itself.
        const socketPath = endpoint.startsWith('unix://') ? endpoint.slice('unix://'.length) : endpoint;
        docker = socketPath.startsWith('/') ? new (dockerode__WEBPACK_IMPORTED_MODULE_1___default())({ socketPath }) : new (dockerode__WEBPACK_IMPORTED_MODULE_1___default())();
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerUnavailableError */ .pG(endpoint, (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(e));
    }
    let timer;
    try {
        await Promise.race([
            docker.ping(),
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS / 1000} s`)), PING_TIMEOUT_MS);
            }),
        ]);
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerUnavailableError */ .pG(endpoint, dockerMessage(e));
    }
    finally {
        clearTimeout(timer);
    }
    return new DockerRuntime(docker, endpoint);
}


/***/ }),

/***/ 97558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B$: () => (/* binding */ Demuxer),
/* harmony export */   PW: () => (/* binding */ Tail),
/* harmony export */   g3: () => (/* binding */ LineSplitter)
/* harmony export */ });
/**
 * Docker's stdcopy framing for non-TTY attach streams: an 8-byte header (stream type, 3 zero bytes,
 * big-endian payload length) before each payload. Frames arrive split across chunks arbitrarily.
 */
class Demuxer {
    onFrame;
    pending = Buffer.alloc(0);
    constructor(onFrame) {
        this.onFrame = onFrame;
    }
    push(chunk) {
        this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
        while (this.pending.length >= 8) {
            const type = this.pending.readUInt8(0);
            const length = this.pending.readUInt32BE(4);
            if (this.pending.length < 8 + length)
                break;
            const payload = this.pending.subarray(8, 8 + length);
            this.pending = this.pending.subarray(8 + length);
            // Type 0 (stdin echo) never happens without a TTY/stdin; treat anything but 2 as stdout.
            this.onFrame(type === 2 ? 'stderr' : 'stdout', payload);
        }
    }
}
/** Splits a byte stream into lines (LF or CRLF), decoding UTF-8 across chunk boundaries. */
class LineSplitter {
    onLine;
    partial = '';
    decoder = new TextDecoder('utf-8');
    constructor(onLine) {
        this.onLine = onLine;
    }
    push(chunk) {
        const text = this.partial + this.decoder.decode(chunk, { stream: true });
        const parts = text.split('\n');
        this.partial = parts.pop() ?? '';
        for (const p of parts)
            this.onLine(p.endsWith('\r') ? p.slice(0, -1) : p);
    }
    /** Emits the last unterminated line, if any. */
    end() {
        const rest = this.partial + this.decoder.decode();
        this.partial = '';
        if (rest !== '')
            this.onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
    }
}
/** Keeps the last `max` items. */
class Tail {
    max;
    items = [];
    constructor(max) {
        this.max = max;
    }
    push(item) {
        this.items.push(item);
        if (this.items.length > this.max * 2)
            this.items = this.items.slice(-this.max);
    }
    values() {
        return this.items.slice(-this.max);
    }
}


/***/ })

};

//# sourceMappingURL=241.index.js.map