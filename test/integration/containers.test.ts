// What a step container runs and sees: command/args (docs/spec.md, the command/args table), env, security context,
// volume inheritance, and the instance's shared network namespace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { claim, emptyDir, hostPath, project, type ServiceInput } from '../support/model.js';
import { connect, projectsRemovedAfterAll, recorder, stepOf } from '../support/engine.js';

let runtime: ContainerRuntime;
beforeAll(async () => {
  runtime = await connect();
});
const newProjectName = projectsRemovedAfterAll(() => runtime);

/** Runs one service and returns its report plus the recorded output. */
async function run(tag: string, svc: ServiceInput, workspace?: string) {
  const name = newProjectName(tag);
  const rec = recorder();
  const report = await up(runtime, {
    project: project(name, [svc], workspace),
    observer: rec.observer,
    backoffBaseMs: 10,
  });
  return { report, rec };
}

describe('command and args (docs/spec.md, the command/args table, image ENTRYPOINT ["echo","entrypoint"] CMD ["cmd"])', () => {
  const image = 'initsteps-test/entrypoint:latest';
  it.each([
    ['unset', 'unset', {}, 'entrypoint cmd'],
    ['set', 'unset', { command: ['echo', 'command'] }, 'command'],
    ['unset', 'set', { args: ['args'] }, 'entrypoint args'],
    ['set', 'set', { command: ['echo', 'command'], args: ['args'] }, 'command args'],
  ])('command %s, args %s', async (_c, _a, spec, expected) => {
    const { report, rec } = await run('cmd', {
      name: 'svc',
      image,
      command: ['sleep', '3600'],
      steps: [{ name: 'show', image, ...spec, attempts: 1 }],
    });
    expect(stepOf(report, 'svc-0', 'show').status).toBe('Succeeded');
    expect(rec.output('svc-0', 'show')).toEqual([expected]);
  });

  it('uses the command verbatim, never appended to the image ENTRYPOINT', async () => {
    const { rec } = await run('verbatim', {
      name: 'svc',
      image,
      command: ['sleep', '3600'],
      steps: [{ name: 'show', image, command: ['sh', '-c', 'echo "$0 $*"'], args: ['a', 'b'] }],
    });
    expect(rec.output('svc-0', 'show')).toEqual(['a b']);
  });
});

describe('what a step inherits', () => {
  it('merges env over the parent, the step key winning, with INITSTEPS_* everywhere', async () => {
    const { report, rec } = await run('env', {
      name: 'svc',
      replicas: 2,
      command: ['sleep', '3600'],
      env: { A: 'parent', B: 'parent' },
      steps: [
        {
          name: 'env',
          env: { B: 'step', C: 'step' },
          command: [
            'sh',
            '-c',
            'echo "$A $B $C $INITSTEPS_SERVICE $INITSTEPS_INSTANCE $INITSTEPS_REPLICA_ORDINAL"',
          ],
        },
      ],
    });
    expect(report.services[0]?.status).toBe('Running');
    expect(rec.output('svc-0', 'env')).toEqual(['parent step step svc svc-0 0']);
    expect(rec.output('svc-1', 'env')).toEqual(['parent step step svc svc-1 1']);
  });

  it('masks valueFrom (secret) values in captured output', async () => {
    const { report, rec } = await run('secret', {
      name: 'svc',
      command: ['sleep', '3600'],
      secrets: { TOKEN: 's3cr3t-value' },
      steps: [{ name: 'leak', command: ['sh', '-c', 'echo "token=$TOKEN"'] }],
    });
    expect(rec.output('svc-0', 'leak')).toEqual(['token=***']);
    expect(stepOf(report, 'svc-0', 'leak').logTail).toEqual(['token=***']);
  });

  it('replaces the security context wholesale: capDrop ALL on the service, capAdd on the step', async () => {
    // CapEff bits: CHOWN is bit 0, NET_BIND_SERVICE bit 10.
    const capEff = 'grep CapEff /proc/self/status | cut -f2';
    const { rec } = await run('caps', {
      name: 'svc',
      command: ['sleep', '3600'],
      securityContext: { capDrop: ['ALL'] },
      steps: [
        { name: 'inherited', command: ['sh', '-c', capEff] },
        {
          name: 'replaced',
          command: ['sh', '-c', capEff],
          securityContext: { capAdd: ['NET_BIND_SERVICE'] },
        },
      ],
    });
    expect(rec.output('svc-0', 'inherited')).toEqual(['0000000000000000']);
    const replaced = BigInt(`0x${rec.output('svc-0', 'replaced')[0]}`);
    expect(replaced & (1n << 10n)).not.toBe(0n); // added
    expect(replaced & 1n).not.toBe(0n); // CHOWN back: the service's capDrop ALL is not merged in
  });

  it('mounts all parent volumes when omitted, none for [], only the named ones for a subset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'initsteps-host-'));
    writeFileSync(join(dir, 'seed.txt'), 'seed data\n');
    const ls = ['sh', '-c', 'for d in /data /scratch /seed; do [ -d $d ] && echo $d; done; true'];
    const { report, rec } = await run(
      'vols',
      {
        name: 'svc',
        command: ['sleep', '3600'],
        volumes: [
          claim('data', '/data'),
          emptyDir('scratch', '/scratch'),
          hostPath('seed', '/seed', dir, true),
        ],
        steps: [
          { name: 'all', command: ls },
          { name: 'none', command: ls, volumes: [] },
          { name: 'subset', command: ls, volumes: ['seed'] },
          { name: 'read-seed', command: ['cat', '/seed/seed.txt'], volumes: ['seed'] },
          {
            name: 'readonly',
            command: ['sh', '-c', 'touch /seed/x 2>/dev/null && echo writable || echo read-only'],
          },
        ],
      },
      dir, // the workspace: a hostPath outside it is refused at create
    );
    expect(report.services[0]?.status).toBe('Running');
    expect(rec.output('svc-0', 'all')).toEqual(['/data', '/scratch', '/seed']);
    expect(rec.output('svc-0', 'none')).toEqual([]);
    expect(rec.output('svc-0', 'subset')).toEqual(['/seed']);
    expect(rec.output('svc-0', 'read-seed')).toEqual(['seed data']);
    expect(rec.output('svc-0', 'readonly')).toEqual(['read-only']);
  });

  it('lets steps write the parent volumes and share its network namespace with the main container', async () => {
    const ns = 'readlink /proc/self/ns/net';
    const { report } = await run('pod', {
      name: 'svc',
      volumes: [claim('data', '/data')],
      // The main container only stays up when it is in the same network namespace as the steps were.
      command: [
        'sh',
        '-c',
        `test "$(${ns})" = "$(cat /data/ns)" && test "$(hostname)" = svc-0 && exec sleep 3600`,
      ],
      readinessProbe: {
        check: { kind: 'exec', command: ['test', '-f', '/data/ns'] },
        initialDelayMs: 0,
        periodMs: 200,
        timeoutMs: 2000,
        failureThreshold: 10,
      },
      steps: [
        { name: 'first', command: ['sh', '-c', `${ns} > /data/ns`] },
        {
          name: 'second',
          command: ['sh', '-c', `test "$(${ns})" = "$(cat /data/ns)" && test "$(hostname)" = svc-0`],
        },
      ],
    });
    expect(stepOf(report, 'svc-0', 'second').status).toBe('Succeeded');
    expect(report.services[0]?.status).toBe('Running');
  });

  it('serves localhost of the sandbox to its steps and the service alias to other services', async () => {
    const name = newProjectName('net');
    const rec = recorder();
    const report = await up(runtime, {
      project: project(name, [
        {
          name: 'db',
          command: ['nc', '-ll', '-p', '8080', '-e', 'echo', 'pong'],
          ports: [{ containerPort: 8080, hostIp: '127.0.0.1', protocol: 'tcp' }],
          readinessProbe: {
            check: { kind: 'tcpSocket', port: 8080 },
            initialDelayMs: 0,
            periodMs: 200,
            timeoutMs: 1000,
            failureThreshold: 25,
          },
        },
        {
          name: 'app',
          dependsOn: ['db'],
          command: ['sleep', '3600'],
          steps: [
            // A listener and a client in separate step containers would not overlap in time; one step
            // shows localhost is the sandbox's (its own listener), the other reaches db by alias.
            {
              name: 'local',
              command: ['sh', '-c', 'nc -l -p 9000 -e echo local & sleep 0.3; nc 127.0.0.1 9000'],
            },
            { name: 'remote', command: ['sh', '-c', 'nc db 8080; nc db-0 8080'] },
          ],
        },
      ]),
      observer: rec.observer,
      backoffBaseMs: 10,
    });
    expect(report.services.map((s) => s.status)).toEqual(['Running', 'Running']);
    expect(rec.output('app-0', 'local')).toEqual(['local']);
    expect(rec.output('app-0', 'remote')).toEqual(['pong', 'pong']);
    const port = report.services[0]?.instances[0]?.ports[0];
    expect(port).toMatchObject({ containerPort: 8080, hostIp: '127.0.0.1', protocol: 'tcp' });
    expect(port?.hostPort).toBeGreaterThan(0);
  });
});
