// Flyway: a block after the failure,
//   ERROR: Migration V2__add_index.sql failed        (`Script ... failed` in newer versions)
//   SQL State  : 42703
//   Message    : ERROR: column "totl" does not exist
//   Location   : <location> (<path on disk>)
//   Line       : 3
// <line> is where the failing statement starts in the file.
import type { BuiltinMatcher, Match } from '../types.js';

const HEADER = /(?:^|\s)(?:Migration|Script) (\S+) failed\s*$/;
const FIELD = /^(SQL State|Error Code|Message|Location|Line|Statement)\s*: ?(.*)$/;
/** The block's fields come within this many lines of its header. */
const BLOCK_LINES = 12;

export const flyway: BuiltinMatcher = (lines) => {
  const out: Match[] = [];
  lines.forEach((text, i) => {
    const header = HEADER.exec(text);
    if (!header) return;
    const fields = new Map<string, string>();
    for (const next of lines.slice(i + 1, i + 1 + BLOCK_LINES)) {
      if (HEADER.test(next)) break;
      const f = FIELD.exec(next);
      if (f && !fields.has(f[1] ?? '')) fields.set(f[1] ?? '', (f[2] ?? '').trim());
    }
    const location = fields.get('Location');
    if (location === undefined) return;
    // `<location> (<path on disk>)`: the path on disk is the file; a classpath location has none.
    const onDisk = /\(([^()]+)\)$/.exec(location)?.[1];
    const file = (onDisk ?? location).replace(/^filesystem:/, '');
    const line = Number(fields.get('Line'));
    const state = fields.get('SQL State');
    out.push({
      owner: 'flyway',
      severity: 'error',
      message: fields.get('Message') || `${header[1] ?? ''} failed`,
      file,
      ...(state && state !== 'null' ? { code: state } : {}),
      ...(Number.isInteger(line) && line > 0 ? { line } : {}),
    });
  });
  return out;
};
