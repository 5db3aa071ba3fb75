import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  entrypointAndCmd,
  mountsFor,
  securityOpt,
  toCreateSpec,
} from '../../../src/engine/container-spec.js';
import type { ContainerSpec } from '../../../src/spec/model.js';

describe('entrypointAndCmd (docs/spec.md, the command/args table)', () => {
  it.each([
    [{}, {}],
    [{ command: ['/bin/x'] }, { entrypoint: ['/bin/x'], cmd: [] }],
    [{ args: ['a'] }, { cmd: ['a'] }],
    [
      { command: ['/bin/x'], args: ['a'] },
      { entrypoint: ['/bin/x'], cmd: ['a'] },
    ],
  ])('%j → %j', (spec, expected) => {
    expect(entrypointAndCmd(spec)).toEqual(expected);
  });
});

describe('securityOpt', () => {
  const base = { capAdd: [], capDrop: [], privileged: false };
  it('maps the seccomp profile types', () => {
    expect(securityOpt(base)).toEqual([]);
    expect(securityOpt({ ...base, seccompProfile: { type: 'RuntimeDefault' } })).toEqual([]);
    expect(securityOpt({ ...base, seccompProfile: { type: 'Unconfined' } })).toEqual(['seccomp=unconfined']);
    expect(securityOpt({ ...base, seccompProfile: { type: 'Localhost', profile: '{"a":1}' } })).toEqual([
      'seccomp={"a":1}',
    ]);
  });

  it('gives the Localhost profile the loader checked, not what the file holds now', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'seccomp-')), 'p.json');
    const checked = '{"defaultAction":"SCMP_ACT_ERRNO"}';
    writeFileSync(file, '{"defaultAction":"SCMP_ACT_ALLOW"}');
    const sc = {
      ...base,
      seccompProfile: { type: 'Localhost' as const, localhostProfile: file, profile: checked },
    };
    expect(securityOpt(sc)).toEqual([`seccomp=${checked}`]);
    expect(securityOpt(base)).toEqual([]);
  });

  it('names the profile file when the loader did not read it', () => {
    const sc = { ...base, seccompProfile: { type: 'Localhost' as const, localhostProfile: '/p.json' } };
    expect(() => securityOpt(sc)).toThrow('seccomp profile /p.json was not read when the spec was loaded');
  });
});

describe('toCreateSpec', () => {
  const spec: ContainerSpec = {
    image: 'img',
    command: ['run'],
    user: '1000:1000',
    workingDir: '/w',
    env: [{ name: 'A', value: '1', secret: false }],
    volumes: [
      { name: 'data', mountPath: '/data', readOnly: false, source: { kind: 'claim' } },
      { name: 'seed', mountPath: '/seed', readOnly: true, source: { kind: 'hostPath', path: '/host/seed' } },
    ],
    securityContext: { capAdd: ['NET_ADMIN'], capDrop: ['ALL'], privileged: false },
    resources: { nanoCpus: 5e8, memoryBytes: 1 << 20 },
  };

  it('carries every field over', () => {
    expect(
      toCreateSpec(spec, {
        image: 'img',
        labels: { l: 'v' },
        network: { mode: 'container', container: 'sb' },
        volumes: new Map([['data', 'vol_data']]),
      }),
    ).toEqual({
      image: 'img',
      entrypoint: ['run'],
      cmd: [],
      env: ['A=1'],
      user: '1000:1000',
      workingDir: '/w',
      labels: { l: 'v' },
      network: { mode: 'container', container: 'sb' },
      mounts: [
        { type: 'volume', source: 'vol_data', target: '/data', readOnly: false },
        { type: 'bind', source: '/host/seed', target: '/seed', readOnly: true },
      ],
      securityOpt: [],
      capAdd: ['NET_ADMIN'],
      capDrop: ['ALL'],
      privileged: false,
      nanoCpus: 5e8,
      memoryBytes: 1 << 20,
    });
  });

  it('refuses a volume mount with no Docker volume prepared', () => {
    expect(() => mountsFor(spec.volumes, new Map())).toThrow(/no Docker volume prepared for data/);
  });
});
