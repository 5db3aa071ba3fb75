import { describe, expect, it } from 'vitest';
import { buildAnnotations, workspaceRelative } from '../../../src/report/annotations.js';
import { SpecError, UsageError } from '../../../src/errors.js';
import { SPEC, WS, failedReport, report, service, step } from './fixtures.js';

describe('buildAnnotations', () => {
  it('puts a failed step on its spec line with the documented title, reason, exit code and last log lines', () => {
    const tail = Array.from({ length: 8 }, (_, i) => `line ${i + 1}`);
    const { annotations, note } = buildAnnotations(failedReport(tail), undefined, WS);
    expect(note).toBeUndefined();
    expect(annotations).toEqual([
      {
        file: 'specs/initsteps.yaml',
        line: 12,
        col: 7,
        title: 'init step "format" on tb-1 failed',
        message:
          'ExitNonZero exit code 9 after 3 attempts\nlast output:\nline 4\nline 5\nline 6\nline 7\nline 8',
      },
    ]);
  });

  it('annotates instances that failed to start at the service line', () => {
    const r = report({
      services: [
        service({
          status: 'Failed',
          instances: [
            {
              name: 'tb-0',
              ordinal: 0,
              status: 'Failed',
              reason: 'ReadinessTimeout',
              message: 'not ready in 60s',
              ports: [],
            },
          ],
        }),
      ],
    });
    expect(buildAnnotations(r, undefined, WS).annotations).toEqual([
      {
        file: 'specs/initsteps.yaml',
        line: 4,
        col: 9,
        title: 'tb-0 failed: ReadinessTimeout',
        message: 'not ready in 60s',
      },
    ]);
  });

  it('puts spec problems at their fields', () => {
    const error = new SpecError([
      {
        pos: { file: SPEC, line: 14, col: 15 },
        path: 'spec.initSteps[0].timeout',
        message: 'not a duration: 5 parsecs',
      },
    ]);
    expect(buildAnnotations(undefined, error, WS).annotations).toEqual([
      {
        file: 'specs/initsteps.yaml',
        line: 14,
        col: 15,
        title: 'invalid spec: spec.initSteps[0].timeout',
        message: 'not a duration: 5 parsecs',
      },
    ]);
  });

  it('has no annotation for errors without a place', () => {
    expect(buildAnnotations(undefined, new UsageError('bad input'), WS)).toEqual({ annotations: [] });
  });

  it('stops at 10 and says how many more there are', () => {
    const steps = Array.from({ length: 13 }, (_, i) =>
      step({ instance: `tb-${i}`, status: 'Failed', reason: 'ExitNonZero', exitCode: 1, attempts: 1 }),
    );
    const { annotations, note } = buildAnnotations(
      report({ services: [service({ status: 'Failed', reason: 'InitStepFailed' })], steps }),
      undefined,
      WS,
    );
    expect(annotations).toHaveLength(10);
    expect(note).toBe('3 more problem(s) not annotated: see the job summary for all of them');
  });
});

describe('workspaceRelative', () => {
  it('is relative inside the workspace and absolute outside', () => {
    expect(workspaceRelative('/ws/a/b.yaml', '/ws')).toBe('a/b.yaml');
    expect(workspaceRelative('/elsewhere/b.yaml', '/ws')).toBe('/elsewhere/b.yaml');
    expect(workspaceRelative('/ws2/b.yaml', '/ws')).toBe('/ws2/b.yaml');
  });
});
