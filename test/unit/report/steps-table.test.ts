import { expect, it } from 'vitest';
import { jobTable, stepsTable } from '../../../src/report/steps-table.js';
import { failedJob, step } from './fixtures.js';

it('prints the docs/action.md, "What the run shows" table with - for empty cells', () => {
  expect(stepsTable([step()])).toBe(
    [
      'INSTANCE  STATUS     EXIT  ATTEMPTS  REASON  MESSAGE',
      'tb-0      Succeeded  0     1         -       -',
    ].join('\n'),
  );
});

it('aligns failed rows and folds multi-line messages', () => {
  const text = stepsTable([
    step(),
    step({
      instance: 'tb-1',
      status: 'Failed',
      exitCode: 9,
      attempts: 3,
      reason: 'ExitNonZero',
      message: 'exit code 9\nsee log',
    }),
  ]);
  expect(text.split('\n')).toEqual([
    'INSTANCE  STATUS     EXIT  ATTEMPTS  REASON       MESSAGE',
    'tb-0      Succeeded  0     1         -            -',
    'tb-1      Failed     9     3         ExitNonZero  exit code 9 see log',
  ]);
});

it("prints a job's row for `logs <job>`", () => {
  expect(jobTable(failedJob()).split('\n')).toEqual([
    'INSTANCE   STATUS  EXIT  ATTEMPTS  DURATION  REASON     MESSAGE',
    'migrate-0  Failed  3     1         4.2s      JobFailed  -',
  ]);
});
