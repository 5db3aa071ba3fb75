import { fileURLToPath as __ncc_fileURLToPath } from 'node:url'; import { dirname as __ncc_dirname } from 'node:path'; const __filename = __ncc_fileURLToPath(import.meta.url); const __dirname = __ncc_dirname(__filename);
export const id = 210;
export const ids = [210];
export const modules = {

/***/ 44210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/markers/store.ts
var store = __webpack_require__(31890);
// EXTERNAL MODULE: ./src/runtime/sandbox-image.ts
var sandbox_image = __webpack_require__(74987);
// EXTERNAL MODULE: ./src/spec/model.ts
var model = __webpack_require__(63522);
// EXTERNAL MODULE: ./src/engine/container-spec.ts
var container_spec = __webpack_require__(76985);
// EXTERNAL MODULE: ./src/engine/labels.ts
var engine_labels = __webpack_require__(59667);
// EXTERNAL MODULE: ./src/engine/path-check.ts
var path_check = __webpack_require__(75130);
;// CONCATENATED MODULE: ./src/engine/facts.ts
// What `initsteps plan` reads from the engine without running anything: which persistent volumes exist,
// the markers of their current identity, and whether each fileMissing path is there now.







async function readFacts(runtime, project, dir = (0,store/* stateDir */.Pn)()) {
    const facts = new Map();
    let sandboxImage;
    for (const service of project.services) {
        for (const inst of service.instances) {
            // Docker names of the persistent volumes that exist now; emptyDir volumes never exist before a run.
            const existing = new Map();
            for (const step of inst.steps) {
                const stepFacts = { volumes: {} };
                for (const m of step.volumes.filter(model/* isPersistent */.s)) {
                    const name = (0,engine_labels/* volumeName */.EH)(project.name, inst.name, m.name);
                    const info = await runtime.inspectVolume(name);
                    if (!info)
                        continue;
                    existing.set(m.name, name);
                    const uid = info.labels[engine_labels/* LABEL */.d_.uid];
                    stepFacts.volumes[m.name] = { uid, markers: uid ? await (0,store/* getMarkers */.Iw)(uid, dir) : [] };
                }
                const runIf = step.runIf;
                if (runIf.type === 'fileMissing') {
                    if (service.runtime === 'process') {
                        stepFacts.fileExists = (0,external_node_fs_.existsSync)(runIf.path);
                    }
                    else {
                        const mounts = step.volumes.filter((m) => (runIf.volume === undefined || m.name === runIf.volume) &&
                            (m.source.kind === 'hostPath' || existing.has(m.name)));
                        sandboxImage ??= await (0,sandbox_image/* ensureSandboxImage */.rY)(runtime);
                        const labels = { [engine_labels/* LABEL */.d_.project]: project.name, [engine_labels/* LABEL */.d_.role]: 'step' };
                        stepFacts.fileExists = await (0,path_check/* pathExistsOnMounts */.X)(runtime, sandboxImage, labels, (0,container_spec/* mountsFor */.yd)(mounts, existing), runIf.path);
                    }
                }
                facts.set(`${inst.name}/${step.name}`, stepFacts);
            }
        }
    }
    return (inst, step) => facts.get(`${inst.name}/${step.name}`) ?? { volumes: {} };
}

// EXTERNAL MODULE: ./src/plan/plan.ts
var plan = __webpack_require__(48720);
// EXTERNAL MODULE: ./src/report/table.ts
var report_table = __webpack_require__(790);
// EXTERNAL MODULE: ./src/runtime/docker.ts
var docker = __webpack_require__(3518);
// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
// EXTERNAL MODULE: ./src/cli/load.ts
var load = __webpack_require__(43180);
;// CONCATENATED MODULE: ./src/cli/commands/plan.ts







/** `initsteps plan <spec...>`: which steps would run or skip on each instance, and why. */
const run = async (args, io) => {
    const project = await (0,load/* loadFromArgs */.s)(args, io);
    // Plan reads the volumes and markers as they are; without an engine it still answers, for fresh volumes.
    let facts = plan/* freshFacts */.Y8;
    let note;
    try {
        facts = await readFacts(await (0,docker/* connectDocker */.Z8)(io.env), project);
    }
    catch (e) {
        if (!(e instanceof errors/* DockerUnavailableError */.pG))
            throw e;
        note = `Docker is not reachable at ${e.endpoint}: every persistent volume is assumed fresh`;
    }
    const entries = (0,plan/* planProject */.fU)(project, facts);
    if ((0,cli_io/* flagBool */.NZ)(args, 'json')) {
        io.out(JSON.stringify({ project: project.name, assumedFresh: note !== undefined, note, steps: entries }, null, 2));
        return 0;
    }
    io.out(`plan for project ${project.name}${note ? ` (${note})` : ''}`);
    const table = (0,report_table/* formatTable */.k)(['SERVICE', 'INSTANCE', 'STEP', 'ACTION', 'WHY'], entries.map((e) => [e.service, e.instance, e.step, e.action, e.reason]));
    for (const line of table.split('\n'))
        io.out(line);
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

/***/ 790:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ formatTable)
/* harmony export */ });
// Plain-text tables for the terminal, left-aligned columns separated by two spaces (contract §3).
function formatTable(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    return [line(header), ...rows.map(line)].join('\n');
}


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

//# sourceMappingURL=210.index.js.map