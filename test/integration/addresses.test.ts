// Service addresses on the real engine, from a spec as a user writes it: a container reaches its
// dependency by `$(WEB_API_SERVICE_HOST):$(WEB_API_SERVICE_PORT)` (DNS name, container port), a host
// process by the same references (127.0.0.1, the published port), through a dependency of a dependency.
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up } from '../../src/engine/up.js';
import type { ContainerRuntime } from '../../src/runtime/types.js';
import { loadFromText } from '../../src/spec/index.js';
import { connect, projectsRemovedAfterAll, recorder, stepOf } from '../support/engine.js';

let runtime: ContainerRuntime;
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'initsteps-addresses-')));
beforeAll(async () => {
  runtime = await connect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const newProject = projectsRemovedAfterAll(() => runtime);

const SPEC = `
apiVersion: initsteps/v1
kind: Service
metadata: {name: web-api}
spec:
  image: busybox:latest
  command: [sh, -c, 'mkdir -p /www && echo "hello from $INITSTEPS_INSTANCE" > /www/hello && exec httpd -f -p 8080 -h /www']
  ports: ["8080"]
  readinessProbe: {tcpSocket: {port: 8080}, periodSeconds: 1, failureThreshold: 30}
---
apiVersion: initsteps/v1
kind: Service
metadata: {name: client}
spec:
  image: busybox:latest
  dependsOn: [web-api]
  env:
    URL: http://$(WEB_API_SERVICE_HOST):$(WEB_API_SERVICE_PORT)/hello
  command: [sh, -c, "trap 'exit 0' TERM; sleep 3600 & wait"]
  initSteps:
    - name: fetch
      command: [wget, -qO-, $(URL)]
      restartPolicy: Never
      timeout: 30s
---
apiVersion: initsteps/v1
kind: Service
metadata: {name: host}
spec:
  runtime: process
  dependsOn: [client]
  env:
    - {name: URL, value: "http://$(WEB_API_SERVICE_HOST):$(WEB_API_SERVICE_PORT_8080)/hello"}
  command: [sleep, "60"]
  initSteps:
    - name: fetch
      command: [curl, -fsS, --retry, "3", --retry-connrefused, $(URL)]
      restartPolicy: Never
      timeout: 30s
    - name: env
      # $0 is the next argument: an escaped reference, passed as the text $(URL).
      command: [sh, -c, 'echo "$WEB_API_SERVICE_HOST $WEB_API_SERVICE_PORT $0"', $$(URL)]
      restartPolicy: Never
`;

describe('service addresses', () => {
  it('reach a dependency from a container by its DNS name and from a host process by its published port', async () => {
    const name = newProject('addr');
    const loaded = loadFromText([{ file: join(dir, 'initsteps.yaml'), text: SPEC }], {
      workspace: dir,
      project: name,
      env: {},
    });
    if (!loaded.ok) expect.fail(JSON.stringify(loaded.problems));
    expect(loaded.warnings).toEqual([]);
    const rec = recorder();
    const report = await up(runtime, { project: loaded.project, observer: rec.observer, backoffBaseMs: 10 });
    expect(report.services.map((s) => `${s.name}: ${s.status}`)).toEqual([
      'web-api: Running',
      'client: Running',
      'host: Running',
    ]);
    expect(rec.output('client-0', 'fetch')).toEqual(['hello from web-api-0']);
    expect(rec.output('host-0', 'fetch')).toEqual(['hello from web-api-0']);
    const published = report.services[0]?.instances[0]?.ports.find((p) => p.containerPort === 8080);
    expect(published?.hostPort).toBeGreaterThan(0);
    expect(rec.output('host-0', 'env')).toEqual([`127.0.0.1 ${published?.hostPort} $(URL)`]);
    expect(stepOf(report, 'host-0', 'env').status).toBe('Succeeded');
  });
});
