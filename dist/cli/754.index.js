import { fileURLToPath as __ncc_fileURLToPath } from 'node:url'; import { dirname as __ncc_dirname } from 'node:path'; const __filename = __ncc_fileURLToPath(import.meta.url); const __dirname = __ncc_dirname(__filename);
export const id = 754;
export const ids = [754];
export const modules = {

/***/ 31754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _plan_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48720);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(71604);
/* harmony import */ var _load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43180);
/* harmony import */ var _report_table_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(790);




/** `initsteps plan <spec...>`: which steps would run or skip on each instance, and why. */
const run = async (args, io) => {
    const project = await (0,_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadFromArgs */ .s)(args, io);
    const entries = (0,_plan_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planProject */ .fU)(project, _plan_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .freshFacts */ .Y8);
    const note = 'volume state not read: every persistent volume is assumed fresh';
    if ((0,_io_js__WEBPACK_IMPORTED_MODULE_2__/* .flagBool */ .NZ)(args, 'json')) {
        io.out(JSON.stringify({ project: project.name, assumedFresh: true, note, steps: entries }, null, 2));
        return 0;
    }
    io.out(`plan for project ${project.name} (${note})`);
    io.out((0,_report_table_js__WEBPACK_IMPORTED_MODULE_3__/* .formatTable */ .k)(['SERVICE', 'INSTANCE', 'STEP', 'ACTION', 'WHY'], entries.map((e) => [e.service, e.instance, e.step, e.action, e.reason])));
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

//# sourceMappingURL=754.index.js.map