import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheStoreError, followFile } from '../../../src/cache/stores.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'initsteps-stores-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Appends `parts` to `file` one by one, a few ms apart (another process extracting it); resolves `ok`. */
async function writeSlowly(file: string, parts: Buffer[], ok: boolean): Promise<boolean> {
  for (const part of parts) {
    await tick(15);
    appendFileSync(file, part);
  }
  return ok;
}

async function collect(gen: AsyncGenerator<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of gen) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('followFile (a snapshot read while @actions/cache extracts it)', () => {
  const parts = Array.from({ length: 6 }, (_, i) => Buffer.alloc(300_000 + i, i + 1));

  it('reads every byte written before the writer finished, and stops there', async () => {
    const file = join(dir, 'snapshot.tar');
    writeFileSync(file, '');
    const done = writeSlowly(file, parts, true);
    expect((await collect(followFile(file, done))).equals(Buffer.concat(parts))).toBe(true);
  });

  it('fails when the writer gives up (a download that broke off)', async () => {
    const file = join(dir, 'snapshot.tar');
    writeFileSync(file, '');
    const done = writeSlowly(file, parts.slice(0, 2), false);
    await expect(collect(followFile(file, done))).rejects.toThrow(CacheStoreError);
  });
});
