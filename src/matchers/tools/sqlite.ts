// The sqlite3 shell: `Parse error near line <n>: <message>` (and `Runtime error near line <n>`; before 3.38
// `Error: near line <n>: <message>`), <n> the line where the failing statement starts, then up to 78
// characters of the statement (blanks as spaces) with `^--- error here` or `error here ---^` under the spot.
// It never names the file: that is the one redirected to it, `.read <file>` or `-init <file>`.
import type { BuiltinMatcher, Match, RunInfo } from '../types.js';
import { flagValue, isLiteralPath, runs } from '../words.js';

const ERROR = /^(?:(?:Parse|Runtime) error|Error:) near line (\d+): (.*)$/;
const CARET = /^ {2}(?:( *)\^--- error here|( *)error here ---\^)\s*$/;

/** The file the shell reads its statements from. */
function inputFile(run: RunInfo): string | undefined {
  if (!runs(run.words, 'sqlite3')) return undefined;
  if (run.stdin !== undefined) return run.stdin;
  for (const [i, w] of run.words.entries()) {
    const read = /^\.read\s+(\S+)$/.exec(w)?.[1] ?? (w === '.read' ? run.words[i + 1] : undefined);
    if (read !== undefined && isLiteralPath(read)) return read;
  }
  const init = flagValue(run.words, ['-init']);
  return init !== undefined && isLiteralPath(init) ? init : undefined;
}

export const sqlite: BuiltinMatcher = (lines, run) => {
  const file = inputFile(run);
  if (file === undefined) return [];
  return lines.flatMap((text, i): Match[] => {
    const m = ERROR.exec(text);
    if (!m) return [];
    const match: Match = {
      owner: 'sqlite3',
      severity: 'error',
      message: m[2] ?? '',
      file,
      line: Number(m[1]),
    };
    const quoted = lines[i + 1] ?? '';
    const caret = CARET.exec(lines[i + 2] ?? '');
    if (caret && quoted.startsWith('  ')) {
      // `^--- error here` starts at the spot; in `error here ---^` the caret is 14 characters on.
      const caretAt = caret[1] !== undefined ? caret[1].length : (caret[2] ?? '').length + 14;
      match.locate = { kind: 'quote', text: quoted.slice(2), caret: caretAt, near: 'after' };
      match.message = `${match.message}\n${quoted}\n${lines[i + 2] ?? ''}`;
    }
    return [match];
  });
};
