// The CLI against a spec that a pull request could have written: a capability that reaches the host runs
// only with --allow-privileged, and valueFrom values stay masked in `up --json` and `status --json`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import type { RunReport } from '../../src/engine/types.js';
import type { ProjectStatus } from '../../src/engine/status.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { connect, projectsRemovedAfterAll } from '../support/engine.js';

let runtime: ContainerRuntime;
beforeAll(async () => {
  runtime = await connect();
});
const newProjectName = projectsRemovedAfterAll(() => runtime);

async function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { ...process.env, ...env },
    cwd,
    signal: new AbortController().signal,
  });
  return { code, out, err };
}

function specDir(spec: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'initsteps-cli-sec-'));
  writeFileSync(join(dir, 'initsteps.yaml'), spec);
  return dir;
}

describe('capAdd SYS_ADMIN', () => {
  const SPEC = `apiVersion: initsteps/v1
kind: Service
metadata:
  name: priv
spec:
  image: busybox:latest
  command: [sleep, "3600"]
  initSteps:
    - name: caps
      command: [sh, -c, 'grep CapEff /proc/self/status']
      securityContext:
        capAdd: [sys_admin]
`;

  it('is refused at its line without --allow-privileged, and granted with it', async () => {
    const dir = specDir(SPEC);
    const name = newProjectName('capadd');
    const refused = await cli(['up', 'initsteps.yaml', '--project', name], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toEqual([
      expect.stringMatching(
        /initsteps\.yaml:12:18: spec\.initSteps\[0\]\.securityContext\.capAdd\[0\]: service "priv", init step "caps": securityContext\.capAdd SYS_ADMIN is refused .*--allow-privileged/,
      ),
    ]);
    expect(await runtime.listContainers({ 'dev.initsteps.project': name })).toEqual([]);

    const allowed = await cli(['up', 'initsteps.yaml', '--project', name, '--allow-privileged'], dir);
    expect(allowed.code).toBe(0);
    const line = allowed.out.find((l) => l.startsWith('priv-0/caps | CapEff:'));
    const capEff = BigInt(`0x${line?.split(/\s+/).pop() ?? '0'}`);
    const CAP_SYS_ADMIN = 21n;
    expect((capEff >> CAP_SYS_ADMIN) & 1n).toBe(1n);
  });
});

describe('a Localhost seccomp profile', () => {
  const DENY_MKDIR =
    '{"defaultAction":"SCMP_ACT_ALLOW","syscalls":[{"names":["mkdir","mkdirat"],"action":"SCMP_ACT_ERRNO"}]}';
  const spec = (profile: string) => `apiVersion: initsteps/v1
kind: Service
metadata:
  name: sc
spec:
  image: busybox:latest
  command: [sleep, "3600"]
  volumes:
    - {name: ws, mountPath: /ws, hostPath: .}
  initSteps:
    - name: loosen
      command: [sh, -c, 'echo {\\"defaultAction\\":\\"SCMP_ACT_ALLOW\\"} > /ws/profile.json; cat /ws/profile.json']
    - name: confined
      command: [sh, -c, 'mkdir /tmp/d && echo made || echo denied']
      securityContext:
        seccompProfile: {type: Localhost, localhostProfile: ${profile}}
`;

  it('that allows by default is refused at its line; with the flag the checked contents apply, not the rewritten file', async () => {
    const dir = specDir('');
    const profile = join(dir, 'profile.json');
    writeFileSync(profile, DENY_MKDIR);
    writeFileSync(join(dir, 'initsteps.yaml'), spec(profile));
    const name = newProjectName('seccomp');
    const refused = await cli(['up', 'initsteps.yaml', '--project', name], dir);
    expect(refused.code).toBe(2);
    expect(refused.err).toEqual([
      expect.stringMatching(
        /initsteps\.yaml:16:61: spec\.initSteps\[1\]\.securityContext\.seccompProfile\.localhostProfile: service "sc", init step "confined": .* allows every syscall by default \(defaultAction SCMP_ACT_ALLOW\), which is Unconfined; allow it with --allow-privileged/,
      ),
    ]);

    const allowed = await cli(['up', 'initsteps.yaml', '--project', name, '--allow-privileged'], dir);
    expect(allowed.code).toBe(0);
    // The first step did rewrite the file; the second still ran under the profile validation read.
    expect(allowed.out).toContain('sc-0/loosen | {"defaultAction":"SCMP_ACT_ALLOW"}');
    expect(allowed.out).toContain('sc-0/confined | denied');
  });
});

describe('valueFrom secrets in --json output', () => {
  const SECRETS = { S1: 'true', S2: '0', S3: `a&b<c>"'\\` };
  const SPEC = `apiVersion: initsteps/v1
kind: Service
metadata:
  name: sec
spec:
  image: busybox:latest
  command: [sleep, "3600"]
  env:
    - {name: V1, valueFrom: {env: S1}}
    - {name: V2, valueFrom: {env: S2}}
    - {name: V3, valueFrom: {env: S3}}
  initSteps:
    - name: leak
      restartPolicy: Never
      command: [sh, -c, 'echo "v1=$V1"; echo "v2=$V2"; echo "v3=$V3"; exit 3']
`;

  it('masks true, 0 and a&b<c>"\'\\ in up --json and status --json, which still parse', async () => {
    const dir = specDir(SPEC);
    const name = newProjectName('secjson');
    const up = await cli(['up', 'initsteps.yaml', '--project', name, '--json'], dir, SECRETS);
    expect(up.code).toBe(1);
    const report = JSON.parse(up.out.join('\n')) as RunReport;
    expect(report.steps[0]?.logTail).toEqual(['v1=***', 'v2=***', 'v3=***']);
    expect(report.cacheHit).toBe(false);

    const st = await cli(['status', '--project', name, '--json'], dir);
    expect(st.code).toBe(0);
    const status = JSON.parse(st.out.join('\n')) as ProjectStatus;
    expect(status.services[0]?.instances[0]?.steps[0]?.logTail).toEqual(['v1=***', 'v2=***', 'v3=***']);
    for (const text of [up.out.join('\n'), st.out.join('\n')]) {
      expect(text).not.toContain(JSON.stringify(SECRETS.S3).slice(1, -1));
      expect(text).not.toContain('a&b');
    }
  });
});
