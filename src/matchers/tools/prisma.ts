// Prisma Migrate. `migrate deploy` prints `Applying migration \`<name>\`` and fails with P3018 (`Migration
// name: <name>`, then `Database error:` and the database's message); `migrate dev` fails with P3006
// (`Migration \`<name>\` failed to apply cleanly to the shadow database.`). On PostgreSQL a `Position:` block
// then lists the migration's lines up to the failing one, numbered. The file is
// `<schema dir>/migrations/<name>/migration.sql`, <schema dir> from `--schema` (default `prisma`).
import path from 'node:path';
import type { BuiltinMatcher, Match } from '../types.js';
import { flagValue, isLiteralPath, joinPath } from '../words.js';

const APPLYING = /Applying migration `([^`]+)`/;
const NAMED = /^Migration name: (\S+)\s*$/;
const SHADOW = /^Migration `?([^`\s]+)`? failed to apply cleanly to the (?:shadow|temporary) database/;
const CODE = /^Error: (P3\d{3})\s*$/;
const NUMBERED = /^\s*(\d+)(?: (.*))?$/;

export const prisma: BuiltinMatcher = (lines, run) => {
  const schema = flagValue(run.words, ['--schema']);
  const root = schema !== undefined && isLiteralPath(schema) ? path.posix.dirname(schema) : 'prisma';
  let applying: string | undefined;
  let failed: { name?: string; code?: string; message?: string; line?: number } | undefined;
  lines.forEach((text, i) => {
    const applied = APPLYING.exec(text);
    if (applied) applying = applied[1];
    const code = CODE.exec(text);
    if (code) failed = { code: code[1], ...(applying !== undefined ? { name: applying } : {}) };
    if (!failed) return;
    const name = NAMED.exec(text)?.[1] ?? SHADOW.exec(text)?.[1];
    if (name !== undefined) failed.name = name;
    if ((text === 'Database error:' || text === 'Error:') && failed.message === undefined) {
      failed.message = lines.slice(i + 1).find((l) => l.trim() !== '');
    }
    if (text === 'Position:') {
      for (const next of lines.slice(i + 1)) {
        const numbered = NUMBERED.exec(next);
        if (!numbered) break;
        failed.line = Number(numbered[1]);
      }
    }
  });
  if (failed?.name === undefined) return [];
  const match: Match = {
    owner: 'prisma',
    severity: 'error',
    message: failed.message ?? `migration ${failed.name} failed`,
    file: joinPath(root, `migrations/${failed.name}/migration.sql`),
    ...(failed.code !== undefined ? { code: failed.code } : {}),
    ...(failed.line !== undefined && failed.line > 0 ? { line: failed.line } : {}),
  };
  return [match];
};
