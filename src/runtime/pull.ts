// Pure: what a pull reports as it goes, and what a failed pull was, read from the engine's message
// (Docker's API gives only text: `unauthorized: authentication required`, `manifest unknown`,
// `dial tcp …: connect: connection refused`, `received unexpected HTTP status: 503 Service Unavailable`).

/** One progress message of a pull: a layer's status, with its bytes while it downloads. */
export interface PullProgress {
  /** The layer (short digest), absent for messages about the whole image. */
  layer?: string;
  status: string;
  current?: number;
  total?: number;
}

/**
 * - `unauthorized`: the registry refused the credentials, or asked for some and got none;
 * - `notFound`: no such repository, tag or digest (`manifest unknown`);
 * - `unreachable`: nothing answers at the registry's address (refused, no such host, no route);
 * - `stalled`: the registry accepted the connection and then said nothing;
 * - `transient`: worth another attempt (connection reset, EOF, timeouts, 5xx, 429);
 * - `other`: anything else (bad credentials helper, a disk full on the engine).
 */
export type PullFailureKind = 'unauthorized' | 'notFound' | 'unreachable' | 'stalled' | 'transient' | 'other';

/** A pull that failed; `message` is the engine's (or the credentials lookup's) text, never a secret. */
export class PullError extends Error {
  override readonly name = 'PullError';
  constructor(
    readonly kind: PullFailureKind,
    message: string,
    /** The registry host of the image (`docker.io` for Docker Hub). */
    readonly registry: string,
    /** Where the credentials sent came from; undefined when the pull was anonymous. */
    readonly credentialSource: string | undefined,
    /** The config file credentials were looked for in. */
    readonly configFile: string | undefined,
  ) {
    super(message);
  }
}

const UNAUTHORIZED =
  /\bunauthorized\b|no basic auth credentials|authentication required|\bdenied\b|incorrect username or password|401 Unauthorized|403 Forbidden/i;
const NOT_FOUND = /manifest unknown|\bnot found\b|name unknown|repository does not exist|404 Not Found/i;
const UNREACHABLE =
  /connection refused|no such host|no route to host|network is unreachable|server misbehaving|dial tcp.*: i\/o timeout/i;
const TRANSIENT =
  /connection reset|broken pipe|\bEOF\b|i\/o timeout|TLS handshake timeout|timeout exceeded|toomanyrequests|too many requests|\b429\b|\b5\d\d\b|service unavailable|bad gateway|gateway timeout|internal server error/i;

/** What kind of failure the engine's message describes (see PullFailureKind). */
export function classifyPullFailure(message: string): PullFailureKind {
  // Docker Hub answers a missing repository with "pull access denied … may require 'docker login'":
  // that is the credentials hint, so `unauthorized` is tested first.
  if (UNAUTHORIZED.test(message)) return 'unauthorized';
  if (NOT_FOUND.test(message)) return 'notFound';
  if (UNREACHABLE.test(message)) return 'unreachable';
  if (TRANSIENT.test(message)) return 'transient';
  return 'other';
}

/** Bytes of a pull so far, over the layers whose size is known. */
export interface PullBytes {
  done: number;
  total: number;
}

/**
 * Sums a pull's layers from its progress messages: a downloading layer counts its bytes so far, a layer
 * downloaded (or already there) counts whole.
 */
export class PullTally {
  private readonly layers = new Map<string, { current: number; total: number }>();

  add(p: PullProgress): void {
    if (p.layer === undefined) return;
    const layer = this.layers.get(p.layer) ?? { current: 0, total: 0 };
    if (p.status === 'Downloading' && p.total !== undefined && p.total > 0) {
      layer.total = p.total;
      layer.current = Math.min(p.current ?? 0, p.total);
    } else if (
      /^(Download complete|Verifying Checksum|Extracting|Pull complete|Already exists)/.test(p.status)
    ) {
      layer.current = layer.total;
    }
    this.layers.set(p.layer, layer);
  }

  bytes(): PullBytes {
    let done = 0;
    let total = 0;
    for (const l of this.layers.values()) {
      done += l.current;
      total += l.total;
    }
    return { done, total };
  }
}

/** The digest a pull announced (`Digest: sha256:…`), if this message is that one. */
export const digestOf = (p: PullProgress): string | undefined =>
  /^Digest: (sha256:[0-9a-f]{64})$/.exec(p.status)?.[1];

/** A reference's repository and its tag or digest (`latest` when it names neither). */
export function referenceParts(ref: string): { repository: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  if (at !== -1) return { repository: ref.slice(0, at), digest: ref.slice(at + 1) };
  const colon = ref.lastIndexOf(':');
  if (colon > ref.lastIndexOf('/')) return { repository: ref.slice(0, colon), tag: ref.slice(colon + 1) };
  return { repository: ref, tag: 'latest' };
}

/** A repository as `docker images` shows it: Docker Hub's `docker.io/` and `library/` left out. */
export const familiarRepository = (repository: string): string =>
  repository.replace(/^(docker\.io|index\.docker\.io)\//, '').replace(/^library\//, '');

/**
 * The registry digest of `ref` among the image's RepoDigests (`repo@sha256:…`): the one of its own
 * repository; else the digest the reference names or the pull announced.
 */
export function digestFor(ref: string, repoDigests: string[], announced?: string): string | undefined {
  const { repository, digest } = referenceParts(ref);
  const own = repoDigests
    .map((d) => referenceParts(d))
    .find((d) => familiarRepository(d.repository) === familiarRepository(repository));
  return own?.digest ?? digest ?? announced;
}
