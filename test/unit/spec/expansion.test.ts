// `$(VAR)` expansion: the cases of Kubernetes' own expansion tests (third_party/forked/golang/expansion),
// then how a container's env, command and args are expanded with injected variables.
import { describe, expect, it } from 'vitest';
import { expand, expandContainer, INSTANCE_VARIABLES, references } from '../../../src/spec/expansion.js';
import type { ContainerSpec, EnvVar } from '../../../src/spec/model.js';
import { resolved, service } from './helpers.js';

const context: Record<string, string> = {
  VAR_A: 'A',
  VAR_B: 'B',
  VAR_C: 'C',
  VAR_REF: '$(VAR_A)',
  VAR_EMPTY: '',
};
const lookup = (name: string) => context[name];

describe('expand, Kubernetes cases', () => {
  it.each([
    ['whole string', '$(VAR_A)', 'A'],
    ['repeat', '$(VAR_A)-$(VAR_A)', 'A-A'],
    ['beginning', '$(VAR_A)-1', 'A-1'],
    ['middle', '___$(VAR_B)___', '___B___'],
    ['end', '___$(VAR_C)', '___C'],
    ['compound', '$(VAR_A)_$(VAR_B)_$(VAR_C)', 'A_B_C'],
    ['escape & expand', '$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
    ['compound escape', '$$(VAR_A)_$$(VAR_B)', '$(VAR_A)_$(VAR_B)'],
    ['mixed in escapes', 'f000-$$VAR_A', 'f000-$VAR_A'],
    ['backslash escape ignored', 'foo\\$(VAR_C)bar', 'foo\\Cbar'],
    ['two backslashes', 'foo\\\\$(VAR_C)bar', 'foo\\\\Cbar'],
    ['lots of backslashes', 'foo\\\\\\\\$(VAR_A)bar', 'foo\\\\\\\\Abar'],
    ['nested var references', '$(VAR_A$(VAR_B))', '$(VAR_A$(VAR_B))'],
    ['nested var references, second type', '$(VAR_A$(VAR_B)', '$(VAR_A$(VAR_B)'],
    ['value is a reference (not expanded again)', '$(VAR_REF)', '$(VAR_A)'],
    ['value is a reference x 2', '%%$(VAR_REF)--$(VAR_REF)%%', '%%$(VAR_A)--$(VAR_A)%%'],
    ['empty var', 'foo$(VAR_EMPTY)bar', 'foobar'],
    ['unterminated expression', 'foo$(VAR_Awhoops!', 'foo$(VAR_Awhoops!'],
    ['expression without operator', 'f00__(VAR_A)__', 'f00__(VAR_A)__'],
    ['shell special vars pass through', '$?_boo_$!', '$?_boo_$!'],
    ['bare operators are ignored', '$VAR_A', '$VAR_A'],
    ['undefined vars are passed through', '$(VAR_DNE)', '$(VAR_DNE)'],
    ['multiple (even) operators, var undefined', '$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
    ['multiple (even) operators, var defined', '$$$$$$(VAR_A)', '$$$(VAR_A)'],
    ['multiple (odd) operators, var undefined', '$$$$$$$(GOOD_ODDS)', '$$$$(GOOD_ODDS)'],
    ['multiple (odd) operators, var defined', '$$$$$$$(VAR_A)', '$$$A'],
    ['missing open expression', '$VAR_A)', '$VAR_A)'],
    ['shell syntax ignored', '${VAR_A}', '${VAR_A}'],
    ['trailing incomplete expression not consumed', '$(VAR_B)_______$(A', 'B_______$(A'],
    ['trailing incomplete expression, no content', '$(VAR_C)_______$(', 'C_______$('],
    ['operator at end of input string is preserved', '$(VAR_A)foobarzab$', 'Afoobarzab$'],
    ['shell escaped incomplete expr', 'foo-\\$(VAR_A', 'foo-\\$(VAR_A'],
    ['lots of $( in middle', '--$($($($($--', '--$($($($($--'],
    ['lots of $( in beginning', '$($($($($--foo$(', '$($($($($--foo$('],
    ['lots of $( at end', 'foo0--$($($($(', 'foo0--$($($($('],
    ['escaped operators in variable names are not escaped', '$(foo$$var)', '$(foo$$var)'],
    ['newline not expanded', '\n', '\n'],
    ['empty name', '$()', '$()'],
    ['empty input', '', ''],
  ])('%s: %j → %j', (_name, input, expected) => {
    expect(expand(input, lookup)).toBe(expected);
  });
});

describe('references', () => {
  it('lists the names looked up, not the escaped ones', () => {
    expect(references('$(A)-$$(B)-$(C)$(A)-$(D')).toEqual(['A', 'C', 'A']);
    expect(references('no refs $HOME ${X}')).toEqual([]);
  });
});

const plain = (name: string, value: string): EnvVar => ({ name, value, secret: false });
const secret = (name: string, value: string): EnvVar => ({ name, value, secret: true });
const spec = (env: EnvVar[], extra: Partial<ContainerSpec> = {}): ContainerSpec => ({
  env,
  volumes: [],
  securityContext: { capAdd: [], capDrop: [], privileged: false },
  resources: {},
  ...extra,
});
const envOf = (s: ContainerSpec) => Object.fromEntries(s.env.map((e) => [e.name, e.value]));

describe('expandContainer', () => {
  it('expands a value with the entries before it, not after (Kubernetes order)', () => {
    const out = expandContainer(
      spec([
        plain('FOO', 'bar'),
        plain('ZOO', '$(FOO)-1'),
        plain('BLU', '$(ZOO)-2'),
        plain('EARLY', '$(LATE)'),
      ]),
      [],
    );
    expect(envOf(out)).toEqual({ FOO: 'bar', ZOO: 'bar-1', BLU: 'bar-1-2', EARLY: '$(LATE)' });
  });

  it('knows the injected variables wherever they are used, and adds them after the spec env', () => {
    const injected = [plain('DB_SERVICE_HOST', 'db'), plain('DB_SERVICE_PORT', '5432')];
    const out = expandContainer(
      spec([plain('DATABASE_URL', 'postgres://postgres@$(DB_SERVICE_HOST):$(DB_SERVICE_PORT)/app')]),
      injected,
    );
    expect(out.env.map((e) => e.name)).toEqual(['DATABASE_URL', 'DB_SERVICE_HOST', 'DB_SERVICE_PORT']);
    expect(envOf(out).DATABASE_URL).toBe('postgres://postgres@db:5432/app');
  });

  it('lets the spec override an injected variable, and earlier entries see the override', () => {
    const out = expandContainer(
      spec([plain('DB_SERVICE_HOST', 'elsewhere'), plain('URL', '$(DB_SERVICE_HOST)')]),
      [plain('DB_SERVICE_HOST', 'db')],
    );
    expect(out.env).toEqual([plain('DB_SERVICE_HOST', 'elsewhere'), plain('URL', 'elsewhere')]);
  });

  it('knows the variables the resolver gives every instance', () => {
    const main = resolved(service('image: busybox:latest\n')).services[0]?.instances[0]?.main;
    expect(main?.env.map((e) => e.name).filter((n) => n.startsWith('INITSTEPS_'))).toEqual(
      INSTANCE_VARIABLES,
    );
  });

  it('knows the INITSTEPS_ variables although they come last in the list', () => {
    const out = expandContainer(
      spec([plain('DIR', '/data/$(INITSTEPS_INSTANCE)'), plain('INITSTEPS_INSTANCE', 'db-0')]),
      [],
    );
    expect(envOf(out).DIR).toBe('/data/db-0');
  });

  it('takes valueFrom values as they are, and makes a value that took one in a secret', () => {
    const out = expandContainer(
      spec([
        secret('PASSWORD', 'pa$(X)ss'),
        plain('X', 'x'),
        plain('URL', 'postgres://u:$(PASSWORD)@$(DB_SERVICE_HOST)/app'),
        plain('OTHER', '$(X)'),
      ]),
      [plain('DB_SERVICE_HOST', 'db')],
    );
    expect(out.env.slice(0, 4)).toEqual([
      secret('PASSWORD', 'pa$(X)ss'),
      plain('X', 'x'),
      secret('URL', 'postgres://u:pa$(X)ss@db/app'),
      plain('OTHER', 'x'),
    ]);
  });

  it('expands command and args with the whole env, injected variables included; $$ stays literal', () => {
    const out = expandContainer(
      spec([plain('LATE', 'late')], {
        command: ['sh', '-c'],
        args: ['echo $(LATE) $(DB_SERVICE_PORT) $$(LATE) $(UNKNOWN) $HOME'],
      }),
      [plain('DB_SERVICE_PORT', '49153')],
    );
    expect(out.command).toEqual(['sh', '-c']);
    expect(out.args).toEqual(['echo late 49153 $(LATE) $(UNKNOWN) $HOME']);
  });

  it('leaves command and args unset when they are, and the other fields alone', () => {
    const input = spec([plain('A', '1')], { image: 'busybox:latest', workingDir: '/w', user: '1000' });
    const out = expandContainer(input, []);
    expect(out).toEqual(input);
    expect('command' in out).toBe(false);
    expect('args' in out).toBe(false);
  });
});
