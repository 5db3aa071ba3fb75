// golang-migrate's CLI: `error: migration failed: <message> (column <c>) in line <n>: <the migration's SQL>
// (details: ...)`, <n> counted in the migration file (in the statement with x-multi-statement). The error
// does not name the migration; with `-verbose` the line before it does (`Read and execute 3/u add_index`),
// which is `<dir>/<version>_<name>.up.sql`, <dir> from `-path` or `-source file://`. Versions lose their
// leading zeros in the log, so the usual zero-padded spellings are tried too.
import type { BuiltinMatcher, Match } from '../types.js';
import { flagValue, isLiteralPath, joinPath } from '../words.js';

const PROGRESS = /(?:^|\s)(?:Start buffering|Read and execute) (\d+)\/([ud]) (\S+)\s*$/;
const ERROR = /(?:^|\s)error: (migration failed(?:: .*?)?) in line (\d+): /;
const COLUMN = / \(column (\d+)\)/;
/** `-digits` is 6 by default in `migrate create -seq`. */
const PAD_WIDTHS = [2, 3, 4, 5, 6, 7, 8];

export const golangMigrate: BuiltinMatcher = (lines, run) => {
  const source = flagValue(run.words, ['-path', '--path']) ?? flagValue(run.words, ['-source', '--source']);
  const dir = source?.replace(/^file:\/\//, '');
  if (dir === undefined || !isLiteralPath(dir)) return [];
  let current: { version: string; direction: string; name: string } | undefined;
  const out: Match[] = [];
  for (const text of lines) {
    const progress = PROGRESS.exec(text);
    if (progress) {
      current = {
        version: progress[1] ?? '',
        direction: progress[2] === 'd' ? 'down' : 'up',
        name: progress[3] ?? '',
      };
      continue;
    }
    const m = ERROR.exec(text);
    if (!m || !current) continue;
    const { version, direction, name } = current;
    const spellings = [
      version,
      ...PAD_WIDTHS.filter((w) => w > version.length).map((w) => version.padStart(w, '0')),
    ];
    const [file, ...alternatives] = spellings.map((v) => joinPath(dir, `${v}_${name}.${direction}.sql`));
    const column = COLUMN.exec(m[1] ?? '');
    out.push({
      owner: 'golang-migrate',
      severity: 'error',
      message: m[1] ?? '',
      ...(file !== undefined ? { file, alternatives } : {}),
      line: Number(m[2]),
      ...(column ? { column: Number(column[1]) } : {}),
    });
  }
  return out;
};
