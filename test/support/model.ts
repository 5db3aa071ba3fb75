// Builds ResolvedProject objects directly (inheritance applied the way the spec loader does), so engine
// tests do not depend on YAML parsing.
import type {
  Backoff,
  ContainerSpec,
  EnvVar,
  JobSpec,
  MainRestartPolicy,
  PodManagementPolicy,
  PortMapping,
  ProblemMatcher,
  Probe,
  PullPolicy,
  ResolvedInstance,
  ResolvedProject,
  ResolvedService,
  ResolvedStep,
  Resources,
  RunIf,
  RuntimeKind,
  SecurityContext,
  VolumeMount,
} from '../../src/spec/model.js';

export interface StepInput {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: Record<string, string>;
  /** Omitted: all parent volumes; a list of parent volume names: only those. */
  volumes?: string[];
  runIf?: RunIf;
  timeoutMs?: number;
  attempts?: number;
  backoff?: Backoff;
  securityContext?: Partial<SecurityContext>;
  resources?: Resources;
  workingDir?: string;
  user?: string;
  problemMatchers?: ProblemMatcher[];
  /** Default: the service's. */
  pullPolicy?: PullPolicy;
}

export interface ServiceInput {
  name: string;
  image?: string;
  runtime?: RuntimeKind;
  pullPolicy?: PullPolicy;
  podManagementPolicy?: PodManagementPolicy;
  command?: string[];
  args?: string[];
  env?: Record<string, string>;
  secrets?: Record<string, string>;
  volumes?: VolumeMount[];
  replicas?: number;
  ports?: PortMapping[];
  dependsOn?: string[];
  readinessProbe?: Probe;
  startupProbe?: Probe;
  livenessProbe?: Probe;
  restartPolicy?: MainRestartPolicy;
  /** A Kubernetes pod's activeDeadlineSeconds, in ms. */
  activeDeadlineMs?: number;
  securityContext?: Partial<SecurityContext>;
  resources?: Resources;
  workingDir?: string;
  steps?: StepInput[];
  /** Makes it a `kind: Job` document; its knobs default as the loader's do (3 attempts, 5m per attempt). */
  job?: Partial<Omit<JobSpec, 'pos'>>;
}

const pos = (file: string) => ({ file, line: 1, col: 1 });

export const claim = (name: string, mountPath: string, readOnly = false): VolumeMount => ({
  name,
  mountPath,
  readOnly,
  source: { kind: 'claim' },
});
export const emptyDir = (name: string, mountPath: string): VolumeMount => ({
  name,
  mountPath,
  readOnly: false,
  source: { kind: 'emptyDir' },
});
export const hostPath = (name: string, mountPath: string, path: string, readOnly = false): VolumeMount => ({
  name,
  mountPath,
  readOnly,
  source: { kind: 'hostPath', path },
});

const security = (s?: Partial<SecurityContext>): SecurityContext => ({
  capAdd: s?.capAdd ?? [],
  capDrop: s?.capDrop ?? [],
  privileged: s?.privileged ?? false,
  ...(s?.seccompProfile && { seccompProfile: s.seccompProfile }),
});

const envOf = (env: Record<string, string> = {}, secrets: Record<string, string> = {}): EnvVar[] => [
  ...Object.entries(env).map(([name, value]) => ({ name, value, secret: false })),
  ...Object.entries(secrets).map(([name, value]) => ({ name, value, secret: true })),
];

/** Step env merged over the parent's; the step's key wins. */
const mergeEnv = (parent: EnvVar[], step: EnvVar[]): EnvVar[] => [
  ...parent.filter((p) => !step.some((s) => s.name === p.name)),
  ...step,
];

export function service(input: ServiceInput, file = '/spec/initsteps.yaml'): ResolvedService {
  const runtime = input.runtime ?? 'container';
  const image = runtime === 'process' ? undefined : (input.image ?? 'busybox:latest');
  const template: ContainerSpec = {
    ...(image !== undefined && { image }),
    ...(input.command && { command: input.command }),
    ...(input.args && { args: input.args }),
    ...(input.workingDir && { workingDir: input.workingDir }),
    env: envOf(input.env, input.secrets),
    volumes: input.volumes ?? [],
    securityContext: security(input.securityContext),
    resources: input.resources ?? {},
  };
  const replicas = input.replicas ?? 1;
  const instances: ResolvedInstance[] = [];
  for (let ordinal = 0; ordinal < replicas; ordinal++) {
    const name = `${input.name}-${ordinal}`;
    const own: EnvVar[] = [
      { name: 'INITSTEPS_SERVICE', value: input.name, secret: false },
      { name: 'INITSTEPS_INSTANCE', value: name, secret: false },
      { name: 'INITSTEPS_REPLICA_ORDINAL', value: String(ordinal), secret: false },
    ];
    const parentEnv = mergeEnv(template.env, own);
    const steps: ResolvedStep[] = (input.steps ?? []).map((st, index) => {
      const stepImage = runtime === 'process' ? undefined : (st.image ?? image);
      const workingDir = st.workingDir ?? template.workingDir;
      return {
        name: st.name,
        index,
        pos: { file, line: 10 + index, col: 7 },
        ...(stepImage !== undefined && { image: stepImage }),
        ...(st.command && { command: st.command }),
        ...(st.args && { args: st.args }),
        ...(workingDir && { workingDir }),
        ...(st.user && { user: st.user }),
        env: mergeEnv(parentEnv, envOf(st.env)),
        volumes:
          st.volumes === undefined
            ? template.volumes
            : template.volumes.filter((v) => st.volumes?.includes(v.name)),
        securityContext: st.securityContext ? security(st.securityContext) : template.securityContext,
        resources: st.resources ?? template.resources,
        ...(st.problemMatchers && { problemMatchers: st.problemMatchers }),
        runIf: st.runIf ?? { type: 'freshVolume' },
        timeoutMs: st.timeoutMs ?? 300_000,
        attempts: st.attempts ?? 3,
        restartPolicy: (st.attempts ?? 3) === 1 ? 'Never' : 'OnFailure',
        ...(st.backoff && { backoff: st.backoff }),
        pullPolicy: st.pullPolicy ?? input.pullPolicy ?? 'IfNotPresent',
      };
    });
    instances.push({ service: input.name, name, ordinal, steps, main: { ...template, env: parentEnv } });
  }
  return {
    name: input.name,
    pos: pos(file),
    file,
    runtime,
    pullPolicy: input.pullPolicy ?? 'IfNotPresent',
    replicas,
    podManagementPolicy: input.podManagementPolicy ?? 'OrderedReady',
    ports: input.ports ?? [],
    dependsOn: input.dependsOn ?? [],
    ...(input.readinessProbe && { readinessProbe: input.readinessProbe }),
    ...(input.startupProbe && { startupProbe: input.startupProbe }),
    ...(input.livenessProbe && { livenessProbe: input.livenessProbe }),
    ...(input.restartPolicy && { restartPolicy: input.restartPolicy }),
    ...(input.activeDeadlineMs !== undefined && { activeDeadlineMs: input.activeDeadlineMs }),
    template,
    instances,
    ...(input.job && {
      job: {
        restartPolicy: input.job.restartPolicy ?? 'OnFailure',
        attempts: input.job.attempts ?? 3,
        timeoutMs: input.job.timeoutMs ?? 300_000,
        ...(input.job.backoff && { backoff: input.job.backoff }),
        ...(input.job.activeDeadlineMs !== undefined && { activeDeadlineMs: input.job.activeDeadlineMs }),
        pos: { file, line: 8, col: 3 },
      },
    }),
  };
}

export function project(name: string, services: ServiceInput[], workspace = '/spec'): ResolvedProject {
  return { name, workspace, files: ['/spec/initsteps.yaml'], services: services.map((s) => service(s)) };
}

/** A main container that stays up until removed. */
export const SLEEPER = { command: ['sleep', '3600'] } as const;
