// A small resolved project (one service, one step reading a secret) for the action's unit tests.
import type { ContainerSpec, ResolvedProject } from '../../../src/spec/model.js';

export const secretValue = 'hunter2-secret';

export function project(workspace: string): ResolvedProject {
  const file = `${workspace}/initsteps.yaml`;
  const spec: ContainerSpec = {
    image: 'busybox:latest',
    env: [
      { name: 'TOKEN', value: secretValue, secret: true },
      { name: 'PLAIN', value: 'x', secret: false },
    ],
    volumes: [],
    securityContext: { capAdd: [], capDrop: [], privileged: false },
    resources: {},
  };
  return {
    name: 'demo',
    workspace,
    files: [file],
    services: [
      {
        name: 'web',
        pos: { file, line: 4, col: 9 },
        file,
        runtime: 'container',
        pullPolicy: 'IfNotPresent',
        replicas: 1,
        podManagementPolicy: 'OrderedReady',
        ports: [{ containerPort: 8080, hostIp: '127.0.0.1', protocol: 'tcp' }],
        dependsOn: [],
        template: spec,
        instances: [
          {
            service: 'web',
            name: 'web-0',
            ordinal: 0,
            main: spec,
            steps: [
              {
                ...spec,
                name: 'seed',
                index: 0,
                pos: { file, line: 11, col: 9 },
                runIf: { type: 'always' },
                timeoutMs: 300_000,
                attempts: 1,
                restartPolicy: 'Never',
                pullPolicy: 'IfNotPresent',
              },
            ],
          },
        ],
      },
    ],
  };
}
