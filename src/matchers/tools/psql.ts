// psql (PostgreSQL's client): `psql:<file>:<line>: ERROR:  <message>`, where <line> is the line of the file
// psql had read when it sent the statement (its last line), then `LINE n:` quoting the failing line of the
// statement with a caret under the spot, and DETAIL / HINT lines. Fed on standard input psql prints no
// prefix (`ERROR:  ...`): the file is then the one the command line redirects into it.
import type { BuiltinMatcher, Match } from '../types.js';
import { runs } from '../words.js';

const ERROR = /^(?:psql:(.+?):(\d+): )?(ERROR|FATAL): {2}(.*)$/;
const CONTEXT = /^LINE (\d+): (.*)$/;
const CARET = /^( *)\^\s*$/;
const DETAIL = /^(DETAIL|HINT): {2}(.*)$/;
/** How many lines after the error psql's context may come (another stream's line may come in between). */
const LOOKAHEAD = 6;

export const psql: BuiltinMatcher = (lines, run) => {
  const out: Match[] = [];
  lines.forEach((text, i) => {
    const m = ERROR.exec(text);
    if (!m) return;
    const named = m[1] === '<stdin>' ? undefined : m[1];
    const file = named ?? (m[1] !== undefined || runs(run.words, 'psql') ? run.stdin : undefined);
    if (file === undefined) return;
    const match: Match = { owner: 'psql', severity: 'error', message: m[4] ?? '', file };
    if (m[2] !== undefined) match.line = Number(m[2]);
    const details: string[] = [];
    for (let j = i + 1; j < Math.min(lines.length, i + 1 + LOOKAHEAD); j++) {
      const next = lines[j] ?? '';
      if (ERROR.test(next)) break;
      const context = CONTEXT.exec(next);
      const caret = CARET.exec(lines[j + 1] ?? '');
      if (context && caret) {
        const prefix = next.length - (context[2] ?? '').length;
        match.locate = {
          kind: 'quote',
          text: context[2] ?? '',
          caret: (caret[1] ?? '').length - prefix,
          near: match.line === undefined ? 'after' : 'before',
        };
        details.push(`${next}\n${lines[j + 1] ?? ''}`);
        j++;
        continue;
      }
      const detail = DETAIL.exec(next);
      if (detail) details.push(`${detail[1] ?? ''}: ${detail[2] ?? ''}`);
    }
    if (details.length > 0) match.message = [match.message, ...details].join('\n');
    out.push(match);
  });
  return out;
};
