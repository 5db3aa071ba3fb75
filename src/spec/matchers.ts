// User problem matchers (docs/spec.md#problem-matchers): GitHub's problem-matcher shape, inline in the spec
// or in a JSON matcher file of the workspace. Validated here with positions (a bad regexp, a group the
// regexp does not have, GitHub's rules on `loop` and `message`), the file's at its own lines; the resolver
// turns the checked values into the model's ProblemMatcher.
import { realpathSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { errorMessage, type SpecProblem } from '../errors.js';
import { has, itemLoc, keyLoc, type Loc, valueLoc, Walker } from './check.js';
import { MATCHER_FILE, type RawMatcher, type RawMatcherFile, type RawMatchers } from './fields.js';
import type { MatcherPattern, ProblemMatcher } from './model.js';

/** GitHub's matcher files are a few KiB; a larger file is not one. */
export const MAX_MATCHER_FILE_BYTES = 256 * 1024;

/** The group fields of a pattern, in GitHub's order (each may be set by one pattern only). */
const GROUP_FIELDS = ['file', 'line', 'column', 'severity', 'code', 'message', 'fromPath'] as const;

type RawPattern = NonNullable<RawMatcher['pattern']>[number];

/** Capture groups of a regexp that compiles (an empty alternative makes every regexp match ''). */
const groupCount = (regexp: string): number => (new RegExp(`${regexp}|`).exec('')?.length ?? 1) - 1;

/** The real path, or the plain absolute one when it cannot be resolved. */
const realOrResolved = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** Reads, checks and keeps the matcher files a spec names, by absolute path (each read once). */
export class MatcherFiles {
  /** Checked matchers by the file's absolute path; a file with problems maps to none. */
  readonly files = new Map<string, RawMatcher[]>();

  constructor(
    private readonly problems: SpecProblem[],
    private readonly workspace: string,
  ) {}

  private report(loc: Loc, message: string): void {
    this.problems.push({ pos: loc.pos, path: loc.path, message });
  }

  /** Checks a `problemMatchers` value of a spec file (`specFile` as given, `specAbs` absolute). */
  check(raw: RawMatchers, loc: Loc, specFile: string, specAbs: string): void {
    const items =
      typeof raw === 'string' ? [{ item: raw, loc }] : raw.map((item, i) => ({ item, loc: itemLoc(raw, i) }));
    const owners = new Map<string, Loc>();
    for (const { item, loc: at } of items) {
      const matchers =
        typeof item === 'string' ? this.file(item, at, specFile, specAbs) : (this.matcher(item), [item]);
      // A file's own duplicates are reported in the file; across the list, each owner counts once per item.
      const names = new Set(matchers.flatMap((m) => (m.owner === undefined ? [] : [m.owner.toLowerCase()])));
      for (const name of names) {
        const first = owners.get(name);
        const where = typeof item === 'string' ? at : valueLoc(item, 'owner');
        if (first) {
          this.report(
            where,
            `duplicate problem matcher owner "${name}" (first at ${first.pos.file}:${first.pos.line})`,
          );
        } else owners.set(name, where);
      }
    }
  }

  /** One matcher's rules, as the runner applies them to a matcher file (docs/spec.md#problem-matchers). */
  private matcher(m: RawMatcher): void {
    const patterns = m.pattern ?? [];
    const setBy = new Map<string, number>();
    patterns.forEach((p, i) => this.pattern(p, i, patterns.length, setBy));
    // A message written but invalid, or missing from a loop pattern, is reported already.
    const written = patterns.some((p) => has(p, 'message') || p.loop === true);
    if (m.pattern !== undefined && !written) {
      this.report(valueLoc(m, 'pattern'), 'no pattern sets `message`: a problem needs one');
    }
  }

  private pattern(p: RawPattern, index: number, count: number, setBy: Map<string, number>): void {
    let groups: number | undefined;
    if (p.regexp !== undefined) {
      try {
        groups = groupCount(p.regexp);
      } catch (e: unknown) {
        this.report(valueLoc(p, 'regexp'), `not a valid regular expression: ${errorMessage(e)}`);
      }
    }
    for (const field of GROUP_FIELDS) {
      const group = p[field];
      if (group === undefined) continue;
      const first = setBy.get(field);
      if (first !== undefined) {
        this.report(valueLoc(p, field), `\`${field}\` is already set by pattern ${first + 1}; set it once`);
        continue;
      }
      setBy.set(field, index);
      if (groups !== undefined && group > groups) {
        this.report(
          valueLoc(p, field),
          `group ${group} does not exist: the regexp has ${groups} capture group${groups === 1 ? '' : 's'}`,
        );
      }
    }
    if (p.loop === true) {
      if (count === 1 || index !== count - 1) {
        this.report(keyLoc(p, 'loop'), 'only the last of several patterns may set `loop`');
      } else if (p.message === undefined) {
        this.report(
          keyLoc(p, 'loop'),
          'a `loop` pattern must set `message` (each line it matches is a problem)',
        );
      }
    }
  }

  /** A matcher file, checked once; its matchers (none when it has problems, which are reported). */
  private file(value: string, loc: Loc, specFile: string, specAbs: string): RawMatcher[] {
    const abs = path.resolve(path.dirname(specAbs), value);
    const known = this.files.get(abs);
    if (known) return known;
    this.files.set(abs, []);
    const display = path.join(path.dirname(specFile), value);
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      this.report(loc, `problem-matcher file ${value} does not exist (${abs})`);
      return [];
    }
    // Checked before reading: a file outside the workspace is not opened.
    const rel = path.relative(realOrResolved(this.workspace), real);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      this.report(
        loc,
        `problem-matcher file ${value} resolves outside the workspace ${this.workspace} (${real})`,
      );
      return [];
    }
    const text = readMatcherFile(real);
    if (typeof text !== 'string') {
      this.report(loc, `problem-matcher file ${value} ${text.problem}`);
      return [];
    }
    try {
      JSON.parse(text);
    } catch (e: unknown) {
      this.report(loc, `problem-matcher file ${value} is not valid JSON: ${errorMessage(e)}`);
      return [];
    }
    // JSON is YAML: parsed again with positions, so a problem points at its line in the file.
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length > 0) {
      this.report(loc, `problem-matcher file ${value} cannot be parsed: ${doc.errors[0]?.message ?? ''}`);
      return [];
    }
    const before = this.problems.length;
    const walker = new Walker(display, doc, lines, this.problems, text.length + 1000);
    const checked = walker.walk(MATCHER_FILE, doc.contents) as RawMatcherFile | undefined;
    const matchers = checked?.problemMatcher ?? [];
    const owners = new Map<string, Loc>();
    for (const m of matchers) {
      this.matcher(m);
      if (m.owner === undefined) continue;
      const first = owners.get(m.owner.toLowerCase());
      if (first) {
        this.report(
          valueLoc(m, 'owner'),
          `duplicate problem matcher owner "${m.owner}" (first at line ${first.pos.line})`,
        );
      } else owners.set(m.owner.toLowerCase(), valueLoc(m, 'owner'));
    }
    const ok = this.problems.length === before;
    this.files.set(abs, ok ? matchers : []);
    return ok ? matchers : [];
  }
}

/** A regular file's text, at most MAX_MATCHER_FILE_BYTES; otherwise what is wrong, in words. */
function readMatcherFile(file: string): string | { problem: string } {
  try {
    // stat first: opening a FIFO would block.
    const st = statSync(file);
    if (!st.isFile()) return { problem: 'is not a regular file' };
    if (st.size > MAX_MATCHER_FILE_BYTES) {
      return { problem: `is larger than ${MAX_MATCHER_FILE_BYTES / 1024} KiB` };
    }
    return readFileSync(file, 'utf8');
  } catch (e: unknown) {
    return { problem: `cannot be read: ${errorMessage(e)}` };
  }
}

/** A checked raw matcher as the model's. */
const toMatcher = (m: RawMatcher): ProblemMatcher => ({
  owner: m.owner ?? '',
  ...(m.severity !== undefined ? { severity: m.severity } : {}),
  patterns: (m.pattern ?? []).map((p): MatcherPattern => {
    const out: MatcherPattern = { regexp: p.regexp ?? '', loop: p.loop ?? false };
    for (const field of GROUP_FIELDS) if (p[field] !== undefined) out[field] = p[field];
    return out;
  }),
});

/** The matchers a `problemMatchers` value stands for (the spec has no problems by now). */
export function resolveMatchers(
  raw: RawMatchers | undefined,
  specAbs: string,
  files: ReadonlyMap<string, RawMatcher[]>,
): ProblemMatcher[] {
  if (raw === undefined) return [];
  const items = typeof raw === 'string' ? [raw] : raw;
  return items.flatMap((item) =>
    typeof item === 'string'
      ? (files.get(path.resolve(path.dirname(specAbs), item)) ?? []).map(toMatcher)
      : [toMatcher(item)],
  );
}

/** A step's own matchers first, then the service's it does not replace (same owner, any case). */
export function mergeMatchers(own: ProblemMatcher[], parent: ProblemMatcher[]): ProblemMatcher[] {
  const owners = new Set(own.map((m) => m.owner.toLowerCase()));
  return [...own, ...parent.filter((m) => !owners.has(m.owner.toLowerCase()))];
}
