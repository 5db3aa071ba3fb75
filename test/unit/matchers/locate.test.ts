import { describe, expect, it } from 'vitest';
import { locate } from '../../../src/matchers/locate.js';

const sql = [
  'CREATE TABLE a (',
  '  id int,',
  '  amount numeric NOT NUL',
  ');',
  'CREATE TABLE b (',
  '  amount numeric NOT NUL',
  ');',
].join('\n');

describe('locate a quoted line', () => {
  it('finds the nearest quote at or before the tool line (psql numbers the last line of the statement)', () => {
    const quote = { kind: 'quote', text: '  amount numeric NOT NUL', caret: 21, near: 'before' } as const;
    expect(locate(sql, quote, 7)).toEqual({ line: 6, column: 22 });
    expect(locate(sql, quote, 4)).toEqual({ line: 3, column: 22 });
    expect(locate(sql, quote, 2)).toBeUndefined();
  });

  it('finds the first quote from the tool line on (sqlite3 numbers the first), a newline quoted as a blank', () => {
    const window = { kind: 'quote', text: 'CREATE TABLE b (   amount', caret: 19, near: 'after' } as const;
    expect(locate(sql, window, 5)).toEqual({ line: 6, column: 3 });
    expect(locate(sql, window)).toEqual({ line: 6, column: 3 });
  });

  it("drops psql's ellipses and keeps the caret on the same character", () => {
    const quote = { kind: 'quote', text: '...numeric NOT NUL...', caret: 15, near: 'before' } as const;
    expect(locate(sql, quote, 3)).toEqual({ line: 3, column: 22 });
  });

  it('finds nothing for a blank quote or one not in the file', () => {
    expect(locate(sql, { kind: 'quote', text: '   ', caret: 1, near: 'after' })).toBeUndefined();
    expect(locate(sql, { kind: 'quote', text: 'DROP TABLE', caret: 0, near: 'after' })).toBeUndefined();
  });
});

describe('locate a Liquibase changeset', () => {
  it('in formatted SQL, XML and YAML changelogs', () => {
    const formatted =
      '--liquibase formatted sql\n\n--changeset alice:1\nSELECT 1;\n--changeset alice:2\nSELECT x;\n';
    expect(locate(formatted, { kind: 'changeset', id: '2', author: 'alice' })).toEqual({ line: 5 });
    const xml = '<databaseChangeLog>\n  <changeSet id="1641469325-1" author="maxence">\n';
    expect(locate(xml, { kind: 'changeset', id: '1641469325-1', author: 'maxence' })).toEqual({ line: 2 });
    const yaml = 'databaseChangeLog:\n  - changeSet:\n      id: add-index\n      author: bob\n';
    expect(locate(yaml, { kind: 'changeset', id: 'add-index', author: 'bob' })).toEqual({ line: 3 });
    expect(locate(yaml, { kind: 'changeset', id: 'other', author: 'bob' })).toBeUndefined();
  });
});
