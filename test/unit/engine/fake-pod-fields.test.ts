// Kubernetes' `fieldRef: status.podIP` on the fake runtime (docs/kubernetes.md#env): the engine reads the
// sandbox's address on the project network once it exists and gives it to every container that asks,
// `$(VAR)` references to it expanded.
import { describe, expect, it } from 'vitest';
import type { CreateContainerSpec } from '../../../src/runtime/types.js';
import type { EnvVar } from '../../../src/spec/model.js';
import { project } from '../../support/model.js';
import { fakeRuntime, runUp, serviceStatuses, sleeper, useStateDir } from './fake-harness.js';

useStateDir();

const POD_IP: EnvVar = { name: 'POD_IP', value: '', secret: false, podField: 'status.podIP' };
const URL: EnvVar = { name: 'URL', value: 'http://$(POD_IP):8080', secret: false };

describe('status.podIP', () => {
  it("is the sandbox's address, in init steps and the main container, and expands in later values", async () => {
    const created = new Map<string, CreateContainerSpec>();
    let sandbox = '';
    const rt = fakeRuntime({
      script: (c) => {
        created.set(c.step ?? c.role ?? '', c.spec);
        if (c.role === 'sandbox') sandbox = c.id;
        return undefined;
      },
    });
    const p = project('p', [{ name: 'web', ...sleeper, steps: [{ name: 'init' }] }]);
    const inst = p.services[0]?.instances[0];
    if (!inst?.steps[0]) throw new Error('no step');
    inst.steps[0].env.push(POD_IP, URL);
    inst.main.env.push(POD_IP);
    inst.main.args = ['--listen=$(POD_IP)'];
    const run = await runUp(rt, p);
    expect(serviceStatuses(run.report)).toEqual(['web: Running']);

    const ip = await rt.containerIp(sandbox, 'initsteps_p');
    expect(ip).toMatch(/^10\.89\.0\.\d+$/);
    expect(created.get('init')?.env).toEqual(
      expect.arrayContaining([`POD_IP=${ip}`, `URL=http://${ip}:8080`]),
    );
    const main = created.get('main');
    expect(main?.env).toContain(`POD_IP=${ip}`);
    expect(main?.cmd).toEqual([`--listen=${ip}`]);
  });

  it('is not read when no container asks for it', async () => {
    const rt = fakeRuntime();
    await runUp(rt, project('p', [{ name: 'web', ...sleeper, steps: [{ name: 'init' }] }]));
    expect(rt.log('containerIp')).toEqual([]);
  });
});
