// The privilege gate beyond `privileged: true`: capabilities that reach past the container and Localhost
// seccomp profiles. Each bypass is a spec that must be refused at its field without the flag, and load
// with it.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GATED_CAPABILITIES } from '../../../src/spec/rules.js';
import { expectProblems, load, marks, resolved, service, show, specFile, WS } from './helpers.js';

const ALLOWING = /allow it with --allow-privileged \(action input `allow-privileged: true`\)/;

/** A spec whose service (or one init step) sets this securityContext, marked where the problem must be. */
const onService = (sc: string) => service(`image: x\nsecurityContext: ${sc}`);
const onStep = (sc: string) => service(`image: x\ninitSteps:\n  - name: fmt\n    securityContext: ${sc}`);

/** Loads marked text, expects exactly one problem at the mark, and returns it. */
function oneProblem(marked: string, options: Parameters<typeof load>[1] = {}) {
  const { text, at } = marks(marked);
  const r = load(text, options);
  const problems = r.ok ? [] : r.problems;
  expect(problems.map(show)).toHaveLength(1);
  const p = problems[0];
  expect(`${p?.pos.line}:${p?.pos.col}`).toBe(at[0]);
  expect(p?.pos.file).toBe(specFile());
  return p;
}

describe('capabilities that reach past the container', () => {
  it.each([...GATED_CAPABILITIES])(
    'capAdd %s on a service: refused at the item, allowed with the flag',
    (cap) => {
      const p = oneProblem(onService(`{capAdd: [NET_BIND_SERVICE, »${cap}]}`));
      expect(p?.path).toBe('spec.securityContext.capAdd[1]');
      expect(p?.message).toMatch(new RegExp(`^service "svc": securityContext\\.capAdd ${cap} is refused`));
      expect(p?.message).toMatch(ALLOWING);
      expect(load(onService(`{capAdd: [${cap}]}`), { allowPrivileged: true }).ok).toBe(true);
    },
  );

  it.each([...GATED_CAPABILITIES])('capAdd %s on an init step names the step', (cap) => {
    const p = oneProblem(onStep(`{capAdd: [»${cap}]}`));
    expect(p?.path).toBe('spec.initSteps[0].securityContext.capAdd[0]');
    expect(p?.message).toMatch(
      new RegExp(`^service "svc", init step "fmt": securityContext\\.capAdd ${cap} `),
    );
    expect(p?.message).toMatch(ALLOWING);
    expect(load(onStep(`{capAdd: [${cap}]}`), { allowPrivileged: true }).ok).toBe(true);
  });

  it.each(['sys_admin', 'CAP_SYS_ADMIN', 'cap_sys_admin', 'Cap_Sys_Admin', 'all', 'CAP_ALL'])(
    'normalises %s as Docker does (any case, optional CAP_)',
    (cap) => {
      const name = cap.toUpperCase().replace(/^CAP_/, '');
      expectProblems(onService(`{capAdd: [»${cap}]}`), [new RegExp(`capAdd ${name} is refused`)]);
    },
  );

  it('reports every gated capability of a list, each at its item', () => {
    expectProblems(onStep('{capAdd: [»ALL, CHOWN, »bpf, »CAP_PERFMON]}'), [/ALL/, /BPF/, /PERFMON/]);
  });

  it('leaves capabilities that stay inside the container alone', () => {
    expect(load(onService('{capAdd: [NET_ADMIN, SYS_NICE, CAP_NET_BIND_SERVICE, chown]}')).ok).toBe(true);
  });

  it('a step refused while the service is allowed to run (the step block replaces the service one)', () => {
    const p = oneProblem(
      service(
        'image: x\nsecurityContext: {capAdd: [NET_ADMIN]}\ninitSteps:\n  - name: fmt\n    securityContext: {capAdd: [»SYS_PTRACE]}',
      ),
    );
    expect(p?.message).toMatch(/init step "fmt": securityContext\.capAdd SYS_PTRACE is refused/);
  });
});

describe('Localhost seccomp profiles', () => {
  const OUTSIDE = mkdtempSync(path.join(tmpdir(), 'initsteps-seccomp-outside-'));
  const STRICT =
    '{"defaultAction":"SCMP_ACT_ERRNO","syscalls":[{"names":["read"],"action":"SCMP_ACT_ALLOW"}]}';
  const write = (file: string, text: string): string => {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };
  const inside = write(path.join(WS, 'seccomp', 'strict.json'), STRICT);
  const outside = write(path.join(OUTSIDE, 'strict.json'), STRICT);
  const link = path.join(WS, 'seccomp', 'link.json');
  symlinkSync(outside, link);
  const localhost = (file: string) => `{seccompProfile: {type: Localhost, localhostProfile: »${file}}}`;

  it('a profile in the workspace loads, and the model carries the contents that were checked', () => {
    const step = resolved(onStep(localhost(inside).replace('»', ''))).services[0]?.instances[0]?.steps[0];
    expect(step?.securityContext.seccompProfile).toEqual({
      type: 'Localhost',
      localhostProfile: inside,
      profile: STRICT,
    });
  });

  it.each([
    ['a service', onService],
    ['an init step', onStep],
  ])('outside the workspace on %s: refused at localhostProfile, allowed with the flag', (_on, on) => {
    const p = oneProblem(on(localhost(outside)));
    expect(p?.path).toMatch(/securityContext\.seccompProfile\.localhostProfile$/);
    expect(p?.message).toMatch(
      /securityContext\.seccompProfile\.localhostProfile .* resolves outside the workspace/,
    );
    expect(p?.message).toMatch(on === onStep ? /^service "svc", init step "fmt": / : /^service "svc": /);
    expect(p?.message).toMatch(ALLOWING);
    expect(load(on(localhost(outside).replace('»', '')), { allowPrivileged: true }).ok).toBe(true);
  });

  it('a symlink in the workspace to a profile outside it is judged on its real path', () => {
    const p = oneProblem(onStep(localhost(link)));
    expect(p?.message).toContain(`resolves outside the workspace ${WS} (${outside})`);
    expect(load(onStep(localhost(link).replace('»', '')), { allowPrivileged: true }).ok).toBe(true);
  });

  it('a host file outside the workspace is neither read nor quoted without the flag', () => {
    const secret = write(path.join(OUTSIDE, 'not-json'), 'root:x:0:0:hunter2');
    const p = oneProblem(onStep(localhost(secret)));
    expect(p?.message).toMatch(/resolves outside the workspace/);
    expect(p?.message).not.toContain('hunter2');
  });

  it.each([{ allowPrivileged: false }, { allowPrivileged: true }])(
    'a missing profile is a problem at localhostProfile (%j)',
    (options) => {
      const p = oneProblem(onStep(localhost(path.join(WS, 'seccomp', 'nope.json'))), options);
      expect(p?.message).toMatch(/seccomp profile .*nope\.json does not exist/);
    },
  );

  it.each([{ allowPrivileged: false }, { allowPrivileged: true }])(
    'a profile that is not valid JSON is a problem at localhostProfile, its text not quoted (%j)',
    (options) => {
      const bad = write(path.join(WS, 'seccomp', 'bad.json'), '{"defaultAction": SECRET-TEXT');
      const p = oneProblem(onStep(localhost(bad)), options);
      expect(p?.message).toMatch(/seccomp profile .*bad\.json is not valid JSON$/);
      expect(p?.message).not.toContain('SECRET');
    },
  );

  it.each([
    ['a list', '[1, 2]'],
    ['a map without defaultAction', '{"syscalls": []}'],
    ['a numeric defaultAction', '{"defaultAction": 1}'],
  ])('JSON that is not a seccomp profile (%s) is a problem', (_what, text) => {
    const file = write(path.join(WS, 'seccomp', `odd-${text.length}.json`), text);
    expect(oneProblem(onStep(localhost(file)))?.message).toMatch(/is not a seccomp profile/);
  });

  it('a directory is not a profile', () => {
    expect(oneProblem(onStep(localhost(path.join(WS, 'seccomp'))))?.message).toMatch(/is not a regular file/);
  });

  it.each(['SCMP_ACT_ALLOW', 'SCMP_ACT_LOG'])(
    'a profile in the workspace that allows by default (%s) is Unconfined: refused, allowed with the flag',
    (action) => {
      const open = write(path.join(WS, 'seccomp', `${action}.json`), `{"defaultAction":"${action}"}`);
      const p = oneProblem(onService(localhost(open)));
      expect(p?.message).toMatch(new RegExp(`allows every syscall by default \\(defaultAction ${action}\\)`));
      expect(p?.message).toMatch(ALLOWING);
      expect(load(onService(localhost(open).replace('»', '')), { allowPrivileged: true }).ok).toBe(true);
    },
  );
});
