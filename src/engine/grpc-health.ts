// A gRPC probe (docs/kubernetes.md#probes): one call of the gRPC health checking protocol,
// grpc.health.v1.Health/Check, over plain HTTP/2 (as the kubelet, no TLS). The two messages are one
// field each, so they are written and read by hand rather than with a protobuf library:
//   HealthCheckRequest  { string service = 1; }
//   HealthCheckResponse { ServingStatus status = 1; }  UNKNOWN 0, SERVING 1, NOT_SERVING 2, SERVICE_UNKNOWN 3
import { connect, constants } from 'node:http2';

const SERVING = 1;
const STATUS_NAMES = ['UNKNOWN', 'SERVING', 'NOT_SERVING', 'SERVICE_UNKNOWN'];
/** A health answer is a few bytes; anything longer is not one. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** Undefined when the server answers SERVING for `service`, else why not. Throws when it cannot be reached. */
export function grpcHealthCheck(
  host: string,
  port: number,
  service: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  const authority = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const session = connect(authority);
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      done();
    };
    const fail = (e: Error) =>
      settle(() => {
        session.destroy();
        reject(new Error(`gRPC health check at ${host}:${port}: ${e.message}`));
      });
    const onAbort = () => fail(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    session.once('error', fail);
    const req = session.request({
      [constants.HTTP2_HEADER_METHOD]: 'POST',
      [constants.HTTP2_HEADER_PATH]: '/grpc.health.v1.Health/Check',
      [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
      te: 'trailers',
    });
    req.once('error', fail);
    let httpStatus = 0;
    let grpcStatus: string | undefined;
    let grpcMessage: string | undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    const grpcHeaders = (h: Record<string, unknown>) => {
      if (h['grpc-status'] !== undefined) grpcStatus = String(h['grpc-status']);
      if (h['grpc-message'] !== undefined) grpcMessage = decodeURIComponent(String(h['grpc-message']));
    };
    req.once('response', (h) => {
      httpStatus = Number(h[constants.HTTP2_HEADER_STATUS] ?? 0);
      grpcHeaders(h); // a "trailers-only" answer (an error) puts its status in the headers
    });
    req.once('trailers', grpcHeaders);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) fail(new Error(`answer longer than ${MAX_RESPONSE_BYTES} bytes`));
      else chunks.push(chunk);
    });
    req.once('end', () =>
      settle(() => {
        session.close();
        resolve(verdict(httpStatus, grpcStatus, grpcMessage, Buffer.concat(chunks), service));
      }),
    );
    req.once('close', () => fail(new Error('the stream closed without an answer')));
    req.end(frame(encodeRequest(service)));
  });
}

function verdict(
  httpStatus: number,
  grpcStatus: string | undefined,
  grpcMessage: string | undefined,
  body: Buffer,
  service: string,
): string | undefined {
  if (httpStatus !== 200) return `gRPC health check answered HTTP ${httpStatus}`;
  if (grpcStatus !== '0') {
    const why = grpcMessage ? `: ${grpcMessage.slice(0, 200)}` : '';
    return `gRPC health check failed with gRPC status ${grpcStatus ?? 'missing'}${why}`;
  }
  const status = decodeStatus(body);
  if (status === undefined) return 'gRPC health check: the answer is not a HealthCheckResponse';
  if (status === SERVING) return undefined;
  const name = STATUS_NAMES[status] ?? String(status);
  return `gRPC health check${service ? ` of "${service}"` : ''}: ${name}`;
}

/** HealthCheckRequest: field 1 (length-delimited) when a service is named; an empty message otherwise. */
export function encodeRequest(service: string): Buffer {
  if (service === '') return Buffer.alloc(0);
  const bytes = Buffer.from(service, 'utf8');
  return Buffer.concat([Buffer.from([0x0a]), varint(bytes.length), bytes]);
}

/** A gRPC message on the wire: not compressed (0), its length (4 bytes, big-endian), the message. */
export function frame(message: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
}

/** The `status` of the one framed HealthCheckResponse in `body`; undefined when it is not one. */
export function decodeStatus(body: Buffer): number | undefined {
  if (body.length < 5 || body[0] !== 0) return undefined;
  const length = body.readUInt32BE(1);
  if (body.length !== 5 + length) return undefined;
  const message = body.subarray(5);
  let status = 0; // proto3: an absent field is its default, UNKNOWN
  let at = 0;
  while (at < message.length) {
    const tag = readVarint(message, at);
    if (!tag) return undefined;
    at = tag.next;
    const field = Math.floor(tag.value / 8);
    const wire = tag.value % 8;
    if (wire === 0) {
      const v = readVarint(message, at);
      if (!v) return undefined;
      at = v.next;
      if (field === 1) status = v.value;
    } else if (wire === 2) {
      const len = readVarint(message, at);
      if (!len) return undefined;
      at = len.next + len.value;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else return undefined;
  }
  return at === message.length ? status : undefined;
}

function varint(n: number): Buffer {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return Buffer.from(out);
}

/** A varint of at most 7 bytes (well within a safe integer), or undefined when truncated or longer. */
function readVarint(buf: Buffer, start: number): { value: number; next: number } | undefined {
  let value = 0;
  let scale = 1;
  for (let at = start; at < buf.length && at < start + 7; at++) {
    const byte = buf[at] ?? 0;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return { value, next: at + 1 };
    scale *= 0x80;
  }
  return undefined;
}
