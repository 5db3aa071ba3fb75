// Liquibase: `Migration failed for changeset <changelog>::<id>::<author>:` then `Reason: <exception>: <message>`.
// No line is printed: the changeset's line is found in the changelog (`--changeset author:id`, `<changeSet
// id=...>`, `id:`). The changelog path is relative to the search path (`--search-path`, else the directory
// Liquibase runs in), so both are tried.
import type { BuiltinMatcher, Match } from '../types.js';
import { flagValue, joinPath } from '../words.js';

const FAILED = /Migration failed for change ?set (.+?)::(.+?)::(.+?):\s*$/;
const REASON = /^\s*Reason: (?:[\w.]+Exception: )?(.*)$/;

export const liquibase: BuiltinMatcher = (lines, run) => {
  const searchPath = flagValue(run.words, ['--search-path', '--searchPath']) ?? run.env.LIQUIBASE_SEARCH_PATH;
  const roots =
    searchPath
      ?.split(',')
      .map((d) => d.trim())
      .filter((d) => d !== '') ?? [];
  return lines.flatMap((text, i): Match[] => {
    const m = FAILED.exec(text);
    if (!m) return [];
    const changelog = m[1] ?? '';
    const reason = lines
      .slice(i + 1, i + 4)
      .map((l) => REASON.exec(l))
      .find((r) => r !== null);
    const [file = changelog, ...alternatives] = [
      changelog,
      ...roots.map((root) => joinPath(root, changelog)).filter((p) => p !== changelog),
    ];
    return [
      {
        owner: 'liquibase',
        severity: 'error',
        message: reason?.[1] ?? `changeset ${m[2] ?? ''} by ${m[3] ?? ''} failed`,
        file,
        alternatives,
        locate: { kind: 'changeset', id: m[2] ?? '', author: m[3] ?? '' },
      },
    ];
  });
};
