// The container runtime as the engine sees it. Only src/runtime/docker.ts implements it against Docker;
// the engine speaks these runtime-neutral shapes so its semantics stay readable and testable.
import type { Readable } from 'node:stream';
import type { PullProgress } from './pull.js';

export type Labels = Record<string, string>;

export interface MountSpec {
  type: 'volume' | 'bind';
  /** Volume name or absolute host path. */
  source: string;
  target: string;
  readOnly: boolean;
}

export interface PortSpec {
  containerPort: number;
  protocol: 'tcp' | 'udp';
  hostIp: string;
  /** Undefined: the engine picks a free port. */
  hostPort?: number;
}

export type NetworkSpec =
  | { mode: 'none' }
  /** Join another container's network namespace (the instance's sandbox). */
  | { mode: 'container'; container: string }
  | { mode: 'network'; network: string; aliases: string[] };

export interface CreateContainerSpec {
  name?: string;
  image: string;
  /** Undefined keeps the image ENTRYPOINT. */
  entrypoint?: string[];
  /** Undefined keeps the image CMD; `[]` runs no CMD. */
  cmd?: string[];
  env: string[];
  user?: string;
  workingDir?: string;
  hostname?: string;
  labels: Labels;
  network: NetworkSpec;
  mounts: MountSpec[];
  ports?: PortSpec[];
  securityOpt: string[];
  capAdd: string[];
  capDrop: string[];
  privileged: boolean;
  nanoCpus?: number;
  memoryBytes?: number;
}

export interface ContainerState {
  running: boolean;
  exitCode: number;
  oomKilled: boolean;
  /** Docker's error text when the container could not start. */
  error?: string;
  /** HEALTHCHECK status when the image declares one. */
  health?: 'starting' | 'healthy' | 'unhealthy';
}

export interface ContainerInfo {
  id: string;
  labels: Labels;
  state: string;
  /** Published ports, as bound. */
  ports: { containerPort: number; protocol: 'tcp' | 'udp'; hostIp: string; hostPort: number }[];
}

export interface VolumeInfo {
  name: string;
  labels: Labels;
}

export interface NetworkInfo {
  id: string;
  name: string;
  labels: Labels;
}

export interface ImageInfo {
  /** The content-addressed ID, `sha256:...`. */
  id: string;
  /** `repository@sha256:...` for each registry the image was pulled from or pushed to; empty for a local build. */
  repoDigests: string[];
}

export type OutputStream = 'stdout' | 'stderr';

/** A started attach: `done` settles once both streams are fully drained (the container has exited). */
export interface Attachment {
  done: Promise<void>;
}

export interface ContainerRuntime {
  /** Where the runtime talks to (socket path or DOCKER_HOST), for messages. */
  readonly endpoint: string;
  /** The engine's host name when it is remote (DOCKER_HOST tcp:// or ssh://); undefined for a local socket. */
  readonly remoteHost: string | undefined;

  imageExists(ref: string): Promise<boolean>;
  /** The image's content-addressed ID (`sha256:...`), undefined when the engine does not have it. */
  imageId(ref: string): Promise<string | undefined>;
  /** The image's ID and registry digests, undefined when the engine does not have it. */
  inspectImage(ref: string): Promise<ImageInfo | undefined>;
  /** Whether the image declares a HEALTHCHECK. */
  imageHasHealthcheck(ref: string): Promise<boolean>;
  /**
   * Pull with the credentials the Docker CLI would use for the image's registry; a failure is a PullError
   * (src/runtime/pull.ts) whose message carries no credential.
   */
  pullImage(ref: string, onProgress: (progress: PullProgress) => void, signal?: AbortSignal): Promise<void>;
  /** Import a single-layer image from a tar stream (no registry needed). */
  importImage(tar: Buffer, ref: string, changes: string[]): Promise<void>;

  createContainer(spec: CreateContainerSpec): Promise<string>;
  /** Attach to stdout/stderr before start; `onData` gets demultiplexed chunks. */
  attach(id: string, onData: (stream: OutputStream, chunk: Buffer) => void): Promise<Attachment>;
  startContainer(id: string): Promise<void>;
  /** Resolves with the exit code once the container is not running. */
  waitContainer(id: string): Promise<number>;
  /** Its last `tail` lines of output as the engine keeps them (`docker logs --tail`), oldest first. */
  containerLogs(id: string, tail: number): Promise<{ stream: OutputStream; line: string }[]>;
  inspectContainer(id: string): Promise<ContainerState & ContainerInfo>;
  killContainer(id: string, signal: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceSeconds`. */
  stopContainer(id: string, graceSeconds: number): Promise<void>;
  /** Force-remove (SIGKILL when running) with anonymous volumes; a missing container is not an error. */
  removeContainer(id: string): Promise<void>;
  listContainers(labels: Labels): Promise<ContainerInfo[]>;
  /** Run a command in a running container; resolves with its exit code. */
  exec(id: string, command: string[], signal?: AbortSignal): Promise<number>;
  /** Whether `path` exists in the (created, not necessarily started) container's filesystem and mounts. */
  pathExists(id: string, path: string): Promise<boolean>;
  /** `GET /containers/{id}/archive`: a tar whose single top-level entry is `path`'s basename. */
  getArchive(id: string, path: string): Promise<Readable>;
  /** `PUT /containers/{id}/archive`: extract `tar` under `path`, keeping the owners and modes it carries. */
  putArchive(id: string, path: string, tar: Readable): Promise<void>;
  /** The container's IP address on `network`, when attached to it. */
  containerIp(id: string, network: string): Promise<string | undefined>;

  /** Create the network unless it exists; `created` says which. */
  ensureNetwork(name: string, labels: Labels): Promise<{ id: string; created: boolean }>;
  listNetworks(labels: Labels): Promise<NetworkInfo[]>;
  removeNetwork(idOrName: string): Promise<void>;

  /**
   * Creates the lock object `name` with these labels: a container that is never started, so the engine
   * keeps its name unique. Its id, or undefined when an object of that name exists already.
   */
  createLock(name: string, labels: Labels): Promise<string | undefined>;
  /** The lock object of that name, if there is one. */
  inspectLock(name: string): Promise<{ id: string; labels: Labels } | undefined>;
  /** Removes the lock object with this id (by id: a newer lock of the same name stays); gone is fine. */
  removeLock(id: string): Promise<void>;

  inspectVolume(name: string): Promise<VolumeInfo | undefined>;
  createVolume(name: string, labels: Labels): Promise<VolumeInfo>;
  listVolumes(labels: Labels): Promise<VolumeInfo[]>;
  removeVolume(name: string): Promise<void>;
}
