import { describe, expect, it } from 'vitest';
import { commandWords, flagValue, stdinFile } from '../../../src/matchers/words.js';

describe('commandWords', () => {
  it('splits a shell string with quotes and operators, and keeps plain arguments whole', () => {
    expect(
      commandWords(['sh', '-ec', `psql -v ON_ERROR_STOP=1 -c "select 'a b'" < /m/1.sql && echo 'done it'`]),
    ).toEqual([
      'sh',
      '-ec',
      'psql',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      "select 'a b'",
      '<',
      '/m/1.sql',
      '&&',
      'echo',
      'done it',
    ]);
    expect(commandWords(['psql', '-f', '/m/1.sql'])).toEqual(['psql', '-f', '/m/1.sql']);
  });
});

describe('stdinFile', () => {
  it('is the one literal file redirected to standard input', () => {
    expect(stdinFile(commandWords(['sh', '-c', 'mysql app </m/1.sql']))).toBe('/m/1.sql');
    expect(stdinFile(commandWords(['sh', '-c', 'mysql app < /m/1.sql; mysql app < /m/1.sql']))).toBe(
      '/m/1.sql',
    );
  });

  it('is none for two files, a variable, a glob, a here-document or process substitution', () => {
    expect(stdinFile(commandWords(['sh', '-c', 'mysql < /m/1.sql && mysql < /m/2.sql']))).toBeUndefined();
    expect(stdinFile(commandWords(['sh', '-c', 'mysql < "$f"']))).toBeUndefined();
    expect(stdinFile(commandWords(['sh', '-c', 'mysql < /m/*.sql']))).toBeUndefined();
    expect(stdinFile(commandWords(['sh', '-c', "psql <<'SQL'\nselect 1;\nSQL"]))).toBeUndefined();
    expect(stdinFile(commandWords(['bash', '-c', 'psql < <(cat /m/1.sql)']))).toBeUndefined();
  });
});

describe('flagValue', () => {
  it('reads `--flag value`, `--flag=value` and short flags', () => {
    const words = ['migrate', '-path', './db', '--migrations-dir=/sql', '-m', 'm'];
    expect(flagValue(words, ['-path'])).toBe('./db');
    expect(flagValue(words, ['--migrations-dir'])).toBe('/sql');
    expect(flagValue(words, ['-m'])).toBe('m');
    expect(flagValue(words, ['-x'])).toBeUndefined();
  });
});
