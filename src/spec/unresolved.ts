// `$(VAR)` references that can never resolve: warnings, not errors (docs/spec.md, "Addresses and
// references"). Kubernetes leaves such a reference as written, and so does initsteps; `validate` says so
// at the reference's line, since it is almost always a typo, an entry in the wrong order or a missing
// `dependsOn`. Shell command substitutions (`$(date)`) look the same and are left alone. Pure: reads the
// checked documents (for positions) and the resolved services.
import type { SpecProblem } from '../errors.js';
import {
  addressedDependencies,
  addressNamesOf,
  addressVariableNames,
  envNameOf,
  viewOf,
} from './addresses.js';
import { itemLoc, type Loc, valueLoc } from './check.js';
import { INSTANCE_VARIABLES, references } from './expansion.js';
import type { RawEnv, RawSpec } from './fields.js';
import type { ResolvedService } from './model.js';
import type { CheckedDoc } from './rules.js';
import { closest, didYouMean } from './suggest.js';

/** An env entry as written: its name, its `value` (absent for valueFrom) and where that value is. */
interface Entry {
  name: string;
  value?: string;
  loc: Loc;
}

function entries(env: RawEnv | undefined): Entry[] {
  if (env === undefined) return [];
  if (!Array.isArray(env)) {
    return Object.entries(env).map(([name, value]) => ({ name, value, loc: valueLoc(env, name) }));
  }
  return env.map((item, i) => ({
    name: item.name ?? '',
    ...(item.value !== undefined && { value: item.value }),
    loc: item.value !== undefined ? valueLoc(item, 'value') : itemLoc(env, i),
  }));
}

/** `command` or `args` as written: each string with where it is. */
function strings(spec: { command?: string | string[]; args?: string | string[] }): [string, Loc][] {
  return (['command', 'args'] as const).flatMap((key): [string, Loc][] => {
    const v = spec[key];
    if (v === undefined) return [];
    if (typeof v === 'string') return [[v, valueLoc(spec, key)]];
    return v.map((s, i): [string, Loc] => [s, itemLoc(v, i)]);
  });
}

/** Names of a step's env after inheritance, in the order expansion sees them (resolve.ts mergeEnv). */
function mergedNames(parent: string[], step: string[]): string[] {
  return [...parent, ...step.filter((n) => !parent.includes(n))];
}

export function unresolvedReferences(docs: CheckedDoc[], services: ResolvedService[]): SpecProblem[] {
  const warnings: SpecProblem[] = [];
  for (const doc of docs) {
    const spec: RawSpec = doc.service.spec ?? {};
    const s = services.find((x) => x.name === doc.service.metadata?.name);
    if (!s) continue;
    const always = [...INSTANCE_VARIABLES, ...addressVariableNames(services, s, viewOf(s.runtime))];
    const hint = addressHint(services, s);
    /** `self`: the env entry `text` is the value of; `later`: names of the entries after it. */
    const check = (text: string, loc: Loc, known: string[], later: string[], self?: string): void => {
      for (const name of new Set(references(text))) {
        if (always.includes(name) || known.includes(name)) continue;
        if (!meantAsVariable(name, [...always, ...known, ...later])) continue;
        const order =
          name === self
            ? 'refers to its own entry'
            : later.includes(name)
              ? 'is defined after this entry'
              : undefined;
        const why =
          order !== undefined
            ? `${order}: an env value sees only the entries above it`
            : (hint(name) ??
              `is not a variable of this ${s.runtime === 'process' ? 'process' : 'container'}`);
        const suggestion = order === undefined ? didYouMean(name, [...always, ...known]) : '';
        warnings.push({
          pos: loc.pos,
          path: loc.path,
          message: `$(${name}) ${why}, so it stays as written${suggestion}`,
        });
      }
    };
    const checkEnv = (list: Entry[], before: (i: number) => string[], all: string[]): void =>
      list.forEach((e, i) => {
        if (e.value !== undefined) check(e.value, e.loc, before(i), all, e.name);
      });

    const parent = entries(spec.env);
    const parentNames = parent.map((e) => e.name);
    checkEnv(parent, (i) => parentNames.slice(0, i), parentNames);
    for (const [text, loc] of strings(spec)) check(text, loc, parentNames, []);
    for (const step of spec.initSteps ?? []) {
      const own = entries(step.env);
      const names = mergedNames(
        parentNames,
        own.map((e) => e.name),
      );
      // A step's entry that overrides the service's takes its place; a new one comes after them all.
      checkEnv(own, (i) => names.slice(0, names.indexOf(own[i]?.name ?? '')), names);
      for (const [text, loc] of strings(step)) check(text, loc, names, []);
    }
  }
  return warnings;
}

/**
 * Whether `$(name)` was meant as a reference rather than the shell's command substitution, which
 * Kubernetes passes through as well (`$(date -u)`, `$(basename "$f")`): a name in the upper case of
 * environment variables, or one close to a variable the container has.
 */
function meantAsVariable(name: string, variables: string[]): boolean {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return false;
  return /^[A-Z_][A-Z0-9_]*$/.test(name) || closest(name, variables) !== undefined;
}

/** Why `<NAME>_SERVICE_*` of a service in the project is not given to `s`; undefined for other names. */
function addressHint(services: ResolvedService[], s: ResolvedService): (name: string) => string | undefined {
  return (name) => {
    // The longest name first: `DB_SERVICE_SERVICE_HOST` is service "db-service"'s, not "db"'s.
    const target = [...services]
      .sort((a, b) => b.name.length - a.name.length)
      .find((x) => name.startsWith(`${envNameOf(x.name)}_SERVICE_`));
    if (!target) return undefined;
    if (target === s) return `names this service's own address, which it is not given`;
    const reached = addressedDependencies(services, s, 'host').includes(target);
    if (!reached)
      return `is an address of "${target.name}", which this service does not depend on (dependsOn)`;
    if (viewOf(s.runtime) === 'container' && target.runtime === 'process') {
      return `is an address of "${target.name}", a runtime: process service that containers cannot reach`;
    }
    return `is not one of the address variables of "${target.name}" (${addressNamesOf(target).join(', ')})`;
  };
}
