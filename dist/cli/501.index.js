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


/***/ })

};

//# sourceMappingURL=501.index.js.map