// `$(VAR)` references in env values, command and args, with Kubernetes' rules (docs/spec.md, "Addresses
// and references"): `$(NAME)` is replaced by the variable's value when the name is known, and stays as
// written when it is not; `$$` is a literal `$` (so `$$(NAME)` is the text `$(NAME)`); any other `$` is
// kept. Nothing else is special: no `${NAME}`, no backslash escapes, no nesting. Pure.
import type { ContainerSpec, EnvVar, PodField } from './model.js';

/** The variables initsteps gives every instance (resolve.ts): known to every reference, like addresses. */
export const INSTANCE_VARIABLES: readonly string[] = [
  'INITSTEPS_SERVICE',
  'INITSTEPS_INSTANCE',
  'INITSTEPS_REPLICA_ORDINAL',
];

/**
 * `input` with each `$(NAME)` that `lookup` knows replaced by its value. A reference runs to the first `)`
 * after `$(`: `$(A$(B))` looks up `A$(B`. A `$(` with no `)` after it is kept, and scanning goes on after
 * the `(`. A replaced value is not scanned again.
 */
export function expand(input: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const dollar = input.indexOf('$', i);
    if (dollar < 0 || dollar === input.length - 1) break;
    out += input.slice(i, dollar);
    const next = input[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
    } else if (next === '(') {
      const close = input.indexOf(')', dollar + 2);
      if (close < 0) {
        out += '$(';
        i = dollar + 2;
      } else {
        const name = input.slice(dollar + 2, close);
        out += lookup(name) ?? `$(${name})`;
        i = close + 1;
      }
    } else {
      out += `$${next}`;
      i = dollar + 2;
    }
  }
  return out + input.slice(i);
}

/** The names `input` refers to with `$(NAME)`, in order (escaped `$$(NAME)` are not references). */
export function references(input: string): string[] {
  const names: string[] = [];
  expand(input, (name) => {
    names.push(name);
    return undefined;
  });
  return names;
}

/** Whether a container of the instance takes a pod field: only then is it read. */
export const usesPodFields = (specs: readonly ContainerSpec[]): boolean =>
  specs.some((c) => c.env.some((e) => e.podField !== undefined));

/** `spec` with its pod-field entries set to their values for this instance, before `expandContainer`. */
export function withPodFields(
  spec: ContainerSpec,
  values: Readonly<Record<PodField, string>>,
): ContainerSpec {
  if (!usesPodFields([spec])) return spec;
  return {
    ...spec,
    env: spec.env.map((e) => (e.podField === undefined ? e : { ...e, value: values[e.podField] })),
  };
}

interface Known {
  value: string;
  secret: boolean;
}

/**
 * A container (or host process) spec with its references expanded and `injected` (the addresses of the
 * services it depends on) added, the way the kubelet builds a container's environment:
 *
 * - env entries in order: a `value` sees the entries before it, then the injected variables and the
 *   instance variables (`INITSTEPS_*`); a `valueFrom` value is taken as it is;
 * - an entry of the spec wins over an injected variable of the same name;
 * - `command` and `args` see the whole resulting env.
 *
 * An entry whose expansion took in a secret is a secret itself, so it is registered and masked whole.
 */
export function expandContainer(spec: ContainerSpec, injected: readonly EnvVar[]): ContainerSpec {
  const background = new Map<string, Known>(injected.map((e) => [e.name, e]));
  for (const e of spec.env) if (INSTANCE_VARIABLES.includes(e.name)) background.set(e.name, e);
  const declared = new Map<string, Known>();
  const env: EnvVar[] = spec.env.map((e) => {
    if (e.secret) {
      declared.set(e.name, e);
      return e;
    }
    let secret = false;
    const value = expand(e.value, (name) => {
      const v = declared.get(name) ?? background.get(name);
      if (v?.secret) secret = true;
      return v?.value;
    });
    declared.set(e.name, { value, secret });
    return { name: e.name, value, secret };
  });
  for (const e of injected) if (!declared.has(e.name)) env.push(e);
  const all = new Map(env.map((e) => [e.name, e.value]));
  const expandAll = (list: string[]) => list.map((s) => expand(s, (name) => all.get(name)));
  return {
    ...spec,
    env,
    ...(spec.command && { command: expandAll(spec.command) }),
    ...(spec.args && { args: expandAll(spec.args) }),
  };
}
