// A configMap, secret or downwardAPI volume mounted with `subPath` (docs/kubernetes.md#volumes): its files
// under the subPath go into the created container at the mountPath, in one tar put at `/` with no
// directory entries, so Docker creates a missing parent and leaves an existing one (its mode) alone.
import type { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { copySubPaths } from '../../../src/engine/volumes.js';
import type { ContainerRuntime } from '../../../src/runtime/types.js';
import type { ProjectedFile, VolumeMount } from '../../../src/spec/model.js';

const file = (p: string, text: string, mode = 0o644): ProjectedFile => ({
  path: p,
  contentBase64: Buffer.from(text).toString('base64'),
  mode,
});
const files = [file('app.conf', 'listen 80'), file('d/a', 'A', 0o600), file('d/b/c', 'C'), file('dx', 'no')];
const mount = (mountPath: string, subPath?: string): VolumeMount => ({
  name: 'cfg',
  mountPath,
  readOnly: true,
  source: { kind: 'files', files, secret: false },
  ...(subPath !== undefined && { subPath }),
});

/** The entries of the one tar put into the container: `type path mode content`. */
async function copied(mounts: VolumeMount[]): Promise<{ at: string[]; entries: string[] }> {
  const at: string[] = [];
  const entries: string[] = [];
  const runtime = {
    putArchive: async (id: string, dir: string, tar: Readable) => {
      at.push(`${id}:${dir}`);
      const ex = extract();
      ex.on('entry', (h, stream, next) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: unknown) => chunks.push(c as Buffer));
        stream.on('end', () => {
          entries.push(
            `${h.type} ${h.name} ${(h.mode ?? 0).toString(8)} ${Buffer.concat(chunks).toString()}`,
          );
          next();
        });
      });
      await new Promise<void>((resolve, reject) => {
        ex.on('finish', resolve);
        ex.on('error', reject);
        tar.pipe(ex);
      });
    },
  } as unknown as ContainerRuntime;
  await copySubPaths(runtime, 'c1', mounts);
  return { at, entries };
}

describe('copySubPaths', () => {
  it('puts a file subPath at the mountPath, a directory subPath under it, no directory entries', async () => {
    const { at, entries } = await copied([mount('/etc/app/app.conf', 'app.conf'), mount('/opt/d/', 'd')]);
    expect(at).toEqual(['c1:/']);
    expect(entries).toEqual([
      'file etc/app/app.conf 644 listen 80',
      'file opt/d/a 600 A',
      'file opt/d/b/c 644 C',
    ]);
  });

  it('puts nothing for mounts without a subPath', async () => {
    expect((await copied([mount('/cfg')])).at).toEqual([]);
  });
});
