// Resolution: validated raw values → the model (model.ts). Applies docs/spec.md inheritance and every
// default; runs only on a spec with no problems, so anything optional here is genuinely optional.
import path from 'node:path';
import { has, keyLoc, locOf, valueLoc } from './check.js';
import { parseDuration } from './duration.js';
import type {
  RawEnv,
  RawProbe,
  RawResources,
  RawSecurityContext,
  RawService,
  RawSpec,
  RawStep,
} from './fields.js';
import type {
  Backoff,
  ContainerSpec,
  EnvVar,
  JobSpec,
  PortMapping,
  Probe,
  ProblemMatcher,
  PullPolicy,
  ResolvedInstance,
  ResolvedService,
  ResolvedSidecar,
  ResolvedStep,
  Resources,
  RestartPolicy,
  RunIf,
  SecurityContext,
  VolumeMount,
} from './model.js';
import { parseCpu, parseMemory, parsePort } from './quantity.js';
import { mergeMatchers, resolveMatchers } from './matchers.js';
import type { RawMatcher } from './fields.js';
import type { CheckedDoc } from './rules.js';
import { isRunnerVariable } from './runner-env.js';

/** Defaults; the field descriptions (and so the JSON Schema) state them too. */
const DEFAULTS = {
  stepTimeoutMs: 5 * 60_000,
  onFailureAttempts: 3,
  hostIp: '127.0.0.1',
  probe: { initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
} as const;

const list = (v: string | string[] | undefined): string[] | undefined =>
  v === undefined ? undefined : typeof v === 'string' ? [v] : v;

function envVars(raw: RawEnv | undefined, source: Record<string, string | undefined>): EnvVar[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw))
    return Object.entries(raw).map(([name, value]) => ({ name, value, secret: false }));
  return raw.map((item) => {
    const from = item.valueFrom?.env;
    // Validation refuses a runner variable here; the lookup skips one anyway (src/spec/runner-env.ts).
    return from !== undefined
      ? {
          name: item.name ?? '',
          value: (isRunnerVariable(from) ? undefined : source[from]) ?? '',
          secret: true,
        }
      : { name: item.name ?? '', value: item.value ?? '', secret: false };
  });
}

/** The child's variables over the parent's: parent order kept, overridden in place, new ones appended. */
function mergeEnv(parent: EnvVar[], child: EnvVar[]): EnvVar[] {
  const byName = new Map(parent.map((e) => [e.name, e]));
  for (const e of child) byName.set(e.name, e);
  return [...byName.values()];
}

/** Localhost seccomp profiles as validation read them, by localhostProfile (RuleChecker.profiles). */
export type CheckedProfiles = ReadonlyMap<string, string>;

/** What validation read from files: seccomp profiles and problem-matcher files (by absolute path). */
export interface CheckedFiles {
  profiles: CheckedProfiles;
  matchers: ReadonlyMap<string, RawMatcher[]>;
}

/** `problemMatchers` only when there are some, so a spec without them resolves as before. */
const matchersField = (list: ProblemMatcher[]) => (list.length > 0 ? { problemMatchers: list } : {});

function securityContext(raw: RawSecurityContext | undefined, profiles: CheckedProfiles): SecurityContext {
  const seccomp = raw?.seccompProfile;
  const file = seccomp?.type === 'Localhost' ? seccomp.localhostProfile : undefined;
  const profile = file === undefined ? undefined : profiles.get(file);
  return {
    ...(seccomp?.type
      ? {
          seccompProfile: {
            type: seccomp.type,
            ...(seccomp.localhostProfile !== undefined ? { localhostProfile: seccomp.localhostProfile } : {}),
            ...(profile !== undefined ? { profile } : {}),
          },
        }
      : {}),
    capAdd: raw?.capAdd ?? [],
    capDrop: raw?.capDrop ?? [],
    privileged: raw?.privileged ?? false,
  };
}

function resources(raw: RawResources | undefined): Resources {
  const cpu = raw?.limits?.cpu;
  const memory = raw?.limits?.memory;
  return {
    ...(cpu !== undefined ? { nanoCpus: parseCpu(cpu) } : {}),
    ...(memory !== undefined ? { memoryBytes: parseMemory(memory) } : {}),
  };
}

function volumes(spec: RawSpec, specDir: string): VolumeMount[] {
  return (spec.volumes ?? []).map((v) => {
    const capacity = v.claimTemplate?.spec?.capacity;
    const source: VolumeMount['source'] =
      v.hostPath !== undefined
        ? { kind: 'hostPath', path: path.resolve(specDir, v.hostPath) }
        : v.emptyDir !== undefined
          ? { kind: 'emptyDir' }
          : { kind: 'claim', ...(capacity !== undefined ? { capacityBytes: parseMemory(capacity) } : {}) };
    return { name: v.name ?? '', mountPath: v.mountPath ?? '', readOnly: v.readOnly ?? false, source };
  });
}

function ports(spec: RawSpec): PortMapping[] {
  return (spec.ports ?? []).map((p) => {
    const parsed =
      typeof p === 'string'
        ? parsePort(p)
        : {
            containerPort: p.containerPort ?? 0,
            hostIp: p.hostIP,
            hostPort: p.hostPort,
            protocol: p.protocol,
          };
    return {
      containerPort: parsed?.containerPort ?? 0,
      hostIp: parsed?.hostIp ?? DEFAULTS.hostIp,
      ...(parsed?.hostPort !== undefined ? { hostPort: parsed.hostPort } : {}),
      protocol: parsed?.protocol ?? 'tcp',
    };
  });
}

function probe(raw: RawProbe | undefined): Probe | undefined {
  if (!raw) return undefined;
  const d = DEFAULTS.probe;
  let check: Probe['check'];
  if (raw.exec) check = { kind: 'exec', command: list(raw.exec.command) ?? [] };
  else if (raw.tcpSocket) {
    const { port = 0, host } = raw.tcpSocket;
    check = { kind: 'tcpSocket', port, ...(host !== undefined ? { host } : {}) };
  } else if (raw.grpc) {
    check = { kind: 'grpc', port: raw.grpc.port ?? 0, service: raw.grpc.service ?? '' };
  } else {
    const { port = 0, path: p = '/', scheme = 'http', host } = raw.httpGet ?? {};
    check = { kind: 'httpGet', port, path: p, scheme, ...(host !== undefined ? { host } : {}) };
  }
  return {
    check,
    initialDelayMs: (raw.initialDelaySeconds ?? d.initialDelaySeconds) * 1000,
    periodMs: (raw.periodSeconds ?? d.periodSeconds) * 1000,
    timeoutMs: (raw.timeoutSeconds ?? d.timeoutSeconds) * 1000,
    failureThreshold: raw.failureThreshold ?? d.failureThreshold,
    ...(raw.successThreshold !== undefined &&
      raw.successThreshold > 1 && { successThreshold: raw.successThreshold }),
    ...(raw.terminationGracePeriodSeconds !== undefined && {
      terminationGraceSeconds: raw.terminationGracePeriodSeconds,
    }),
  };
}

function runIf(raw: RawStep['runIf']): RunIf {
  const volume = raw?.volume !== undefined ? { volume: raw.volume } : {};
  switch (raw?.type ?? 'freshVolume') {
    case 'always':
      return { type: 'always' };
    case 'fileMissing':
      return { type: 'fileMissing', path: raw?.path ?? '', ...volume };
    case 'freshVolume':
      return { type: 'freshVolume', ...volume };
  }
}

/** workingDir: verbatim in a container; on the host (runtime process) relative to the spec file. */
const workingDir = (dir: string | undefined, process: boolean, specDir: string) =>
  dir === undefined ? {} : { workingDir: process ? path.resolve(specDir, dir) : dir };

/** Attempts in all: `retries` (or a job's `backoffLimit`) + 1 when set, else 3 for OnFailure and 1 for Never. */
const attemptsOf = (restartPolicy: RestartPolicy, retries: number | undefined): number =>
  retries !== undefined ? retries + 1 : restartPolicy === 'Never' ? 1 : DEFAULTS.onFailureAttempts;

const timeoutOf = (raw: string | undefined): number =>
  raw !== undefined ? (parseDuration(raw) ?? DEFAULTS.stepTimeoutMs) : DEFAULTS.stepTimeoutMs;

/** `backoff: {base, cap}`; absent parts are the run's defaults (engine/retry.ts). */
function backoffOf(raw: { base?: string; cap?: string } | undefined): { backoff?: Backoff } {
  const baseMs = raw?.base === undefined ? undefined : parseDuration(raw.base);
  const capMs = raw?.cap === undefined ? undefined : parseDuration(raw.cap);
  if (baseMs === undefined && capMs === undefined) return {};
  return {
    backoff: { ...(baseMs !== undefined && { baseMs }), ...(capMs !== undefined && { capMs }) },
  };
}

/**
 * A job's knobs (docs/spec.md, "Jobs"). An explicit retry count holds whatever restartPolicy says, as in a
 * Kubernetes Job, where `Never` with a `backoffLimit` retries in new pods: every attempt here is a new
 * container anyway.
 */
function job(raw: RawService, spec: RawSpec): JobSpec {
  const restartPolicy = spec.restartPolicy ?? 'OnFailure';
  const at = (key: 'command' | 'args') => (has(spec, key) ? keyLoc(spec, key).pos : undefined);
  const deadline = spec.activeDeadlineSeconds;
  return {
    restartPolicy,
    attempts: attemptsOf(restartPolicy, spec.retries ?? spec.backoffLimit),
    timeoutMs: timeoutOf(spec.timeout),
    ...backoffOf(spec.backoff),
    ...(deadline !== undefined && { activeDeadlineMs: deadline * 1000 }),
    pos: at('command') ?? at('args') ?? locOf(raw).pos,
  };
}

/** What a step or sidecar inherits from the service (docs/spec.md, "Inheritance from the service"). */
interface Parent {
  spec: ContainerSpec;
  pullPolicy: PullPolicy;
  envSource: Record<string, string | undefined>;
  checked: CheckedFiles;
  process: boolean;
  specAbs: string;
}

/** The container of an init step or a native sidecar: its own fields over the service's. */
function stepContainer(raw: RawStep, p: Parent): ContainerSpec {
  const parent = p.spec;
  const mounts =
    raw.volumes === undefined ? parent.volumes : parent.volumes.filter((v) => raw.volumes?.includes(v.name));
  const command = list(raw.command);
  const args = list(raw.args);
  const image = raw.image ?? parent.image;
  return {
    ...(image !== undefined ? { image } : {}),
    ...(command ? { command } : {}),
    ...(args ? { args } : {}),
    ...(raw.workingDir !== undefined
      ? workingDir(raw.workingDir, p.process, path.dirname(p.specAbs))
      : parent.workingDir !== undefined
        ? { workingDir: parent.workingDir }
        : {}),
    ...((raw.user ?? parent.user) !== undefined ? { user: raw.user ?? parent.user } : {}),
    env: mergeEnv(parent.env, envVars(raw.env, p.envSource)),
    volumes: mounts,
    securityContext: raw.securityContext
      ? securityContext(raw.securityContext, p.checked.profiles)
      : parent.securityContext,
    resources: raw.resources ? resources(raw.resources) : parent.resources,
    ...matchersField(
      mergeMatchers(
        resolveMatchers(raw.problemMatchers, p.specAbs, p.checked.matchers),
        parent.problemMatchers ?? [],
      ),
    ),
  };
}

function step(raw: RawStep, restartPolicy: RestartPolicy, index: number, p: Parent): ResolvedStep {
  // Validation refuses retries > 0 with Never on a step; `retries: 0` is one attempt either way.
  const attempts = restartPolicy === 'Never' ? 1 : attemptsOf(restartPolicy, raw.retries);
  return {
    name: raw.name ?? '',
    index,
    pos: locOf(raw).pos,
    ...stepContainer(raw, p),
    runIf: runIf(raw.runIf),
    timeoutMs: timeoutOf(raw.timeout),
    attempts,
    restartPolicy,
    ...backoffOf(raw.backoff),
    pullPolicy: raw.imagePullPolicy ?? p.pullPolicy,
  };
}

/** A step with `restartPolicy: Always`: a native sidecar (docs/spec.md#native-sidecars); `afterSteps` steps precede it. */
function sidecar(raw: RawStep, afterSteps: number, p: Parent): ResolvedSidecar {
  const startupProbe = probe(raw.startupProbe);
  return {
    name: raw.name ?? '',
    afterSteps,
    pos: locOf(raw).pos,
    ...stepContainer(raw, p),
    pullPolicy: raw.imagePullPolicy ?? p.pullPolicy,
    ...(startupProbe && { startupProbe }),
  };
}

/** The service's init steps, and its native sidecars placed among them as Kubernetes' init containers. */
function stepsAndSidecars(
  raws: RawStep[],
  p: Parent,
): { steps: ResolvedStep[]; sidecars: ResolvedSidecar[] } {
  const steps: ResolvedStep[] = [];
  const sidecars: ResolvedSidecar[] = [];
  for (const raw of raws) {
    const policy = raw.restartPolicy ?? 'OnFailure';
    if (policy === 'Always') sidecars.push(sidecar(raw, steps.length, p));
    else steps.push(step(raw, policy, steps.length, p));
  }
  return { steps, sidecars };
}

const instanceEnv = (service: string, ordinal: number): EnvVar[] => [
  { name: 'INITSTEPS_SERVICE', value: service, secret: false },
  { name: 'INITSTEPS_INSTANCE', value: `${service}-${ordinal}`, secret: false },
  { name: 'INITSTEPS_REPLICA_ORDINAL', value: String(ordinal), secret: false },
];

export function resolveService(
  doc: CheckedDoc,
  envSource: Record<string, string | undefined>,
  checked: CheckedFiles,
): ResolvedService {
  const profiles = checked.profiles;
  const raw: RawService = doc.service;
  const spec: RawSpec = raw.spec ?? {};
  const name = raw.metadata?.name ?? '';
  const specDir = path.dirname(doc.absFile);
  const runtime = spec.runtime ?? 'container';
  const process = runtime === 'process';
  const command = list(spec.command);
  const args = list(spec.args);
  const template: ContainerSpec = {
    ...(!process && spec.image !== undefined ? { image: spec.image } : {}),
    ...(command ? { command } : {}),
    ...(args ? { args } : {}),
    ...workingDir(spec.workingDir, process, specDir),
    ...(spec.user !== undefined ? { user: spec.user } : {}),
    env: envVars(spec.env, envSource),
    volumes: volumes(spec, specDir),
    securityContext: securityContext(spec.securityContext, profiles),
    resources: resources(spec.resources),
    ...matchersField(resolveMatchers(spec.problemMatchers, doc.absFile, checked.matchers)),
  };
  const pullPolicy = spec.imagePullPolicy ?? 'IfNotPresent';
  const { steps, sidecars } = stepsAndSidecars(spec.initSteps ?? [], {
    spec: template,
    pullPolicy,
    envSource,
    checked,
    process,
    specAbs: doc.absFile,
  });
  const replicas = spec.replicas ?? 1;
  const instances: ResolvedInstance[] = Array.from({ length: replicas }, (_, ordinal) => {
    const extra = instanceEnv(name, ordinal);
    return {
      service: name,
      name: `${name}-${ordinal}`,
      ordinal,
      steps: steps.map((s) => ({ ...s, env: mergeEnv(s.env, extra) })),
      main: { ...template, env: mergeEnv(template.env, extra) },
      ...(sidecars.length > 0 && { sidecars: sidecars.map((c) => ({ ...c, env: mergeEnv(c.env, extra) })) }),
    };
  });
  const readinessProbe = probe(spec.readinessProbe);
  const startupProbe = probe(spec.startupProbe);
  const livenessProbe = probe(spec.livenessProbe);
  return {
    name,
    pos: raw.metadata ? valueLoc(raw.metadata, 'name').pos : { file: doc.file, line: 1, col: 1 },
    file: doc.absFile,
    runtime,
    pullPolicy,
    replicas,
    podManagementPolicy: spec.podManagementPolicy ?? 'OrderedReady',
    ports: ports(spec),
    dependsOn: [...new Set(spec.dependsOn ?? [])],
    ...(readinessProbe ? { readinessProbe } : {}),
    // A native service's main restarts on a failing startup or liveness probe, as a Deployment's (Always).
    ...(startupProbe && { startupProbe }),
    ...(livenessProbe && { livenessProbe }),
    template,
    instances,
    ...(raw.kind === 'Job' && { job: job(raw, spec) }),
  };
}

/** Services in dependency order; among services free to start, declaration order. */
export function orderByDependencies(services: ResolvedService[]): ResolvedService[] {
  const done = new Set<string>();
  const out: ResolvedService[] = [];
  const pending = [...services];
  while (pending.length > 0) {
    const i = pending.findIndex((s) => s.dependsOn.every((d) => done.has(d)));
    // Cycles were refused by validation; taking the first keeps this total anyway.
    const [next] = pending.splice(Math.max(i, 0), 1);
    if (!next) break;
    done.add(next.name);
    out.push(next);
  }
  return out;
}
