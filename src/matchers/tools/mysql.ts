// The MySQL and MariaDB clients: `ERROR <code> (<state>) at line <n>: <message>`, `in file: '<file>'` added
// when the statement came from `source <file>`. <n> is the line where the failing statement starts; a
// syntax error's message ends with `at line <m>`, its line within the statement. Fed on standard input
// (`mysql app < file`) the client does not name the file: it is the one the command line redirects.
import type { BuiltinMatcher, Match } from '../types.js';
import { runs } from '../words.js';

const ERROR = /^ERROR (\d+) \(([0-9A-Z]{5})\)(?: at line (\d+))?(?: in file: '(.+)')?: (.*)$/;
const WITHIN = /at line (\d+)$/;

export const mysql: BuiltinMatcher = (lines, run) => {
  // The redirected file is the client's input only when the command line runs the client.
  const stdin = runs(run.words, 'mysql') || runs(run.words, 'mariadb') ? run.stdin : undefined;
  return lines.flatMap((text): Match[] => {
    const m = ERROR.exec(text);
    const file = m?.[4] ?? stdin;
    if (!m || file === undefined) return [];
    const message = m[5] ?? '';
    const start = m[3] === undefined ? undefined : Number(m[3]);
    const within = WITHIN.exec(message);
    const line = start !== undefined && within ? start + Number(within[1]) - 1 : start;
    return [
      {
        owner: 'mysql',
        severity: 'error',
        code: m[1],
        message,
        file,
        ...(line !== undefined ? { line } : {}),
      },
    ];
  });
};
