import { describe, expect, it } from 'vitest';
import { SUMMARY_LIMIT_BYTES, buildSummary, escapeHtml } from '../../../src/report/summary.js';
import { CancelledError, SpecError } from '../../../src/errors.js';
import { createMasker } from '../../../src/spec/secrets.js';
import { SPEC, WS, failedJob, failedReport, job, report, service, step } from './fixtures.js';

const rows = (html: string): string[] => html.split('\n').filter((l) => l.startsWith('<tr><td>'));

describe('buildSummary', () => {
  it('has one row per instance and step with status, exit code, attempts, duration and reason', () => {
    const html = buildSummary({ project: 'demo', report: failedReport(), workspace: WS });
    expect(html).toContain('## ❌ initsteps: not every service is running (project demo)');
    expect(html).toContain('2 step(s) ran, 1 skipped, 1 failed.\n');
    expect(rows(html).slice(0, 3)).toEqual([
      '<tr><td>tb</td><td>tb-0</td><td>format</td><td>✅ Succeeded</td><td>0</td><td>1</td><td>1.5s</td><td>-</td></tr>',
      '<tr><td>tb</td><td>tb-0</td><td>seed</td><td>⏭️ Skipped</td><td>-</td><td>0</td><td>-</td><td>volume already initialized</td></tr>',
      '<tr><td>tb</td><td>tb-1</td><td>format</td><td>❌ Failed</td><td>9</td><td>3</td><td>1.5s</td><td>ExitNonZero: exit code 9</td></tr>',
    ]);
  });

  it('says on its first line what the cache did', () => {
    const key = `initsteps-2-demo-${'b'.repeat(64)}-${'f'.repeat(64)}`;
    const matchedKey = `initsteps-2-demo-${'b'.repeat(64)}-${'e'.repeat(64)}`;
    const html = buildSummary({
      project: 'demo',
      report: report({ cache: { result: 'base', key, matchedKey, saved: true } }),
      workspace: WS,
    });
    expect(html.split('\n\n')[1]).toBe(
      `1 step(s) ran, 0 skipped, 0 failed; cache: restored from base entry ${matchedKey}, ` +
        `1 step ran on top; saved as ${key}.`,
    );
  });

  it('lists services with their published ports', () => {
    const html = buildSummary({ project: 'demo', report: report(), workspace: WS });
    expect(html).toContain('## ✅ initsteps: every service is running');
    expect(rows(html)).toContain(
      '<tr><td>tb</td><td>tb-0</td><td>✅ Running</td><td>-</td><td>127.0.0.1:32768 → 3000/tcp</td><td>-</td></tr>',
    );
  });

  it('shows which digest of each image ran, and how each image was had', () => {
    const digest = `sha256:${'c'.repeat(64)}`;
    const html = buildSummary({
      project: 'demo',
      report: report({
        services: [
          service({
            instances: [{ name: 'tb-0', ordinal: 0, status: 'Running', ports: [], image: 'reg:5000/app:1' }],
          }),
        ],
        images: [
          { ref: 'reg:5000/app:1', status: 'Pulled', id: 'sha256:1', digest, pullMs: 2100, attempts: 2 },
          { ref: 'busybox:latest', status: 'Present', id: 'sha256:2' },
          { ref: 'gone:1', status: 'Failed', reason: 'ImagePullFailed', message: 'pulling gone:1: denied' },
        ],
      }),
      workspace: WS,
    });
    expect(rows(html)).toContain(
      `<tr><td>tb</td><td>tb-0</td><td>✅ Running</td><td>-</td><td>-</td><td>reg:5000/app:1 (${digest})</td></tr>`,
    );
    expect(html).toContain('### Images');
    expect(rows(html)).toEqual(
      expect.arrayContaining([
        `<tr><td>reg:5000/app:1</td><td>${digest}</td><td>pulled in 2.1s (2 attempts)</td></tr>`,
        '<tr><td>busybox:latest</td><td>-</td><td>present</td></tr>',
        '<tr><td>gone:1</td><td>-</td><td>❌ ImagePullFailed</td></tr>',
      ]),
    );
  });

  it('has a jobs table and says every job succeeded', () => {
    const html = buildSummary({ project: 'demo', report: report({ jobs: [job()] }), workspace: WS });
    expect(html).toContain('## ✅ initsteps: every service is running, every job succeeded (project demo)');
    expect(html).toContain('### Jobs');
    expect(html).toContain(
      '<tr><td>migrate</td><td>✅ Succeeded</td><td>0</td><td>1</td><td>4.2s</td><td>-</td></tr>',
    );
  });

  it('shows a failed job in the table and its log tail at its command line', () => {
    const html = buildSummary({
      project: 'demo',
      report: report({ jobs: [failedJob(['<oops>'])] }),
      workspace: WS,
    });
    expect(html).toContain(
      '## ❌ initsteps: a service is not running or a job did not succeed (project demo)',
    );
    expect(rows(html)).toContain(
      '<tr><td>migrate</td><td>❌ Failed</td><td>3</td><td>1</td><td>4.2s</td><td>JobFailed</td></tr>',
    );
    expect(html).toContain(
      '<details><summary>job &quot;migrate&quot; failed: JobFailed exit code 3 after 1 attempt (specs/initsteps.yaml:31)</summary>',
    );
    expect(html).toContain('<pre>&lt;oops&gt;</pre>');
  });

  it('has no jobs table without jobs', () => {
    expect(buildSummary({ project: 'demo', report: report(), workspace: WS })).not.toContain('### Jobs');
  });

  it('puts the escaped log tail of a failed step in a collapsible block', () => {
    const html = buildSummary({
      project: 'demo',
      report: failedReport(['<b>boom</b> & "quotes"']),
      workspace: WS,
    });
    expect(html).toContain(
      '<details><summary>init step &quot;format&quot; on tb-1 failed: ExitNonZero exit code 9 after 3 attempts (specs/initsteps.yaml:12)</summary>',
    );
    expect(html).toContain('<pre>&lt;b&gt;boom&lt;/b&gt; &amp; &quot;quotes&quot;</pre>');
    expect(html).not.toContain('<b>boom');
  });

  it('renders spec problems when the run failed before running', () => {
    const error = new SpecError([
      { pos: { file: SPEC, line: 3, col: 9 }, path: 'metadata.name', message: 'must be a DNS label' },
    ]);
    const html = buildSummary({ project: 'demo', error, workspace: WS });
    expect(html).toContain('## ❌ initsteps: invalid spec (project demo)');
    expect(rows(html)).toEqual([
      '<tr><td>specs/initsteps.yaml:3:9</td><td>metadata.name</td><td>must be a DNS label</td></tr>',
    ]);
    expect(html).not.toContain('Init steps');
  });

  it('names the error of a cancelled run and still shows what ran', () => {
    const cancelled = report({
      steps: [step({ status: 'Cancelled', reason: 'Cancelled', attempts: 1, logTail: ['zz'] })],
    });
    const html = buildSummary({
      project: 'demo',
      report: cancelled,
      error: new CancelledError('timeout'),
      workspace: WS,
    });
    expect(html).toContain('## ❌ initsteps: run timeout reached (project demo)');
    expect(html).toContain('🚫 Cancelled');
    expect(html).toContain('<pre>zz</pre>');
  });

  it('masks secrets everywhere', () => {
    const html = buildSummary({
      project: 'demo',
      report: failedReport(['token=hunter2']),
      workspace: WS,
      mask: createMasker(['hunter2']),
    });
    expect(html).toContain('token=***');
    expect(html).not.toContain('hunter2');
  });

  // The masker sees raw text: once escaped, `a&b<c>"'\` would be `a&amp;b&lt;c&gt;&quot;&#39;\` and slip by.
  it.each(['true', '0', `a&b<c>"'\\`])('masks the secret %s before escaping it', (secret) => {
    const html = buildSummary({
      project: 'demo',
      report: report({
        steps: [
          step({
            instance: 'tb-1',
            status: 'Failed',
            reason: 'RuntimeError',
            attempts: 1,
            message: `spawn ${secret} failed`,
            logTail: [`token=${secret}`],
          }),
        ],
      }),
      workspace: WS,
      mask: createMasker([secret]),
    });
    expect(html).toContain('token=***');
    expect(html).toContain('RuntimeError: spawn *** failed');
    expect(html).not.toContain(escapeHtml(secret) === secret ? `=${secret}` : escapeHtml(secret));
  });

  it.each([
    ['\n', 'a\n\n![x](https://e.example/x.png)'],
    ['\r\n', 'a\r\n\r\n![x](https://e.example/x.png)'],
    ['\r', 'a\r\r![x](https://e.example/x.png)'],
  ])('keeps every table cell and block title on one line (%j)', (_kind, message) => {
    const html = buildSummary({
      project: 'demo',
      report: report({
        services: [service({ status: 'Failed', reason: 'StartFailed', message })],
        steps: [step({ status: 'Failed', reason: 'RuntimeError', attempts: 1, message, logTail: ['x'] })],
      }),
      workspace: WS,
    });
    // A blank line would end the HTML block: the rest of the summary would be Markdown (an image here).
    const tables = html.match(/<table>[\s\S]*?<\/table>/g) ?? [];
    expect(tables).toHaveLength(2);
    for (const t of tables) expect(t).not.toMatch(/\n\s*\n/);
    expect(html).toContain('<td>RuntimeError: a<br><br>![x](https://e.example/x.png)</td>');
    const summaryLine = html.split('\n').find((l) => l.startsWith('<details>'));
    expect(summaryLine).toContain('RuntimeError after 1 attempt: a<br><br>![x]');
    expect(html).not.toMatch(/\r/);
  });

  it('stays under the limit and says it was truncated', () => {
    const tail = Array.from({ length: 400 }, (_, i) => `${i} ${'x'.repeat(100)}`);
    const steps = Array.from({ length: 60 }, (_, i) =>
      step({
        instance: `tb-${i}`,
        status: 'Failed',
        reason: 'ExitNonZero',
        exitCode: 1,
        attempts: 1,
        logTail: tail,
      }),
    );
    const html = buildSummary({ project: 'demo', report: report({ steps }), workspace: WS });
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES);
    expect(html).toMatch(/Summary truncated at the 1024 KiB limit: \d+ row\(s\) or block\(s\) left out/);
    // Every table row made it; only log blocks were dropped.
    expect(rows(html).filter((r) => r.includes('❌ Failed'))).toHaveLength(60);
    expect(html.match(/<\/table>/g)).toHaveLength(2);
  });

  it('closes a table it had to cut short', () => {
    const steps = Array.from({ length: 200 }, (_, i) => step({ instance: `tb-${i}` }));
    const html = buildSummary({
      project: 'demo',
      report: report({ steps }),
      workspace: WS,
      limitBytes: 8 * 1024,
    });
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(8 * 1024);
    expect(html).toContain('Summary truncated');
    expect(html.match(/<table>/g)?.length).toBe(html.match(/<\/table>/g)?.length);
  });
});

it('escapes HTML special characters', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});
