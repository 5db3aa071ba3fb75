// Hand-built reports for the report builders' tests.
import type { JobResult, RunReport, ServiceResult, StepResult } from '../../../src/engine/types.js';

export const WS = '/ws';
export const SPEC = '/ws/specs/initsteps.yaml';

export const step = (over: Partial<StepResult> = {}): StepResult => ({
  service: 'tb',
  instance: 'tb-0',
  step: 'format',
  pos: { file: SPEC, line: 12, col: 7 },
  status: 'Succeeded',
  exitCode: 0,
  attempts: 1,
  durationMs: 1500,
  logTail: [],
  ...over,
});

export const service = (over: Partial<ServiceResult> = {}): ServiceResult => ({
  name: 'tb',
  pos: { file: SPEC, line: 4, col: 9 },
  status: 'Running',
  instances: [
    {
      name: 'tb-0',
      ordinal: 0,
      status: 'Running',
      ports: [{ containerPort: 3000, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 32768 }],
    },
  ],
  ...over,
});

/** The `migrate` job, succeeded in 4.2s; its `command` is at line 31. */
export const job = (over: Partial<JobResult> = {}): JobResult => ({
  name: 'migrate',
  instance: 'migrate-0',
  pos: { file: SPEC, line: 28, col: 9 },
  failurePos: { file: SPEC, line: 31, col: 3 },
  status: 'Succeeded',
  exitCode: 0,
  attempts: 1,
  durationMs: 4200,
  logTail: [],
  ...over,
});

/** `migrate` exited 3 on its only attempt. */
export const failedJob = (logTail = ['applying 002.sql', 'ERROR: relation "x" does not exist']): JobResult =>
  job({ status: 'Failed', reason: 'JobFailed', exitCode: 3, logTail });

export const report = (over: Partial<RunReport> = {}): RunReport => ({
  project: 'demo',
  services: [service()],
  jobs: [],
  steps: [step()],
  cacheHit: false,
  created: { containers: [], networks: [], volumes: [] },
  ...over,
});

/** tb-1's format step failed with exit code 9; tb-1 never started. */
export const failedReport = (logTail = ['formatting', 'error: disk full']): RunReport =>
  report({
    services: [
      service({
        status: 'Failed',
        reason: 'InitStepFailed',
        instances: [
          { name: 'tb-0', ordinal: 0, status: 'Running', ports: [] },
          { name: 'tb-1', ordinal: 1, status: 'Failed', reason: 'InitStepFailed', ports: [] },
        ],
      }),
    ],
    steps: [
      step(),
      step({
        step: 'seed',
        pos: { file: SPEC, line: 20, col: 7 },
        status: 'Skipped',
        exitCode: undefined,
        attempts: 0,
        durationMs: 0,
        message: 'volume already initialized',
      }),
      step({
        instance: 'tb-1',
        status: 'Failed',
        exitCode: 9,
        attempts: 3,
        reason: 'ExitNonZero',
        message: 'exit code 9',
        logTail,
      }),
    ],
  });
