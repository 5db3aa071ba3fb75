// The small parsers: durations (shared with the action's timeout input), quantities, ports, suggestions.
import { describe, expect, it } from 'vitest';
import { MAX_DURATION_MS, parseDuration } from '../../../src/spec/index.js';
import { FORMATS } from '../../../src/spec/formats.js';
import { parseCpu, parseMemory, parsePort } from '../../../src/spec/quantity.js';
import { closest } from '../../../src/spec/suggest.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1m30s500ms', 90_500],
    ['1.5s', 1500],
    ['90', 90_000],
    [90, 90_000],
    ['0.5', 500],
    [' 5m ', 300_000],
    ['0s', 0],
  ])('%j → %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '5x', '-5s', '5 m', 'm', '1h-30m', '1e3', 'NaN', 'Infinity', '5S', '1d'])(
    '%j is not a duration',
    (text) => expect(parseDuration(text)).toBeUndefined(),
  );

  it('the schema pattern accepts exactly what the parser accepts', () => {
    const re = new RegExp(FORMATS.duration.pattern);
    for (const s of ['500ms', '1h30m', '90', '0.5', '1.5s', '5x', '-5s', '1d', '1e3', '']) {
      expect(re.test(s), s).toBe(parseDuration(s) !== undefined);
    }
    expect(MAX_DURATION_MS).toBe(2 ** 31 - 1);
  });
});

describe('quantities', () => {
  it.each([
    ['500m', 5e8],
    ['2', 2e9],
    ['0.5', 5e8],
    ['1500m', 1.5e9],
  ])('cpu %s', (s, n) => expect(parseCpu(s)).toBe(n));
  it.each(['0', '0m', 'm', '-1', '1.5m', 'two', '2 cpus'])('cpu %j invalid', (s) =>
    expect(parseCpu(s)).toBeUndefined(),
  );

  it.each([
    ['512Mi', 512 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['1000', 1000],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['64k', 64_000],
  ])('memory %s', (s, n) => expect(parseMemory(s)).toBe(n));
  it.each(['0', '512m', '1gb', 'Mi', '-1Gi', '1 Gi'])('memory %j invalid', (s) =>
    expect(parseMemory(s)).toBeUndefined(),
  );
});

describe('ports', () => {
  it.each([
    ['3000', { containerPort: 3000 }],
    ['13000:3000', { containerPort: 3000, hostPort: 13000 }],
    ['127.0.0.1:13000:3000', { containerPort: 3000, hostPort: 13000, hostIp: '127.0.0.1' }],
    ['127.0.0.1::3000', { containerPort: 3000, hostIp: '127.0.0.1' }],
    ['[::1]:80:8080/udp', { containerPort: 8080, hostPort: 80, hostIp: '::1', protocol: 'udp' }],
    ['53/UDP', { containerPort: 53, protocol: 'udp' }],
  ])('%s', (s, parsed) => expect(parsePort(s)).toEqual(parsed));
  it.each(['0', '65536', '1:70000', 'a', '127.0.0.1:3000', '3000/sctp', '1:2:3:4', ''])('%j invalid', (s) =>
    expect(parsePort(s)).toBeUndefined(),
  );
});

describe('did you mean', () => {
  it.each([
    ['imagePullPolice', 'imagePullPolicy'],
    ['comand', 'command'],
    ['ImagePullPolicy', 'imagePullPolicy'],
    ['initsteps', 'initSteps'],
    ['enviroment', undefined],
    ['xyz', undefined],
  ])('%s → %s', (word, hit) =>
    expect(closest(word, ['image', 'imagePullPolicy', 'command', 'initSteps', 'env'])).toBe(hit),
  );
});
