// A local stand-in for the GitHub Actions cache service as @actions/cache 6 talks to it (v2): the twirp
// JSON API (CreateCacheEntry, FinalizeCacheEntryUpload, GetCacheEntryDownloadURL) plus a blob endpoint
// for the signed URLs. The Azure blob SDK uploads with one `PUT` (`x-ms-blob-type: BlockBlob`) up to
// 128 MiB, above that with `PUT ?comp=block&blockid=` per block and `PUT ?comp=blocklist`; downloads from a
// non-Azure host are a plain GET. Point the client at it with `env()`.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const SERVICE = '/twirp/github.actions.results.api.v1.CacheService/';

interface Entry {
  key: string;
  version: string;
  blob: string;
  finalized: boolean;
}

export interface CacheServerOptions {
  /**
   * Refuse saves the way the service does: `read-only` for a read-only token (fork pull requests),
   * `conflict` as when another job reserved the key first, `finalize` when it cannot commit the upload.
   */
  refuse?: 'read-only' | 'conflict' | 'finalize';
}

export class CacheServer {
  readonly entries: Entry[] = [];
  readonly blobs = new Map<string, Buffer>();
  /** Twirp method names, in call order. */
  readonly calls: string[] = [];
  private readonly blocks = new Map<string, Map<string, Buffer>>();
  private server: Server | undefined;
  private port = 0;

  constructor(public options: CacheServerOptions = {}) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** The environment @actions/cache needs to use this server (v2 protocol). */
  env(runnerTemp: string, workspace: string): Record<string, string> {
    return {
      ACTIONS_CACHE_SERVICE_V2: 'true',
      ACTIONS_RESULTS_URL: this.url,
      ACTIONS_RUNTIME_TOKEN: 'test-token',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(e));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  /** The stored blob of the finalized entry for `key`. */
  blobOf(key: string): Buffer | undefined {
    const entry = this.entries.find((e) => e.key === key && e.finalized);
    return entry && this.blobs.get(entry.blob);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = await read(req);
    if (url.pathname.startsWith(SERVICE) && req.method === 'POST') {
      const method = url.pathname.slice(SERVICE.length);
      this.calls.push(method);
      if (!req.headers.authorization?.startsWith('Bearer ')) {
        return json(res, 401, { code: 'unauthenticated', msg: 'no token' });
      }
      return this.twirp(method, JSON.parse(body.toString('utf8')) as Record<string, unknown>, res);
    }
    const blob = url.pathname.match(/^\/account\/cache\/([0-9a-f-]+)$/)?.[1];
    if (blob === undefined) return json(res, 404, { msg: `no route ${req.method} ${url.pathname}` });
    if (req.method === 'GET') {
      const data = this.blobs.get(blob);
      if (!data) return json(res, 404, { msg: 'no such blob' });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': data.length });
      res.end(data);
      return;
    }
    if (req.method !== 'PUT') return json(res, 405, { msg: 'method not allowed' });
    const comp = url.searchParams.get('comp');
    if (comp === 'block') {
      const id = url.searchParams.get('blockid') ?? '';
      const staged = this.blocks.get(blob) ?? new Map<string, Buffer>();
      staged.set(id, body);
      this.blocks.set(blob, staged);
    } else if (comp === 'blocklist') {
      const staged = this.blocks.get(blob) ?? new Map<string, Buffer>();
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map(
        (m) => m[1] ?? '',
      );
      const missing = ids.filter((id) => !staged.has(id));
      if (missing.length > 0) return json(res, 400, { msg: `unknown blocks ${missing.join(',')}` });
      this.blobs.set(blob, Buffer.concat(ids.map((id) => staged.get(id) as Buffer)));
      this.blocks.delete(blob);
    } else if (req.headers['x-ms-blob-type'] === 'BlockBlob') {
      this.blobs.set(blob, body);
    } else {
      return json(res, 400, { msg: 'unsupported blob request' });
    }
    res.writeHead(201, {
      etag: `"${randomUUID()}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2025-01-05',
      'content-length': 0,
    });
    res.end();
  }

  private twirp(method: string, body: Record<string, unknown>, res: ServerResponse): void {
    const key = String(body.key ?? '');
    const version = String(body.version ?? '');
    switch (method) {
      case 'CreateCacheEntry': {
        if (this.options.refuse === 'read-only') {
          return json(res, 403, {
            code: 'permission_denied',
            msg: 'cache write denied: the token is read-only',
          });
        }
        const taken = this.entries.some((e) => e.key === key && e.version === version);
        if (taken || this.options.refuse === 'conflict') {
          return json(res, 409, {
            code: 'already_exists',
            msg: 'cache entry with the same key and version exists',
          });
        }
        const blob = randomUUID();
        this.entries.push({ key, version, blob, finalized: false });
        return json(res, 200, { ok: true, signed_upload_url: `${this.url}account/cache/${blob}?sig=upload` });
      }
      case 'FinalizeCacheEntryUpload': {
        const entry = this.entries.find((e) => e.key === key && e.version === version && !e.finalized);
        if (this.options.refuse === 'finalize') {
          return json(res, 200, { ok: false, message: 'the upload was not committed' });
        }
        if (!entry || !this.blobs.has(entry.blob))
          return json(res, 200, { ok: false, message: 'nothing uploaded' });
        entry.finalized = true;
        return json(res, 200, { ok: true, entry_id: String(this.entries.indexOf(entry) + 1) });
      }
      case 'GetCacheEntryDownloadURL': {
        const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys.map(String) : [];
        const usable = this.entries.filter((e) => e.finalized && e.version === version);
        const hit =
          usable.find((e) => e.key === key) ??
          restoreKeys.map((k) => usable.findLast((e) => e.key.startsWith(k))).find((e) => e !== undefined);
        if (!hit) return json(res, 200, { ok: false });
        return json(res, 200, {
          ok: true,
          signed_download_url: `${this.url}account/cache/${hit.blob}?sig=download`,
          matched_key: hit.key,
        });
      }
      default:
        return json(res, 404, { code: 'bad_route', msg: `no method ${method}` });
    }
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function read(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
