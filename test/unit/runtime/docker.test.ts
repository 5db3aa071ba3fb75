import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import Modem from 'docker-modem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  demultiplex,
  dockerEndpoint,
  dockerMessage,
  remoteHostOf,
  stdcopyFrames,
} from '../../../src/runtime/docker.js';

const frame = (type: number, payload: string): Buffer => {
  const body = Buffer.from(payload);
  const header = Buffer.alloc(8);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
};

/** Cuts a buffer at the given offsets. */
const cut = (buf: Buffer, at: number[]): Buffer[] => {
  const points = [...new Set(at.map((a) => a % (buf.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let prev = 0;
  for (const p of [...points, buf.length]) {
    parts.push(buf.subarray(prev, p));
    prev = p;
  }
  return parts;
};

describe('endpoints', () => {
  it('uses DOCKER_HOST, else the default socket', () => {
    expect(dockerEndpoint({})).toBe('/var/run/docker.sock');
    expect(dockerEndpoint({ DOCKER_HOST: 'tcp://10.0.0.5:2376' })).toBe('tcp://10.0.0.5:2376');
  });

  it('knows a remote engine by its host and a socket as local', () => {
    expect(remoteHostOf('/var/run/docker.sock')).toBeUndefined();
    expect(remoteHostOf('unix:///run/user/1000/docker.sock')).toBeUndefined();
    expect(remoteHostOf('npipe:////./pipe/docker_engine')).toBeUndefined();
    expect(remoteHostOf('tcp://10.0.0.5:2376')).toBe('10.0.0.5');
    expect(remoteHostOf('ssh://me@build-host')).toBe('build-host');
    expect(remoteHostOf('tcp://[fd00::1]:2375')).toBe('fd00::1');
  });
});

describe('dockerMessage', () => {
  it("prefers the daemon's own message", () => {
    const e = Object.assign(new Error('(HTTP code 404) unexpected - No such image: x '), {
      json: { message: 'No such image: x' },
    });
    expect(dockerMessage(e)).toBe('No such image: x');
    expect(dockerMessage(new Error(' plain '))).toBe('plain');
  });

  it("drops dockerode's prefix when the answer had no JSON body (a pull's registry error)", () => {
    expect(
      dockerMessage(new Error('(HTTP code 500) server error - unauthorized: authentication required ')),
    ).toBe('unauthorized: authentication required');
  });
});

describe('demultiplex', () => {
  it("splits Docker's stdcopy frames by stream whatever the chunking", async () => {
    const stream = Buffer.concat([
      frame(1, 'out 1\n'),
      frame(2, 'err 1\n'),
      frame(1, 'out 2\n'),
      frame(1, ''),
    ]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { maxLength: 10 }), async (at) => {
        const got: string[] = [];
        const source = new PassThrough();
        demultiplex(new Modem(), source, (s, p) => got.push(`${s}:${p.toString()}`));
        for (const part of cut(stream, at)) source.write(part);
        source.end();
        await once(source, 'end');
        expect(got).toEqual(['stdout:out 1\n', 'stderr:err 1\n', 'stdout:out 2\n', 'stdout:']);
      }),
    );
  });
});

describe('stdcopyFrames (a container log read whole)', () => {
  it('splits the frames by stream and cuts a truncated last one at what is there', () => {
    const buf = Buffer.concat([frame(1, 'out 1\n'), frame(2, 'err\n'), frame(1, 'out 2\n')]);
    const frames = [...stdcopyFrames(buf.subarray(0, buf.length - 2))].map(
      (f) => `${f.stream}:${f.payload.toString()}`,
    );
    expect(frames).toEqual(['stdout:out 1\n', 'stderr:err\n', 'stdout:out ']);
    expect([...stdcopyFrames(Buffer.alloc(5))]).toEqual([]);
  });
});
