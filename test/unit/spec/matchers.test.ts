// problemMatchers in the spec (docs/spec.md#problem-matchers): GitHub's shape inline or in a JSON file of
// the workspace, each mistake reported at its field, a file's at its own line.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectProblems, load, marks, resolved, service, show, WS } from './helpers.js';

const onStep = (matchers: string) =>
  service(`image: x\ninitSteps:\n  - name: migrate\n    problemMatchers: ${matchers}`);

/** Writes a matcher file into the workspace; its path relative to the spec files (at the workspace top). */
function matcherFile(name: string, text: string): string {
  mkdirSync(path.join(WS, 'matchers'), { recursive: true });
  writeFileSync(path.join(WS, 'matchers', name), text);
  return `matchers/${name}`;
}

const sqlfluff = `{
  "problemMatcher": [
    {
      "owner": "sqlfluff",
      "severity": "warning",
      "pattern": [
        { "regexp": "^== \\\\[(.+)\\\\] FAIL$", "file": 1 },
        { "regexp": "^L:\\\\s*(\\\\d+) \\\\| P:\\\\s*(\\\\d+) \\\\| (\\\\w+) \\\\| (.*)$", "line": 1, "column": 2, "code": 3, "message": 4, "loop": true }
      ]
    }
  ]
}
`;

describe('problemMatchers that load', () => {
  it('inline on a step, with the service ones after it, a same owner replaced', () => {
    const p = resolved(
      service(`image: x
problemMatchers:
  - owner: todo
    pattern: [{regexp: '^(\\S+):(\\d+): TODO (.*)$', file: 1, line: 2, message: 3}]
  - owner: lint
    pattern: [{regexp: '^(.*)$', message: 1}]
initSteps:
  - name: migrate
    problemMatchers:
      - owner: LINT
        severity: Warning
        pattern: [{regexp: '^W (.*)$', message: 1}]`),
    );
    const svc = p.services[0];
    expect(svc?.template.problemMatchers?.map((m) => m.owner)).toEqual(['todo', 'lint']);
    expect(svc?.instances[0]?.steps[0]?.problemMatchers).toEqual([
      { owner: 'LINT', severity: 'warning', patterns: [{ regexp: '^W (.*)$', message: 1, loop: false }] },
      {
        owner: 'todo',
        patterns: [{ regexp: '^(\\S+):(\\d+): TODO (.*)$', file: 1, line: 2, message: 3, loop: false }],
      },
    ]);
    // The main container has the service's (a job that runs to completion reads its output the same way).
    expect(svc?.instances[0]?.main.problemMatchers?.map((m) => m.owner)).toEqual(['todo', 'lint']);
  });

  it('from a matcher file, alone or in the list; none declared: no field at all', () => {
    const file = matcherFile('sqlfluff.json', sqlfluff);
    const alone = resolved(onStep(file)).services[0]?.instances[0]?.steps[0]?.problemMatchers;
    expect(alone).toEqual([
      {
        owner: 'sqlfluff',
        severity: 'warning',
        patterns: [
          { regexp: '^== \\[(.+)\\] FAIL$', file: 1, loop: false },
          {
            regexp: '^L:\\s*(\\d+) \\| P:\\s*(\\d+) \\| (\\w+) \\| (.*)$',
            line: 1,
            column: 2,
            code: 3,
            message: 4,
            loop: true,
          },
        ],
      },
    ]);
    const listed = resolved(onStep(`[${file}, {owner: x, pattern: [{regexp: '(.*)', message: 1}]}]`));
    expect(listed.services[0]?.instances[0]?.steps[0]?.problemMatchers?.map((m) => m.owner)).toEqual([
      'sqlfluff',
      'x',
    ]);
    expect(
      resolved(service('image: x\ninitSteps: [{name: a}]')).services[0]?.instances[0]?.steps[0],
    ).not.toHaveProperty('problemMatchers');
  });
});

describe('problemMatchers refused at their field', () => {
  it('a regexp that does not compile, a group the regexp does not have', () => {
    expectProblems(
      onStep(
        `[{owner: a, pattern: [{regexp: »'(unclosed', message: 1}]}, {owner: b, pattern: [{regexp: '^(x)$', file: 1, message: »2}]}]`,
      ),
      [
        /^not a valid regular expression: Invalid regular expression: .*Unterminated group/,
        /^group 2 does not exist: the regexp has 1 capture group$/,
      ],
    );
  });

  it("GitHub's rules: loop on the last of several only, loop needs message, a field set once, some message", () => {
    expectProblems(
      onStep(`
      - owner: a
        pattern: [{regexp: '(x)', message: 1, »loop: true}]
      - owner: b
        pattern: [{regexp: '(x)', file: 1, »loop: true}, {regexp: '(y)', message: 1}]
      - owner: c
        pattern: [{regexp: '(x)', file: 1}, {regexp: '(y)', »loop: true, line: 1}]
      - owner: d
        pattern: [{regexp: '(x)', message: 1}, {regexp: '(y)', message: »1}]
      - owner: e
        pattern: »[{regexp: '(x)', file: 1}]`),
      [
        /^only the last of several patterns may set `loop`$/,
        /^only the last of several patterns may set `loop`$/,
        /^a `loop` pattern must set `message`/,
        /^`message` is already set by pattern 1; set it once$/,
        /^no pattern sets `message`/,
      ],
    );
  });

  it('type mistakes, unknown fields and a bad severity through the field table', () => {
    expectProblems(
      onStep(`[{owner: a, severity: »fatal, pattern: [{regexp: x, message: »one, »lines: 2}]}]`),
      [
        /^"fatal" is not one of error, warning, notice/,
        /^expected an integer, got a string$/,
        /^unknown field `lines`; did you mean `line`\?$/,
      ],
    );
  });

  it('duplicate owners in one list, any case, also through a file', () => {
    const file = matcherFile(
      'dup.json',
      '{"problemMatcher": [{"owner": "sqlfluff", "pattern": [{"regexp": "(.*)", "message": 1}]}]}',
    );
    expectProblems(
      onStep(
        `[{owner: sqlfluff, pattern: [{regexp: x, message: 0}]}, »${file}, {owner: »SQLFluff, pattern: [{regexp: x, message: 0}]}]`,
      ),
      [
        /^duplicate problem matcher owner "sqlfluff" \(first at .*spec0\.yaml:9\)$/,
        /^duplicate problem matcher owner "sqlfluff"/,
      ],
    );
  });

  const outside = mkdtempSync(path.join(tmpdir(), 'initsteps-matchers-'));
  afterAll(() => rmSync(outside, { recursive: true, force: true }));

  it('a missing file, a file outside the workspace (also through a symlink), a FIFO, not JSON', () => {
    writeFileSync(path.join(outside, 'm.json'), '{"problemMatcher": []}');
    mkdirSync(path.join(WS, 'matchers'), { recursive: true });
    symlinkSync(path.join(outside, 'm.json'), path.join(WS, 'matchers', 'link.json'));
    execFileSync('mkfifo', [path.join(WS, 'matchers', 'fifo.json')]);
    const notJson = matcherFile('trailing-comma.json', '{"problemMatcher": [],}');
    expectProblems(
      onStep(
        `[»matchers/none.json, »${path.join(outside, 'm.json')}, »matchers/link.json, »matchers/fifo.json, »${notJson}]`,
      ),
      [
        /^problem-matcher file matchers\/none\.json does not exist \(.*\)$/,
        /^problem-matcher file .*m\.json resolves outside the workspace/,
        /^problem-matcher file matchers\/link\.json resolves outside the workspace/,
        /^problem-matcher file matchers\/fifo\.json is not a regular file$/,
        /^problem-matcher file matchers\/trailing-comma\.json is not valid JSON: /,
      ],
    );
  });

  it("a matcher file's own mistakes at their line in the file", () => {
    const { text, at } = marks(`{
  "problemMatcher": [
    {
      "owner": "sqlfluff",
      "pattern": [{ "regexp": "^(\\\\S+)$", "file": 1, "message": »3 }]
    },
    { "pattern": »[] }
  ]
}
`);
    const file = matcherFile('broken.json', text);
    const r = load(onStep(file));
    const problems = r.ok ? [] : r.problems;
    // In the file's order (line, then column).
    expect(problems.map(show)).toEqual([
      `${at[0]} problemMatcher[0].pattern[0].message: group 3 does not exist: the regexp has 1 capture group`,
      '7:5 problemMatcher[1]: missing required field `owner`',
      `${at[1]} problemMatcher[1].pattern: must have at least 1 item`,
    ]);
    // Positions name the file as the spec file is named, joined with the path the spec gives.
    expect(new Set(problems.map((p) => p.pos.file))).toEqual(new Set([path.join(WS, file)]));
  });
});
