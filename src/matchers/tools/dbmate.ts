// dbmate: `Applying: <file>` before each migration, then on failure `Error: line: <n>, column: <c>, position:
// <p>: <message>` (position in the file; without it when the database gave none). The file is in
// `-d` / `--migrations-dir`, `DBMATE_MIGRATIONS_DIR`, else `./db/migrations`.
import type { BuiltinMatcher, Match } from '../types.js';
import { flagValue, isLiteralPath, joinPath } from '../words.js';

const APPLYING = /^Applying: (\S+)\s*$/;
const ERROR = /^Error: (?:line: (\d+), column: (\d+), position: \d+: )?(.*)$/;

export const dbmate: BuiltinMatcher = (lines, run) => {
  const dir =
    flagValue(run.words, ['-d', '--migrations-dir']) ?? run.env.DBMATE_MIGRATIONS_DIR ?? './db/migrations';
  if (!isLiteralPath(dir)) return [];
  let applying: string | undefined;
  const out: Match[] = [];
  for (const text of lines) {
    const a = APPLYING.exec(text);
    if (a) applying = a[1];
    const m = ERROR.exec(text);
    if (!m || applying === undefined) continue;
    out.push({
      owner: 'dbmate',
      severity: 'error',
      message: m[3] ?? '',
      file: joinPath(dir, applying),
      ...(m[1] !== undefined ? { line: Number(m[1]), column: Number(m[2]) } : {}),
    });
  }
  return out;
};
