import { expect, it } from 'vitest';
import { LockTimeoutError } from '../../../src/errors.js';
import { describeFailure, runFailure } from '../../../src/report/failure.js';
import { failedJob, failedReport, job, report, service, step } from './fixtures.js';

it('is undefined when every service is running', () => {
  expect(runFailure(report())).toBeUndefined();
});

it('names the services that are not running and annotates the failed step', () => {
  const failure = runFailure(failedReport());
  expect(failure?.exitCode).toBe(1);
  expect(failure?.message).toBe('1 of 1 service(s) not running: tb (Failed: InitStepFailed)');
  expect(failure?.annotations.map((a) => a.title)).toEqual(['init step "format" on tb-1 failed']);
});

it('annotates a cancelled step with its message', () => {
  const r = report({
    services: [service({ status: 'Initializing' })],
    steps: [step({ status: 'Cancelled', reason: 'Cancelled', message: 'cancelled by SIGTERM', logTail: [] })],
  });
  expect(runFailure(r)?.annotations).toEqual([
    expect.objectContaining({
      title: 'init step "format" on tb-0 cancelled',
      message: 'cancelled by SIGTERM',
    }),
  ]);
});

it('is undefined when every service is running and every job succeeded', () => {
  expect(runFailure(report({ jobs: [job()] }))).toBeUndefined();
});

it('names a failed job and annotates it at its command line with its last output', () => {
  const failure = runFailure(report({ jobs: [failedJob()] }));
  expect(failure?.exitCode).toBe(1);
  expect(failure?.message).toBe('1 of 1 job(s) not succeeded: migrate (Failed: JobFailed)');
  expect(failure?.annotations).toEqual([
    {
      file: '/ws/specs/initsteps.yaml',
      line: 31,
      col: 3,
      title: 'job "migrate" failed',
      message:
        'JobFailed exit code 3 after 1 attempt\nlast output:\napplying 002.sql\nERROR: relation "x" does not exist',
    },
  ]);
});

it('leaves a job that failed by its init step or its dependency to where that happened', () => {
  const failure = runFailure({
    ...failedReport(),
    jobs: [
      job({ status: 'Failed', reason: 'DependencyFailed', message: 'dependency "tb" failed' }),
      job({ name: 'seed', status: 'Failed', reason: 'InitStepFailed', attempts: 0 }),
    ],
  });
  expect(failure?.message).toBe(
    '1 of 1 service(s) not running: tb (Failed: InitStepFailed); ' +
      '2 of 2 job(s) not succeeded: migrate (Failed: DependencyFailed), seed (Failed: InitStepFailed)',
  );
  expect(failure?.annotations.map((a) => a.title)).toEqual(['init step "format" on tb-1 failed']);
});

it('exits 2 when another run held the project past the lock timeout: nothing was started', () => {
  const failure = describeFailure(new LockTimeoutError('project p is still locked by ...'));
  expect(failure).toEqual({ exitCode: 2, message: 'project p is still locked by ...', annotations: [] });
});
