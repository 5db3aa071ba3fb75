import { fileURLToPath as __ncc_fileURLToPath } from 'node:url'; import { dirname as __ncc_dirname } from 'node:path'; const __filename = __ncc_fileURLToPath(import.meta.url); const __dirname = __ncc_dirname(__filename);
export const id = 501;
export const ids = [501];
export const modules = {

/***/ 99501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   projectNameOf: () => (/* binding */ projectNameOf),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _engine_down_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47900);
/* harmony import */ var _spec_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(18830);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/* harmony import */ var _runtime_docker_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3518);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(71604);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
// `initsteps down <spec...> [--volumes]`: remove what `up` started; --volumes drops persistent volumes and
// their markers too.







/** Spec files tried, in the current directory, when a command that needs only the project name gets none. */
const DEFAULT_SPECS = ['initsteps.yaml', 'initsteps.yml'];
/**
 * The project a command acts on: `--project`, else the name the spec loader derives from these spec files
 * (or a default spec file in the current directory). Secrets and privilege rules do not matter for a name,
 * so they are not asked for: `down` must work without the run's environment.
 */
async function projectNameOf(args, io, files) {
    const explicit = (0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .flagString */ .w)(args, 'project');
    if (explicit !== undefined)
        return explicit;
    const specs = files.length > 0
        ? files
        : DEFAULT_SPECS.map((f) => node_path__WEBPACK_IMPORTED_MODULE_5___default().resolve(io.cwd, f))
            .filter(node_fs__WEBPACK_IMPORTED_MODULE_4__.existsSync)
            .slice(0, 1);
    if (specs.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`initsteps ${args.command}: name the spec file(s) or the project (--project P)`);
    }
    const anyValue = new Proxy({}, { get: () => 'unused' });
    const result = await (0,_spec_index_js__WEBPACK_IMPORTED_MODULE_1__/* .loadProject */ .gi)({ files: specs, env: anyValue, allowPrivileged: true });
    if (!result.ok)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SpecError */ .G8(result.problems);
    return result.project.name;
}
const run = async (args, io) => {
    const files = args.positionals.map((f) => node_path__WEBPACK_IMPORTED_MODULE_5___default().resolve(io.cwd, f));
    const project = await projectNameOf(args, io, files);
    const runtime = await (0,_runtime_docker_js__WEBPACK_IMPORTED_MODULE_3__/* .connectDocker */ .Z8)(io.env);
    const res = await (0,_engine_down_js__WEBPACK_IMPORTED_MODULE_0__/* .down */ .T)(runtime, { project, volumes: (0,_io_js__WEBPACK_IMPORTED_MODULE_6__/* .flagBool */ .NZ)(args, 'volumes') });
    for (const w of res.warnings)
        io.err(`⚠ ${w}`);
    const parts = [
        `${res.containers} container(s)`,
        `${res.networks} network(s)`,
        `${res.volumes} volume(s)`,
        ...(res.processes > 0 ? [`${res.processes} process(es)`] : []),
    ];
    io.out(`removed ${parts.join(', ')} of project ${project}`);
    return res.warnings.length > 0 ? 1 : 0;
};


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


/***/ })

};

//# sourceMappingURL=501.index.js.map