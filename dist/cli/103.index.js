import { fileURLToPath as __ncc_fileURLToPath } from 'node:url'; import { dirname as __ncc_dirname } from 'node:path'; const __filename = __ncc_fileURLToPath(import.meta.url); const __dirname = __ncc_dirname(__filename);
export const id = 103;
export const ids = [103];
export const modules = {

/***/ 71604:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NZ: () => (/* binding */ flagBool),
/* harmony export */   w: () => (/* binding */ flagString),
/* harmony export */   zg: () => (/* binding */ flagList)
/* harmony export */ });
const flagString = (args, name) => {
    const v = args.flags[name];
    return typeof v === 'string' ? v : undefined;
};
const flagBool = (args, name) => args.flags[name] === true;
/** `--services a,b` → ['a', 'b']. */
const flagList = (args, name) => flagString(args, name)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);


/***/ }),

/***/ 18830:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gi: () => (/* binding */ loadProject),
  E9: () => (/* reexport */ parseDuration)
});

// UNUSED EXPORTS: MAX_DURATION_MS, MAX_SPEC_BYTES, formatProblems, loadFromText

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/spec/duration.ts
// Durations as users write them in specs and action inputs: ms, s, m, h, combinable (`1h30m`, `1.5s`);
// a bare number is seconds. Shared by the spec loader and the action's `timeout` input.
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
/** The accepted syntax, for the JSON Schema. */
const DURATION_PATTERN = '^(?:\\d+(?:\\.\\d+)?|(?:\\d+(?:\\.\\d+)?(?:ms|s|m|h))+)$';
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
const BARE = /^\d+(?:\.\d+)?$/;
/** Longest duration a Node timer honours (setTimeout fires at once beyond 2^31-1 ms). */
const MAX_DURATION_MS = 2 ** 31 - 1;
/** Milliseconds (rounded), or undefined when the text is not a duration. */
function parseDuration(text) {
    const s = String(text).trim();
    let ms;
    if (BARE.test(s))
        ms = Number(s) * 1000;
    else if (WHOLE.test(s)) {
        ms = 0;
        for (const [, n, unit] of s.matchAll(PART))
            ms += Number(n) * (UNIT_MS[unit ?? ''] ?? NaN);
    }
    else
        return undefined;
    return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

;// CONCATENATED MODULE: ./src/spec/quantity.ts
// Kubernetes-style quantities (cpu, memory/capacity) and Docker-style port strings.
const CPU_PATTERN = '^(\\d+(?:\\.\\d+)?|\\d+m)$';
const MEMORY_PATTERN = '^(\\d+(?:\\.\\d+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E)?$';
const CPU = new RegExp(CPU_PATTERN);
const MEMORY = new RegExp(MEMORY_PATTERN);
const MEMORY_FACTOR = {
    '': 1,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    Pi: 2 ** 50,
    Ei: 2 ** 60,
    k: 1e3,
    K: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    P: 1e15,
    E: 1e18,
};
/** Nano-CPUs ("500m" = 5e8, "2" = 2e9); undefined when invalid or not positive. */
function parseCpu(text) {
    const s = text.trim();
    if (!CPU.test(s))
        return undefined;
    const nano = s.endsWith('m') ? Number(s.slice(0, -1)) * 1e6 : Number(s) * 1e9;
    return Number.isSafeInteger(Math.round(nano)) && nano > 0 ? Math.round(nano) : undefined;
}
/** Bytes ("512Mi", "1G", "1000"); undefined when invalid or not positive. */
function parseMemory(text) {
    const m = MEMORY.exec(text.trim());
    if (!m)
        return undefined;
    const bytes = Math.round(Number(m[1]) * (MEMORY_FACTOR[m[2] ?? ''] ?? NaN));
    return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}
// [ip:][hostPort:]containerPort[/proto]; an ip needs the hostPort slot (possibly empty: "127.0.0.1::3000").
const PORT_PATTERN = '^(?:(?:(\\[[0-9a-fA-F:.]+\\]|[0-9.]+):(\\d*):)|(?:(\\d+):))?(\\d+)(?:/([tT][cC][pP]|[uU][dD][pP]))?$';
const PORT = new RegExp(PORT_PATTERN);
const portNumber = (s) => {
    const n = Number(s);
    return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : undefined;
};
/** A port string as in the contract (`"3000"`, `"13000:3000"`, `"127.0.0.1:13000:3000/udp"`). */
function parsePort(text) {
    const m = PORT.exec(text.trim());
    if (!m)
        return undefined;
    const [, ip, ipHostPort, hostPortOnly, container, proto] = m;
    const containerPort = portNumber(container ?? '');
    if (containerPort === undefined)
        return undefined;
    const hostText = ip !== undefined ? ipHostPort : hostPortOnly;
    const hostPort = hostText ? portNumber(hostText) : undefined;
    if (hostText && hostPort === undefined)
        return undefined;
    return {
        containerPort,
        ...(ip !== undefined ? { hostIp: ip.replace(/^\[|\]$/g, '') } : {}),
        ...(hostPort !== undefined ? { hostPort } : {}),
        ...(proto ? { protocol: proto.toLowerCase() } : {}),
    };
}

;// CONCATENATED MODULE: ./src/spec/formats.ts
// String formats shared by the validator (checks and messages) and the JSON Schema (patterns).
// Each pattern is the single source of the syntax; the parsers in duration.ts/quantity.ts agree with it
// and add the range checks a regular expression cannot express.


const byPattern = (pattern, explain) => {
    const re = new RegExp(pattern);
    return (s) => (re.test(s) ? undefined : explain(s));
};
const DNS_LABEL = '^[a-z][a-z0-9-]{0,62}$';
const FORMATS = {
    dnsLabel: {
        pattern: DNS_LABEL,
        check: byPattern(DNS_LABEL, (s) => `"${s}" is not a valid name: use 1 to 63 lowercase letters, digits and '-', starting with a letter`),
    },
    image: {
        pattern: '^\\S+$',
        check: byPattern('^\\S+$', (s) => `"${s}" is not an image reference (empty or contains spaces)`),
    },
    absPath: {
        pattern: '^/',
        check: byPattern('^/', (s) => `"${s}" must be an absolute path (starting with /)`),
    },
    httpPath: {
        pattern: '^/',
        check: byPattern('^/', (s) => `"${s}" must start with /`),
    },
    envName: {
        pattern: '^[^=\\s]+$',
        check: byPattern('^[^=\\s]+$', (s) => `"${s}" is not a valid environment variable name`),
    },
    capability: {
        pattern: '^[A-Za-z0-9_]+$',
        check: byPattern('^[A-Za-z0-9_]+$', (s) => `"${s}" is not a capability name (like SYS_NICE or ALL)`),
    },
    ip: {
        pattern: '^[0-9a-fA-F:.]+$',
        check: byPattern('^[0-9a-fA-F:.]+$', (s) => `"${s}" is not an IP address`),
    },
    duration: {
        pattern: DURATION_PATTERN,
        check: (s) => {
            const ms = parseDuration(s);
            if (ms === undefined)
                return `"${s}" is not a duration (examples: 500ms, 30s, 2m, 1h30m; a bare number is seconds)`;
            if (ms <= 0)
                return `duration "${s}" must be greater than zero`;
            if (ms > MAX_DURATION_MS)
                return `duration "${s}" is too long (at most 24 days)`;
            return undefined;
        },
    },
    cpu: {
        pattern: CPU_PATTERN,
        check: (s) => parseCpu(s) === undefined
            ? `"${s}" is not a CPU quantity greater than zero (examples: 500m, 2, 0.5)`
            : undefined,
    },
    memory: {
        pattern: MEMORY_PATTERN,
        check: (s) => {
            if (parseMemory(s) !== undefined)
                return undefined;
            const hint = /^\d+[mg]$/.test(s.trim())
                ? `; write ${s.trim().slice(0, -1)}${s.trim().endsWith('m') ? 'Mi' : 'Gi'}`
                : '';
            return `"${s}" is not a byte quantity greater than zero (examples: 512Mi, 1Gi, 1G, 1000)${hint}`;
        },
    },
    port: {
        pattern: PORT_PATTERN,
        check: (s) => parsePort(s) === undefined
            ? `"${s}" is not a port (examples: "3000", "13000:3000", "127.0.0.1:13000:3000", "53/udp"; ports are 1-65535)`
            : undefined,
    },
};

;// CONCATENATED MODULE: ./src/spec/suggest.ts
// "did you mean `X`?" for unknown fields and enum values.
/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i]);
    for (let j = 1; j <= b.length; j++)
        d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
        const row = d[i];
        const prev = d[i - 1];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                v = Math.min(v, d[i - 2][j - 2] + 1);
            }
            row[j] = v;
        }
    }
    return d[a.length][b.length];
}
/** The closest candidate when it is plausibly a typo: same word in another case, or a small edit away. */
function closest(word, candidates) {
    const lower = word.toLowerCase();
    let best;
    let bestDistance = Infinity;
    for (const c of candidates) {
        const dist = c.toLowerCase() === lower ? 0 : editDistance(lower, c.toLowerCase());
        if (dist < bestDistance)
            [best, bestDistance] = [c, dist];
    }
    const allowed = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
    return bestDistance <= allowed ? best : undefined;
}
const didYouMean = (word, candidates) => {
    const c = closest(word, candidates);
    return c === undefined ? '' : `; did you mean \`${c}\`?`;
};

;// CONCATENATED MODULE: ./src/spec/check.ts
// The generic half of validation: walks a YAML node tree against the field table (fields.ts) and returns
// plain values holding only what is valid, reporting every type, enum, format, unknown-field and
// missing-field problem at its node. Positions of everything kept are recorded on the side, so the
// rule checks and the resolver can point at a field without touching YAML nodes again.



const objectMeta = new WeakMap();
const arrayMeta = new WeakMap();
const NOWHERE = { pos: { file: '', line: 1, col: 1 }, path: '' };
/** Where a checked map or list is. */
const locOf = (value) => (objectMeta.get(value) ?? arrayMeta.get(value))?.self ?? NOWHERE;
/** Whether the source wrote this key (even with an invalid value that was dropped). */
const has = (obj, key) => objectMeta.get(obj)?.keys.has(key) ?? false;
/** Where a key's value is; the map itself when the key is absent. */
const valueLoc = (obj, key) => objectMeta.get(obj)?.keys.get(key)?.value ?? locOf(obj);
/** Where a key is written (for unknown or misplaced fields); the map itself when absent. */
const keyLoc = (obj, key) => objectMeta.get(obj)?.keys.get(key)?.key ?? locOf(obj);
/** The source value of a scalar key even when it failed validation (names stay known for cross references). */
const rawValue = (obj, key) => objectMeta.get(obj)?.keys.get(key)?.raw;
/** Where the i-th kept item of a checked list is. */
const itemLoc = (arr, i) => arrayMeta.get(arr)?.items[i] ?? locOf(arr);
/** Stops a document walk that ran out of budget (an alias bomb). */
class Exhausted extends Error {
}
const kindOf = (node) => {
    if (node === null || node === undefined)
        return 'nothing (null)';
    if ((0,dist/* isMap */.jh)(node))
        return 'a map';
    if ((0,dist/* isSeq */.oP)(node))
        return 'a list';
    if ((0,dist/* isScalar */.jn)(node)) {
        const v = node.value;
        if (v === null || v === undefined)
            return 'nothing (null)';
        if (typeof v === 'number' || typeof v === 'bigint')
            return 'a number';
        if (typeof v === 'boolean')
            return 'a boolean';
        return 'a string';
    }
    return 'an unsupported YAML node';
};
const expected = (field) => {
    switch (field.type) {
        case 'string':
            return 'a string';
        case 'scalar':
            return field.booleans ? 'a string, number or boolean' : 'a string or number';
        case 'integer':
            return 'an integer';
        case 'boolean':
            return 'true or false';
        case 'object':
        case 'record':
            return 'a map';
        case 'array':
            return 'a list';
        case 'union':
            return field.variants.map(expected).join(' or ');
    }
};
const nodeKind = (field) => field.type === 'object' || field.type === 'record' ? 'map' : field.type === 'array' ? 'seq' : 'scalar';
class Walker {
    file;
    lines;
    problems;
    budget;
    /** Alias targets being expanded right now: an alias inside its own anchor would recurse forever. */
    expanding = new Set();
    /** Each alias's node: the last anchor of that name before it, as YAML defines. */
    targets = new Map();
    constructor(file, doc, lines, problems, 
    /** Node visits allowed; a document without aliases needs fewer than its length in characters. */
    budget) {
        this.file = file;
        this.lines = lines;
        this.problems = problems;
        this.budget = budget;
        // Alias targets in one pass: yaml's Alias.resolve walks the whole document on every call.
        const anchors = new Map();
        (0,dist/* visit */.YR)(doc, {
            Node: (_key, node) => {
                if ((0,dist/* isAlias */.Vj)(node)) {
                    const target = anchors.get(node.source);
                    if (target)
                        this.targets.set(node, target);
                }
                else if (node.anchor)
                    anchors.set(node.anchor, node);
            },
        });
    }
    /** Checks the document's contents; undefined when the walk had to stop (the problem is reported). */
    walk(field, node) {
        try {
            return this.check(field, node, '');
        }
        catch (e) {
            if (e instanceof Exhausted)
                return undefined;
            throw e;
        }
    }
    pos(node) {
        const range = node?.range;
        const { line, col } = range ? this.lines.linePos(range[0]) : { line: 1, col: 1 };
        return { file: this.file, line, col };
    }
    report(node, path, message) {
        this.problems.push({ pos: this.pos(node), path, message });
    }
    spend(node, path) {
        if (--this.budget >= 0)
            return;
        this.report(node, path, 'document too large after expanding aliases (possible alias bomb)');
        throw new Exhausted();
    }
    /** Follows aliases; undefined (reported) for an unknown or self-containing alias. */
    deref(node, path) {
        this.spend(node, path);
        if (!(0,dist/* isAlias */.Vj)(node))
            return { node };
        const target = this.targets.get(node);
        if (!target) {
            this.report(node, path, `unknown alias *${node.source}`);
            return undefined;
        }
        if (this.expanding.has(target)) {
            this.report(node, path, `alias *${node.source} refers to a node that contains it`);
            return undefined;
        }
        this.expanding.add(target);
        return { node: target, release: () => this.expanding.delete(target) };
    }
    /** `owner` positions a missing value (`key:` with nothing after it). */
    check(field, raw, path, owner) {
        const d = this.deref(raw, path);
        if (!d)
            return undefined;
        try {
            // Problems point at the use site of an alias, and at the key when the value is absent.
            return this.checkNode(field, d.node, (0,dist/* isAlias */.Vj)(raw) ? raw : (raw ?? owner), path);
        }
        finally {
            d.release?.();
        }
    }
    mismatch(field, node, at, path) {
        this.report(at, path, `expected ${expected(field)}, got ${kindOf(node)}`);
        return undefined;
    }
    checkNode(field, node, at, path) {
        switch (field.type) {
            case 'union': {
                const kind = (0,dist/* isMap */.jh)(node) ? 'map' : (0,dist/* isSeq */.oP)(node) ? 'seq' : 'scalar';
                const variant = field.variants.find((v) => nodeKind(v) === kind) ??
                    ((0,dist/* isScalar */.jn)(node) && node.value === null
                        ? field.variants.find((v) => v.type === 'object' && v.nullable)
                        : undefined);
                return variant ? this.checkNode(variant, node, at, path) : this.mismatch(field, node, at, path);
            }
            case 'object':
                if ((0,dist/* isScalar */.jn)(node) && node.value === null && field.nullable)
                    return this.register({}, node, path);
                return (0,dist/* isMap */.jh)(node) ? this.object(field, node, path) : this.mismatch(field, node, at, path);
            case 'record':
                return (0,dist/* isMap */.jh)(node) ? this.object(field, node, path) : this.mismatch(field, node, at, path);
            case 'array': {
                if (!(0,dist/* isSeq */.oP)(node))
                    return this.mismatch(field, node, at, path);
                const out = [];
                const items = [];
                node.items.forEach((item, i) => {
                    const itemPath = `${path}[${i}]`;
                    const v = this.check(field.items, item, itemPath);
                    if (v === undefined)
                        return;
                    out.push(v);
                    items.push({ pos: this.pos(item), path: itemPath });
                });
                if (field.minItems !== undefined && node.items.length < field.minItems) {
                    this.report(at, path, `must have at least ${field.minItems} item${field.minItems === 1 ? '' : 's'}`);
                    return undefined;
                }
                arrayMeta.set(out, { self: { pos: this.pos(at), path }, items });
                return out;
            }
            case 'boolean':
                return (0,dist/* isScalar */.jn)(node) && typeof node.value === 'boolean'
                    ? node.value
                    : this.mismatch(field, node, at, path);
            case 'integer': {
                const v = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
                if (typeof v !== 'number' || !Number.isInteger(v))
                    return this.mismatch(field, node, at, path);
                if (field.minimum !== undefined && v < field.minimum) {
                    this.report(at, path, `must be at least ${field.minimum}, got ${v}`);
                    return undefined;
                }
                if (field.maximum !== undefined && v > field.maximum) {
                    this.report(at, path, `must be at most ${field.maximum}, got ${v}`);
                    return undefined;
                }
                return v;
            }
            case 'scalar': {
                const v = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
                let text;
                if (typeof v === 'string')
                    text = v;
                else if (typeof v === 'number' || typeof v === 'bigint')
                    text = node.source ?? String(v);
                else if (typeof v === 'boolean' && field.booleans)
                    text = String(v);
                else
                    return this.mismatch(field, node, at, path);
                return this.format(field.format, text, at, path);
            }
            case 'string': {
                const v = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
                if (typeof v !== 'string')
                    return this.mismatch(field, node, at, path);
                if (field.minLength !== undefined && v.length < field.minLength) {
                    this.report(at, path, 'must not be empty');
                    return undefined;
                }
                if (field.enum)
                    return this.enumValue(field.enum, field, v, at, path);
                return this.format(field.format, v, at, path);
            }
        }
    }
    enumValue(values, field, v, at, path) {
        const match = (s) => (field.caseInsensitive ? s.toLowerCase() === v.toLowerCase() : s === v);
        const hit = values.find(match) ?? Object.entries(field.aliases ?? {}).find(([alias]) => match(alias))?.[1];
        if (hit !== undefined)
            return hit;
        this.report(at, path, `"${v}" is not one of ${values.join(', ')}${didYouMean(v, values)}`);
        return undefined;
    }
    format(name, text, at, path) {
        const problem = name && FORMATS[name].check(text);
        if (!problem)
            return text;
        this.report(at, path, problem);
        return undefined;
    }
    register(obj, node, path) {
        objectMeta.set(obj, { self: { pos: this.pos(node), path }, keys: new Map() });
        return obj;
    }
    object(field, node, path) {
        const out = this.register({}, node, path);
        const keys = objectMeta.get(out).keys;
        for (const { key, value, merged } of this.pairs(node, path)) {
            const name = (0,dist/* isScalar */.jn)(key) && (typeof key.value === 'string' || typeof key.value === 'number')
                ? String(key.value)
                : undefined;
            if (name === undefined) {
                this.report(key ?? value ?? node, path, `expected a plain name as a key, got ${kindOf(key)}`);
                continue;
            }
            if (keys.has(name)) {
                // An explicit key wins over the same key from a `<<` merge; two explicit ones are a mistake.
                if (!merged)
                    this.report(key, path ? `${path}.${name}` : name, `duplicate key \`${name}\``);
                continue;
            }
            const childPath = path ? `${path}.${name}` : name;
            const resolved = (0,dist/* isAlias */.Vj)(value) ? this.targets.get(value) : value;
            keys.set(name, {
                key: { pos: this.pos(key), path: childPath },
                value: { pos: this.pos(value ?? key), path: childPath },
                raw: (0,dist/* isScalar */.jn)(resolved) ? resolved.value : undefined,
            });
            let child;
            if (field.type === 'record') {
                child = field.values;
                const bad = field.keyFormat && FORMATS[field.keyFormat].check(name);
                if (bad) {
                    this.report(key, childPath, bad);
                    continue;
                }
            }
            else {
                child = field.fields[name];
                if (!child) {
                    this.report(key, childPath, `unknown field \`${name}\`${didYouMean(name, Object.keys(field.fields))}`);
                    continue;
                }
            }
            const v = this.check(child, value ?? null, childPath, key);
            if (v !== undefined)
                out[name] = v;
        }
        if (field.type === 'object') {
            for (const req of field.required ?? []) {
                if (!keys.has(req))
                    this.report(node, path, `missing required field \`${req}\``);
            }
        }
        return out;
    }
    /** The map's pairs with `<<` merges expanded: own keys first, then merged ones in order. */
    pairs(node, path) {
        const own = [];
        const merged = [];
        for (const pair of node.items) {
            if ((0,dist/* isScalar */.jn)(pair.key) && typeof pair.key.value === 'symbol') {
                const sources = (0,dist/* isSeq */.oP)(pair.value) ? pair.value.items : [pair.value];
                for (const s of sources) {
                    const d = this.deref(s, path);
                    if (!d)
                        continue;
                    try {
                        if ((0,dist/* isMap */.jh)(d.node)) {
                            for (const p of this.pairs(d.node, path)) {
                                this.spend(s, path); // merged pairs cost like nodes: nested merges multiply them
                                merged.push({ ...p, merged: true });
                            }
                        }
                        else
                            this.report(s, path, `\`<<\` merges maps only, got ${kindOf(d.node)}`);
                    }
                    finally {
                        d.release?.();
                    }
                }
            }
            else
                own.push({ key: pair.key, value: pair.value, merged: false });
        }
        return [...own, ...merged];
    }
}

;// CONCATENATED MODULE: ./src/spec/fields.ts
const f = (field) => field;
const dnsLabel = (description) => f({ type: 'string', format: 'dnsLabel', description });
const port = (description) => f({ type: 'integer', minimum: 1, maximum: 65535, description });
const stringOrList = (description, minItems) => f({
    type: 'union',
    description,
    variants: [
        { type: 'string', minLength: minItems },
        { type: 'array', items: { type: 'scalar', booleans: true }, minItems },
    ],
});
const securityContext = f({
    type: 'object',
    description: 'Replaces the parent service block wholesale when set on a step.',
    fields: {
        seccompProfile: {
            type: 'object',
            required: ['type'],
            fields: {
                type: {
                    type: 'string',
                    enum: ['Unconfined', 'RuntimeDefault', 'Localhost'],
                    caseInsensitive: true,
                    aliases: { default: 'RuntimeDefault' },
                    description: 'Any case; `default` means RuntimeDefault. Unconfined needs allow-privileged.',
                },
                localhostProfile: {
                    type: 'string',
                    format: 'absPath',
                    description: 'Absolute path of the profile on the host (type Localhost only).',
                },
            },
        },
        capAdd: { type: 'array', items: { type: 'string', format: 'capability' } },
        capDrop: { type: 'array', items: { type: 'string', format: 'capability' } },
        privileged: { type: 'boolean', description: 'Needs allow-privileged.' },
    },
});
const resources = f({
    type: 'object',
    description: 'Replaces the parent service block wholesale when set on a step.',
    fields: {
        limits: {
            type: 'object',
            fields: {
                cpu: { type: 'scalar', format: 'cpu', description: 'CPUs: 500m, 2, 0.5.' },
                memory: { type: 'scalar', format: 'memory', description: 'Bytes: 512Mi, 1Gi, 1G, 1000.' },
            },
        },
    },
});
const env = f({
    type: 'union',
    description: 'A map, or a list of {name, value} / {name, valueFrom: {env: VAR}}. Steps merge over the parent.',
    variants: [
        { type: 'record', keyFormat: 'envName', values: { type: 'scalar', booleans: true } },
        {
            type: 'array',
            items: {
                type: 'object',
                required: ['name'],
                fields: {
                    name: { type: 'string', format: 'envName' },
                    value: { type: 'scalar', booleans: true },
                    valueFrom: {
                        type: 'object',
                        required: ['env'],
                        description: 'Taken from the environment of the run; masked in logs.',
                        fields: { env: { type: 'string', format: 'envName', description: 'Variable name.' } },
                    },
                },
            },
        },
    ],
});
/** Shared by the service (main container) and its init steps. */
const containerFields = {
    image: f({
        type: 'string',
        format: 'image',
        description: 'Required for runtime container; steps inherit it. Must be empty for runtime process.',
    }),
    command: stringOrList('Replaces the image ENTRYPOINT. Never inherited.', 1),
    args: stringOrList('Replaces the image CMD. Never inherited.', 0),
    workingDir: f({ type: 'string', minLength: 1 }),
    user: f({ type: 'scalar', description: 'user, uid or uid:gid' }),
    env,
    securityContext,
    resources,
};
const volume = f({
    type: 'object',
    required: ['name', 'mountPath'],
    description: 'Exactly one of claimTemplate, hostPath, emptyDir.',
    fields: {
        name: dnsLabel('Volume name, referenced by init steps.'),
        mountPath: { type: 'string', format: 'absPath' },
        readOnly: { type: 'boolean' },
        claimTemplate: {
            type: 'object',
            nullable: true,
            description: 'Persistent: one Docker volume per instance; init steps stamp markers on it.',
            fields: {
                spec: {
                    type: 'object',
                    nullable: true,
                    fields: { capacity: { type: 'scalar', format: 'memory' } },
                },
            },
        },
        hostPath: {
            type: 'string',
            minLength: 1,
            description: 'Relative to the spec file; outside the workspace needs allow-privileged.',
        },
        emptyDir: { type: 'object', nullable: true, fields: {}, description: 'Per run, removed on down.' },
    },
});
const initStep = f({
    type: 'object',
    required: ['name'],
    fields: {
        name: dnsLabel('Unique within the service.'),
        ...containerFields,
        volumes: {
            type: 'array',
            items: { type: 'string', format: 'dnsLabel' },
            description: 'Parent volume names to mount; omitted: all of them; []: none.',
        },
        runIf: {
            type: 'object',
            fields: {
                type: {
                    type: 'string',
                    enum: ['freshVolume', 'fileMissing', 'always'],
                    description: 'Default freshVolume.',
                },
                path: { type: 'string', format: 'absPath', description: 'fileMissing: a path on a mounted volume.' },
                volume: { type: 'string', format: 'dnsLabel', description: 'Restrict to this mounted volume.' },
            },
        },
        timeout: { type: 'scalar', format: 'duration', description: 'Per attempt; default 5m.' },
        restartPolicy: {
            type: 'string',
            enum: ['OnFailure', 'Never'],
            description: 'Default OnFailure (3 attempts).',
        },
        retries: { type: 'integer', minimum: 0, maximum: 100, description: 'Retries after the first attempt.' },
    },
});
const probe = f({
    type: 'object',
    description: 'Exactly one of exec, tcpSocket, httpGet.',
    fields: {
        exec: {
            type: 'object',
            required: ['command'],
            fields: { command: stringOrList('Run in the container.', 1) },
        },
        tcpSocket: {
            type: 'object',
            required: ['port'],
            fields: { port: port('Container port.'), host: { type: 'string' } },
        },
        httpGet: {
            type: 'object',
            required: ['port'],
            fields: {
                port: port('Container port.'),
                path: { type: 'string', format: 'httpPath', description: 'Default /.' },
                scheme: {
                    type: 'string',
                    enum: ['http', 'https'],
                    caseInsensitive: true,
                    description: 'Default http.',
                },
                host: { type: 'string' },
            },
        },
        initialDelaySeconds: { type: 'integer', minimum: 0, description: 'Default 0.' },
        periodSeconds: { type: 'integer', minimum: 1, description: 'Default 10.' },
        timeoutSeconds: { type: 'integer', minimum: 1, description: 'Default 1.' },
        failureThreshold: { type: 'integer', minimum: 1, description: 'Default 3.' },
    },
});
const SERVICE_DOCUMENT = f({
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    description: 'One initsteps service (one per YAML document).',
    fields: {
        apiVersion: { type: 'string', enum: ['initsteps/v1', 'v1'] },
        kind: { type: 'string', enum: ['Service'] },
        metadata: {
            type: 'object',
            required: ['name'],
            fields: { name: dnsLabel('Service name; instances are <name>-0 .. <name>-(replicas-1).') },
        },
        spec: {
            type: 'object',
            fields: {
                ...containerFields,
                imagePullPolicy: {
                    type: 'string',
                    enum: ['Always', 'IfNotPresent', 'Never'],
                    description: 'Default IfNotPresent.',
                },
                runtime: { type: 'string', enum: ['container', 'process'], description: 'Default container.' },
                replicas: { type: 'integer', minimum: 1, maximum: 100, description: 'Default 1.' },
                ports: {
                    type: 'array',
                    items: {
                        type: 'union',
                        variants: [
                            { type: 'scalar', format: 'port' },
                            {
                                type: 'object',
                                required: ['containerPort'],
                                fields: {
                                    containerPort: port('Port inside the container.'),
                                    hostPort: port('Default: a random free port.'),
                                    hostIP: { type: 'string', format: 'ip', description: 'Default 127.0.0.1.' },
                                    protocol: { type: 'string', enum: ['tcp', 'udp'], caseInsensitive: true },
                                },
                            },
                        ],
                    },
                },
                dependsOn: {
                    type: 'array',
                    items: { type: 'string', format: 'dnsLabel' },
                    description: 'Services started (and ready) before this one initializes.',
                },
                readinessProbe: probe,
                volumes: { type: 'array', items: volume },
                initSteps: { type: 'array', items: initStep },
            },
        },
    },
});

;// CONCATENATED MODULE: ./src/spec/resolve.ts
// Resolution: validated raw values → the model (model.ts). Applies contract §2 inheritance and every
// default; runs only on a spec with no problems, so anything optional here is genuinely optional.




/** Defaults; the field descriptions (and so the JSON Schema) state them too. */
const DEFAULTS = {
    stepTimeoutMs: 5 * 60_000,
    onFailureAttempts: 3,
    hostIp: '127.0.0.1',
    probe: { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
};
const list = (v) => v === undefined ? undefined : typeof v === 'string' ? [v] : v;
function envVars(raw, source) {
    if (raw === undefined)
        return [];
    if (!Array.isArray(raw))
        return Object.entries(raw).map(([name, value]) => ({ name, value, secret: false }));
    return raw.map((item) => {
        const from = item.valueFrom?.env;
        return from !== undefined
            ? { name: item.name ?? '', value: source[from] ?? '', secret: true }
            : { name: item.name ?? '', value: item.value ?? '', secret: false };
    });
}
/** The child's variables over the parent's: parent order kept, overridden in place, new ones appended. */
function mergeEnv(parent, child) {
    const byName = new Map(parent.map((e) => [e.name, e]));
    for (const e of child)
        byName.set(e.name, e);
    return [...byName.values()];
}
function resolve_securityContext(raw) {
    const seccomp = raw?.seccompProfile;
    return {
        ...(seccomp?.type
            ? {
                seccompProfile: {
                    type: seccomp.type,
                    ...(seccomp.localhostProfile !== undefined ? { localhostProfile: seccomp.localhostProfile } : {}),
                },
            }
            : {}),
        capAdd: raw?.capAdd ?? [],
        capDrop: raw?.capDrop ?? [],
        privileged: raw?.privileged ?? false,
    };
}
function resolve_resources(raw) {
    const cpu = raw?.limits?.cpu;
    const memory = raw?.limits?.memory;
    return {
        ...(cpu !== undefined ? { nanoCpus: parseCpu(cpu) } : {}),
        ...(memory !== undefined ? { memoryBytes: parseMemory(memory) } : {}),
    };
}
function volumes(spec, specDir) {
    return (spec.volumes ?? []).map((v) => {
        const capacity = v.claimTemplate?.spec?.capacity;
        const source = v.hostPath !== undefined
            ? { kind: 'hostPath', path: external_node_path_default().resolve(specDir, v.hostPath) }
            : v.emptyDir !== undefined
                ? { kind: 'emptyDir' }
                : { kind: 'claim', ...(capacity !== undefined ? { capacityBytes: parseMemory(capacity) } : {}) };
        return { name: v.name ?? '', mountPath: v.mountPath ?? '', readOnly: v.readOnly ?? false, source };
    });
}
function ports(spec) {
    return (spec.ports ?? []).map((p) => {
        const parsed = typeof p === 'string'
            ? parsePort(p)
            : {
                containerPort: p.containerPort ?? 0,
                hostIp: p.hostIP,
                hostPort: p.hostPort,
                protocol: p.protocol,
            };
        return {
            containerPort: parsed?.containerPort ?? 0,
            hostIp: parsed?.hostIp ?? DEFAULTS.hostIp,
            ...(parsed?.hostPort !== undefined ? { hostPort: parsed.hostPort } : {}),
            protocol: parsed?.protocol ?? 'tcp',
        };
    });
}
function resolve_probe(raw) {
    if (!raw)
        return undefined;
    const d = DEFAULTS.probe;
    let check;
    if (raw.exec)
        check = { kind: 'exec', command: list(raw.exec.command) ?? [] };
    else if (raw.tcpSocket) {
        const { port = 0, host } = raw.tcpSocket;
        check = { kind: 'tcpSocket', port, ...(host !== undefined ? { host } : {}) };
    }
    else {
        const { port = 0, path: p = '/', scheme = 'http', host } = raw.httpGet ?? {};
        check = { kind: 'httpGet', port, path: p, scheme, ...(host !== undefined ? { host } : {}) };
    }
    return {
        check,
        initialDelayMs: (raw.initialDelaySeconds ?? d.initialDelaySeconds) * 1000,
        periodMs: (raw.periodSeconds ?? d.periodSeconds) * 1000,
        timeoutMs: (raw.timeoutSeconds ?? d.timeoutSeconds) * 1000,
        failureThreshold: raw.failureThreshold ?? d.failureThreshold,
    };
}
function runIf(raw) {
    const volume = raw?.volume !== undefined ? { volume: raw.volume } : {};
    switch (raw?.type ?? 'freshVolume') {
        case 'always':
            return { type: 'always' };
        case 'fileMissing':
            return { type: 'fileMissing', path: raw?.path ?? '', ...volume };
        case 'freshVolume':
            return { type: 'freshVolume', ...volume };
    }
}
/** workingDir: verbatim in a container; on the host (runtime process) relative to the spec file. */
const workingDir = (dir, process, specDir) => dir === undefined ? {} : { workingDir: process ? external_node_path_default().resolve(specDir, dir) : dir };
function step(raw, index, parent, envSource, process, specDir) {
    const mounts = raw.volumes === undefined ? parent.volumes : parent.volumes.filter((v) => raw.volumes?.includes(v.name));
    const restartPolicy = raw.restartPolicy ?? 'OnFailure';
    const attempts = restartPolicy === 'Never' ? 1 : raw.retries !== undefined ? raw.retries + 1 : DEFAULTS.onFailureAttempts;
    const command = list(raw.command);
    const args = list(raw.args);
    const image = raw.image ?? parent.image;
    return {
        name: raw.name ?? '',
        index,
        pos: locOf(raw).pos,
        ...(image !== undefined ? { image } : {}),
        ...(command ? { command } : {}),
        ...(args ? { args } : {}),
        ...(raw.workingDir !== undefined
            ? workingDir(raw.workingDir, process, specDir)
            : parent.workingDir !== undefined
                ? { workingDir: parent.workingDir }
                : {}),
        ...((raw.user ?? parent.user) !== undefined ? { user: raw.user ?? parent.user } : {}),
        env: mergeEnv(parent.env, envVars(raw.env, envSource)),
        volumes: mounts,
        securityContext: raw.securityContext ? resolve_securityContext(raw.securityContext) : parent.securityContext,
        resources: raw.resources ? resolve_resources(raw.resources) : parent.resources,
        runIf: runIf(raw.runIf),
        timeoutMs: raw.timeout !== undefined
            ? (parseDuration(raw.timeout) ?? DEFAULTS.stepTimeoutMs)
            : DEFAULTS.stepTimeoutMs,
        attempts,
        restartPolicy,
    };
}
const instanceEnv = (service, ordinal) => [
    { name: 'INITSTEPS_SERVICE', value: service, secret: false },
    { name: 'INITSTEPS_INSTANCE', value: `${service}-${ordinal}`, secret: false },
    { name: 'INITSTEPS_REPLICA_ORDINAL', value: String(ordinal), secret: false },
];
function resolveService(doc, envSource) {
    const raw = doc.service;
    const spec = raw.spec ?? {};
    const name = raw.metadata?.name ?? '';
    const specDir = external_node_path_default().dirname(doc.absFile);
    const runtime = spec.runtime ?? 'container';
    const process = runtime === 'process';
    const command = list(spec.command);
    const args = list(spec.args);
    const template = {
        ...(!process && spec.image !== undefined ? { image: spec.image } : {}),
        ...(command ? { command } : {}),
        ...(args ? { args } : {}),
        ...workingDir(spec.workingDir, process, specDir),
        ...(spec.user !== undefined ? { user: spec.user } : {}),
        env: envVars(spec.env, envSource),
        volumes: volumes(spec, specDir),
        securityContext: resolve_securityContext(spec.securityContext),
        resources: resolve_resources(spec.resources),
    };
    const steps = (spec.initSteps ?? []).map((s, i) => step(s, i, template, envSource, process, specDir));
    const replicas = spec.replicas ?? 1;
    const instances = Array.from({ length: replicas }, (_, ordinal) => {
        const extra = instanceEnv(name, ordinal);
        return {
            service: name,
            name: `${name}-${ordinal}`,
            ordinal,
            steps: steps.map((s) => ({ ...s, env: mergeEnv(s.env, extra) })),
            main: { ...template, env: mergeEnv(template.env, extra) },
        };
    });
    const readinessProbe = resolve_probe(spec.readinessProbe);
    return {
        name,
        pos: raw.metadata ? valueLoc(raw.metadata, 'name').pos : { file: doc.file, line: 1, col: 1 },
        file: doc.absFile,
        runtime,
        pullPolicy: spec.imagePullPolicy ?? 'IfNotPresent',
        replicas,
        ports: ports(spec),
        dependsOn: [...new Set(spec.dependsOn ?? [])],
        ...(readinessProbe ? { readinessProbe } : {}),
        template,
        instances,
    };
}
/** Services in dependency order; among services free to start, declaration order. */
function orderByDependencies(services) {
    const done = new Set();
    const out = [];
    const pending = [...services];
    while (pending.length > 0) {
        const i = pending.findIndex((s) => s.dependsOn.every((d) => done.has(d)));
        // Cycles were refused by validation; taking the first keeps this total anyway.
        const [next] = pending.splice(Math.max(i, 0), 1);
        if (!next)
            break;
        done.add(next.name);
        out.push(next);
    }
    return out;
}

;// CONCATENATED MODULE: ./src/spec/rules.ts
// The rule half of validation: everything the field table cannot say (cross-field, cross-step and
// cross-service rules, the privileged gate, hostPath containment). Runs on the values check.ts kept, so
// a field that was already reported invalid is skipped here rather than reported twice.




const ALLOW_HINT = 'allow it with --allow-privileged (action input `allow-privileged: true`)';
/** A string the source wrote for this key, valid or not (cross references use it to avoid cascades). */
const rawString = (obj, key) => {
    const v = obj ? rawValue(obj, key) : undefined;
    return typeof v === 'string' ? v : undefined;
};
const where = (loc) => `line ${loc.pos.line}`;
/** `service "tb"` or `service "tb", init step "format"`, as refusals must name both. */
const subject = (service, step) => `service "${service}"${step !== undefined ? `, init step "${step}"` : ''}`;
class RuleChecker {
    problems;
    options;
    constructor(problems, options) {
        this.problems = problems;
        this.options = options;
    }
    report(loc, message) {
        this.problems.push({ pos: loc.pos, path: loc.path, message });
    }
    /** Everything that concerns one service document on its own. */
    service(doc) {
        const spec = doc.service.spec;
        if (!spec)
            return;
        const name = rawString(doc.service.metadata, 'name') ?? '?';
        const runtime = spec.runtime ?? (has(spec, 'runtime') ? undefined : 'container');
        if (runtime === 'container' && !has(spec, 'image')) {
            this.report(locOf(spec), 'missing required field `image` (required for runtime container)');
        }
        this.container(spec, name, undefined, runtime);
        const volumes = this.volumes(spec, name, doc);
        this.ports(spec);
        this.probe(spec);
        const stepNames = new Map();
        (spec.initSteps ?? []).forEach((step) => {
            const stepName = rawString(step, 'name');
            if (stepName !== undefined) {
                const first = stepNames.get(stepName);
                if (first)
                    this.report(valueLoc(step, 'name'), `duplicate init step name "${stepName}" (first at ${where(first)})`);
                else
                    stepNames.set(stepName, valueLoc(step, 'name'));
            }
            this.container(step, name, stepName ?? '?', runtime);
            this.step(step, volumes);
        });
    }
    /** Fields shared by the main container and init steps. */
    container(c, service, step, runtime) {
        if (runtime === 'process' && has(c, 'image')) {
            this.report(valueLoc(c, 'image'), 'runtime process runs on the host: remove `image`');
        }
        if (runtime === 'container' && c.workingDir !== undefined && !c.workingDir.startsWith('/')) {
            this.report(valueLoc(c, 'workingDir'), `"${c.workingDir}" must be an absolute path in a container`);
        }
        if (c.env)
            this.env(c.env);
        if (c.securityContext)
            this.securityContext(c.securityContext, service, step);
    }
    env(env) {
        if (!Array.isArray(env))
            return; // a map: YAML already rejects duplicate keys
        const seen = new Map();
        env.forEach((item) => {
            const name = rawString(item, 'name');
            if (name !== undefined) {
                const first = seen.get(name);
                if (first)
                    this.report(valueLoc(item, 'name'), `duplicate environment variable "${name}" (first at ${where(first)})`);
                else
                    seen.set(name, valueLoc(item, 'name'));
            }
            if (has(item, 'value') && has(item, 'valueFrom')) {
                this.report(keyLoc(item, 'valueFrom'), 'set either `value` or `valueFrom`, not both');
            }
            const from = item.valueFrom?.env;
            if (from !== undefined && this.options.env[from] === undefined && item.valueFrom) {
                this.report(valueLoc(item.valueFrom, 'env'), `environment variable "${from}" is not set (valueFrom.env)`);
            }
        });
    }
    securityContext(sc, service, step) {
        const seccomp = sc.seccompProfile;
        if (seccomp) {
            if (seccomp.type === 'Localhost' && !has(seccomp, 'localhostProfile')) {
                this.report(locOf(seccomp), 'seccomp type Localhost needs an absolute `localhostProfile`');
            }
            if (seccomp.type !== undefined && seccomp.type !== 'Localhost' && has(seccomp, 'localhostProfile')) {
                this.report(keyLoc(seccomp, 'localhostProfile'), '`localhostProfile` applies only to seccomp type Localhost');
            }
            if (seccomp.type === 'Unconfined' && !this.options.allowPrivileged) {
                this.report(valueLoc(seccomp, 'type'), `${subject(service, step)}: securityContext.seccompProfile.type Unconfined is refused; ${ALLOW_HINT}`);
            }
        }
        if (sc.privileged === true && !this.options.allowPrivileged) {
            this.report(valueLoc(sc, 'privileged'), `${subject(service, step)}: securityContext.privileged: true is refused; ${ALLOW_HINT}`);
        }
    }
    /** Checks the volume list; returns every declared name (even invalid ones) with its mountPath. */
    volumes(spec, service, doc) {
        const declared = new Map();
        const names = new Map();
        const mounts = new Map();
        for (const v of spec.volumes ?? []) {
            const name = rawString(v, 'name');
            if (name !== undefined) {
                const first = names.get(name);
                if (first)
                    this.report(valueLoc(v, 'name'), `duplicate volume name "${name}" (first at ${where(first)})`);
                else
                    names.set(name, valueLoc(v, 'name'));
                declared.set(name, v.mountPath);
            }
            if (v.mountPath !== undefined) {
                const mp = external_node_path_default().posix.normalize(v.mountPath).replace(/(.)\/+$/, '$1');
                const first = mounts.get(mp);
                if (first)
                    this.report(valueLoc(v, 'mountPath'), `mountPath ${mp} is already used (at ${where(first)})`);
                else
                    mounts.set(mp, valueLoc(v, 'mountPath'));
            }
            const sources = ['claimTemplate', 'hostPath', 'emptyDir'].filter((k) => has(v, k));
            if (sources.length !== 1) {
                this.report(locOf(v), `a volume needs exactly one of claimTemplate, hostPath, emptyDir (${sources.length ? `got ${sources.join(' and ')}` : 'got none'})`);
            }
            if (v.hostPath !== undefined)
                this.hostPath(v.hostPath, valueLoc(v, 'hostPath'), service, doc);
        }
        return declared;
    }
    hostPath(hostPath, loc, service, doc) {
        const abs = external_node_path_default().resolve(external_node_path_default().dirname(doc.absFile), hostPath);
        if (!(0,external_node_fs_.existsSync)(abs)) {
            this.report(loc, `hostPath ${hostPath} does not exist (${abs})`);
            return;
        }
        if (this.options.allowPrivileged)
            return;
        const real = (p) => {
            try {
                return (0,external_node_fs_.realpathSync)(p);
            }
            catch {
                return external_node_path_default().resolve(p);
            }
        };
        const rel = external_node_path_default().relative(real(this.options.workspace), real(abs));
        if (rel.startsWith('..') || external_node_path_default().isAbsolute(rel)) {
            this.report(loc, `${subject(service)}: hostPath ${hostPath} resolves outside the workspace ${this.options.workspace} (${abs}); ${ALLOW_HINT}`);
        }
    }
    ports(spec) {
        const replicas = spec.replicas ?? 1;
        if (replicas <= 1)
            return;
        (spec.ports ?? []).forEach((p, i) => {
            const fixed = typeof p === 'string' ? /:\d+:\d|^\d+:\d/.test(p) : p.hostPort !== undefined;
            if (fixed) {
                this.report(itemLoc(spec.ports ?? [], i), `a fixed host port with replicas ${replicas} would be bound by every instance; omit the host port (a free one is picked)`);
            }
        });
    }
    probe(spec) {
        const probe = spec.readinessProbe;
        if (!probe)
            return;
        const checks = ['exec', 'tcpSocket', 'httpGet'].filter((k) => has(probe, k));
        if (checks.length !== 1) {
            this.report(locOf(probe), `a readinessProbe needs exactly one of exec, tcpSocket, httpGet (${checks.length ? `got ${checks.join(' and ')}` : 'got none'})`);
        }
    }
    step(step, declared) {
        const stepName = rawString(step, 'name') ?? '?';
        // Mounted volumes (name → mountPath); undefined when the step's list itself was invalid.
        let mounted = declared;
        if (has(step, 'volumes')) {
            const list = step.volumes;
            mounted = list ? new Map() : undefined;
            list?.forEach((name, i) => {
                if (declared.has(name))
                    mounted?.set(name, declared.get(name));
                else {
                    this.report(itemLoc(list, i), `unknown volume "${name}"${didYouMean(name, declared.keys())} (the service declares ${[...declared.keys()].join(', ') || 'none'})`);
                }
            });
        }
        const runIf = step.runIf;
        if (runIf) {
            const type = runIf.type ?? (has(runIf, 'type') ? undefined : 'freshVolume');
            const volume = rawString(runIf, 'volume');
            if (volume !== undefined && mounted && !mounted.has(volume) && type !== 'always') {
                const why = declared.has(volume)
                    ? ' (its volumes list leaves it out)'
                    : didYouMean(volume, mounted.keys());
                this.report(valueLoc(runIf, 'volume'), `volume "${volume}" is not mounted in init step "${stepName}"${why}`);
            }
            if (type === 'fileMissing') {
                if (!has(runIf, 'path'))
                    this.report(locOf(runIf), 'runIf type fileMissing needs `path`');
                else if (runIf.path !== undefined && mounted && (volume === undefined || mounted.has(volume))) {
                    const file = runIf.path;
                    const candidates = [...mounted].filter(([n]) => volume === undefined || n === volume);
                    // A mount with an invalid mountPath was reported already: no verdict rather than a second problem.
                    const known = candidates.every(([, mp]) => mp !== undefined);
                    if (known && !candidates.some(([, mp]) => mp !== undefined && isUnder(file, mp))) {
                        const on = volume !== undefined ? `volume "${volume}"` : 'a volume mounted in this step';
                        this.report(valueLoc(runIf, 'path'), `path ${file} is not on ${on}`);
                    }
                }
            }
            else if (type !== undefined) {
                if (has(runIf, 'path'))
                    this.report(keyLoc(runIf, 'path'), '`path` applies only to runIf type fileMissing');
                if (type === 'always' && has(runIf, 'volume')) {
                    this.report(keyLoc(runIf, 'volume'), '`volume` does not apply to runIf type always');
                }
            }
        }
        if (step.restartPolicy === 'Never' && step.retries !== undefined && step.retries > 0) {
            this.report(valueLoc(step, 'retries'), `retries ${step.retries} contradicts restartPolicy Never (one attempt); remove one of them`);
        }
    }
    /** Names unique across all files; dependsOn names known and acyclic. */
    project(docs) {
        const byName = new Map();
        for (const doc of docs) {
            const name = rawString(doc.service.metadata, 'name');
            const meta = doc.service.metadata;
            if (name === undefined || !meta)
                continue;
            const first = byName.get(name);
            if (first) {
                const at = `${first.loc.pos.file}:${first.loc.pos.line}:${first.loc.pos.col}`;
                this.report(valueLoc(meta, 'name'), `duplicate service name "${name}" (first declared at ${at})`);
            }
            else
                byName.set(name, { doc, loc: valueLoc(meta, 'name') });
        }
        const edges = new Map();
        for (const [name, { doc }] of byName) {
            const deps = doc.service.spec?.dependsOn ?? [];
            const list = [];
            deps.forEach((dep, i) => {
                const loc = itemLoc(deps, i);
                if (byName.has(dep))
                    list.push({ to: dep, loc });
                else
                    this.report(loc, `unknown service "${dep}" in dependsOn${didYouMean(dep, byName.keys())}`);
            });
            edges.set(name, list);
        }
        // Depth-first search; each back edge closes one cycle, reported at the dependsOn entry that closes it.
        const state = new Map();
        const stack = [];
        const visit = (name) => {
            state.set(name, 'active');
            stack.push(name);
            for (const { to, loc } of edges.get(name) ?? []) {
                if (state.get(to) === 'active') {
                    const cycle = [...stack.slice(stack.indexOf(to)), to].join(' → ');
                    this.report(loc, `dependsOn forms a cycle: ${cycle}`);
                }
                else if (!state.has(to))
                    visit(to);
            }
            stack.pop();
            state.set(name, 'done');
        };
        for (const name of byName.keys())
            if (!state.has(name))
                visit(name);
    }
}
/** Whether a container path lies strictly inside a mount point. */
const isUnder = (p, mountPath) => {
    const rel = external_node_path_default().posix.relative(mountPath, p);
    return rel !== '' && !rel.startsWith('..') && !external_node_path_default().posix.isAbsolute(rel);
};

;// CONCATENATED MODULE: ./src/spec/load.ts
// Text → documents → checked values → rule checks → resolved project. Pure apart from the hostPath
// checks; index.ts adds the thin file-reading layer. Every failure becomes a positioned SpecProblem.








/** Larger spec files are refused: nobody writes megabytes of services, and yaml parses ~1 MB/s. */
const MAX_SPEC_BYTES = 2 * 1024 * 1024;
/** Extra node visits allowed beyond the text length (aliases may legitimately repeat small blocks). */
const ALIAS_ALLOWANCE = 100_000;
const start = (file) => ({ file, line: 1, col: 1 });
/** Position of a character offset, counting lines by hand (for text yaml never saw). */
function offsetPos(file, text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { file, line, col: offset - before.lastIndexOf('\n') };
}
/** The directory with `.git` above the first spec file, else that file's directory. */
function findWorkspace(firstFile) {
    const dir = external_node_path_default().dirname(external_node_path_default().resolve(firstFile));
    for (let d = dir;; d = external_node_path_default().dirname(d)) {
        if ((0,external_node_fs_.existsSync)(external_node_path_default().join(d, '.git')))
            return d;
        if (external_node_path_default().dirname(d) === d)
            return dir;
    }
}
/** A DNS-safe project name from a directory name: lowercase [a-z0-9-], starting alphanumeric. */
const projectNameFrom = (dir) => external_node_path_default().basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '') || 'initsteps';
/** What Docker accepts as a Compose-style project name (an explicit `project` may use `_`). */
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
/** Parses and checks one file's documents; pushes the services it declares onto `docs`. */
function loadSource(src, problems, docs) {
    const { file, text } = src;
    if (text.length > MAX_SPEC_BYTES) {
        problems.push({
            pos: start(file),
            path: '',
            message: `file is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MB`,
        });
        return;
    }
    const nul = text.indexOf('\0');
    if (nul >= 0) {
        problems.push({
            pos: offsetPos(file, text, nul),
            path: '',
            message: 'not a text file (contains NUL bytes)',
        });
        return;
    }
    const lines = new dist/* LineCounter */.HN();
    const parsed = (0,dist/* parseAllDocuments */.hR)(text, {
        lineCounter: lines,
        prettyErrors: false,
        merge: true,
        // yaml checks unique keys in quadratic time (20k keys: 18 s); the walker reports duplicates instead.
        uniqueKeys: false,
    });
    const yamlDocs = Array.isArray(parsed) ? parsed : [parsed];
    if (yamlDocs.length === 0) {
        problems.push({
            pos: start(file),
            path: '',
            message: 'empty file: expected at least one Service document',
        });
        return;
    }
    const absFile = external_node_path_default().resolve(file);
    for (const doc of yamlDocs) {
        const at = (offset) => ({ file, ...lines.linePos(offset) });
        if (doc.errors.length > 0) {
            // A document that does not parse gets only its syntax errors: its tree would be guesswork.
            for (const e of doc.errors)
                problems.push({ pos: at(e.pos[0]), path: '', message: e.message });
            continue;
        }
        const contents = doc.contents;
        if (contents === null || ((0,dist/* isScalar */.jn)(contents) && contents.value === null && !contents.source)) {
            problems.push({ pos: at(doc.range[0]), path: '', message: 'empty document: expected a Service' });
            continue;
        }
        const walker = new Walker(file, doc, lines, problems, text.length + ALIAS_ALLOWANCE);
        const service = walker.walk(SERVICE_DOCUMENT, contents);
        if (service !== undefined)
            docs.push({ file, absFile, service: service });
    }
}
/** Loads specs from their text. The file layer (loadProject) is thin over this; tests use it directly. */
function loadFromText(sources, options = {}) {
    const problems = [];
    const first = sources[0];
    if (!first) {
        return { ok: false, problems: [{ pos: start(''), path: '', message: 'no spec files given' }] };
    }
    try {
        const docs = [];
        for (const src of sources) {
            try {
                loadSource(src, problems, docs);
            }
            catch (e) {
                problems.push({ pos: start(src.file), path: '', message: `cannot load: ${(0,errors/* errorMessage */.gJ)(e)}` });
            }
        }
        const workspace = external_node_path_default().resolve(options.workspace ?? findWorkspace(first.file));
        const env = options.env ?? process.env;
        const rules = new RuleChecker(problems, {
            workspace,
            env,
            allowPrivileged: options.allowPrivileged ?? false,
        });
        for (const doc of docs)
            rules.service(doc);
        rules.project(docs);
        const project = options.project ?? projectNameFrom(workspace);
        if (!PROJECT_NAME.test(project)) {
            problems.push({
                pos: start(first.file),
                path: '',
                message: `project name "${project}" is not valid: use lowercase letters, digits, '_' and '-', starting with a letter or digit`,
            });
        }
        if (problems.length > 0)
            return { ok: false, problems: sortProblems(problems, sources) };
        const services = orderByDependencies(docs.map((d) => resolveService(d, env)));
        const files = [...new Set(sources.map((s) => external_node_path_default().resolve(s.file)))];
        return { ok: true, project: { name: project, workspace, files, services } };
    }
    catch (e) {
        problems.push({
            pos: start(first.file),
            path: '',
            message: `internal error while loading the spec: ${(0,errors/* errorMessage */.gJ)(e)}`,
        });
        return { ok: false, problems: sortProblems(problems, sources) };
    }
}
/** File order, then line and column; duplicates (an aliased node reported at each use) once. */
function sortProblems(problems, sources) {
    const order = new Map(sources.map((s, i) => [s.file, i]));
    const seen = new Set();
    return problems
        .filter((p) => {
        const key = `${p.pos.file}:${p.pos.line}:${p.pos.col}:${p.path}:${p.message}`;
        return seen.has(key) ? false : (seen.add(key), true);
    })
        .sort((a, b) => (order.get(a.pos.file) ?? 0) - (order.get(b.pos.file) ?? 0) ||
        a.pos.line - b.pos.line ||
        a.pos.col - b.pos.col);
}

;// CONCATENATED MODULE: ./src/spec/index.ts
// Public face of the spec module: load files, validate every rule, resolve inheritance.





/** One `file:line:col: path: message` line per problem. */
const formatProblems = (problems) => problems.map(formatProblem).join('\n');
const spec_start = (file) => ({ file, line: 1, col: 1 });
/** Reads one spec file; a problem instead of text when it cannot be used. */
async function readSpec(file) {
    try {
        const st = await (0,promises_.stat)(file);
        if (st.isDirectory())
            return { pos: spec_start(file), path: '', message: 'is a directory, not a spec file' };
        if (!st.isFile())
            return { pos: spec_start(file), path: '', message: 'is not a regular file' };
        if (st.size > MAX_SPEC_BYTES) {
            return {
                pos: spec_start(file),
                path: '',
                message: `file is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MB`,
            };
        }
        const bytes = await (0,promises_.readFile)(file);
        // NUL bytes mean binary: the text layer reports them with a position, so they pass through here.
        const binary = bytes.includes(0);
        try {
            return { file, text: new TextDecoder('utf-8', { fatal: !binary }).decode(bytes) };
        }
        catch {
            return { pos: spec_start(file), path: '', message: 'not a text file (invalid UTF-8)' };
        }
    }
    catch (e) {
        const code = e?.code;
        const message = code === 'ENOENT' ? 'file not found' : `cannot read: ${(0,errors/* errorMessage */.gJ)(e)}`;
        return { pos: spec_start(file), path: '', message };
    }
}
async function loadProject(options) {
    const { files, ...rest } = options;
    try {
        const read = await Promise.all(files.map(readSpec));
        const unreadable = read.filter((r) => 'pos' in r);
        const sources = read.filter((r) => !('pos' in r));
        if (unreadable.length === 0)
            return loadFromText(sources, rest);
        // The readable files are still checked, so one run reports everything, in the order of the files.
        const result = sources.length > 0 ? loadFromText(sources, rest) : undefined;
        const problems = [...unreadable, ...(result && !result.ok ? result.problems : [])];
        const order = (p) => files.indexOf(p.pos.file);
        return { ok: false, problems: problems.sort((a, b) => order(a) - order(b)) };
    }
    catch (e) {
        return {
            ok: false,
            problems: [{ pos: spec_start(files[0] ?? ''), path: '', message: `cannot load: ${(0,errors/* errorMessage */.gJ)(e)}` }],
        };
    }
}


/***/ })

};

//# sourceMappingURL=103.index.js.map