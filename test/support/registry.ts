// Real registries for the tests and the start-up bench: Debian's docker-registry (Docker Distribution 2.8)
// on 127.0.0.1 (Docker pulls plain HTTP from 127.0.0.0/8 without being told), one with htpasswd (bcrypt)
// authentication and one anonymous; a proxy in front of a registry that slows its answers down or fails
// them (5xx, 429 with Retry-After, a reset connection, silence); and test images with content of their
// own, so that a pull really downloads (and removing one by ID never touches another image).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';

const docker = (args: string[], input?: string, env: NodeJS.ProcessEnv = process.env): string =>
  execFileSync('docker', args, {
    encoding: 'utf8',
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input !== undefined && { input }),
  }).trim();

/** A free port on 127.0.0.1 (bound and released: another process could take it meanwhile, so callers retry). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createTcpServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    return res.status === 200 || res.status === 401;
  } catch {
    return false;
  }
}

export interface RunningRegistry {
  /** `127.0.0.1:<port>`, as image references and `docker login` name it. */
  host: string;
  stop(): Promise<void>;
}

export interface RegistryOptions {
  /** Storage, config and log go here. */
  dir: string;
  /** Requires these credentials (an htpasswd file with a bcrypt hash). */
  user?: { name: string; password: string };
}

/** `docker-registry serve` on a free port of 127.0.0.1, once it answers `/v2/`. */
export async function startRegistry(o: RegistryOptions): Promise<RunningRegistry> {
  mkdirSync(o.dir, { recursive: true });
  let auth = '';
  if (o.user) {
    const file = join(o.dir, 'htpasswd');
    const line = execFileSync('htpasswd', ['-Bbn', o.user.name, o.user.password], { encoding: 'utf8' });
    writeFileSync(file, line);
    auth = `auth:\n  htpasswd:\n    realm: initsteps-test\n    path: ${file}\n`;
  }
  for (let tries = 0; ; tries++) {
    const port = await freePort();
    const config = join(o.dir, 'config.yml');
    writeFileSync(
      config,
      `version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${join(o.dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n${auth}`,
    );
    const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    const stderr: string[] = [];
    child.stderr?.on('data', (c: Buffer) => stderr.push(c.toString()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let up = false;
    for (let i = 0; i < 200 && child.exitCode === null && !up; i++) {
      up = await answers(`http://127.0.0.1:${port}/v2/`);
      if (!up) await new Promise((r) => setTimeout(r, 50));
    }
    if (up) return { host: `127.0.0.1:${port}`, stop: () => stopChild(child, exited) };
    await stopChild(child, exited);
    if (tries >= 2) throw new Error(`docker-registry did not start: ${stderr.join('').slice(-2000)}`);
  }
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** What the proxy does to one request (the first rule that matches and has uses left applies). */
export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  /** The connection is destroyed before any answer: Docker reads `connection reset by peer` or EOF. */
  | { kind: 'reset' }
  /** Accepts and never answers. */
  | { kind: 'silence' };

export interface FaultRule {
  /** Matched against `METHOD path`. */
  match: RegExp;
  fault: Fault;
  /** How many requests it applies to; Infinity for all. */
  times: number;
}

/**
 * An HTTP proxy in front of a registry: `bytesPerSecond` caps each answer's body, `rules` fail requests.
 * `requests` records every `METHOD path` it saw.
 */
export class RegistryProxy {
  readonly requests: string[] = [];
  rules: FaultRule[] = [];
  bytesPerSecond: number | undefined;
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private port = 0;

  constructor(private readonly target: string) {}

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.once('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const line = `${req.method ?? 'GET'} ${req.url ?? '/'}`;
    this.requests.push(line);
    const rule = this.rules.find((r) => r.times > 0 && r.match.test(line));
    if (rule) {
      rule.times--;
      const fault = rule.fault;
      if (fault.kind === 'reset') return void req.socket.destroy();
      if (fault.kind === 'silence') return;
      const body = JSON.stringify({
        errors: [
          {
            code: fault.status === 429 ? 'TOOMANYREQUESTS' : 'UNAVAILABLE',
            message: 'injected by the test proxy',
          },
        ],
      });
      res.writeHead(fault.status, {
        'Content-Type': 'application/json',
        ...(fault.retryAfterSeconds !== undefined && { 'Retry-After': String(fault.retryAfterSeconds) }),
      });
      return void res.end(body);
    }
    const [hostname, port] = this.target.split(':');
    const upstream = request(
      {
        hostname,
        port: Number(port),
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: this.target },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        const rate = this.bytesPerSecond;
        if (rate === undefined) answer.pipe(res);
        else answer.pipe(throttle(rate)).pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }
}

/** Passes bytes on at `rate` bytes a second (in 16 KiB slices). */
function throttle(rate: number): Transform {
  let next = Date.now();
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      const slices: Buffer[] = [];
      for (let i = 0; i < chunk.length; i += 16 * 1024) slices.push(chunk.subarray(i, i + 16 * 1024));
      const pushSlice = (): void => {
        const slice = slices.shift();
        if (!slice) return done();
        next = Math.max(next, Date.now()) + (slice.length / rate) * 1000;
        setTimeout(
          () => {
            this.push(slice);
            pushSlice();
          },
          Math.max(0, next - Date.now()),
        );
      };
      pushSlice();
    },
  });
}

/**
 * A busybox image with `payloadBytes` of random data in `/payload` as `tag`: its own single layer, so a
 * pull downloads it whole and its ID is no other image's. Returns the image ID.
 */
export function buildTestImage(tag: string, payloadBytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'initsteps-image-'));
  try {
    const cid = docker(['create', 'busybox:latest', 'true']);
    try {
      execFileSync('sh', ['-c', `docker export "$1" > "$2/rootfs.tar"`, 'sh', cid, dir]);
    } finally {
      docker(['rm', cid]);
    }
    mkdirSync(join(dir, 'extra'));
    writeFileSync(join(dir, 'extra', 'payload'), randomBytes(payloadBytes));
    execFileSync('tar', ['-rf', join(dir, 'rootfs.tar'), '-C', join(dir, 'extra'), 'payload']);
    return docker([
      'import',
      '--change',
      'ENV PATH=/bin',
      '--change',
      'CMD ["sh"]',
      join(dir, 'rootfs.tar'),
      tag,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `docker push` with the given client config (a `docker login` in it); the digest it pushed. */
export function push(ref: string, dockerConfig?: string): string {
  const env = dockerConfig ? { ...process.env, DOCKER_CONFIG: dockerConfig } : process.env;
  const out = docker(['push', ref], undefined, env);
  const digest = /digest: (sha256:[0-9a-f]{64})/.exec(out)?.[1];
  if (!digest) throw new Error(`no digest in the output of docker push ${ref}:\n${out}`);
  return digest;
}

/** `docker login` into a fresh client config directory; returns the directory. */
export function login(host: string, user: string, password: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  docker(['login', '--username', user, '--password-stdin', host], password, {
    ...process.env,
    DOCKER_CONFIG: dir,
  });
  return dir;
}

/** Removes the image (every tag of it) from the engine; nothing when it is not there. */
export function removeImage(id: string): void {
  try {
    docker(['image', 'rm', '--force', id]);
  } catch {
    // Not there.
  }
}

export const imagePresent = (ref: string): boolean => {
  try {
    docker(['image', 'inspect', ref]);
    return true;
  } catch {
    return false;
  }
};

/** A test image pushed to a registry and then removed from the engine: absent until a test pulls it. */
export interface PushedImage {
  /** `<registry host>/<repository>:<tag>`. */
  ref: string;
  id: string;
  /** The manifest digest the registry holds. */
  digest: string;
}

export interface TestRegistries {
  /** Requires `user`/`password`. */
  private: RunningRegistry;
  /** Anonymous. */
  public: RunningRegistry;
  user: string;
  password: string;
  /** A client config directory (DOCKER_CONFIG) after `docker login` to the private registry. */
  loginConfig: string;
  /** Where the registries keep their data; removed by `stop`. */
  dir: string;
  stop(): Promise<void>;
}

/** Both registries, with a `docker login` to the private one in a client config of its own. */
export async function startTestRegistries(): Promise<TestRegistries> {
  const dir = mkdtempSync(join(tmpdir(), 'initsteps-registries-'));
  const user = 'initsteps';
  const password = `pw-${randomBytes(6).toString('hex')}`;
  const started: RunningRegistry[] = [];
  try {
    const priv = await startRegistry({ dir: join(dir, 'private'), user: { name: user, password } });
    started.push(priv);
    const pub = await startRegistry({ dir: join(dir, 'public') });
    started.push(pub);
    const loginConfig = login(priv.host, user, password, join(dir, 'login'));
    return {
      private: priv,
      public: pub,
      user,
      password,
      loginConfig,
      dir,
      stop: async () => {
        for (const r of started) await r.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e: unknown) {
    for (const r of started) await r.stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Builds an image of its own (`payloadBytes` of random data), pushes it to `registry` as `repository`
 * (with `dockerConfig` for a registry that needs a login) and removes it from the engine.
 */
export function pushTestImage(
  registry: RunningRegistry,
  repository: string,
  payloadBytes: number,
  dockerConfig?: string,
): PushedImage {
  const ref = `${registry.host}/${repository}`;
  const id = buildTestImage(ref, payloadBytes);
  try {
    return { ref, id, digest: push(ref, dockerConfig) };
  } finally {
    removeImage(id);
  }
}
