// Registry credentials found the way the Docker CLI finds them (docs/images.md, "Private registries"):
// the config file (`DOCKER_CONFIG`/config.json, else ~/.docker/config.json), a `credHelpers` entry for
// the registry, else `credsStore`, else the `auths` entry. Helpers are run as the CLI runs them:
// `docker-credential-<name> get`, the server URL on stdin, JSON on stdout. What is found goes only into
// the pull's X-Registry-Auth header: no message here ever includes a username, password or token.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Docker Hub's name in references and the key its credentials are stored under (the CLI's IndexServer). */
export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';
const DOCKER_HUB_ALIASES = new Set([DOCKER_HUB, 'index.docker.io', 'registry-1.docker.io']);

/** A credential helper that has not answered by then is killed, and the pull fails naming it. */
const HELPER_TIMEOUT_MS = 10_000;
/** How much of a helper's error output a message quotes (its first line, this long at most). */
const HELPER_MESSAGE_CHARS = 200;
/** Larger answers are not credentials; a config file beyond this is refused. */
const MAX_HELPER_OUTPUT = 64 * 1024;
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Docker's AuthConfig as the engine's X-Registry-Auth header carries it. */
export interface RegistryCredentials {
  username?: string;
  password?: string;
  identitytoken?: string;
  registrytoken?: string;
  serveraddress: string;
}

export interface CredentialLookup {
  /** The registry host the image lives on (`docker.io` for Docker Hub). */
  registry: string;
  /** Where the credentials came from (`auths in /home/u/.docker/config.json`, `docker-credential-pass`). */
  source?: string;
  /** Where they were looked for, for a message when there were none. */
  configFile: string;
  credentials?: RegistryCredentials;
}

/** The credentials could not be read: the pull fails with this message (no secret in it). */
export class RegistryAuthError extends Error {
  override readonly name = 'RegistryAuthError';
}

/**
 * The registry host of an image reference, as Docker's reference grammar decides: the first path
 * component when it looks like a host (has a `.` or `:`, is `localhost`, or has upper-case letters),
 * else Docker Hub; Docker Hub's other names fold into `docker.io`.
 */
export function registryOf(ref: string): string {
  const slash = ref.indexOf('/');
  if (slash === -1) return DOCKER_HUB;
  const first = ref.slice(0, slash);
  const isHost = /[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase();
  if (!isHost) return DOCKER_HUB;
  return canonicalRegistry(first);
}

/**
 * A config key (`https://index.docker.io/v1/`, `http://127.0.0.1:5000/v2/`, `ghcr.io`) as the host it
 * names: scheme and path dropped, lower-cased, Docker Hub's names folded into `docker.io`.
 */
export function canonicalRegistry(key: string): string {
  const host = (key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0] ?? '').toLowerCase();
  return DOCKER_HUB_ALIASES.has(host) ? DOCKER_HUB : host;
}

/** The server address the CLI stores and sends a registry's credentials under. */
export const serverAddressOf = (registry: string): string =>
  registry === DOCKER_HUB ? DOCKER_HUB_SERVER : registry;

/** The config file the Docker CLI reads: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
export function dockerConfigFile(env: Record<string, string | undefined>): string {
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
  return join(dir, 'config.json');
}

interface AuthEntry {
  auth?: unknown;
  username?: unknown;
  password?: unknown;
  identitytoken?: unknown;
  registrytoken?: unknown;
}

interface DockerConfig {
  auths?: Record<string, AuthEntry>;
  credHelpers?: Record<string, unknown>;
  credsStore?: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

async function readConfig(file: string): Promise<DockerConfig | undefined> {
  let text: string;
  try {
    const bytes = await readFile(file);
    if (bytes.length > MAX_CONFIG_BYTES) {
      throw new RegistryAuthError(`${file} is larger than ${MAX_CONFIG_BYTES / 1024} KiB`);
    }
    text = bytes.toString('utf8');
  } catch (e: unknown) {
    if (e instanceof RegistryAuthError) throw e;
    // No file: no credentials, as for the CLI.
    if (isRecord(e) && e.code === 'ENOENT') return undefined;
    throw new RegistryAuthError(`cannot read ${file}: ${isRecord(e) ? String(e.code ?? 'error') : 'error'}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message quotes the text around the error, which may be a credential.
    throw new RegistryAuthError(`${file} is not valid JSON`);
  }
  return isRecord(parsed) ? (parsed as DockerConfig) : undefined;
}

/** The entry of `map` whose key names `registry` (exact key first, then any spelling of the host). */
function entryFor<T>(map: Record<string, T> | undefined, registry: string): T | undefined {
  if (!isRecord(map)) return undefined;
  const exact = map[serverAddressOf(registry)] ?? map[registry];
  if (exact !== undefined) return exact;
  const key = Object.keys(map).find((k) => canonicalRegistry(k) === registry);
  return key === undefined ? undefined : map[key];
}

/** An `auths` entry as credentials: `auth` (base64 of `user:password`), or its separate fields. */
function fromAuthEntry(entry: AuthEntry, registry: string): RegistryCredentials | undefined {
  const creds: RegistryCredentials = { serveraddress: serverAddressOf(registry) };
  const auth = str(entry.auth);
  if (auth !== undefined) {
    const decoded = Buffer.from(auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      creds.username = decoded.slice(0, colon);
      creds.password = decoded.slice(colon + 1);
    }
  }
  creds.username ??= str(entry.username);
  creds.password ??= str(entry.password);
  const identitytoken = str(entry.identitytoken);
  const registrytoken = str(entry.registrytoken);
  if (identitytoken !== undefined) creds.identitytoken = identitytoken;
  if (registrytoken !== undefined) creds.registrytoken = registrytoken;
  const usable =
    (creds.username !== undefined && creds.password !== undefined) ||
    identitytoken !== undefined ||
    registrytoken !== undefined;
  return usable ? creds : undefined;
}

/** A helper's program name: a plain name only, never a path or an option. */
const helperProgram = (name: string): string => {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
    throw new RegistryAuthError(`credential helper name "${name.slice(0, 64)}" is not a plain name`);
  }
  return `docker-credential-${name}`;
};

interface HelperRun {
  code: number | null;
  stdout: string;
  stderr: string;
  error?: NodeJS.ErrnoException;
  timedOut: boolean;
}

function runHelper(
  program: string,
  input: string,
  env: Record<string, string | undefined>,
): Promise<HelperRun> {
  return new Promise((resolve) => {
    const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let size = 0;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, HELPER_TIMEOUT_MS);
    const collect = (into: Buffer[]) => (c: Buffer) => {
      size += c.length;
      if (size <= MAX_HELPER_OUTPUT) into.push(c);
      else child.kill('SIGKILL');
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.stdin.on('error', () => undefined); // a helper that exits without reading its input
    child.stdin.end(input);
    let spawnError: NodeJS.ErrnoException | undefined;
    child.once('error', (e: NodeJS.ErrnoException) => {
      spawnError = e;
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ...(spawnError && { error: spawnError }),
        timedOut,
      });
    });
  });
}

/** The first line of a helper's error text, bounded (by protocol helpers print their error on stdout). */
const firstLine = (text: string): string => {
  const line = text.trim().split(/\r?\n/)[0] ?? '';
  return line.length > HELPER_MESSAGE_CHARS ? `${line.slice(0, HELPER_MESSAGE_CHARS)}…` : line;
};

/** `docker-credential-<name> get`: the credentials, or undefined when the helper has none for the registry. */
async function fromHelper(
  name: string,
  registry: string,
  env: Record<string, string | undefined>,
): Promise<RegistryCredentials | undefined> {
  const program = helperProgram(name);
  const serveraddress = serverAddressOf(registry);
  const run = await runHelper(program, serveraddress, env);
  const failed = (why: string) =>
    new RegistryAuthError(`reading the credentials for ${registry} with ${program}: ${why}`);
  if (run.error?.code === 'ENOENT') throw failed('not found on PATH (credsStore or credHelpers names it)');
  if (run.error) throw failed(run.error.code ?? 'could not start');
  if (run.timedOut) throw failed(`no answer within ${HELPER_TIMEOUT_MS / 1000} s`);
  if (run.code !== 0) {
    // The helpers' "not found" answer: no credentials, an anonymous pull, as for the CLI.
    if (/credentials not found/i.test(run.stdout)) return undefined;
    const detail = firstLine(run.stdout) || firstLine(run.stderr);
    throw failed(`exit code ${run.code ?? 'none'}${detail ? `: ${detail}` : ''}`);
  }
  let answer: unknown;
  try {
    answer = JSON.parse(run.stdout);
  } catch {
    throw failed('its answer is not JSON');
  }
  if (!isRecord(answer)) throw failed('its answer is not a JSON object');
  const username = str(answer.Username);
  const secret = str(answer.Secret);
  if (secret === undefined) return undefined;
  // `<token>` as the user name marks an identity token (docker-credential-helpers' convention).
  if (username === '<token>') return { identitytoken: secret, serveraddress };
  return { ...(username !== undefined && { username }), password: secret, serveraddress };
}

/** The credentials the Docker CLI would use to pull `ref`; `credentials` undefined: an anonymous pull. */
export async function lookupCredentials(
  ref: string,
  env: Record<string, string | undefined>,
): Promise<CredentialLookup> {
  const registry = registryOf(ref);
  const configFile = dockerConfigFile(env);
  const config = await readConfig(configFile);
  const found: CredentialLookup = { registry, configFile };
  if (!config) return found;
  const helper = str(entryFor(config.credHelpers, registry)) ?? str(config.credsStore);
  if (helper !== undefined) {
    const credentials = await fromHelper(helper, registry, env);
    return credentials ? { ...found, credentials, source: helperProgram(helper) } : found;
  }
  const entry = entryFor(config.auths, registry);
  const credentials = isRecord(entry) ? fromAuthEntry(entry, registry) : undefined;
  return credentials ? { ...found, credentials, source: `auths in ${configFile}` } : found;
}
