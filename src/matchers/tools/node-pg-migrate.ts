// node-pg-migrate: `### MIGRATION <name> (UP) ###` before each migration's SQL; on failure `Error executing:`,
// the SQL, for an SQL migration a line of carets under the spot, then `error: <message>`. The migration is
// `<dir>/<name>.<ext>`, <dir> from `-m` / `--migrations-dir` (default `migrations`); the extension is not
// printed, so the usual ones are tried. The quoted line is found in the file (a JS migration's generated
// SQL is not: that problem is on the file).
import type { BuiltinMatcher, Match } from '../types.js';
import { flagValue, isLiteralPath, joinPath } from '../words.js';

const MIGRATION = /^### MIGRATION (\S+) \((?:UP|DOWN)\) ###$/;
const FAILED = /^Error executing:$/;
const CARETS = /^(\s*)\^+\s*$/;
const MESSAGE = /^error: (.*)$/;
const EXTENSIONS = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts', '.sql'];
/** The echoed SQL, message and roll-back note come within this many lines. */
const BLOCK_LINES = 200;

export const nodePgMigrate: BuiltinMatcher = (lines, run) => {
  const dir = flagValue(run.words, ['-m', '--migrations-dir']) ?? 'migrations';
  if (!isLiteralPath(dir)) return [];
  let current: string | undefined;
  const out: Match[] = [];
  lines.forEach((text, i) => {
    const migration = MIGRATION.exec(text);
    if (migration) current = migration[1];
    if (!FAILED.test(text) || current === undefined) return;
    const block = lines.slice(i + 1, i + 1 + BLOCK_LINES);
    const end = block.findIndex((l) => MESSAGE.test(l));
    const message = end >= 0 ? (MESSAGE.exec(block[end] ?? '')?.[1] ?? '') : 'migration failed';
    const sql = end >= 0 ? block.slice(0, end) : block;
    const caretAt = sql.findIndex((l, j) => j > 0 && CARETS.test(l));
    const [file = '', ...alternatives] = EXTENSIONS.map((ext) => joinPath(dir, `${current}${ext}`));
    const match: Match = { owner: 'node-pg-migrate', severity: 'error', message, file, alternatives };
    if (caretAt > 0) {
      const quoted = sql[caretAt - 1] ?? '';
      match.locate = {
        kind: 'quote',
        text: quoted,
        caret: (CARETS.exec(sql[caretAt] ?? '')?.[1] ?? '').length,
        near: 'after',
      };
      match.message = `${message}\n${quoted}\n${sql[caretAt] ?? ''}`;
    }
    out.push(match);
  });
  return out;
};
