// An in-memory ContainerRuntime for engine unit tests: containers whose output, exit and timing a script
// decides, volumes holding files (for fileMissing), networks, images, label filters. It behaves like
// Docker where the engine depends on it (a name in use, a network with running endpoints, a volume in use
// and a missing image are errors) and records every call in order, so tests can assert what was created
// and removed, in which order, and that nothing is left.
import type { Readable } from 'node:stream';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { LABEL } from '../../src/engine/labels.js';
import { classifyPullFailure, PullError, type PullProgress } from '../../src/runtime/pull.js';
import { registryOf } from '../../src/runtime/registry-auth.js';
import type {
  Attachment,
  ContainerInfo,
  ContainerRuntime,
  ContainerState,
  CreateContainerSpec,
  ImageInfo,
  Labels,
  NetworkInfo,
  NetworkSpec,
  OutputStream,
  VolumeInfo,
} from '../../src/runtime/types.js';

/** What a container does once started. */
export interface ContainerBehaviour {
  /** Lines written right after the start, in order; a string goes to stdout. */
  output?: (string | { stream: OutputStream; line: string })[];
  /** How long it runs before exiting by itself; `forever`: until it is killed. */
  runMs?: number | 'forever';
  /** Its exit code when it ends by itself (137 when `oomKilled`, else 0). */
  exitCode?: number;
  /** Ends by itself as killed at its memory limit. */
  oomKilled?: boolean;
  /** SIGTERM does nothing: only SIGKILL (or a forced removal) ends it. */
  ignoresSigterm?: boolean;
  /** startContainer rejects with this message and the container stays `created`. */
  startError?: string;
  /** Paths (in the container) it creates when it starts, on whatever volume is mounted there. */
  writes?: string[];
  /** Exit code of an `exec` (a probe) in it; `starts`: how often it was started so far (1 at first). */
  exec?: (command: string[], starts: number) => number;
  /** HEALTHCHECK status, for images that declare one. */
  health?: 'starting' | 'healthy' | 'unhealthy';
}

/** What a script sees of a container being created. */
export interface ContainerView {
  id: string;
  spec: CreateContainerSpec;
  role: string | undefined;
  service: string | undefined;
  instance: string | undefined;
  step: string | undefined;
  /** 1 for the first container created for this role, instance and step, 2 for the second attempt, ... */
  nth: number;
}

/** Decides a container's behaviour; undefined fields keep the role's default. */
export type Script = (c: ContainerView) => ContainerBehaviour | undefined;

export interface FakeRuntimeOptions {
  script?: Script;
  /** Images present from the start. */
  images?: string[];
  /** Images that declare a HEALTHCHECK. */
  healthchecks?: string[];
  /**
   * How the `nth` pull of `ref` (1, 2, ... on retries) goes: an error message fails it (classified as the
   * Docker runtime classifies the engine's); `delayMs` makes it take that long (progress every 10 ms);
   * `digest` is what the registry announces and the image's RepoDigest afterwards.
   */
  pull?: (ref: string, nth: number) => FakePull | undefined;
  /** Makes a call fail: return a message to throw, for `method` on its target (as `calls` names it). */
  fault?: (method: string, target: string) => string | undefined;
}

export interface FakePull {
  error?: string;
  delayMs?: number;
  digest?: string;
  /** Sent only if the pull never reports anything (a registry that hangs): ends on abort only. */
  hang?: boolean;
}

export interface Call {
  method: string;
  /** The container (`role instance/step#nth`, see `describe`), volume, network or image the call is about. */
  target: string;
  /** The signal of a kill. */
  detail?: string;
}

type Status = 'created' | 'running' | 'exited';

interface FakeContainer {
  view: ContainerView;
  name: string | undefined;
  labels: Labels;
  behaviour: ContainerBehaviour;
  status: Status;
  /** Times it was started. */
  starts: number;
  exitCode: number;
  oomKilled: boolean;
  error?: string;
  attachments: ((stream: OutputStream, chunk: Buffer) => void)[];
  /** What it wrote, for `containerLogs`. */
  written: { stream: OutputStream; line: string }[];
  exited: Promise<void>;
  markExited: () => void;
  timer?: NodeJS.Timeout;
  ports: ContainerInfo['ports'];
}

interface FakeVolume {
  name: string;
  labels: Labels;
  /** Paths relative to the volume root. */
  files: Set<string>;
}

const matches = (labels: Labels, want: Labels): boolean =>
  Object.entries(want).every(([k, v]) => labels[k] === v);

/** Defaults by role: sandboxes, main containers, a pod's other containers and sidecars run until stopped, a step exits 0 at once. */
function defaultBehaviour(role: string | undefined): ContainerBehaviour {
  return role === 'sandbox' || role === 'main' || role === 'container' || role === 'sidecar'
    ? { runMs: 'forever' }
    : { runMs: 0 };
}

export class FakeRuntime implements ContainerRuntime {
  readonly endpoint = 'fake://engine';
  /** A local engine: readiness probes go to the instance's address. */
  readonly remoteHost = undefined;
  /** Every call, in the order it was made. */
  readonly calls: Call[] = [];
  /** What Docker would not complain about but the engine must never do (a sandbox removed before a container joined to it). */
  readonly problems: string[] = [];

  private readonly containers = new Map<string, FakeContainer>();
  private readonly volumes = new Map<string, FakeVolume>();
  private readonly networks = new Map<string, NetworkInfo>();
  private readonly images: Set<string>;
  private readonly healthchecks: Set<string>;
  private readonly counts = new Map<string, number>();
  /** Pulls of each reference so far. */
  private readonly pulls = new Map<string, number>();
  /** RepoDigests by reference, for images pulled with a digest. */
  private readonly digests = new Map<string, string>();
  /** Names of removed containers, so calls about them stay readable. */
  private readonly gone = new Map<string, string>();
  private seq = 0;
  private locks = 0;

  constructor(private readonly options: FakeRuntimeOptions = {}) {
    this.images = new Set(options.images ?? []);
    this.healthchecks = new Set(options.healthchecks ?? []);
  }

  // ---- for tests -----------------------------------------------------------------------------------

  /** `method target` lines of the recorded calls, optionally only those of the given methods. */
  log(...methods: string[]): string[] {
    return this.calls
      .filter((c) => methods.length === 0 || methods.includes(c.method))
      .map((c) => [c.method, c.target, c.detail].filter(Boolean).join(' '));
  }

  /**
   * A readable name for a container id: `sandbox db-0`, `main db-0`, `step db-0/format#2`, `job migrate-0#1`,
   * `sidecar web-0/proxy`, `container web-0/metrics`, `pathcheck`.
   */
  describe(id: string): string {
    const c = this.containers.get(id);
    return c ? describeView(c.view) : (this.gone.get(id) ?? `unknown ${id}`);
  }

  /** Everything that exists now (containers as `describe` names them, `volume name`, `network name`). */
  objects(labels: Labels = {}): string[] {
    return [
      ...[...this.containers.values()]
        .filter((c) => matches(c.labels, labels))
        .map((c) => `${describeView(c.view)} (${c.status})`),
      ...[...this.volumes.values()].filter((v) => matches(v.labels, labels)).map((v) => `volume ${v.name}`),
      ...[...this.networks.values()].filter((n) => matches(n.labels, labels)).map((n) => `network ${n.name}`),
    ];
  }

  volumeLabels(name: string): Labels | undefined {
    return this.volumes.get(name)?.labels;
  }

  volumeFiles(name: string): string[] {
    return [...(this.volumes.get(name)?.files ?? [])].sort();
  }

  hasImage(ref: string): boolean {
    return this.images.has(ref);
  }

  /**
   * A running container an earlier run (or someone else) left, created directly (no call recorded).
   * `describe` names it `old <role> <instance>`.
   */
  seedContainer(spec: {
    name?: string;
    labels: Labels;
    /** Volume names, mounted at `/<name>`. */
    mounts?: string[];
    network?: NetworkSpec;
  }): string {
    const id = this.newId('c');
    const view = this.viewOf(id, false, {
      ...(spec.name !== undefined && { name: spec.name }),
      image: 'seeded',
      env: [],
      labels: spec.labels,
      network: spec.network ?? { mode: 'none' },
      mounts: (spec.mounts ?? []).map((source) => ({
        type: 'volume',
        source,
        target: `/${source}`,
        readOnly: false,
      })),
      securityOpt: [],
      capAdd: [],
      capDrop: [],
      privileged: false,
    });
    this.newContainer(view, {}).status = 'running';
    return id;
  }

  seedVolume(name: string, labels: Labels, files: string[] = []): void {
    this.volumes.set(name, { name, labels, files: new Set(files) });
  }

  seedNetwork(name: string, labels: Labels): string {
    const id = this.newId('n');
    this.networks.set(id, { id, name, labels });
    return id;
  }

  // ---- images --------------------------------------------------------------------------------------

  async imageExists(ref: string): Promise<boolean> {
    this.record('imageExists', ref);
    return this.images.has(ref);
  }

  async imageId(ref: string): Promise<string | undefined> {
    this.record('imageId', ref);
    return this.images.has(ref) ? `sha256:${ref}` : undefined;
  }

  async inspectImage(ref: string): Promise<ImageInfo | undefined> {
    this.record('inspectImage', ref);
    if (!this.images.has(ref)) return undefined;
    const digest = this.digests.get(ref);
    return { id: `sha256:${ref}`, repoDigests: digest ? [`${ref.replace(/[:@].*$/, '')}@${digest}`] : [] };
  }

  async imageHasHealthcheck(ref: string): Promise<boolean> {
    this.record('imageHasHealthcheck', ref);
    if (!this.images.has(ref)) throw new Error(`No such image: ${ref}`);
    return this.healthchecks.has(ref);
  }

  async pullImage(
    ref: string,
    onProgress: (progress: PullProgress) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    this.record('pullImage', ref);
    const nth = (this.pulls.get(ref) ?? 0) + 1;
    this.pulls.set(ref, nth);
    const outcome = this.options.pull?.(ref, nth) ?? {};
    if (outcome.hang) {
      await new Promise((_resolve, reject) => {
        if (signal?.aborted) reject(signal.reason);
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    }
    onProgress({ status: `Pulling from ${ref}` });
    const total = 1_000_000;
    for (let ms = 0; ms < (outcome.delayMs ?? 0); ms += 10) {
      onProgress({
        layer: 'aaaaaaaaaaaa',
        status: 'Downloading',
        current: (total * ms) / (outcome.delayMs ?? 1),
        total,
      });
      await delay(10, signal);
    }
    signal?.throwIfAborted();
    if (outcome.error !== undefined) {
      throw new PullError(
        classifyPullFailure(outcome.error),
        outcome.error,
        registryOf(ref),
        undefined,
        undefined,
      );
    }
    if (outcome.digest) onProgress({ status: `Digest: ${outcome.digest}` });
    onProgress({ layer: 'aaaaaaaaaaaa', status: 'Pull complete' });
    if (outcome.digest) this.digests.set(ref, outcome.digest);
    this.images.add(ref);
  }

  async importImage(_tar: Buffer, ref: string, _changes: string[]): Promise<void> {
    this.record('importImage', ref);
    this.images.add(ref);
  }

  // ---- containers ----------------------------------------------------------------------------------

  async createContainer(spec: CreateContainerSpec): Promise<string> {
    const id = this.newId('c');
    const view = this.viewOf(id, true, spec);
    this.record('createContainer', describeView(view));
    if (!this.images.has(spec.image)) throw new Error(`No such image: ${spec.image}`);
    if (spec.name !== undefined) {
      const holder = [...this.containers.values()].find((c) => c.name === spec.name);
      if (holder) {
        throw new Error(
          `Conflict. The container name "/${spec.name}" is already in use by container "${holder.view.id}"`,
        );
      }
    }
    for (const m of spec.mounts) {
      // Docker creates a named volume it does not know, without labels.
      if (m.type === 'volume' && !this.volumes.has(m.source)) this.seedVolume(m.source, {});
    }
    this.newContainer(view, this.options.script?.(view) ?? {});
    return id;
  }

  async attach(id: string, onData: (stream: OutputStream, chunk: Buffer) => void): Promise<Attachment> {
    const c = this.get('attach', id);
    c.attachments.push(onData);
    return { done: c.exited };
  }

  async startContainer(id: string): Promise<void> {
    const c = this.get('startContainer', id);
    if (c.status === 'running') return;
    // Started again after it exited (Docker keeps its configuration): it exits anew later.
    if (c.status === 'exited') c.exited = new Promise<void>((resolve) => (c.markExited = resolve));
    const net = c.view.spec.network;
    if (net.mode === 'container') {
      const joined = this.containers.get(net.container);
      if (joined?.status !== 'running') {
        throw new Error(`cannot join network namespace of a non running container: ${net.container}`);
      }
    }
    if (net.mode === 'network' && !this.findNetwork(net.network)) {
      throw new Error(`network ${net.network} not found`);
    }
    if (c.behaviour.startError !== undefined) {
      c.error = c.behaviour.startError;
      throw new Error(c.behaviour.startError);
    }
    c.status = 'running';
    c.starts += 1;
    for (const path of c.behaviour.writes ?? []) this.write(c, path);
    // Output and exit come after the start call returns, as from a real engine.
    c.timer = setTimeout(() => {
      for (const entry of c.behaviour.output ?? []) {
        const { stream, line } =
          typeof entry === 'string' ? { stream: 'stdout' as const, line: entry } : entry;
        c.written.push({ stream, line });
        for (const onData of c.attachments) onData(stream, Buffer.from(`${line}\n`));
      }
      const runMs = c.behaviour.runMs ?? 0;
      if (runMs === 'forever') return;
      const exitCode = c.behaviour.exitCode ?? (c.behaviour.oomKilled ? 137 : 0);
      c.timer = setTimeout(() => this.exit(c, exitCode, c.behaviour.oomKilled ?? false), runMs);
    }, 0);
  }

  async containerLogs(id: string, tail: number): Promise<{ stream: OutputStream; line: string }[]> {
    return this.get('containerLogs', id).written.slice(-tail);
  }

  async waitContainer(id: string): Promise<number> {
    const c = this.get('waitContainer', id);
    await c.exited;
    return c.exitCode;
  }

  async inspectContainer(id: string): Promise<ContainerState & ContainerInfo> {
    const c = this.get('inspectContainer', id);
    return {
      id,
      labels: c.labels,
      state: c.status,
      running: c.status === 'running',
      exitCode: c.exitCode,
      oomKilled: c.oomKilled,
      ...(c.error !== undefined && { error: c.error }),
      ...(c.behaviour.health !== undefined && { health: c.behaviour.health }),
      ports: c.ports,
    };
  }

  async killContainer(id: string, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
    const c = this.containers.get(id);
    this.record('killContainer', this.describe(id), signal);
    // Docker answers 404 (gone) or 409 (not running); the runtime tolerates both.
    if (c?.status !== 'running') return;
    if (signal === 'SIGKILL') this.exit(c, 137, false);
    else if (!c.behaviour.ignoresSigterm) this.exit(c, 143, false);
  }

  async stopContainer(id: string, graceSeconds: number): Promise<void> {
    const c = this.containers.get(id);
    this.record('stopContainer', this.describe(id), `grace ${graceSeconds}s`);
    if (c?.status !== 'running') return;
    if (!c.behaviour.ignoresSigterm) return this.exit(c, 143, false);
    await Promise.race([c.exited, delay(graceSeconds * 1000)]);
    if (c.status === 'running') this.exit(c, 137, false);
  }

  async removeContainer(id: string): Promise<void> {
    const c = this.containers.get(id);
    this.record('removeContainer', this.describe(id));
    if (!c) return;
    if (c.status === 'running') this.exit(c, 137, false);
    const joined = [...this.containers.values()].filter(
      (o) => o !== c && o.view.spec.network.mode === 'container' && o.view.spec.network.container === id,
    );
    if (joined.length > 0) {
      this.problems.push(
        `${describeView(c.view)} removed while ${joined.map((o) => describeView(o.view)).join(', ')} joined to it`,
      );
    }
    this.gone.set(id, describeView(c.view));
    this.containers.delete(id);
  }

  async listContainers(labels: Labels): Promise<ContainerInfo[]> {
    this.record('listContainers', labelText(labels));
    return [...this.containers.values()]
      .filter((c) => matches(c.labels, labels))
      .map((c) => ({ id: c.view.id, labels: c.labels, state: c.status, ports: c.ports }));
  }

  async exec(id: string, command: string[], signal?: AbortSignal): Promise<number> {
    const c = this.get('exec', id);
    signal?.throwIfAborted();
    if (c.status !== 'running') throw new Error(`container ${id} is not running`);
    return c.behaviour.exec?.(command, c.starts) ?? 0;
  }

  async pathExists(id: string, path: string): Promise<boolean> {
    const c = this.get('pathExists', id);
    const mount = [...c.view.spec.mounts]
      .sort((a, b) => b.target.length - a.target.length)
      .find((m) => path === m.target || path.startsWith(`${m.target}/`));
    if (!mount) return false;
    const rel = posix.relative(mount.target, path);
    if (mount.type === 'bind') return existsSync(join(mount.source, rel));
    if (rel === '') return true;
    const files = this.volumes.get(mount.source)?.files ?? new Set<string>();
    return [...files].some((f) => f === rel || f.startsWith(`${rel}/`));
  }

  getArchive(id: string): Promise<Readable> {
    this.get('getArchive', id);
    return Promise.reject(
      new Error('the fake runtime keeps no file contents: give the engine a fake VolumeCache'),
    );
  }

  putArchive(id: string): Promise<void> {
    this.get('putArchive', id);
    return Promise.reject(
      new Error('the fake runtime keeps no file contents: give the engine a fake VolumeCache'),
    );
  }

  async containerIp(id: string, network: string): Promise<string | undefined> {
    const c = this.get('containerIp', id);
    const net = c.view.spec.network;
    if (c.status !== 'running' || net.mode !== 'network' || net.network !== network) return undefined;
    return `10.89.0.${this.seqOf(id)}`;
  }

  // ---- networks ------------------------------------------------------------------------------------

  async ensureNetwork(name: string, labels: Labels): Promise<{ id: string; created: boolean }> {
    this.record('ensureNetwork', name);
    const existing = this.findNetwork(name);
    if (existing) return { id: existing.id, created: false };
    const id = this.newId('n');
    this.networks.set(id, { id, name, labels });
    return { id, created: true };
  }

  async listNetworks(labels: Labels): Promise<NetworkInfo[]> {
    this.record('listNetworks', labelText(labels));
    return [...this.networks.values()].filter((n) => matches(n.labels, labels));
  }

  async removeNetwork(idOrName: string): Promise<void> {
    const net = this.findNetwork(idOrName);
    this.record('removeNetwork', net?.name ?? idOrName);
    if (!net) return;
    const endpoints = [...this.containers.values()].filter(
      (c) =>
        c.status === 'running' &&
        c.view.spec.network.mode === 'network' &&
        c.view.spec.network.network === net.name,
    );
    if (endpoints.length > 0) {
      throw new Error(`error while removing network: network ${net.name} id ${net.id} has active endpoints`);
    }
    this.networks.delete(net.id);
  }

  // ---- locks ---------------------------------------------------------------------------------------

  /** A container that never starts, as the Docker runtime makes it: listed with the others, unique by name. */
  async createLock(name: string, labels: Labels): Promise<string | undefined> {
    this.record('createLock', name);
    if ([...this.containers.values()].some((c) => c.name === name)) return undefined;
    // Numbered on their own, so the ids of what a run creates do not depend on its lock.
    this.locks += 1;
    const id = `l${String(this.locks).padStart(11, '0')}`;
    const view = this.viewOf(id, false, {
      name,
      image: 'sandbox',
      env: [],
      labels,
      network: { mode: 'none' },
      mounts: [],
      securityOpt: [],
      capAdd: [],
      capDrop: [],
      privileged: false,
    });
    this.newContainer(view, {});
    return id;
  }

  async inspectLock(name: string): Promise<{ id: string; labels: Labels } | undefined> {
    this.record('inspectLock', name);
    const c = [...this.containers.values()].find((o) => o.name === name);
    return c && { id: c.view.id, labels: { ...c.labels } };
  }

  async removeLock(id: string): Promise<void> {
    this.record('removeLock', this.describe(id));
    const c = this.containers.get(id);
    if (!c) return;
    this.gone.set(id, describeView(c.view));
    this.containers.delete(id);
  }

  // ---- volumes -------------------------------------------------------------------------------------

  async inspectVolume(name: string): Promise<VolumeInfo | undefined> {
    this.record('inspectVolume', name);
    const v = this.volumes.get(name);
    return v && { name, labels: { ...v.labels } };
  }

  async createVolume(name: string, labels: Labels): Promise<VolumeInfo> {
    this.record('createVolume', name);
    // Creating a volume that exists returns the existing one, with its own labels.
    if (!this.volumes.has(name)) this.volumes.set(name, { name, labels: { ...labels }, files: new Set() });
    return { name, labels: { ...(this.volumes.get(name)?.labels ?? {}) } };
  }

  async listVolumes(labels: Labels): Promise<VolumeInfo[]> {
    this.record('listVolumes', labelText(labels));
    return [...this.volumes.values()]
      .filter((v) => matches(v.labels, labels))
      .map((v) => ({ name: v.name, labels: { ...v.labels } }));
  }

  async removeVolume(name: string): Promise<void> {
    this.record('removeVolume', name);
    if (!this.volumes.has(name)) return;
    const users = [...this.containers.values()].filter((c) =>
      c.view.spec.mounts.some((m) => m.type === 'volume' && m.source === name),
    );
    if (users.length > 0) {
      throw new Error(`remove ${name}: volume is in use - [${users.map((c) => c.view.id).join(', ')}]`);
    }
    this.volumes.delete(name);
  }

  // ---- internals -----------------------------------------------------------------------------------

  private record(method: string, target: string, detail?: string): void {
    this.calls.push({ method, target, ...(detail !== undefined && { detail }) });
    const message = this.options.fault?.(method, target);
    if (message !== undefined) throw new Error(message);
  }

  private get(method: string, id: string): FakeContainer {
    this.record(method, this.describe(id));
    const c = this.containers.get(id);
    if (!c) throw new Error(`No such container: ${id}`);
    return c;
  }

  private newId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${String(this.seq).padStart(11, '0')}`;
  }

  private seqOf(id: string): number {
    return Number(id.slice(1)) % 250;
  }

  /** `counted`: an attempt of the engine's (seeded containers are number 0). */
  private viewOf(id: string, counted: boolean, spec: CreateContainerSpec): ContainerView {
    const role = spec.labels[LABEL.role];
    const instance = spec.labels[LABEL.instance];
    const step = spec.labels[LABEL.step];
    const key = `${role} ${instance} ${step}`;
    const nth = counted ? (this.counts.get(key) ?? 0) + 1 : 0;
    if (counted) this.counts.set(key, nth);
    return { id, spec, role, service: spec.labels[LABEL.service], instance, step, nth };
  }

  private newContainer(view: ContainerView, scripted: ContainerBehaviour): FakeContainer {
    let markExited = () => {};
    const exited = new Promise<void>((resolve) => (markExited = resolve));
    const c: FakeContainer = {
      view,
      name: view.spec.name,
      labels: { ...view.spec.labels },
      behaviour: { ...defaultBehaviour(view.role), ...scripted },
      status: 'created',
      starts: 0,
      exitCode: 0,
      oomKilled: false,
      attachments: [],
      written: [],
      exited,
      markExited,
      ports: (view.spec.ports ?? []).map((p, i) => ({
        containerPort: p.containerPort,
        protocol: p.protocol,
        hostIp: p.hostIp,
        hostPort: p.hostPort ?? 32768 + this.seqOf(view.id) * 10 + i,
      })),
    };
    this.containers.set(view.id, c);
    return c;
  }

  private exit(c: FakeContainer, exitCode: number, oomKilled: boolean): void {
    if (c.status === 'exited') return;
    clearTimeout(c.timer);
    c.status = 'exited';
    c.exitCode = exitCode;
    c.oomKilled = oomKilled;
    c.markExited();
  }

  private write(c: FakeContainer, path: string): void {
    const mount = [...c.view.spec.mounts]
      .sort((a, b) => b.target.length - a.target.length)
      .find((m) => m.type === 'volume' && path.startsWith(`${m.target}/`));
    if (!mount) return;
    if (mount.readOnly) return;
    this.volumes.get(mount.source)?.files.add(posix.relative(mount.target, path));
  }

  private findNetwork(idOrName: string): NetworkInfo | undefined {
    return this.networks.get(idOrName) ?? [...this.networks.values()].find((n) => n.name === idOrName);
  }
}

function describeView(v: ContainerView): string {
  if (v.role === 'lock') return `lock ${v.spec.labels[LABEL.project] ?? '?'}`;
  if (v.nth === 0) return `old ${v.role ?? 'container'} ${v.instance ?? '?'}`;
  if (v.role === 'step' && v.step === undefined) return 'pathcheck';
  if (v.role === 'step') return `step ${v.instance ?? '?'}/${v.step}#${v.nth}`;
  if (v.role === 'job') return `job ${v.instance ?? '?'}#${v.nth}`;
  if (v.role === 'sidecar' || v.role === 'container') {
    return `${v.role} ${v.instance ?? '?'}/${v.spec.labels[LABEL.container] ?? '?'}`;
  }
  return `${v.role ?? 'container'} ${v.instance ?? '?'}`;
}

const labelText = (labels: Labels): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k.replace(/^dev\.initsteps\./, '')}=${v}`)
    .join(',');

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
