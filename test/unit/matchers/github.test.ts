// User matchers run as GitHub's runner runs them (actions/runner: IssueMatcher.cs, OutputManager.cs); the
// examples are those of actions/toolkit docs/problem-matchers.md.
import { describe, expect, it } from 'vitest';
import { runUserMatchers } from '../../../src/matchers/github.js';
import type { MatcherPattern, ProblemMatcher } from '../../../src/spec/model.js';

const pattern = (p: Partial<MatcherPattern> & { regexp: string }): MatcherPattern => ({ loop: false, ...p });

const eslintCompact: ProblemMatcher = {
  owner: 'eslint-compact',
  patterns: [
    pattern({
      regexp: '^(.+):\\sline\\s(\\d+),\\scol\\s(\\d+),\\s(Error|Warning|Info)\\s-\\s(.+)\\s\\((.+)\\)$',
      file: 1,
      line: 2,
      column: 3,
      severity: 4,
      message: 5,
      code: 6,
    }),
  ],
};

const eslintStylish: ProblemMatcher = {
  owner: 'eslint-stylish',
  patterns: [
    pattern({ regexp: '^([^\\s].*)$', file: 1 }),
    pattern({
      regexp: '^\\s+(\\d+):(\\d+)\\s+(error|warning|info)\\s+(.*)\\s\\s+(.*)$',
      line: 1,
      column: 2,
      severity: 3,
      message: 4,
      code: 5,
      loop: true,
    }),
  ],
};

describe('runUserMatchers', () => {
  it('reads a single-line pattern, severity case-insensitive, code trimmed', () => {
    const line = "badFile.js: line 50, col 11, Error - 'myVar' is defined but never used. (no-unused-vars)";
    expect(runUserMatchers([line], [eslintCompact])).toEqual([
      {
        owner: 'eslint-compact',
        severity: 'error',
        message: "'myVar' is defined but never used.",
        code: 'no-unused-vars',
        file: 'badFile.js',
        line: 50,
        column: 11,
      },
    ]);
  });

  it('drops a match whose severity is not error, warning or notice', () => {
    const line = 'badFile.js: line 50, col 11, Info - style (rule)';
    expect(runUserMatchers([line], [eslintCompact])).toEqual([]);
  });

  it('matches consecutive lines and loops on the last pattern with the file of the first (messages trimmed)', () => {
    const lines = [
      'test.js',
      '  1:0   error  Missing "use strict" statement                 strict',
      "  5:10  warning  'addOne' is defined but never used             no-unused-vars",
      '',
      '✖ 2 problems (1 error, 1 warning)',
    ];
    expect(runUserMatchers(lines, [eslintStylish])).toEqual(
      [
        {
          owner: 'eslint-stylish',
          severity: 'error',
          message: 'Missing "use strict" statement',
          code: 'strict',
          file: 'test.js',
          line: 1,
          column: 0,
        },
        {
          owner: 'eslint-stylish',
          severity: 'warning',
          message: "'addOne' is defined but never used",
          code: 'no-unused-vars',
          file: 'test.js',
          line: 5,
          column: 10,
        },
      ].map((m) => ({ ...m, message: m.message.trim() })),
    );
  });

  it('starts over when a line breaks a multi-line match', () => {
    const lines = ['test.js', '', '  1:0   error  Missing  strict'];
    expect(runUserMatchers(lines, [eslintStylish])).toEqual([]);
  });

  it('gives a line to the first matcher that completes a match, and uses the default severity', () => {
    const todo: ProblemMatcher = {
      owner: 'todo',
      severity: 'warning',
      patterns: [pattern({ regexp: '^(\\S+):(\\d+): (.*)$', file: 1, line: 2, message: 3 })],
    };
    const all: ProblemMatcher = {
      owner: 'all',
      patterns: [pattern({ regexp: '^(.*)$', message: 1 })],
    };
    expect(runUserMatchers(['a.sql:3: TODO'], [todo, all])).toEqual([
      { owner: 'todo', severity: 'warning', message: 'TODO', file: 'a.sql', line: 3 },
    ]);
  });

  it('skips an empty message, and a line or column that is not digits', () => {
    const m: ProblemMatcher = {
      owner: 'x',
      patterns: [pattern({ regexp: '^(\\S*):(\\S*): ?(.*)$', line: 1, column: 2, message: 3 })],
    };
    expect(runUserMatchers(['1:2: ', 'x:-3: boom'], [m])).toEqual([
      { owner: 'x', severity: 'error', message: 'boom' },
    ]);
  });

  it('roots a relative file at the directory of fromPath', () => {
    const m: ProblemMatcher = {
      owner: 'x',
      patterns: [
        pattern({ regexp: '^(\\S+) (\\S+):(\\d+) (.*)$', fromPath: 1, file: 2, line: 3, message: 4 }),
      ],
    };
    expect(runUserMatchers(['/app/db/project.conf V1.sql:2 bad'], [m])[0]?.file).toBe('/app/db/V1.sql');
    expect(runUserMatchers(['/app/db/project.conf /abs/V1.sql:2 bad'], [m])[0]?.file).toBe('/abs/V1.sql');
  });
});
