import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addMarker, deleteMarkers, getMarkers, setMarkers, stateDir } from '../../../src/markers/store.js';

const dir = () => mkdtempSync(join(tmpdir(), 'markers-'));

describe('marker store', () => {
  it('stamps, replaces and deletes markers per volume identity', async () => {
    const d = dir();
    expect(await getMarkers('uid-1', d)).toEqual([]);
    await addMarker('uid-1', 'db/format', new Date('2024-01-01T00:00:00Z'), d);
    await addMarker('uid-1', 'db/seed', new Date('2024-01-02T00:00:00Z'), d);
    await addMarker('uid-1', 'db/format', new Date('2024-01-03T00:00:00Z'), d);
    expect(await getMarkers('uid-1', d)).toEqual([
      { volumeUid: 'uid-1', key: 'db/seed', at: '2024-01-02T00:00:00.000Z' },
      { volumeUid: 'uid-1', key: 'db/format', at: '2024-01-03T00:00:00.000Z' },
    ]);
    expect(await getMarkers('uid-2', d)).toEqual([]);
    await deleteMarkers('uid-1', d);
    expect(await getMarkers('uid-1', d)).toEqual([]);
  });

  it('setMarkers rewrites them onto the given identity (cache restore) and leaves no temp files', async () => {
    const d = dir();
    await setMarkers('new-uid', [{ volumeUid: 'old-uid', key: 'db/format', at: 'x' }], d);
    expect(await getMarkers('new-uid', d)).toEqual([{ volumeUid: 'new-uid', key: 'db/format', at: 'x' }]);
    expect(readdirSync(join(d, 'markers'))).toEqual(['new-uid.json']);
  });

  it('refuses a uid that is not a plain file name', async () => {
    await expect(getMarkers('../escape', dir())).rejects.toThrow(/invalid volume uid/);
  });

  it('finds the state dir from the environment', () => {
    expect(stateDir({ INITSTEPS_STATE_DIR: '/s' })).toBe('/s');
    expect(stateDir({ XDG_STATE_HOME: '/x' })).toBe('/x/initsteps');
    expect(stateDir({})).toMatch(/\.local\/state\/initsteps$/);
  });
});
