// `kind: Job` documents (docs/spec.md, "Jobs"): the fields of a Service but replicas, ports and
// readinessProbe, plus the Job knobs; what the resolver makes of them; what is refused, where.
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../../src/spec/schema.js';
import { expectProblems, resolved, service, specFile } from './helpers.js';

/** A Job document whose `spec:` block is `body`. */
const job = (body: string, name = 'migrate'): string =>
  service(body, name).replace('kind: Service', 'kind: Job');

const jobOf = (text: string | string[], name = 'migrate') => {
  const s = resolved(text).services.find((x) => x.name === name);
  if (!s?.job) expect.fail(`${name} is not a resolved job`);
  return { service: s, job: s.job };
};

describe('a resolved job', () => {
  it('has one instance and the defaults of a step: OnFailure, 3 attempts, 5m per attempt, no deadline', () => {
    const { service: s, job: j } = jobOf(job('image: migrate:1\ncommand: [migrate, up]'));
    expect(s.instances.map((i) => i.name)).toEqual(['migrate-0']);
    expect(s.replicas).toBe(1);
    expect(s.ports).toEqual([]);
    expect(s.readinessProbe).toBeUndefined();
    expect(s.instances[0]?.main.command).toEqual(['migrate', 'up']);
    expect(j).toEqual({
      restartPolicy: 'OnFailure',
      attempts: 3,
      timeoutMs: 300_000,
      // The `command` key: apiVersion, kind, metadata, name, spec, image, then command on line 7.
      pos: { file: specFile(), line: 7, col: 3 },
    });
  });

  it("backoff: between attempts of the job's container", () => {
    const { job: j } = jobOf(job('image: migrate:1\nbackoff: {base: 2s, cap: 20s}'));
    expect(j.backoff).toEqual({ baseMs: 2000, capMs: 20_000 });
  });

  it('is annotated at `args` without a command, else at the document', () => {
    expect(jobOf(job('image: migrate:1\nargs: [up]')).job.pos).toEqual({ file: specFile(), line: 7, col: 3 });
    expect(jobOf(job('image: migrate:1')).job.pos).toEqual({ file: specFile(), line: 1, col: 1 });
  });

  it.each([
    ['restartPolicy: Never', 1],
    ['retries: 0', 1],
    ['retries: 4', 5],
    ['backoffLimit: 4', 5],
    // As a Kubernetes Job: Never with a backoffLimit retries, each attempt in a new container.
    ['restartPolicy: Never\nbackoffLimit: 2', 3],
    ['restartPolicy: OnFailure', 3],
  ])('%j gives %i attempt(s)', (knobs, attempts) => {
    expect(jobOf(job(`image: m\n${knobs}`)).job.attempts).toBe(attempts);
  });

  it('takes a per-attempt timeout and a deadline for the whole job', () => {
    const { job: j } = jobOf(job('image: m\ntimeout: 90s\nactiveDeadlineSeconds: 600'));
    expect(j.timeoutMs).toBe(90_000);
    expect(j.activeDeadlineMs).toBe(600_000);
  });

  it('has init steps, volumes and runtime process like a service, run in the spec directory', () => {
    const { service: s } = jobOf(
      job(
        'runtime: process\ncommand: [npx, prisma, migrate, deploy]\ninitSteps:\n  - name: wait\n    command: [./wait.sh]',
      ),
    );
    expect(s.runtime).toBe('process');
    expect(s.instances[0]?.steps.map((st) => st.name)).toEqual(['wait']);
    expect(s.template.workingDir).toBeUndefined();
  });

  it('is ordered after what it depends on, and before what depends on it', () => {
    const p = resolved([
      service('image: x\ndependsOn: [migrate]', 'app'),
      job('image: m\ndependsOn: [db]'),
      service('image: x', 'db'),
    ]);
    expect(p.services.map((s) => `${s.name}${s.job ? ' (job)' : ''}`)).toEqual([
      'db',
      'migrate (job)',
      'app',
    ]);
  });

  it('leaves a service without job knobs', () => {
    expect(resolved(service('image: x')).services[0]?.job).toBeUndefined();
  });
});

describe('refused', () => {
  it.each([
    [
      'replicas',
      'image: m\n»replicas: 2',
      /`replicas` does not apply to kind Job: a job runs one instance \(<name>-0\)/,
    ],
    ['ports', 'image: m\n»ports: ["80"]', /`ports` does not apply to kind Job: a job runs to completion/],
    [
      'readinessProbe',
      'image: m\n»readinessProbe: {tcpSocket: {port: 80}}',
      /`readinessProbe` does not apply to kind Job: a job is done when its container exits 0/,
    ],
  ])('%s on a Job, at its key', (_field, body, pattern) => {
    expectProblems(job(body), [pattern]);
  });

  it.each([
    'restartPolicy: Never',
    'retries: 1',
    'backoffLimit: 1',
    'timeout: 1m',
    'activeDeadlineSeconds: 60',
  ])('%s on a Service, at its key', (line) => {
    const key = line.split(':')[0] ?? '';
    expectProblems(service(`image: x\n»${line}`), [
      new RegExp(`\`${key}\` does not apply to kind Service: only a job's container runs to completion`),
    ]);
  });

  it('retries and backoffLimit together', () => {
    expectProblems(job('image: m\nretries: 1\n»backoffLimit: 2'), [
      /set either `retries` or `backoffLimit` \(the same count of retries\), not both/,
    ]);
  });

  it('an unknown kind, naming the known ones', () => {
    expectProblems(service('image: x').replace('kind: Service', 'kind: »CronJob'), [
      /"CronJob" is not one of Service, Job/,
    ]);
  });

  it('a bad deadline and timeout', () => {
    expectProblems(job('image: m\nactiveDeadlineSeconds: »0\ntimeout: »soon'), [
      /must be at least 1/,
      /duration/,
    ]);
  });

  it('a cycle through jobs and services, once, naming it', () => {
    expectProblems(
      [
        service('image: x\ndependsOn: [migrate]', 'db'),
        job('image: m\ndependsOn: [seed]'),
        job('image: s\ndependsOn: [»db]', 'seed'),
      ],
      [/dependsOn forms a cycle: db → migrate → seed → db/],
    );
  });

  it('a job named like a service', () => {
    expectProblems(
      [service('image: x', 'db'), job('image: m', '»db')],
      [/duplicate job name "db" \(first declared at/],
    );
  });

  it('a Job without an image in a container', () => {
    expectProblems(job('»command: [x]'), [
      /missing required field `image` \(required for runtime container\)/,
    ]);
  });
});

describe('the JSON Schema', () => {
  it("refuses each kind's fields on the other kind", () => {
    const schema = buildSchema() as { allOf: unknown[] };
    expect(schema.allOf).toEqual([
      {
        if: { required: ['kind'], properties: { kind: { const: 'Service' } } },
        then: {
          properties: {
            spec: {
              properties: {
                restartPolicy: false,
                retries: false,
                backoffLimit: false,
                timeout: false,
                backoff: false,
                activeDeadlineSeconds: false,
              },
            },
          },
        },
      },
      {
        if: { required: ['kind'], properties: { kind: { const: 'Job' } } },
        then: {
          properties: {
            spec: {
              properties: {
                replicas: false,
                podManagementPolicy: false,
                ports: false,
                readinessProbe: false,
                startupProbe: false,
                livenessProbe: false,
              },
            },
          },
        },
      },
    ]);
  });
});
