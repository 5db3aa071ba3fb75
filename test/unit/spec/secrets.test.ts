import { describe, expect, it } from 'vitest';
import { maskReportText } from '../../../src/engine/results.js';
import { createMasker, maskStrings, secretValues } from '../../../src/spec/secrets.js';
import { failedReport } from '../report/fixtures.js';
import type { ContainerSpec, ResolvedProject } from '../../../src/spec/model.js';

const spec = (env: ContainerSpec['env']): ContainerSpec => ({
  env,
  volumes: [],
  securityContext: { capAdd: [], capDrop: [], privileged: false },
  resources: {},
});

describe('createMasker', () => {
  it('replaces every occurrence of every value', () => {
    const mask = createMasker(['s3cret', 'tok.en']);
    expect(mask('a s3cret and s3cret, tok.en but not tokXen')).toBe('a *** and ***, *** but not tokXen');
  });

  it('hides a value that contains another one whole', () => {
    expect(createMasker(['abc', 'xabcx'])('[xabcx]')).toBe('[***]');
  });

  it('masks the lines of a multi-line value on their own', () => {
    expect(createMasker(['line-one\nline-two'])('got line-two')).toBe('got ***');
  });

  it('ignores empty values and leaves text alone without secrets', () => {
    expect(createMasker(['', ''])('nothing here')).toBe('nothing here');
  });
});

describe('secretValues', () => {
  it('collects secret env values from templates, steps, mains, sidecars and containers, and only those', () => {
    const project = {
      name: 'p',
      workspace: '/ws',
      files: [],
      services: [
        {
          name: 'db',
          template: spec([{ name: 'A', value: 'tmpl', secret: true }]),
          instances: [
            {
              main: spec([
                { name: 'B', value: 'main-secret', secret: true },
                { name: 'C', value: 'plain', secret: false },
              ]),
              steps: [
                {
                  ...spec([
                    { name: 'D', value: 'step-secret', secret: true },
                    { name: 'E', value: '', secret: true },
                  ]),
                },
              ],
              // A pod's native sidecars and other containers (a Kubernetes secretKeyRef, a native valueFrom).
              sidecars: [spec([{ name: 'F', value: 'sidecar-secret', secret: true }])],
              containers: [spec([{ name: 'G', value: 'container-secret', secret: true }])],
            },
          ],
        },
      ],
    } as unknown as ResolvedProject;
    expect(secretValues(project).sort()).toEqual([
      'container-secret',
      'main-secret',
      'sidecar-secret',
      'step-secret',
      'tmpl',
    ]);
  });
});

describe('maskStrings', () => {
  it.each(['true', '0', `a&b<c>"'\\`])(
    'masks the secret %s in string values only, so the JSON still parses',
    (secret) => {
      const data = {
        cacheHit: true,
        exitCode: 0,
        keys: { [secret]: 1 },
        text: [`x ${secret} y`],
        none: null,
      };
      const json = JSON.stringify(maskStrings(data, createMasker([secret])));
      expect(JSON.parse(json)).toEqual({
        cacheHit: true,
        exitCode: 0,
        keys: { [secret]: 1 },
        text: ['x *** y'],
        none: null,
      });
    },
  );
});

describe('maskReportText', () => {
  it('masks messages and log tails, and leaves names and positions alone', () => {
    const base = failedReport(['token=0xs3cret']);
    const input = {
      ...base,
      services: base.services.map((s) => ({
        ...s,
        message: 'service s3cret',
        instances: s.instances.map((i) => ({ ...i, message: 'instance s3cret' })),
      })),
      steps: base.steps.map((s) => ({ ...s, message: 'step s3cret', service: 's3cret' })),
    };
    const out = maskReportText(input, createMasker(['s3cret']));
    expect(out.services[0]?.message).toBe('service ***');
    expect(out.services[0]?.instances.map((i) => i.message)).toEqual(['instance ***', 'instance ***']);
    expect(out.steps.map((s) => s.message)).toEqual(['step ***', 'step ***', 'step ***']);
    expect(out.steps[2]?.logTail).toEqual(['token=0x***']);
    expect(out.steps.map((s) => s.service)).toEqual(['s3cret', 's3cret', 's3cret']);
    expect(input.steps[0]?.message).toBe('step s3cret');
  });
});
