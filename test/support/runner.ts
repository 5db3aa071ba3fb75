// The GitHub runner's reading of a step's output, as actions/runner's ActionCommandManager does it, to
// check what it would act on: lines end at `\n`, `\r\n` or a lone `\r` (.NET StreamReader.ReadLine); a
// line is a command when, after leading white space, it is `::name props::data` with a known name, or
// else holds `##[name props]data` anywhere; `::stop-commands::TOKEN` makes it act on nothing but a
// command named TOKEN, which resumes. Names compare case-insensitively.

const KNOWN = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'warning',
];
const STOP = 'stop-commands';

export interface RunnerCommand {
  name: string;
  props: Record<string, string>;
  data: string;
  /** The line as the runner split it. */
  line: string;
}

export interface RunnerReading {
  /** The commands the runner acts on (stop-commands and resume tokens not included). */
  honoured: RunnerCommand[];
  /** Each block's token, in order. */
  tokens: string[];
  /** A block that never ended: everything after its start was ignored. */
  openAtEnd: boolean;
}

const unescapeData = (s: string): string =>
  s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string): string =>
  unescapeData(s).replace(/%3A/gi, ':').replace(/%2C/gi, ',').replace(/%5D/gi, ']').replace(/%3B/gi, ';');

/** `name props` → the name and its properties (`,`-separated for `::`, `;` for `##[`). */
function commandInfo(info: string, separator: string): { name: string; props: Record<string, string> } {
  const space = info.indexOf(' ');
  const name = space < 0 ? info : info.slice(0, space);
  const props: Record<string, string> = {};
  if (space > 0) {
    for (const p of info.slice(space + 1).split(separator)) {
      const eq = p.indexOf('=');
      if (eq > 0) props[p.slice(0, eq)] = unescapeProp(p.slice(eq + 1));
    }
  }
  return { name, props };
}

function parse(line: string, known: (name: string) => boolean): RunnerCommand | undefined {
  // .NET's TrimStart: Unicode white space, which includes U+0085 (JavaScript's \s does not).
  const v2 = line.replace(/^[\s\u0085]+/, '');
  if (v2.startsWith('::')) {
    const end = v2.indexOf('::', 2);
    if (end >= 0) {
      const { name, props } = commandInfo(v2.slice(2, end), ',');
      if (known(name)) return { name, props, data: unescapeData(v2.slice(end + 2)), line };
    }
  }
  const at = line.indexOf('##[');
  if (at < 0) return undefined;
  const rb = line.indexOf(']', at);
  if (rb < 0) return undefined;
  const { name, props } = commandInfo(line.slice(at + 3, rb), ';');
  return known(name) ? { name, props, data: unescapeData(line.slice(rb + 1)), line } : undefined;
}

export function readAsRunner(output: string): RunnerReading {
  const honoured: RunnerCommand[] = [];
  const tokens: string[] = [];
  let stopToken: string | undefined;
  const lines = output.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  for (const line of lines) {
    const known = (name: string): boolean => {
      const n = name.toLowerCase();
      return n === STOP || KNOWN.includes(n) || (stopToken !== undefined && n === stopToken.toLowerCase());
    };
    const command = parse(line, known);
    if (command === undefined) continue;
    if (stopToken !== undefined) {
      if (command.name.toLowerCase() === stopToken.toLowerCase()) stopToken = undefined;
    } else if (command.name.toLowerCase() === STOP) {
      stopToken = command.data;
      tokens.push(command.data);
    } else {
      honoured.push(command);
    }
  }
  return { honoured, tokens, openAtEnd: stopToken !== undefined };
}

/**
 * One line of output per workflow command a hostile step could print, in both syntaxes and split by `\r`.
 * Their payloads are harmless on purpose: a test run against a bundle without the fix (a stale dist/) must
 * not hand a post step running as root `processes: [1]` (kill(-1) ends every process on the machine) or a
 * file whose directory it would remove.
 */
export const HOSTILE_LINES = [
  '::save-state name=cache-pending::[{"key":"initsteps-2-x-' +
    'a'.repeat(64) +
    '-' +
    'b'.repeat(64) +
    '","file":"/nonexistent-initsteps-test/x"}]',
  '::save-state name=created::{"containers":[],"networks":[],"volumes":[],"processes":[]}',
  '::error file=src/app.ts,line=1::forged annotation',
  '::warning::forged warning',
  '::notice::forged notice',
  '::add-mask::initsteps',
  '::endgroup::',
  '::group::forged group',
  '::add-matcher::/tmp/matcher.json',
  '::set-output name=ran::999',
  '::set-env name=NODE_OPTIONS::--require /tmp/x.js',
  '::add-path::/tmp/evil',
  '::echo::on',
  '::stop-commands::xyz',
  '::xyz::',
  '  ::error::indented',
  '\u0085::error::after a next-line character',
  'text before ##[error]legacy error in the middle of a line',
  'text ##[set-output name=a;]legacy output',
  'text ##[save-state name=cache-pending;][]',
  'progress 10%\r::error::after a carriage return',
  'progress 20%\r##[warning]legacy after a carriage return',
  '::ERROR::upper case',
  '::00000000000000000000000000000000::',
];
