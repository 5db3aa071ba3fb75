// The sandbox ("pause") image: a process that only waits, holding an instance's network namespace.
// There is no registry to pull from, so the image is made here: a minimal static ELF written byte by
// byte, packed into a one-file tar and `docker import`ed, tagged by the hash of its bytes.
import { createHash } from 'node:crypto';
import { pack } from 'tar-stream';
import type { ContainerRuntime } from './types.js';

export type SandboxArch = 'x64' | 'arm64';

const BASE = 0x400000;
const EHDR_SIZE = 64;
const PHDR_SIZE = 56;

/** Machine code of the wait loop, per architecture. */
function loopCode(arch: SandboxArch): Buffer {
  if (arch === 'x64') {
    // 0: mov eax, 34 (pause) ; syscall ; jmp 0  — pause returns after a handled signal, so loop.
    return Buffer.from([0xb8, 0x22, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xeb, 0xf7]);
  }
  // aarch64 has no pause(2): ppoll(NULL, 0, NULL, NULL) (syscall 73) blocks until a signal; loop.
  const words = [
    0xd2800000, // mov x0, #0
    0xd2800001, // mov x1, #0
    0xd2800002, // mov x2, #0
    0xd2800003, // mov x3, #0
    0xd2800928, // mov x8, #73
    0xd4000001, // svc #0
    0x17fffffa, // b -6 (back to the first mov)
  ];
  const code = Buffer.alloc(words.length * 4);
  words.forEach((w, i) => code.writeUInt32LE(w, i * 4));
  return code;
}

/** A static ELF64 executable: one PT_LOAD segment (R+X) mapping the whole file, entry right after the headers. */
export function buildPauseElf(arch: SandboxArch): Buffer {
  const code = loopCode(arch);
  const size = EHDR_SIZE + PHDR_SIZE + code.length;
  const elf = Buffer.alloc(size);
  // e_ident: magic, ELFCLASS64, little endian, version 1, System V ABI.
  elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0], 0);
  elf.writeUInt16LE(2, 16); // e_type ET_EXEC
  elf.writeUInt16LE(arch === 'x64' ? 62 : 183, 18); // e_machine EM_X86_64 | EM_AARCH64
  elf.writeUInt32LE(1, 20); // e_version
  elf.writeBigUInt64LE(BigInt(BASE + EHDR_SIZE + PHDR_SIZE), 24); // e_entry
  elf.writeBigUInt64LE(BigInt(EHDR_SIZE), 32); // e_phoff
  elf.writeBigUInt64LE(0n, 40); // e_shoff: no sections
  elf.writeUInt32LE(0, 48); // e_flags
  elf.writeUInt16LE(EHDR_SIZE, 52); // e_ehsize
  elf.writeUInt16LE(PHDR_SIZE, 54); // e_phentsize
  elf.writeUInt16LE(1, 56); // e_phnum
  elf.writeUInt16LE(64, 58); // e_shentsize
  elf.writeUInt16LE(0, 60); // e_shnum
  elf.writeUInt16LE(0, 62); // e_shstrndx
  const ph = EHDR_SIZE;
  elf.writeUInt32LE(1, ph); // p_type PT_LOAD
  elf.writeUInt32LE(5, ph + 4); // p_flags R+X
  elf.writeBigUInt64LE(0n, ph + 8); // p_offset
  elf.writeBigUInt64LE(BigInt(BASE), ph + 16); // p_vaddr
  elf.writeBigUInt64LE(BigInt(BASE), ph + 24); // p_paddr
  elf.writeBigUInt64LE(BigInt(size), ph + 32); // p_filesz
  elf.writeBigUInt64LE(BigInt(size), ph + 40); // p_memsz
  elf.writeBigUInt64LE(0x1000n, ph + 48); // p_align
  code.copy(elf, EHDR_SIZE + PHDR_SIZE);
  return elf;
}

export function sandboxArch(arch: string = process.arch): SandboxArch {
  if (arch === 'x64' || arch === 'arm64') return arch;
  throw new Error(`no sandbox image for architecture ${arch} (supported: x64, arm64)`);
}

/** A tar archive holding the given files (mode 0755, owned by root). */
export async function buildTar(files: { name: string; content: Buffer }[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  p.on('data', (c: unknown) => chunks.push(c as Buffer));
  const ended = new Promise<void>((resolve, reject) => {
    p.on('end', resolve);
    p.on('error', reject);
  });
  for (const f of files) {
    // mtime fixed so the tar (and the image) is reproducible.
    p.entry({ name: f.name, mode: 0o755, uid: 0, gid: 0, mtime: new Date(0) }, f.content);
  }
  p.finalize();
  await ended;
  return Buffer.concat(chunks);
}

export interface SandboxImage {
  ref: string;
  tar: Buffer;
  changes: string[];
}

export async function sandboxImage(arch: SandboxArch = sandboxArch()): Promise<SandboxImage> {
  const elf = buildPauseElf(arch);
  const hash = createHash('sha256').update(elf).digest('hex').slice(0, 12);
  return {
    ref: `initsteps/sandbox:${hash}`,
    tar: await buildTar([{ name: 'pause', content: elf }]),
    changes: ['CMD ["/pause"]', 'LABEL dev.initsteps.role=sandbox'],
  };
}

/** Import the sandbox image unless this engine already has it; returns its reference. */
export async function ensureSandboxImage(runtime: ContainerRuntime): Promise<string> {
  const image = await sandboxImage();
  if (!(await runtime.imageExists(image.ref))) await runtime.importImage(image.tar, image.ref, image.changes);
  return image.ref;
}
