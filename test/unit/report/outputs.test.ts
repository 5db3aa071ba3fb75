import { expect, it } from 'vitest';
import {
  buildOutputDocument,
  buildOutputs,
  buildServicesOutput,
  countSteps,
} from '../../../src/report/outputs.js';
import { failedJob, failedReport, job, report, service, step } from './fixtures.js';

it('counts attempted, skipped, failed and cancelled steps', () => {
  expect(
    countSteps([
      step(),
      step({ status: 'Skipped', attempts: 0 }),
      step({ status: 'Failed', attempts: 3 }),
      step({ status: 'Cancelled', attempts: 1 }),
      // Cancelled before it started: not attempted.
      step({ status: 'Cancelled', attempts: 0 }),
      step({ status: 'Pending', attempts: 0 }),
    ]),
  ).toEqual({ ran: 3, skipped: 1, failed: 1, cancelled: 2 });
});

it('says how the cache restored: the outcome, the matched key and this run key; cache-hit only when exact', () => {
  const key = `initsteps-2-demo-${'b'.repeat(64)}-${'f'.repeat(64)}`;
  const matchedKey = `initsteps-2-demo-${'b'.repeat(64)}-${'e'.repeat(64)}`;
  const base = buildOutputDocument(
    report({ cacheHit: false, cache: { result: 'base', key, matchedKey, saved: true } }),
    'demo',
  );
  expect(base.cache).toEqual({ result: 'base', key, matchedKey, saved: true });
  expect(buildOutputs(base)['cache-hit']).toBe('false');
  expect(JSON.parse(buildOutputs(base).result).cache.result).toBe('base');
  expect(buildOutputDocument(report(), 'demo').cache).toBeUndefined();
});

it('nests every step under its instance and gives each port an address', () => {
  const doc = buildOutputDocument(report({ cacheHit: true }), 'demo');
  expect(doc).toMatchObject({
    project: 'demo',
    cacheHit: true,
    counts: { ran: 1, skipped: 0, failed: 0 },
    services: [
      {
        name: 'tb',
        status: 'Running',
        instances: [
          {
            name: 'tb-0',
            ports: [{ containerPort: 3000, hostPort: 32768, address: '127.0.0.1:32768' }],
            steps: [{ name: 'format', status: 'Succeeded', exitCode: 0, attempts: 1 }],
          },
        ],
      },
    ],
  });
  expect(doc.error).toBeUndefined();
});

it('turns the document into flat string outputs that parse back', () => {
  const doc = buildOutputDocument(failedReport(), 'demo');
  const out = buildOutputs(doc);
  expect(out).toMatchObject({ ran: '2', skipped: '1', failed: '1', 'cache-hit': 'false' });
  const parsed = JSON.parse(out.result) as typeof doc;
  expect(parsed.services[0]?.instances[1]?.steps).toEqual([
    {
      name: 'format',
      status: 'Failed',
      exitCode: 9,
      attempts: 3,
      durationMs: 1500,
      reason: 'ExitNonZero',
      message: 'exit code 9',
    },
  ]);
});

it('describes a run that stopped before running', () => {
  const doc = buildOutputDocument(undefined, 'demo', 'invalid spec');
  expect(doc).toEqual({
    project: 'demo',
    cacheHit: false,
    counts: { ran: 0, skipped: 0, failed: 0, cancelled: 0 },
    services: [],
    jobs: [],
    error: 'invalid spec',
  });
});

it('gives each service its host and published ports by container port, as strings', () => {
  const doc = buildOutputDocument(
    report({
      services: [
        service({
          name: 'db',
          instances: [
            {
              name: 'db-0',
              ordinal: 0,
              status: 'Running',
              ports: [
                { containerPort: 5432, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 49153 },
                { containerPort: 9187, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 49154 },
                { containerPort: 9187, protocol: 'udp', hostIp: '127.0.0.1', hostPort: 49155 },
              ],
            },
            {
              name: 'db-1',
              ordinal: 1,
              status: 'Running',
              ports: [{ containerPort: 5432, protocol: 'tcp', hostIp: '127.0.0.1', hostPort: 49160 }],
            },
          ],
        }),
        service({
          name: 'web',
          instances: [
            {
              name: 'web-0',
              ordinal: 0,
              status: 'Running',
              ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 }],
            },
          ],
        }),
        service({
          name: 'lan',
          instances: [
            {
              name: 'lan-0',
              ordinal: 0,
              status: 'Running',
              ports: [{ containerPort: 80, protocol: 'tcp', hostIp: '192.0.2.4', hostPort: 8081 }],
            },
          ],
        }),
        service({
          name: 'worker',
          instances: [{ name: 'worker-0', ordinal: 0, status: 'Running', ports: [] }],
        }),
      ],
    }),
    'demo',
  );
  const expected = {
    db: { host: '127.0.0.1', ports: { '5432': '49153', '9187': '49154' } },
    web: { host: '127.0.0.1', ports: { '80': '8080' } },
    lan: { host: '192.0.2.4', ports: { '80': '8081' } },
    worker: { host: '127.0.0.1', ports: {} },
  };
  expect(buildServicesOutput(doc)).toEqual(expected);
  // What `fromJSON(steps.x.outputs.services).db.ports['5432']` reads.
  const parsed = JSON.parse(buildOutputs(doc).services) as typeof expected;
  expect(parsed.db.ports['5432']).toBe('49153');
  expect(buildOutputs(buildOutputDocument(undefined, 'demo', 'invalid spec')).services).toBe('{}');
});

it('lists each job with its result and its init steps', () => {
  const doc = buildOutputDocument(
    report({
      jobs: [failedJob(), job({ name: 'seed', instance: 'seed-0' })],
      steps: [step(), step({ service: 'migrate', instance: 'migrate-0', step: 'wait' })],
    }),
    'demo',
  );
  expect(doc.jobs).toEqual([
    {
      name: 'migrate',
      instance: 'migrate-0',
      status: 'Failed',
      reason: 'JobFailed',
      exitCode: 3,
      attempts: 1,
      durationMs: 4200,
      steps: [expect.objectContaining({ name: 'wait', status: 'Succeeded' })],
    },
    expect.objectContaining({ name: 'seed', status: 'Succeeded', steps: [] }),
  ]);
  // A job's steps are not under any service.
  expect(doc.services[0]?.instances[0]?.steps.map((s) => s.name)).toEqual(['format']);
});
