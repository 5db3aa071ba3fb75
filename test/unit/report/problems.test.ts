// Problems of failed steps in the report builders: annotations at the files' lines after the spec-line
// ones and within the runner's budgets, the summary's Problems table, and the CLI's `file:line:col` lines.
import { describe, expect, it } from 'vitest';
import type { RunReport, StepProblem } from '../../../src/engine/types.js';
import { buildAnnotations } from '../../../src/report/annotations.js';
import { problemLines } from '../../../src/report/problems.js';
import { buildSummary } from '../../../src/report/summary.js';
import { report, service, SPEC, step, WS } from './fixtures.js';

const psql: StepProblem = {
  severity: 'error',
  owner: 'psql',
  message: 'syntax error at or near "NUL"\nLINE 4:   amount numeric NOT NUL,\n                             ^',
  file: `${WS}/db/migrations/0042_add_index.sql`,
  line: 4,
  col: 29,
};

/** The migrate step failed on each given instance with these problems. */
const failed = (problems: StepProblem[], instances = ['db-0']): RunReport =>
  report({
    services: [service({ name: 'db', status: 'Failed', reason: 'InitStepFailed' })],
    steps: instances.map((instance) =>
      step({
        service: 'db',
        instance,
        step: 'migrate',
        status: 'Failed',
        reason: 'ExitNonZero',
        exitCode: 3,
        problems,
      }),
    ),
  });

describe('annotations of problems', () => {
  it('come after the step annotation, at the workspace-relative file line, once for identical replicas', () => {
    const { annotations } = buildAnnotations(failed([psql], ['db-0', 'db-1']), undefined, WS, 9);
    expect(annotations.map((a) => `${a.file}:${a.line}`)).toEqual([
      'specs/initsteps.yaml:12',
      'specs/initsteps.yaml:12',
      'db/migrations/0042_add_index.sql:4',
    ]);
    expect(annotations[2]).toEqual({
      file: 'db/migrations/0042_add_index.sql',
      line: 4,
      col: 29,
      title: 'psql: init step "migrate" on db-0',
      message: psql.message,
      severity: 'error',
    });
  });

  it('stay on the step line, naming the file, when it is not in the repository; a file-level one has no line', () => {
    const named: StepProblem = {
      severity: 'error',
      owner: 'mysql',
      code: '1064',
      message: 'syntax',
      named: '/tmp/x.sql',
      line: 3,
    };
    const whole: StepProblem = {
      severity: 'error',
      owner: 'node-pg-migrate',
      message: 'boom',
      file: `${WS}/m/1.js`,
    };
    const [, first, second] = buildAnnotations(failed([named, whole]), undefined, WS).annotations;
    expect(first).toEqual({
      file: 'specs/initsteps.yaml',
      line: 12,
      col: 7,
      title: 'mysql 1064: init step "migrate" on db-0',
      message: '/tmp/x.sql:3: syntax',
      severity: 'error',
    });
    expect(second).toMatchObject({ file: 'm/1.js', message: 'boom' });
    expect(second).not.toHaveProperty('line');
  });

  it('count against the budget of their severity, spec-line annotations first', () => {
    const many = Array.from({ length: 12 }, (_, i): StepProblem => ({ ...psql, line: i + 1 }));
    const warnings = Array.from({ length: 12 }, (_, i): StepProblem => ({
      ...psql,
      severity: 'warning',
      line: 100 + i,
    }));
    const { annotations, note } = buildAnnotations(failed([...many, ...warnings]), undefined, WS, 9);
    const bySeverity = (s: string) => annotations.filter((a) => (a.severity ?? 'error') === s);
    expect(bySeverity('error')).toHaveLength(9);
    expect(bySeverity('error')[0]?.file).toBe('specs/initsteps.yaml');
    expect(bySeverity('warning')).toHaveLength(9);
    expect(note).toBe('7 more problem(s) not annotated: see the job summary for all of them');
  });
});

describe('the summary', () => {
  it('lists problems in a Problems table: location, first message line (masked, escaped), step', () => {
    const leaky: StepProblem = { ...psql, message: 'password s3cret <rejected>\nLINE 1: x' };
    const named: StepProblem = { severity: 'warning', owner: 'lint', message: 'odd', named: '/tmp/y.sql' };
    const html = buildSummary({
      project: 'demo',
      report: failed([leaky, named]),
      workspace: WS,
      mask: (t) => t.replaceAll('s3cret', '***'),
    });
    expect(html).toContain('### Problems');
    expect(html).toContain(
      '<tr><td>db/migrations/0042_add_index.sql:4:29</td><td>❌ psql: password *** &lt;rejected&gt;</td><td>migrate on db-0</td></tr>',
    );
    expect(html).toContain(
      '<tr><td>specs/initsteps.yaml:12</td><td>⚠️ lint: /tmp/y.sql: odd</td><td>migrate on db-0</td></tr>',
    );
    expect(html).not.toContain('s3cret');
    expect(html.indexOf('### Problems')).toBeLessThan(html.indexOf('### Init steps'));
  });

  it('has no Problems table when there are none', () => {
    expect(buildSummary({ project: 'demo', report: failed([]), workspace: WS })).not.toContain(
      '### Problems',
    );
  });
});

describe('the CLI lines', () => {
  it('are `file:line:col: owner: message`, further lines indented, the file as the user reads it', () => {
    const named: StepProblem = {
      severity: 'warning',
      owner: 'lint',
      message: 'odd',
      named: '/tmp/y.sql',
      line: 2,
    };
    expect(problemLines(failed([psql, named]), (f) => f.replace(`${WS}/`, './'))).toEqual([
      './db/migrations/0042_add_index.sql:4:29: psql: syntax error at or near "NUL"',
      '    LINE 4:   amount numeric NOT NUL,',
      '                                 ^',
      `${SPEC}:12:7: warning: lint: /tmp/y.sql:2: odd`,
    ]);
  });
});
