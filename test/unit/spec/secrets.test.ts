import { describe, expect, it } from 'vitest';
import { createMasker, secretValues } from '../../../src/spec/secrets.js';
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
  it('collects secret env values from templates, steps and mains, and only those', () => {
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
            },
          ],
        },
      ],
    } as unknown as ResolvedProject;
    expect(secretValues(project).sort()).toEqual(['main-secret', 'step-secret', 'tmpl']);
  });
});
