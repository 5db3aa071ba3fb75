import { mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostPathRefusedError, resolveHostPaths } from '../../../src/engine/mount-check.js';
import type { VolumeMount } from '../../../src/spec/model.js';
import { claim, hostPath } from '../../support/model.js';

/** <tmp>/ws (the workspace, reached through a symlink) with `seed`, `..dots`, and the sibling <tmp>/ws-other. */
function layout() {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'initsteps-mounts-')));
  const ws = join(root, 'ws');
  for (const d of [join(ws, 'seed'), join(ws, '..dots'), join(root, 'ws-other')])
    mkdirSync(d, { recursive: true });
  symlinkSync(ws, join(root, 'ws-link'));
  return { root, ws, link: join(root, 'ws-link') };
}

const sourceOf = (v: VolumeMount | undefined) => (v?.source.kind === 'hostPath' ? v.source.path : undefined);

describe('resolveHostPaths', () => {
  it('gives each hostPath its real path and leaves other volumes alone', async () => {
    const { ws, link } = layout();
    const data = claim('data', '/data');
    const vols = await resolveHostPaths([data, hostPath('seed', '/seed', join(link, 'seed'))], {
      workspace: link,
    });
    expect(vols[0]).toBe(data);
    expect(sourceOf(vols[1])).toBe(join(ws, 'seed'));
  });

  it('accepts the workspace itself and a name that merely starts with two dots', async () => {
    const { ws } = layout();
    const vols = await resolveHostPaths(
      [hostPath('all', '/all', ws), hostPath('dots', '/dots', join(ws, '..dots'))],
      { workspace: ws },
    );
    expect(vols.map(sourceOf)).toEqual([ws, join(ws, '..dots')]);
  });

  it('refuses a directory swapped for a symlink to /, naming the volume, the real path and the workspace', async () => {
    const { ws } = layout();
    symlinkSync('/', join(ws, 'work'));
    const refused = resolveHostPaths([hostPath('work', '/work', join(ws, 'work'))], { workspace: ws });
    await expect(refused).rejects.toBeInstanceOf(HostPathRefusedError);
    await expect(refused).rejects.toThrow(
      `hostPath volume "work" (${join(ws, 'work')}) resolves to /, outside the workspace ${ws}`,
    );
  });

  it('refuses a sibling directory whose name extends the workspace name', async () => {
    const { root, ws } = layout();
    const refused = resolveHostPaths([hostPath('o', '/o', join(root, 'ws-other'))], { workspace: ws });
    await expect(refused).rejects.toThrow(/resolves to .*ws-other, outside the workspace/);
  });

  it('mounts the real path outside the workspace when privileged specs are allowed', async () => {
    const { ws } = layout();
    symlinkSync('/', join(ws, 'work'));
    const vols = await resolveHostPaths([hostPath('work', '/work', join(ws, 'work'))], {
      workspace: ws,
      allowPrivileged: true,
    });
    expect(sourceOf(vols[0])).toBe('/');
  });

  it('refuses a path that no longer exists', async () => {
    const { ws } = layout();
    await expect(
      resolveHostPaths([hostPath('gone', '/gone', join(ws, 'gone'))], {
        workspace: ws,
        allowPrivileged: true,
      }),
    ).rejects.toThrow(/hostPath volume "gone" .*gone cannot be resolved: ENOENT/);
  });
});
