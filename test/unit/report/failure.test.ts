import { expect, it } from 'vitest';
import { LockTimeoutError } from '../../../src/errors.js';
import { describeFailure, runFailure } from '../../../src/report/failure.js';
import { failedReport, report, service, step } from './fixtures.js';

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

it('exits 2 when another run held the project past the lock timeout: nothing was started', () => {
  const failure = describeFailure(new LockTimeoutError('project p is still locked by ...'));
  expect(failure).toEqual({ exitCode: 2, message: 'project p is still locked by ...', annotations: [] });
});
