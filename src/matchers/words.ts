// A step's command line as words, to learn what the output leaves out: the file a tool read on standard
// input (`mysql app < migrations/001.sql`), a migration tool's directory flag (`-path`, `--migrations-dir`).
// A `sh -c` string is split the way the shell would split it (quotes, backslashes, operators) but nothing is
// expanded: a word with `$`, a glob or a backquote is not a literal path and names nothing.
import path from 'node:path';

/** Shell operators kept as their own words; `<<` and `<(` so they are never read as a stdin redirect. */
const OPERATORS = ['<<<', '<<-', '<<', '<(', '&&', '||', '>>', '<', '>', '|', '&', ';', '(', ')'];

/** Splits one shell string into words. */
function splitShell(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  const end = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 ? text.length : close;
      word += text.slice(i + 1, stop);
      inWord = true;
      i = stop;
    } else if (c === '"') {
      inWord = true;
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1] ?? '')) i++;
        word += text[i];
      }
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      end();
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op) {
        end();
        words.push(op);
        i += op.length - 1;
      } else {
        word += c;
        inWord = true;
      }
    }
  }
  end();
  return words;
}

/** The words of a command line; an argument with blanks or operators is split as a shell script. */
export const commandWords = (argv: readonly string[]): string[] =>
  argv.flatMap((arg) => (/[\s;&|<>()]/.test(arg) ? splitShell(arg) : [arg]));

/** A word that is a path as written: nothing the shell would expand. */
export const isLiteralPath = (word: string): boolean => word !== '' && !/[$`*?[\]~{}]/.test(word);

/** The one file redirected to standard input (`< file`), when the command line names exactly one. */
export function stdinFile(words: readonly string[]): string | undefined {
  const files = new Set<string>();
  words.forEach((w, i) => {
    const next = words[i + 1] ?? '';
    // `< <(command)` reads a command's output, not a file.
    if (w === '<') files.add(OPERATORS.includes(next) ? '' : next);
  });
  const [only] = files;
  return files.size === 1 && only !== undefined && isLiteralPath(only) ? only : undefined;
}

/** A flag's value: `--name value`, `--name=value`, `-n value`; the first of the names given that is set. */
export function flagValue(words: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    for (const name of names) {
      if (w === name && i + 1 < words.length) return words[i + 1];
      if (w.startsWith(`${name}=`)) return w.slice(name.length + 1);
    }
  }
  return undefined;
}

/** Whether the command line runs this program (by base name). */
export const runs = (words: readonly string[], program: string): boolean =>
  words.some((w) => path.posix.basename(w) === program);

/** A relative or absolute container path joined under a directory (a migration tool's, or `.`). */
export const joinPath = (dir: string, name: string): string => path.posix.join(dir, name);
