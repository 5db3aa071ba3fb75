// The Docker implementation of ContainerRuntime: the only module that imports dockerode.
import { Readable, Writable } from 'node:stream';
import Docker from 'dockerode';
import { DockerUnavailableError, errorMessage } from '../errors.js';
import { classifyPullFailure, PullError, type PullProgress } from './pull.js';
import { lookupCredentials, RegistryAuthError, registryOf, type CredentialLookup } from './registry-auth.js';
import { LineSplitter } from './stream.js';
import { ensureSandboxImage, sandboxImage } from './sandbox-image.js';
import type {
  Attachment,
  ContainerInfo,
  ContainerRuntime,
  ContainerState,
  CreateContainerSpec,
  ImageInfo,
  Labels,
  NetworkInfo,
  OutputStream,
  VolumeInfo,
} from './types.js';

const PING_TIMEOUT_MS = 5000;

/** The HTTP status of a dockerode error, if it has one. */
const statusOf = (e: unknown): number | undefined =>
  typeof e === 'object' && e !== null && 'statusCode' in e && typeof e.statusCode === 'number'
    ? e.statusCode
    : undefined;

/** The daemon's own message (dockerode wraps it in "(HTTP code 404) unexpected - ..."). */
export function dockerMessage(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'json' in e) {
    const json: unknown = e.json;
    if (typeof json === 'object' && json !== null && 'message' in json && typeof json.message === 'string') {
      return json.message;
    }
  }
  // Without a JSON body, dockerode's own wording leads: "(HTTP code 500) server error - <the engine's text>".
  return errorMessage(e)
    .replace(/^\(HTTP code \d+\) [^-]*- /, '')
    .trim();
}

/** Run `fn`, treating the listed HTTP statuses as "nothing to do". */
async function tolerate(statuses: number[], fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e: unknown) {
    const status = statusOf(e);
    if (status === undefined || !statuses.includes(status)) throw e;
  }
}

const labelFilters = (labels: Labels): { label: string[] } => ({
  label: Object.entries(labels).map(([k, v]) => `${k}=${v}`),
});

/** One message of the engine's JSON-lines progress stream. */
interface ProgressEvent {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  /** A failure after the answer began (a layer that failed after the engine's own retries). */
  error?: string;
  errorDetail?: { message?: string };
}

/**
 * Reads a JSON-lines progress stream to its end; rejects on an `error` message in it (docker-modem passes
 * those on as progress and ends the stream as if all went well).
 */
function followProgress(
  modem: Docker['modem'],
  stream: NodeJS.ReadableStream,
  onProgress: (event: ProgressEvent) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: string | undefined;
    modem.followProgress(
      stream,
      (err: Error | null) =>
        err ? reject(err) : failure !== undefined ? reject(new Error(failure)) : resolve(),
      (event: ProgressEvent) => {
        const message = event.errorDetail?.message ?? event.error;
        if (message !== undefined) failure ??= message;
        else onProgress(event);
      },
    );
  });
}

/** A layer's progress message as PullProgress; the whole image's (`Pulling from …`, `Digest: …`) has no layer. */
function pullProgressOf(ev: ProgressEvent): PullProgress | undefined {
  if (!ev.status) return undefined;
  const layer = ev.id !== undefined && /^[0-9a-f]{12}$/.test(ev.id) ? ev.id : undefined;
  const { current, total } = ev.progressDetail ?? {};
  return {
    ...(layer !== undefined && { layer }),
    status: ev.status.replace(/^Status: /, ''),
    ...(typeof current === 'number' && { current }),
    ...(typeof total === 'number' && { total }),
  };
}

/** Docker's stdcopy framing of a non-TTY attach stream, split by stream (through docker-modem's demuxer). */
export function demultiplex(
  modem: Docker['modem'],
  stream: NodeJS.ReadableStream,
  onData: (stream: OutputStream, chunk: Buffer) => void,
): void {
  const sink = (name: OutputStream): Writable =>
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        onData(name, chunk);
        callback();
      },
    });
  modem.demuxStream(stream, sink('stdout'), sink('stderr'));
}

/**
 * The frames of Docker's stdcopy framing in a whole buffer (a non-TTY container's `logs`): an 8-byte header
 * (stream, 3 zero bytes, big-endian length) per frame. A truncated last frame is cut at what is there.
 */
export function* stdcopyFrames(buf: Buffer): Generator<{ stream: OutputStream; payload: Buffer }> {
  for (let at = 0; at + 8 <= buf.length;) {
    const size = buf.readUInt32BE(at + 4);
    const stream: OutputStream = buf[at] === 2 ? 'stderr' : 'stdout';
    yield { stream, payload: buf.subarray(at + 8, Math.min(at + 8 + size, buf.length)) };
    at += 8 + size;
  }
}

export class DockerRuntime implements ContainerRuntime {
  readonly remoteHost: string | undefined;
  private lockImage: Promise<string> | undefined;

  constructor(
    private readonly docker: Docker,
    readonly endpoint: string,
    /** Where DOCKER_CONFIG, HOME and the credential helpers' PATH come from. */
    private readonly env: Record<string, string | undefined> = process.env,
  ) {
    this.remoteHost = remoteHostOf(endpoint);
  }

  async imageExists(ref: string): Promise<boolean> {
    return (await this.imageId(ref)) !== undefined;
  }

  async imageId(ref: string): Promise<string | undefined> {
    try {
      return (await this.docker.getImage(ref).inspect()).Id;
    } catch (e: unknown) {
      if (statusOf(e) === 404) return undefined;
      throw new Error(dockerMessage(e));
    }
  }

  async inspectImage(ref: string): Promise<ImageInfo | undefined> {
    try {
      const info = await this.docker.getImage(ref).inspect();
      return { id: info.Id, repoDigests: info.RepoDigests ?? [] };
    } catch (e: unknown) {
      if (statusOf(e) === 404) return undefined;
      throw new Error(dockerMessage(e));
    }
  }

  async imageHasHealthcheck(ref: string): Promise<boolean> {
    const info = await this.docker.getImage(ref).inspect();
    const test = info.Config?.Healthcheck?.Test;
    return Array.isArray(test) && test.length > 0 && test[0] !== 'NONE';
  }

  async pullImage(
    ref: string,
    onProgress: (progress: PullProgress) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    let lookup: CredentialLookup;
    try {
      lookup = await lookupCredentials(ref, this.env);
    } catch (e: unknown) {
      if (!(e instanceof RegistryAuthError)) throw e;
      throw new PullError('other', e.message, registryOf(ref), undefined, undefined);
    }
    try {
      const stream = await this.docker.pull(ref, {
        ...(lookup.credentials && { authconfig: lookup.credentials }),
        ...(signal && { abortSignal: signal }),
      });
      await followProgress(this.docker.modem, stream, (ev) => {
        const progress = pullProgressOf(ev);
        if (progress) onProgress(progress);
      });
    } catch (e: unknown) {
      signal?.throwIfAborted();
      // The engine's message, which quotes the registry's; the credentials sent are in a header only.
      const message = dockerMessage(e);
      throw new PullError(
        classifyPullFailure(message),
        message,
        lookup.registry,
        lookup.source,
        lookup.configFile,
      );
    }
  }

  async importImage(tar: Buffer, ref: string, changes: string[]): Promise<void> {
    const [repo, tag] = splitRef(ref);
    const stream = await this.docker.importImage(Readable.from([tar]), { repo, tag, changes });
    await followProgress(this.docker.modem, stream, () => undefined);
  }

  async createContainer(spec: CreateContainerSpec): Promise<string> {
    const ports = spec.ports ?? [];
    const key = (p: { containerPort: number; protocol: string }) => `${p.containerPort}/${p.protocol}`;
    const network = spec.network;
    const container = await this.docker.createContainer({
      ...(spec.name !== undefined && { name: spec.name }),
      Image: spec.image,
      ...(spec.entrypoint !== undefined && { Entrypoint: spec.entrypoint }),
      ...(spec.cmd !== undefined && { Cmd: spec.cmd }),
      Env: spec.env,
      ...(spec.user !== undefined && { User: spec.user }),
      ...(spec.workingDir !== undefined && { WorkingDir: spec.workingDir }),
      ...(spec.hostname !== undefined && { Hostname: spec.hostname }),
      Labels: spec.labels,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
      ExposedPorts: Object.fromEntries(ports.map((p) => [key(p), {}])),
      HostConfig: {
        NetworkMode:
          network.mode === 'none'
            ? 'none'
            : network.mode === 'container'
              ? `container:${network.container}`
              : network.network,
        Mounts: spec.mounts.map((m) => ({
          Type: m.type,
          Source: m.source,
          Target: m.target,
          ReadOnly: m.readOnly,
        })),
        PortBindings: Object.fromEntries(
          ports.map((p) => [key(p), [{ HostIp: p.hostIp, HostPort: p.hostPort ? String(p.hostPort) : '' }]]),
        ),
        SecurityOpt: spec.securityOpt,
        CapAdd: spec.capAdd,
        CapDrop: spec.capDrop,
        Privileged: spec.privileged,
        ...(spec.nanoCpus !== undefined && { NanoCpus: spec.nanoCpus }),
        // No swap on top of the limit, as in Kubernetes: over the limit means OOMKilled.
        ...(spec.memoryBytes !== undefined && { Memory: spec.memoryBytes, MemorySwap: spec.memoryBytes }),
      },
      ...(network.mode === 'network' && {
        NetworkingConfig: { EndpointsConfig: { [network.network]: { Aliases: network.aliases } } },
      }),
    });
    return container.id;
  }

  async attach(id: string, onData: (stream: OutputStream, chunk: Buffer) => void): Promise<Attachment> {
    const stream = (await this.docker
      .getContainer(id)
      .attach({ stream: true, stdout: true, stderr: true })) as NodeJS.ReadableStream;
    demultiplex(this.docker.modem, stream, onData);
    const done = new Promise<void>((resolve) => {
      // The stream ends when the container exits; an aborted connection ends it too (nothing more to read).
      stream.on('end', () => resolve());
      stream.on('close', () => resolve());
      stream.on('error', () => resolve());
    });
    return { done };
  }

  async startContainer(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).start();
    } catch (e: unknown) {
      // 304: already started.
      if (statusOf(e) === 304) return;
      throw new Error(dockerMessage(e));
    }
  }

  async waitContainer(id: string): Promise<number> {
    const res = (await this.docker.getContainer(id).wait()) as { StatusCode: number };
    return res.StatusCode;
  }

  async containerLogs(id: string, tail: number): Promise<{ stream: OutputStream; line: string }[]> {
    const framed = await this.docker
      .getContainer(id)
      .logs({ stdout: true, stderr: true, follow: false, tail });
    const lines: { stream: OutputStream; line: string }[] = [];
    const splitters = {
      stdout: new LineSplitter((line) => lines.push({ stream: 'stdout', line })),
      stderr: new LineSplitter((line) => lines.push({ stream: 'stderr', line })),
    };
    for (const frame of stdcopyFrames(framed)) splitters[frame.stream].push(frame.payload);
    splitters.stdout.end();
    splitters.stderr.end();
    return lines;
  }

  async inspectContainer(id: string): Promise<ContainerState & ContainerInfo> {
    const info = await this.docker.getContainer(id).inspect();
    const health = info.State.Health?.Status;
    return {
      id: info.Id,
      labels: info.Config.Labels ?? {},
      state: info.State.Status,
      running: info.State.Running,
      exitCode: info.State.ExitCode,
      oomKilled: info.State.OOMKilled,
      ...(info.State.Error ? { error: info.State.Error } : {}),
      ...(health === 'starting' || health === 'healthy' || health === 'unhealthy' ? { health } : {}),
      ports: parsePorts(info.NetworkSettings.Ports),
    };
  }

  async killContainer(id: string, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    // 404 gone, 409 not running: either way nothing to kill.
    await tolerate([404, 409], () => this.docker.getContainer(id).kill({ signal }));
  }

  async stopContainer(id: string, graceSeconds: number): Promise<void> {
    await tolerate([304, 404], () => this.docker.getContainer(id).stop({ t: graceSeconds }));
  }

  async removeContainer(id: string): Promise<void> {
    // 409: a removal is already in progress.
    await tolerate([404, 409], () => this.docker.getContainer(id).remove({ force: true, v: true }));
  }

  async listContainers(labels: Labels): Promise<ContainerInfo[]> {
    const list = await this.docker.listContainers({ all: true, filters: labelFilters(labels) });
    return list.map((c) => ({
      id: c.Id,
      labels: c.Labels,
      state: c.State,
      ports: c.Ports.filter((p) => p.PublicPort !== undefined).map((p) => ({
        containerPort: p.PrivatePort,
        protocol: p.Type === 'udp' ? 'udp' : 'tcp',
        hostIp: p.IP ?? '',
        hostPort: p.PublicPort,
      })),
    }));
  }

  async exec(id: string, command: string[], signal?: AbortSignal): Promise<number> {
    const exec = await this.docker
      .getContainer(id)
      .exec({ Cmd: command, AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    await new Promise<void>((resolve) => {
      const onAbort = () => stream.destroy();
      signal?.addEventListener('abort', onAbort, { once: true });
      stream.on('data', () => undefined);
      const finish = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      stream.on('end', finish);
      stream.on('close', finish);
      stream.on('error', finish);
    });
    signal?.throwIfAborted();
    const info = await exec.inspect();
    return info.ExitCode ?? -1;
  }

  async pathExists(id: string, path: string): Promise<boolean> {
    try {
      // The HEAD answer comes as a response stream: left open, it keeps the socket (and the process) alive
      // until Docker's idle timeout, minutes after the run is done.
      const res: unknown = await this.docker.getContainer(id).infoArchive({ path });
      if (res instanceof Readable) res.destroy();
      return true;
    } catch (e: unknown) {
      if (statusOf(e) === 404) return false;
      throw e;
    }
  }

  async getArchive(id: string, path: string): Promise<Readable> {
    try {
      return (await this.docker.getContainer(id).getArchive({ path })) as Readable;
    } catch (e: unknown) {
      throw new Error(`reading ${path}: ${dockerMessage(e)}`);
    }
  }

  async putArchive(id: string, path: string, tar: Readable): Promise<void> {
    try {
      // No copyUIDGID: the owners in the tar are kept, not replaced by the container user's.
      await this.docker.getContainer(id).putArchive(tar, { path });
    } catch (e: unknown) {
      throw new Error(`writing ${path}: ${dockerMessage(e)}`);
    }
  }

  async containerIp(id: string, network: string): Promise<string | undefined> {
    const info = await this.docker.getContainer(id).inspect();
    return info.NetworkSettings.Networks[network]?.IPAddress || undefined;
  }

  async ensureNetwork(name: string, labels: Labels): Promise<{ id: string; created: boolean }> {
    const existing = await this.inspectNetwork(name);
    if (existing) return { id: existing, created: false };
    try {
      const net = await this.docker.createNetwork({
        Name: name,
        Driver: 'bridge',
        Labels: labels,
        CheckDuplicate: true,
      });
      return { id: net.id, created: true };
    } catch (e: unknown) {
      // 409: another run created it meanwhile.
      const raced = statusOf(e) === 409 ? await this.inspectNetwork(name) : undefined;
      if (raced) return { id: raced, created: false };
      throw e;
    }
  }

  private async inspectNetwork(name: string): Promise<string | undefined> {
    try {
      const info = (await this.docker.getNetwork(name).inspect()) as { Id: string };
      return info.Id;
    } catch (e: unknown) {
      if (statusOf(e) === 404) return undefined;
      throw e;
    }
  }

  async listNetworks(labels: Labels): Promise<NetworkInfo[]> {
    const list = await this.docker.listNetworks({ filters: labelFilters(labels) });
    return list.map((n) => ({ id: n.Id, name: n.Name, labels: n.Labels ?? {} }));
  }

  async removeNetwork(idOrName: string): Promise<void> {
    await tolerate([404], () => this.docker.getNetwork(idOrName).remove());
  }

  async createLock(name: string, labels: Labels): Promise<string | undefined> {
    // The sandbox image: one this engine has, or gets without a registry.
    const image = (this.lockImage ??= sandboxImage().then((i) => i.ref));
    const create = async () =>
      (
        await this.docker.createContainer({
          name,
          Image: await image,
          Labels: labels,
          HostConfig: { NetworkMode: 'none' },
        })
      ).id;
    try {
      return await create();
    } catch (e: unknown) {
      if (statusOf(e) === 409) return undefined;
      if (statusOf(e) !== 404) throw new Error(dockerMessage(e));
    }
    await ensureSandboxImage(this);
    try {
      return await create();
    } catch (e: unknown) {
      if (statusOf(e) === 409) return undefined;
      throw new Error(dockerMessage(e));
    }
  }

  async inspectLock(name: string): Promise<{ id: string; labels: Labels } | undefined> {
    try {
      const info = await this.docker.getContainer(name).inspect();
      return { id: info.Id, labels: info.Config.Labels ?? {} };
    } catch (e: unknown) {
      if (statusOf(e) === 404) return undefined;
      throw new Error(dockerMessage(e));
    }
  }

  async removeLock(id: string): Promise<void> {
    await this.removeContainer(id);
  }

  async inspectVolume(name: string): Promise<VolumeInfo | undefined> {
    try {
      const info = await this.docker.getVolume(name).inspect();
      return { name: info.Name, labels: info.Labels ?? {} };
    } catch (e: unknown) {
      if (statusOf(e) === 404) return undefined;
      throw e;
    }
  }

  async createVolume(name: string, labels: Labels): Promise<VolumeInfo> {
    await this.docker.createVolume({ Name: name, Labels: labels });
    // Read back: creating a volume that exists already returns the existing one, with its own labels.
    const info = await this.inspectVolume(name);
    if (!info) throw new Error(`volume ${name} vanished right after it was created`);
    return info;
  }

  async listVolumes(labels: Labels): Promise<VolumeInfo[]> {
    const res = await this.docker.listVolumes({ filters: labelFilters(labels) });
    return (res.Volumes ?? []).map((v) => ({ name: v.Name, labels: v.Labels ?? {} }));
  }

  async removeVolume(name: string): Promise<void> {
    try {
      await this.docker.getVolume(name).remove();
    } catch (e: unknown) {
      if (statusOf(e) === 404) return;
      throw new Error(dockerMessage(e));
    }
  }
}

function splitRef(ref: string): [string, string] {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return colon > slash ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
}

function parsePorts(
  ports: Record<string, { HostIp: string; HostPort: string }[] | null> | undefined,
): ContainerInfo['ports'] {
  const out: ContainerInfo['ports'] = [];
  for (const [key, bindings] of Object.entries(ports ?? {})) {
    const [port, proto] = key.split('/');
    for (const b of bindings ?? []) {
      out.push({
        containerPort: Number(port),
        protocol: proto === 'udp' ? 'udp' : 'tcp',
        hostIp: b.HostIp,
        hostPort: Number(b.HostPort),
      });
    }
  }
  return out;
}

/** The host of a tcp:// or ssh:// endpoint; undefined for a local socket (or a named pipe). */
export function remoteHostOf(endpoint: string): string | undefined {
  if (!/^(tcp|ssh|https?):\/\//.test(endpoint)) return undefined;
  const host = new URL(endpoint).hostname;
  return host === '' ? undefined : host.replace(/^\[(.*)\]$/, '$1');
}

/** Where dockerode will connect: DOCKER_HOST when set, else the default socket. */
export const dockerEndpoint = (env: Record<string, string | undefined> = process.env): string =>
  env.DOCKER_HOST || '/var/run/docker.sock';

/** Connect and ping (5 s limit); a silent engine is a DockerUnavailableError naming the endpoint. */
export async function connectDocker(
  env: Record<string, string | undefined> = process.env,
): Promise<DockerRuntime> {
  const endpoint = dockerEndpoint(env);
  let docker: Docker;
  try {
    // For anything but a unix socket dockerode reads DOCKER_HOST (and DOCKER_TLS_VERIFY, DOCKER_CERT_PATH) itself.
    const socketPath = endpoint.startsWith('unix://') ? endpoint.slice('unix://'.length) : endpoint;
    docker = socketPath.startsWith('/') ? new Docker({ socketPath }) : new Docker();
  } catch (e: unknown) {
    throw new DockerUnavailableError(endpoint, errorMessage(e));
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      docker.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${PING_TIMEOUT_MS / 1000} s`)),
          PING_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (e: unknown) {
    throw new DockerUnavailableError(endpoint, dockerMessage(e));
  } finally {
    clearTimeout(timer);
  }
  return new DockerRuntime(docker, endpoint, env);
}
