import { describe, expect, it } from 'vitest';
import { decideStep, markerKey, planProject, type Marker, type StepFacts } from '../../../src/plan/plan.js';
import type {
  ResolvedInstance,
  ResolvedProject,
  ResolvedStep,
  RunIf,
  VolumeMount,
} from '../../../src/spec/model.js';

const pos = { file: '/w/initsteps.yaml', line: 1, col: 1 };
const data: VolumeMount = { name: 'data', mountPath: '/data', readOnly: false, source: { kind: 'claim' } };
const logs: VolumeMount = { name: 'logs', mountPath: '/logs', readOnly: false, source: { kind: 'claim' } };
const seed: VolumeMount = {
  name: 'seed',
  mountPath: '/seed',
  readOnly: true,
  source: { kind: 'hostPath', path: '/w/seed' },
};
const scratch: VolumeMount = {
  name: 'scratch',
  mountPath: '/scratch',
  readOnly: false,
  source: { kind: 'emptyDir' },
};

function step(name: string, runIf: RunIf, volumes: VolumeMount[] = [data], index = 0): ResolvedStep {
  return {
    name,
    index,
    pos,
    runIf,
    timeoutMs: 300_000,
    attempts: 3,
    restartPolicy: 'OnFailure',
    pullPolicy: 'IfNotPresent',
    image: 'busybox',
    env: [],
    volumes,
    securityContext: { capAdd: [], capDrop: [], privileged: false },
    resources: {},
  };
}

const marker = (volumeUid: string, stepName: string, service = 'tb'): Marker => ({
  volumeUid,
  key: markerKey(service, stepName),
  at: '2026-11-22T00:00:00Z',
});

describe('decideStep: the runIf table', () => {
  const cases: {
    name: string;
    step: ResolvedStep;
    facts: StepFacts;
    action: 'run' | 'skip';
    reason: RegExp;
  }[] = [
    {
      name: 'freshVolume, volume does not exist yet',
      step: step('format', { type: 'freshVolume' }),
      facts: { volumes: {} },
      action: 'run',
      reason: /fresh volume data/,
    },
    {
      name: 'freshVolume, volume exists without marker',
      step: step('format', { type: 'freshVolume' }),
      facts: { volumes: { data: { uid: 'u1', markers: [] } } },
      action: 'run',
      reason: /fresh volume data/,
    },
    {
      name: 'freshVolume, volume carries this step’s marker',
      step: step('format', { type: 'freshVolume' }),
      facts: { volumes: { data: { uid: 'u1', markers: [marker('u1', 'format')] } } },
      action: 'skip',
      reason: /^volume already initialized$/,
    },
    {
      name: 'freshVolume, one of two volumes is fresh',
      step: step('format', { type: 'freshVolume' }, [data, logs]),
      facts: {
        volumes: { data: { uid: 'u1', markers: [marker('u1', 'format')] }, logs: { uid: 'u2', markers: [] } },
      },
      action: 'run',
      reason: /fresh volume logs$/,
    },
    {
      name: 'freshVolume restricted to an initialized volume ignores the fresh one',
      step: step('format', { type: 'freshVolume', volume: 'data' }, [data, logs]),
      facts: {
        volumes: { data: { uid: 'u1', markers: [marker('u1', 'format')] }, logs: { uid: 'u2', markers: [] } },
      },
      action: 'skip',
      reason: /already initialized/,
    },
    {
      name: 'freshVolume with only hostPath and emptyDir mounts always counts as fresh',
      step: step('gen', { type: 'freshVolume' }, [seed, scratch]),
      facts: { volumes: {} },
      action: 'run',
      reason: /no persistent volume/,
    },
    {
      name: 'freshVolume with no volumes at all',
      step: step('wait', { type: 'freshVolume' }, []),
      facts: { volumes: {} },
      action: 'run',
      reason: /no persistent volume/,
    },
    {
      name: 'fileMissing, file absent',
      step: step('seed', { type: 'fileMissing', path: '/data/seeded' }),
      facts: { volumes: {}, fileExists: false },
      action: 'run',
      reason: /\/data\/seeded is missing/,
    },
    {
      name: 'fileMissing, file present (markers do not matter)',
      step: step('seed', { type: 'fileMissing', path: '/data/seeded' }),
      facts: { volumes: { data: { uid: 'u1', markers: [] } }, fileExists: true },
      action: 'skip',
      reason: /\/data\/seeded exists/,
    },
    {
      name: 'fileMissing, existence unknown (volume absent) runs',
      step: step('seed', { type: 'fileMissing', path: '/data/seeded' }),
      facts: { volumes: {} },
      action: 'run',
      reason: /missing/,
    },
    {
      name: 'always runs even on an initialized volume',
      step: step('migrate', { type: 'always' }),
      facts: { volumes: { data: { uid: 'u1', markers: [marker('u1', 'migrate')] } } },
      action: 'run',
      reason: /always/,
    },
  ];
  it.each(cases)('$name', ({ step: s, facts, action, reason }) => {
    const d = decideStep('tb', s, facts);
    expect(d.action).toBe(action);
    expect(d.reason).toMatch(reason);
  });
});

describe('decideStep: markers', () => {
  it('keys markers by step: a second freshVolume step is not skipped because the first stamped the volume', () => {
    const facts: StepFacts = { volumes: { data: { uid: 'u1', markers: [marker('u1', 'format')] } } };
    expect(decideStep('tb', step('format', { type: 'freshVolume' }), facts).action).toBe('skip');
    expect(decideStep('tb', step('load', { type: 'freshVolume' }, [data], 1), facts).action).toBe('run');
  });

  it('after a partial failure (step 1 stamped, step 2 failed) the retry runs the failed step', () => {
    const afterFailure: StepFacts = { volumes: { data: { uid: 'u1', markers: [marker('u1', 'format')] } } };
    const steps = [step('format', { type: 'freshVolume' }), step('load', { type: 'freshVolume' }, [data], 1)];
    expect(steps.map((s) => decideStep('tb', s, afterFailure).action)).toEqual(['skip', 'run']);
  });

  it('a marker left from a volume that was removed and created again does not count', () => {
    const recreated: StepFacts = { volumes: { data: { uid: 'u2', markers: [marker('u1', 'format')] } } };
    expect(decideStep('tb', step('format', { type: 'freshVolume' }), recreated)).toEqual({
      action: 'run',
      reason: 'fresh volume data',
    });
  });

  it('a marker never makes a step skip on a volume that does not exist', () => {
    const gone: StepFacts = { volumes: { data: { markers: [marker('u1', 'format')] } } };
    expect(decideStep('tb', step('format', { type: 'freshVolume' }), gone).action).toBe('run');
  });

  it('markers of another service with the same step name do not count', () => {
    const facts: StepFacts = { volumes: { data: { uid: 'u1', markers: [marker('u1', 'format', 'other')] } } };
    expect(decideStep('tb', step('format', { type: 'freshVolume' }), facts).action).toBe('run');
  });
});

describe('planProject', () => {
  const instance = (ordinal: number): ResolvedInstance => ({
    service: 'tb',
    name: `tb-${ordinal}`,
    ordinal,
    steps: [step('format', { type: 'freshVolume' })],
    main: {
      image: 'busybox',
      env: [],
      volumes: [data],
      securityContext: { capAdd: [], capDrop: [], privileged: false },
      resources: {},
    },
  });
  const project = (replicas: number): ResolvedProject => ({
    name: 'p',
    workspace: '/w',
    files: ['/w/initsteps.yaml'],
    services: [
      {
        name: 'tb',
        pos,
        file: '/w/initsteps.yaml',
        runtime: 'container',
        pullPolicy: 'IfNotPresent',
        replicas,
        podManagementPolicy: 'OrderedReady',
        ports: [],
        dependsOn: [],
        template: instance(0).main,
        instances: Array.from({ length: replicas }, (_, i) => instance(i)),
      },
    ],
  });

  it('replicas scaled from 1 to 3: only the new instances run', () => {
    // tb-0 was initialized by the run with one replica; tb-1 and tb-2 have new volumes.
    const uid = (name: string) => `uid-${name}`;
    const entries = planProject(project(3), (inst) => ({
      volumes: {
        data: { uid: uid(inst.name), markers: inst.name === 'tb-0' ? [marker(uid('tb-0'), 'format')] : [] },
      },
    }));
    expect(entries.map((e) => [e.instance, e.action])).toEqual([
      ['tb-0', 'skip'],
      ['tb-1', 'run'],
      ['tb-2', 'run'],
    ]);
  });

  it('lists every instance and step in declaration order', () => {
    const entries = planProject(project(2), () => ({ volumes: {} }));
    expect(entries).toEqual([
      { service: 'tb', instance: 'tb-0', step: 'format', action: 'run', reason: 'fresh volume data' },
      { service: 'tb', instance: 'tb-1', step: 'format', action: 'run', reason: 'fresh volume data' },
    ]);
  });

  it('lists a native sidecar in its place among the steps, to start', () => {
    const p = project(1);
    const [inst] = p.services[0]?.instances ?? [];
    if (!inst) throw new Error('no instance');
    inst.sidecars = [
      { ...inst.main, name: 'proxy', afterSteps: 0, pos, pullPolicy: 'IfNotPresent' },
      { ...inst.main, name: 'log', afterSteps: 1, pos, pullPolicy: 'IfNotPresent' },
    ];
    expect(planProject(p, () => ({ volumes: {} })).map((e) => `${e.step}: ${e.action}`)).toEqual([
      'proxy: start',
      'format: run',
      'log: start',
    ]);
  });
});
