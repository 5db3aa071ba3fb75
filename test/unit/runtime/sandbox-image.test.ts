import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { buildPauseElf, buildTar, sandboxArch, sandboxImage } from '../../../src/runtime/sandbox-image.js';

describe('buildPauseElf', () => {
  it.each([
    ['x64', 62],
    ['arm64', 183],
  ] as const)('%s: a static ELF64 executable with one R+X PT_LOAD covering the file', (arch, machine) => {
    const elf = buildPauseElf(arch);
    expect([...elf.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    expect(elf[4]).toBe(2); // ELFCLASS64
    expect(elf[5]).toBe(1); // little endian
    expect(elf.readUInt16LE(16)).toBe(2); // ET_EXEC
    expect(elf.readUInt16LE(18)).toBe(machine);
    const entry = elf.readBigUInt64LE(24);
    expect(elf.readBigUInt64LE(32)).toBe(64n); // program headers right after the ELF header
    expect(elf.readUInt16LE(56)).toBe(1);
    expect(elf.readUInt32LE(64)).toBe(1); // PT_LOAD
    expect(elf.readUInt32LE(68)).toBe(5); // R+X
    const vaddr = elf.readBigUInt64LE(64 + 16);
    expect(elf.readBigUInt64LE(64 + 32)).toBe(BigInt(elf.length)); // p_filesz
    expect(entry).toBe(vaddr + 120n); // code right after both headers
  });

  it('x64: pause(2) in a loop', () => {
    expect([...buildPauseElf('x64').subarray(120)]).toEqual([0xb8, 0x22, 0, 0, 0, 0x0f, 0x05, 0xeb, 0xf7]);
  });

  it('arm64: ppoll(NULL, 0, NULL, NULL) in a loop branching back to its first instruction', () => {
    const code = buildPauseElf('arm64').subarray(120);
    const words = Array.from({ length: code.length / 4 }, (_, i) => code.readUInt32LE(i * 4));
    expect(words).toContain(0xd2800928); // mov x8, #73 (ppoll)
    expect(words).toContain(0xd4000001); // svc #0
    const branch = words[words.length - 1] ?? 0;
    expect(branch >>> 26).toBe(0b000101); // B
    const offset = ((branch & 0x3ffffff) << 6) >> 6; // sign-extend imm26
    expect(offset).toBe(-(words.length - 1));
  });

  /** Starts the binary (directly, or under an emulator) and checks it is still waiting after a while. */
  async function waitsUntilKilled(arch: 'x64' | 'arm64', runner?: string): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'pause-'));
    const file = join(dir, 'pause');
    writeFileSync(file, buildPauseElf(arch));
    chmodSync(file, 0o755);
    const child = runner ? spawn(runner, [file]) : spawn(file);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, s) => resolve(s)));
    await new Promise((r) => setTimeout(r, 500));
    expect(child.exitCode).toBeNull();
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
  }

  it.runIf(process.platform === 'linux' && process.arch === 'x64')('x64: runs and waits on this host', () =>
    waitsUntilKilled('x64'),
  );

  it.runIf(process.platform === 'linux' && process.arch === 'arm64')(
    'arm64: runs and waits on this host',
    () => waitsUntilKilled('arm64'),
  );

  const qemu = '/usr/bin/qemu-aarch64-static';
  it.runIf(process.platform === 'linux' && process.arch === 'x64' && existsSync(qemu))(
    'arm64: runs and waits under qemu-user',
    () => waitsUntilKilled('arm64', qemu),
  );

  it('refuses an architecture it has no code for', () => {
    expect(() => sandboxArch('ia32')).toThrow(/no sandbox image for architecture ia32/);
  });
});

describe('buildTar / sandboxImage', () => {
  it('packs the files executable and owned by root, reproducibly', async () => {
    const tar = await buildTar([{ name: 'pause', content: Buffer.from('abc') }]);
    expect(await buildTar([{ name: 'pause', content: Buffer.from('abc') }])).toEqual(tar);
    const entries: { name: string; mode?: number; uid?: number; body: string }[] = [];
    const ex = extract();
    ex.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: unknown) => chunks.push(c as Buffer));
      stream.on('end', () => {
        entries.push({
          name: header.name,
          mode: header.mode,
          uid: header.uid,
          body: Buffer.concat(chunks).toString(),
        });
        next();
      });
    });
    const done = new Promise<void>((resolve) => ex.on('finish', () => resolve()));
    ex.end(tar);
    await done;
    expect(entries).toEqual([{ name: 'pause', mode: 0o755, uid: 0, body: 'abc' }]);
  });

  it('tags the image by the hash of the binary', async () => {
    const x64 = await sandboxImage('x64');
    const arm = await sandboxImage('arm64');
    expect(x64.ref).toMatch(/^initsteps\/sandbox:[0-9a-f]{12}$/);
    expect(arm.ref).not.toBe(x64.ref);
    expect(x64.changes).toContain('CMD ["/pause"]');
  });
});
