import { fileURLToPath as __ncc_fileURLToPath } from 'node:url'; import { dirname as __ncc_dirname } from 'node:path'; const __filename = __ncc_fileURLToPath(import.meta.url); const __dirname = __ncc_dirname(__filename);
export const id = 575;
export const ids = [575];
export const modules = {

/***/ 12575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43180);

/** `initsteps validate <spec...>`: exit 0, or 2 with one `file:line:col: message` per problem (via run.ts). */
const run = async (args, io) => {
    const project = await (0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadFromArgs */ .s)(args, io);
    const steps = project.services.reduce((n, s) => n + (s.instances[0]?.steps.length ?? 0), 0);
    io.out(`ok: ${project.services.length} service(s), ${steps} init step(s) in ${project.files.length} file(s)`);
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


/***/ })

};

//# sourceMappingURL=575.index.js.map