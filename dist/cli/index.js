import { fileURLToPath as __ncc_fileURLToPath } from 'node:url'; import { dirname as __ncc_dirname } from 'node:path'; const __filename = __ncc_fileURLToPath(import.meta.url); const __dirname = __ncc_dirname(__filename);
import './sourcemap-register.cjs';import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2855:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _src_cli_index_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(70486);
var __webpack_async_dependencies__ = __webpack_handle_async_dependencies__([_src_cli_index_js__WEBPACK_IMPORTED_MODULE_0__]);
_src_cli_index_js__WEBPACK_IMPORTED_MODULE_0__ = (__webpack_async_dependencies__.then ? (await __webpack_async_dependencies__)() : __webpack_async_dependencies__)[0];


__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } });

/***/ }),

/***/ 70486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(94175);
// Entry point of the `initsteps` command: wires the real process to runCli.

const controller = new AbortController();
let received;
for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
        // A second signal while cleaning up means "stop now".
        if (received)
            process.exit(sig === 'SIGINT' ? 130 : 143);
        received = sig;
        controller.abort(sig);
    });
}
process.exitCode = await (0,_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
    signalName: () => received,
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 94175:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ak: () => (/* binding */ runCli)
/* harmony export */ });
/* unused harmony exports usage, parse */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(83916);
/* harmony import */ var _report_failure_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3304);
// The CLI: parse arguments, dispatch to a command, map errors to exit codes (contract §4).



const commands = {
    validate: { usage: 'validate <spec...>', load: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(103), __nccwpck_require__.e(575)]).then(__nccwpck_require__.bind(__nccwpck_require__, 12575)) },
    plan: { usage: 'plan <spec...> [--json]', load: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(40), __nccwpck_require__.e(118), __nccwpck_require__.e(103), __nccwpck_require__.e(241), __nccwpck_require__.e(210)]).then(__nccwpck_require__.bind(__nccwpck_require__, 44210)) },
    up: {
        usage: 'up <spec...> [--timeout D] [--services a,b] [--project P] [--allow-privileged] [--cache-dir DIR] [--json]',
        load: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(40), __nccwpck_require__.e(118), __nccwpck_require__.e(179), __nccwpck_require__.e(103), __nccwpck_require__.e(241), __nccwpck_require__.e(124)]).then(__nccwpck_require__.bind(__nccwpck_require__, 78124)),
    },
    down: { usage: 'down <spec...> [--volumes] [--project P]', load: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(40), __nccwpck_require__.e(103), __nccwpck_require__.e(241), __nccwpck_require__.e(501)]).then(__nccwpck_require__.bind(__nccwpck_require__, 99501)) },
    status: { usage: 'status <spec...> [--project P] [--json]', load: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(40), __nccwpck_require__.e(103), __nccwpck_require__.e(241), __nccwpck_require__.e(696)]).then(__nccwpck_require__.bind(__nccwpck_require__, 26696)) },
    logs: {
        usage: 'logs <service> --init-step <name> [--spec F] [--output]',
        load: () => Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(40), __nccwpck_require__.e(103), __nccwpck_require__.e(241), __nccwpck_require__.e(14)]).then(__nccwpck_require__.bind(__nccwpck_require__, 91014)),
    },
};
const options = {
    json: { type: 'boolean' },
    timeout: { type: 'string' },
    services: { type: 'string' },
    project: { type: 'string' },
    'allow-privileged': { type: 'boolean' },
    'cache-dir': { type: 'string' },
    volumes: { type: 'boolean' },
    'init-step': { type: 'string' },
    spec: { type: 'string', multiple: false },
    output: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
};
const usage = () => ['usage: initsteps <command> ...', ...Object.values(commands).map((c) => `  initsteps ${c.usage}`)].join('\n');
function parse(argv) {
    try {
        const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals: true, strict: true });
        const [command = '', ...rest] = positionals;
        return { command, positionals: rest, flags: values };
    }
    catch (e) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(e instanceof Error ? e.message : String(e));
    }
}
/** Runs one CLI invocation and returns its exit code; never throws. */
async function runCli(argv, io) {
    try {
        const args = parse(argv);
        if (args.flags.help || args.command === 'help' || args.command === '') {
            io.out(usage());
            return args.command === '' && !args.flags.help ? 2 : 0;
        }
        const command = commands[args.command];
        if (!command)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`unknown command "${args.command}"\n${usage()}`);
        const { run } = await command.load();
        return await run(args, io);
    }
    catch (e) {
        const failure = (0,_report_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .describeFailure */ .Ic)(e);
        for (const line of failure.message.split('\n'))
            io.err(line);
        return failure.exitCode;
    }
}


/***/ }),

/***/ 83916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G8: () => (/* binding */ SpecError),
/* harmony export */   cc: () => (/* binding */ CancelledError),
/* harmony export */   eb: () => (/* binding */ UsageError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   pG: () => (/* binding */ DockerUnavailableError)
/* harmony export */ });
/* unused harmony export formatProblem */
const formatProblem = (p) => `${p.pos.file}:${p.pos.line}:${p.pos.col}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
/** The spec is invalid; carries every problem found, not only the first. */
class SpecError extends Error {
    problems;
    name = 'SpecError';
    constructor(problems) {
        super(problems.map(formatProblem).join('\n'));
        this.problems = problems;
    }
}
/** Bad command-line or action input. */
class UsageError extends Error {
    name = 'UsageError';
}
/** The Docker engine does not answer. */
class DockerUnavailableError extends Error {
    endpoint;
    cause_;
    name = 'DockerUnavailableError';
    constructor(
    /** The socket path or DOCKER_HOST value that was tried. */
    endpoint, cause_) {
        super(`cannot reach the Docker engine at ${endpoint} (${cause_}); start it (for example \`sudo dockerd &\` ` +
            `or \`bash scripts/ensure-docker.sh\`) or set DOCKER_HOST`);
        this.endpoint = endpoint;
        this.cause_ = cause_;
    }
}
/** The run was cancelled (signal or run-level timeout). */
class CancelledError extends Error {
    signal;
    name = 'CancelledError';
    constructor(signal) {
        super(signal === 'timeout' ? 'run timeout reached' : `cancelled by ${signal}`);
        this.signal = signal;
    }
}
const errorMessage = (e) => (e instanceof Error ? e.message : String(e));


/***/ }),

/***/ 3304:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A9: () => (/* binding */ runFailure),
/* harmony export */   Ic: () => (/* binding */ describeFailure)
/* harmony export */ });
/* unused harmony exports ANNOTATION_LOG_LINES, stepAnnotation */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(83916);
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(22365);


function describeFailure(error) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .SpecError */ .G8) {
        return {
            exitCode: 2,
            message: error.message,
            annotations: error.problems.map((p) => ({
                file: p.pos.file,
                line: p.pos.line,
                col: p.pos.col,
                title: p.path ? `invalid spec: ${p.path}` : 'invalid spec',
                message: p.message,
            })),
        };
    }
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerUnavailableError */ .pG) {
        return { exitCode: 2, message: error.message, annotations: [] };
    }
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CancelledError */ .cc) {
        const exitCode = error.signal === 'SIGINT' ? 130 : error.signal === 'SIGTERM' ? 143 : 1;
        return { exitCode, message: error.message, annotations: [] };
    }
    return { exitCode: 1, message: `internal error: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(error)}`, annotations: [] };
}
/** Log lines quoted in a failed step's annotation; the job summary has the longer tail. */
const ANNOTATION_LOG_LINES = 5;
function stepAnnotation(step) {
    const cancelled = step.status === 'Cancelled';
    const detail = cancelled ? (step.message ?? 'Cancelled') : (0,_lines_js__WEBPACK_IMPORTED_MODULE_1__/* .failureDetail */ .Kc)(step);
    const tail = step.logTail.slice(-ANNOTATION_LOG_LINES);
    return {
        file: step.pos.file,
        line: step.pos.line,
        col: step.pos.col,
        title: `init step "${step.step}" on ${step.instance} ${cancelled ? 'cancelled' : 'failed'}`,
        message: tail.length > 0 ? `${detail}\nlast output:\n${tail.join('\n')}` : detail,
    };
}
/**
 * A run that finished with a service not Running: exit code 1, a message naming the failed services, and an
 * annotation per failed or cancelled step and per instance that failed otherwise (start, readiness) at the
 * service's line. Undefined when every service is Running.
 */
function runFailure(report) {
    const failed = report.services.filter((s) => s.status !== 'Running');
    if (failed.length === 0)
        return undefined;
    const steps = report.steps
        .filter((s) => s.status === 'Failed' || s.status === 'Cancelled')
        .map(stepAnnotation);
    const starts = [];
    for (const svc of report.services) {
        for (const inst of svc.instances) {
            if (inst.status !== 'Failed' || inst.reason === 'InitStepFailed' || inst.reason === 'DependencyFailed')
                continue;
            starts.push({
                file: svc.pos.file,
                line: svc.pos.line,
                col: svc.pos.col,
                title: `${inst.name} failed: ${inst.reason ?? 'Failed'}`,
                message: inst.message ?? inst.reason ?? 'the service did not start',
            });
        }
    }
    const names = failed
        .map((s) => `${s.name} (${[s.status, s.reason].filter(Boolean).join(': ')})`)
        .join(', ');
    return {
        exitCode: 1,
        message: `${failed.length} of ${report.services.length} service(s) not running: ${names}`,
        annotations: [...steps, ...starts],
    };
}


/***/ }),

/***/ 22365:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kc: () => (/* binding */ failureDetail),
/* harmony export */   j$: () => (/* binding */ eventToLines)
/* harmony export */ });
/* unused harmony exports formatDuration, stepEndLine */
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** `0.5s`, `1.5s`, `12s`, `1m30s`: short, with a tenth of a second only where it matters. */
function formatDuration(ms) {
    if (ms < 9950)
        return `${(ms / 1000).toFixed(1).replace(/\.0$/, '')}s`;
    const totalSeconds = Math.round(ms / 1000);
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = totalSeconds % 60;
    if (h > 0)
        return `${h}h${m > 0 ? `${m}m` : ''}`;
    if (m > 0)
        return `${m}m${s > 0 ? `${s}s` : ''}`;
    return `${s}s`;
}
const stepName = (step, instance) => `init step "${step}" on ${instance}`;
/** `ExitNonZero exit code 9 after 3 attempts`, plus the message when it adds something. */
function failureDetail(r) {
    const parts = [r.reason ?? 'Failed'];
    if (r.exitCode !== undefined && r.reason === 'ExitNonZero')
        parts.push(`exit code ${r.exitCode}`);
    if (r.attempts > 0)
        parts.push(`after ${plural(r.attempts, 'attempt')}`);
    const detail = parts.join(' ');
    // An ExitNonZero message only repeats the exit code; any other reason's message says what happened.
    return r.message && r.reason !== 'ExitNonZero' ? `${detail}: ${r.message}` : detail;
}
function stepEndLine(r) {
    const name = stepName(r.step, r.instance);
    switch (r.status) {
        case 'Succeeded':
            return `✓ ${name} succeeded`;
        case 'Skipped':
            return `↷ ${name}: skipped${r.message ? ` (${r.message})` : ''}`;
        case 'Failed':
            return `✗ ${name} failed: ${failureDetail(r)}`;
        case 'Cancelled':
            return `✗ ${name} cancelled${r.message ? `: ${r.message}` : ''}`;
        case 'Pending':
        case 'Running':
            return `• ${name} is ${r.status}`;
    }
}
function eventToLines(event) {
    switch (event.type) {
        case 'image-pull':
            // Docker reports download and extraction progress many times a second per layer: only the
            // once-per-layer statuses (Pulling fs layer, Pull complete, Digest, ...) make lines.
            return /^(\S+ )?(Downloading|Extracting)\b/.test(event.progress)
                ? []
                : [`⇣ pulling ${event.image}: ${event.progress}`];
        case 'step-start': {
            const attempt = event.attempt > 1 ? ` (attempt ${event.attempt} of ${event.attempts})` : '';
            return [`▶ ${stepName(event.step, event.instance)}${attempt}`];
        }
        case 'step-output':
            return [`${event.instance}/${event.step} | ${event.line}`];
        case 'step-retry':
            return [
                `↻ ${stepName(event.step, event.instance)}: attempt ${event.attempt} failed (${event.detail}); ` +
                    `retrying in ${formatDuration(event.delayMs)}`,
            ];
        case 'step-end':
            return [stepEndLine(event.result)];
        case 'service-status': {
            const who = event.instance ?? event.service;
            const icon = event.status === 'Running' ? '✓' : event.status === 'Failed' ? '✗' : '•';
            const why = [event.reason, event.message].filter(Boolean).join(': ');
            return [`${icon} ${who} is ${event.status}${why ? `: ${why}` : ''}`];
        }
        case 'main-output':
            return [`${event.instance} | ${event.line}`];
        case 'warning':
            return [`⚠ ${event.message}`];
        case 'created':
            return [];
    }
}


/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 85675:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http2");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 58500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 83480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat */
/******/ 
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = new URL('.', import.meta.url).pathname.slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(2855);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map