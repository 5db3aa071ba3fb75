// Text → documents → checked values → rule checks → resolved project. Pure apart from the hostPath
// checks; index.ts adds the thin file-reading layer. Every failure becomes a positioned SpecProblem.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseAllDocuments } from 'yaml';
import { errorMessage, type SpecProblem } from '../errors.js';
import { valueLoc, Walker } from './check.js';
import { type RawService, SERVICE_DOCUMENT } from './fields.js';
import type { LoadOptions, LoadResult } from './index.js';
import type { SourcePos } from './model.js';
import { orderByDependencies, resolveService } from './resolve.js';
import { type CheckedDoc, RuleChecker } from './rules.js';
import { unresolvedReferences } from './unresolved.js';
import { classify } from './kubernetes/classify.js';
import { locate } from './kubernetes/located.js';
import { Reader } from './kubernetes/reader.js';
import { type KubeObject, Translator } from './kubernetes/translate.js';

/** Larger spec files are refused: nobody writes megabytes of services, and yaml parses ~1 MB/s. */
export const MAX_SPEC_BYTES = 2 * 1024 * 1024;
/** Extra node visits allowed beyond the text length (aliases may legitimately repeat small blocks). */
const ALIAS_ALLOWANCE = 100_000;

export interface SpecSource {
  /** As given by the user; used in every position. */
  file: string;
  text: string;
}

export type TextLoadOptions = Omit<LoadOptions, 'files'>;

const start = (file: string): SourcePos => ({ file, line: 1, col: 1 });

/** Position of a character offset, counting lines by hand (for text yaml never saw). */
function offsetPos(file: string, text: string, offset: number): SourcePos {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { file, line, col: offset - before.lastIndexOf('\n') };
}

/** The directory with `.git` above the first spec file, else that file's directory. */
function findWorkspace(firstFile: string): string {
  const dir = path.dirname(path.resolve(firstFile));
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return dir;
  }
}

/** A DNS-safe project name from a directory name: lowercase [a-z0-9-], starting alphanumeric. */
const projectNameFrom = (dir: string): string =>
  path
    .basename(dir)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z0-9]+|-+$/g, '') || 'initsteps';

/** What Docker accepts as a Compose-style project name (an explicit `project` may use `_`). */
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Why a project name cannot be used, or undefined. The name labels Docker objects and names a directory
 * of the state dir, so `../x` must never get through.
 */
export const projectNameProblem = (name: string): string | undefined =>
  PROJECT_NAME.test(name)
    ? undefined
    : `project name "${name}" is not valid: use lowercase letters, digits, '_' and '-', starting with a letter or digit`;

/**
 * Parses and checks one file's documents; pushes the services it declares onto `docs` and its Kubernetes
 * objects onto `kube` (docs/kubernetes.md#input).
 */
function loadSource(src: SpecSource, problems: SpecProblem[], docs: CheckedDoc[], kube: KubeObject[]): void {
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
  const lines = new LineCounter();
  const parsed = parseAllDocuments(text, {
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
  const absFile = path.resolve(file);
  const kubeBefore = kube.length;
  const empties: SourcePos[] = [];
  for (const doc of yamlDocs) {
    const at = (offset: number): SourcePos => ({ file, ...lines.linePos(offset) });
    if (doc.errors.length > 0) {
      // A document that does not parse gets only its syntax errors: its tree would be guesswork.
      for (const e of doc.errors) problems.push({ pos: at(e.pos[0]), path: '', message: e.message });
      continue;
    }
    const contents = doc.contents;
    if (contents === null || (isScalar(contents) && contents.value === null && !contents.source)) {
      empties.push(at(doc.range[0]));
      continue;
    }
    const apiVersion: unknown = isMap(contents) ? contents.get('apiVersion') : undefined;
    if (typeof apiVersion === 'string' && !apiVersion.startsWith('initsteps')) {
      const located = locate(file, doc, lines, problems, text.length + ALIAS_ALLOWANCE);
      const kind = located && classify(located);
      if (!located || !kind) continue;
      if (located.kind === 'map' && kind.is !== 'native') {
        if (kind.is === 'ambiguous') problems.push({ pos: located.pos, path: '', message: kind.message });
        else if (kind.is === 'kubernetes') kube.push({ file, absFile, node: located, ...kind });
        else {
          const items = located.entries.get('items')?.value;
          for (const item of items?.kind === 'seq' ? items.items : []) {
            const itemKind = classify(item);
            if (item.kind === 'map' && itemKind.is === 'kubernetes')
              kube.push({ file, absFile, node: item, ...itemKind });
            else
              problems.push({
                pos: item.pos,
                path: item.path,
                message: 'a `kind: List` holds Kubernetes objects (apiVersion and kind as in Kubernetes)',
              });
          }
        }
        continue;
      }
    }
    const walker = new Walker(file, doc, lines, problems, text.length + ALIAS_ALLOWANCE);
    const service = walker.walk(SERVICE_DOCUMENT, contents);
    if (service !== undefined) docs.push({ file, absFile, service: service as RawService });
  }
  // `kubectl apply` skips empty documents, and `helm template` prints one for each template that rendered
  // nothing: a file of Kubernetes objects may hold them (docs/kubernetes.md#input).
  if (kube.length > kubeBefore) return;
  for (const pos of empties) problems.push({ pos, path: '', message: 'empty document: expected a Service' });
}

/** Loads specs from their text. The file layer (loadProject) is thin over this; tests use it directly. */
export function loadFromText(sources: SpecSource[], options: TextLoadOptions = {}): LoadResult {
  const problems: SpecProblem[] = [];
  const first = sources[0];
  if (!first) {
    return { ok: false, problems: [{ pos: start(''), path: '', message: 'no spec files given' }] };
  }
  try {
    const docs: CheckedDoc[] = [];
    const kube: KubeObject[] = [];
    for (const src of sources) {
      try {
        loadSource(src, problems, docs, kube);
      } catch (e: unknown) {
        problems.push({ pos: start(src.file), path: '', message: `cannot load: ${errorMessage(e)}` });
      }
    }
    const workspace = path.resolve(options.workspace ?? findWorkspace(first.file));
    const env = options.env ?? process.env;
    const rules = new RuleChecker(problems, {
      workspace,
      env,
      allowPrivileged: options.allowPrivileged ?? false,
    });
    for (const doc of docs) rules.service(doc);
    const nativeNames = new Map<string, SourcePos>();
    for (const d of docs) {
      const name = d.service.metadata?.name;
      if (name !== undefined && d.service.metadata && !nativeNames.has(name)) {
        nativeNames.set(name, valueLoc(d.service.metadata, 'name').pos);
      }
    }
    const reader = new Reader(problems);
    const translated = new Translator(reader, {
      workspace,
      allowPrivileged: options.allowPrivileged ?? false,
      nativeNames,
    }).translate(kube);
    rules.project(docs, new Set(translated.map((s) => s.name)));

    const project = options.project ?? projectNameFrom(workspace);
    const projectProblem = projectNameProblem(project);
    if (projectProblem) problems.push({ pos: start(first.file), path: '', message: projectProblem });
    if (problems.length > 0) return { ok: false, problems: sortProblems(problems, sources) };

    const services = orderByDependencies([
      ...docs.map((d) =>
        resolveService(d, env, { profiles: rules.profiles, matchers: rules.matcherFiles.files }),
      ),
      ...translated,
    ]);
    const files = [...new Set(sources.map((s) => path.resolve(s.file)))];
    const allowPrivileged = options.allowPrivileged ?? false;
    return {
      ok: true,
      project: { name: project, workspace, files, services, allowPrivileged },
      warnings: sortProblems([...unresolvedReferences(docs, services), ...reader.notices()], sources),
    };
  } catch (e: unknown) {
    problems.push({
      pos: start(first.file),
      path: '',
      message: `internal error while loading the spec: ${errorMessage(e)}`,
    });
    return { ok: false, problems: sortProblems(problems, sources) };
  }
}

/** File order, then line and column; duplicates (an aliased node reported at each use) once. */
function sortProblems(problems: SpecProblem[], sources: SpecSource[]): SpecProblem[] {
  const order = new Map(sources.map((s, i) => [s.file, i]));
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.pos.file}:${p.pos.line}:${p.pos.col}:${p.path}:${p.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort(
      (a, b) =>
        (order.get(a.pos.file) ?? 0) - (order.get(b.pos.file) ?? 0) ||
        a.pos.line - b.pos.line ||
        a.pos.col - b.pos.col,
    );
}
