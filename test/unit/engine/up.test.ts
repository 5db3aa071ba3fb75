import { describe, expect, it } from 'vitest';
import { formatMs } from '../../../src/engine/attempt.js';
import { cancelKind, selectServices } from '../../../src/engine/up.js';
import { CancelledError, UsageError } from '../../../src/errors.js';
import { project } from '../../support/model.js';

describe('selectServices', () => {
  const p = project('p', [
    { name: 'db' },
    { name: 'cache' },
    { name: 'app', dependsOn: ['db'] },
    { name: 'web', dependsOn: ['app', 'cache'] },
  ]);
  const names = (names?: string[]) => selectServices(p, names).map((s) => s.name);

  it('takes everything by default', () => {
    expect(names()).toEqual(['db', 'cache', 'app', 'web']);
    expect(names([])).toEqual(['db', 'cache', 'app', 'web']);
  });

  it('adds transitive dependencies and keeps dependency order', () => {
    expect(names(['app'])).toEqual(['db', 'app']);
    expect(names(['web'])).toEqual(['db', 'cache', 'app', 'web']);
    expect(names(['cache'])).toEqual(['cache']);
  });

  it('names unknown services', () => {
    expect(() => names(['nope'])).toThrow(UsageError);
    expect(() => names(['nope'])).toThrow(/unknown service "nope"; the spec defines db, cache, app, web/);
  });
});

describe('cancelKind', () => {
  it('maps abort reasons to the CancelledError kind', () => {
    expect(cancelKind(new CancelledError('SIGTERM'))).toBe('SIGTERM');
    expect(cancelKind('SIGTERM')).toBe('SIGTERM');
    expect(cancelKind('SIGINT')).toBe('SIGINT');
    expect(cancelKind(new DOMException('t', 'TimeoutError'))).toBe('timeout');
    expect(cancelKind(undefined)).toBe('SIGINT');
  });
});

describe('formatMs', () => {
  it('uses the largest whole unit', () => {
    expect(formatMs(7_200_000)).toBe('2h');
    expect(formatMs(120_000)).toBe('2m');
    expect(formatMs(1500)).toBe('1500ms');
    expect(formatMs(3000)).toBe('3s');
  });
});
