// The gRPC probe against a tiny gRPC health server written on node:http2: the request as a real server
// reads it, the statuses it answers, errors in the trailers and in a trailers-only answer.
import { createServer, type Http2Server, type ServerHttp2Stream } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStatus, encodeRequest, frame, grpcHealthCheck } from '../../../src/engine/grpc-health.js';
import { runCheck } from '../../../src/engine/readiness.js';

/** status by service name; a name not listed: NOT_FOUND (as grpc-go's health server). */
const statuses = new Map<string, number>([
  ['', 1],
  ['db', 2],
  ['odd', 7],
]);
const requests: { path: string; contentType: string; service: string }[] = [];
let server: Http2Server;
let port = 0;

/** The service of a framed HealthCheckRequest, read the way a protobuf decoder would (field 1, string). */
function serviceOf(body: Buffer): string {
  const message = body.subarray(5, 5 + body.readUInt32BE(1));
  if (message.length === 0) return '';
  expect(message[0]).toBe(0x0a);
  return message.subarray(2, 2 + (message[1] ?? 0)).toString('utf8');
}

function answer(stream: ServerHttp2Stream, body: Buffer, path: string, contentType: string): void {
  const service = serviceOf(body);
  requests.push({ path, contentType, service });
  if (service === 'hang') return;
  if (service === 'trailers-only') {
    stream.respond(
      { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '12' },
      { endStream: true },
    );
    return;
  }
  const status = statuses.get(service);
  stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
  stream.on('wantTrailers', () =>
    stream.sendTrailers(
      status === undefined
        ? { 'grpc-status': '5', 'grpc-message': encodeURIComponent('unknown service ' + service) }
        : { 'grpc-status': '0' },
    ),
  );
  stream.end(status === undefined ? undefined : frame(Buffer.from([0x08, status])));
}

beforeAll(async () => {
  server = createServer();
  server.on('stream', (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () =>
      answer(stream, Buffer.concat(chunks), String(headers[':path']), String(headers['content-type'])),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const check = (service: string, timeoutMs = 2000) =>
  grpcHealthCheck('127.0.0.1', port, service, AbortSignal.timeout(timeoutMs));

describe('grpcHealthCheck', () => {
  it('passes on SERVING, calling grpc.health.v1.Health/Check with the service in field 1', async () => {
    expect(await check('')).toBeUndefined();
    expect(requests.at(-1)).toEqual({
      path: '/grpc.health.v1.Health/Check',
      contentType: 'application/grpc',
      service: '',
    });
  });

  it('fails on NOT_SERVING and on a status it does not know, naming them', async () => {
    expect(await check('db')).toBe('gRPC health check of "db": NOT_SERVING');
    expect(requests.at(-1)?.service).toBe('db');
    expect(await check('odd')).toBe('gRPC health check of "odd": 7');
  });

  it('fails on a gRPC error status, in trailers or in a trailers-only answer', async () => {
    expect(await check('billing')).toBe(
      'gRPC health check failed with gRPC status 5: unknown service billing',
    );
    expect(await check('trailers-only')).toBe('gRPC health check failed with gRPC status 12');
  });

  it('throws when nothing listens, and when the answer does not come in time', async () => {
    await expect(grpcHealthCheck('127.0.0.1', 1, '', AbortSignal.timeout(2000))).rejects.toThrow(
      /gRPC health check at 127.0.0.1:1: .*ECONNREFUSED/,
    );
    await expect(check('hang', 200)).rejects.toThrow(/aborted/);
  });

  it('runs as a probe check: at the address the target gives for the port, the timeout says why', async () => {
    const target = {
      address: async () => ({ host: '127.0.0.1', port }),
      exec: async () => 0,
      state: async () => ({ running: true, exitCode: 0 }),
    };
    expect(await runCheck({ kind: 'grpc', port: 50051, service: '' }, 1000, target)).toBeUndefined();
    expect(await runCheck({ kind: 'grpc', port: 50051, service: 'hang' }, 200, target)).toBe(
      'no answer within 200 ms',
    );
  });
});

describe('the health messages', () => {
  it('encodes the request as protobuf (field 1, length-delimited)', () => {
    expect(encodeRequest('')).toEqual(Buffer.alloc(0));
    expect([...encodeRequest('db')]).toEqual([0x0a, 2, 0x64, 0x62]);
    const long = encodeRequest('x'.repeat(200));
    expect([...long.subarray(0, 3)]).toEqual([0x0a, 0xc8, 0x01]); // 200 as a two-byte varint
    expect([...frame(Buffer.from([1, 2]))]).toEqual([0, 0, 0, 0, 2, 1, 2]);
  });

  it('decodes the status, skipping unknown fields; an empty message is UNKNOWN', () => {
    expect(decodeStatus(frame(Buffer.from([0x08, 1])))).toBe(1);
    expect(decodeStatus(frame(Buffer.alloc(0)))).toBe(0);
    // field 2 (a string "ab") before field 1
    expect(decodeStatus(frame(Buffer.from([0x12, 2, 0x61, 0x62, 0x08, 2])))).toBe(2);
  });

  it('rejects what is not one framed message', () => {
    expect(decodeStatus(Buffer.alloc(0))).toBeUndefined();
    expect(decodeStatus(Buffer.from([1, 0, 0, 0, 2, 0x08, 1]))).toBeUndefined(); // compressed
    expect(decodeStatus(Buffer.from([0, 0, 0, 0, 3, 0x08, 1]))).toBeUndefined(); // short
    expect(decodeStatus(frame(Buffer.from([0x08, 0x80])))).toBeUndefined(); // truncated varint
  });
});
