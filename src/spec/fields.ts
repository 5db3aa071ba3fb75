// The spec's field table, declared once. The validator walks it (types, unknown fields with
// suggestions, required fields, enums, formats), the JSON Schema is generated from it, and the
// validated raw types (`Infer`) are derived from it, so the three cannot drift apart.
import type { FormatName } from './formats.js';

/** The document kinds (docs/spec.md): a long-running Service, or a Job whose container runs to completion. */
export const KINDS = ['Service', 'Job'] as const;
export type DocumentKind = (typeof KINDS)[number];

interface Common {
  readonly description?: string;
  /** A `spec` field of one kind only: the other kind's document is refused at the key, saying `why`. */
  readonly onlyFor?: { readonly kind: DocumentKind; readonly why: string };
}
export interface StringField extends Common {
  readonly type: 'string';
  readonly format?: FormatName;
  readonly enum?: readonly string[];
  /** Enum matched in any case; the value is normalised to the listed spelling. */
  readonly caseInsensitive?: boolean;
  /** Extra accepted spellings mapped to an enum value (`default` → `RuntimeDefault`). */
  readonly aliases?: Readonly<Record<string, string>>;
  readonly minLength?: number;
}
/** A string, or a number (or boolean when `booleans`) kept as its text: `user: 1000`, `cpu: 2`. */
export interface ScalarField extends Common {
  readonly type: 'scalar';
  readonly format?: FormatName;
  readonly booleans?: boolean;
}
export interface IntegerField extends Common {
  readonly type: 'integer';
  readonly minimum?: number;
  readonly maximum?: number;
}
export interface BooleanField extends Common {
  readonly type: 'boolean';
}
export interface ObjectField extends Common {
  readonly type: 'object';
  readonly fields: Readonly<Record<string, Field>>;
  readonly required?: readonly string[];
  /** `null` (a key with no value, as in `emptyDir:`) counts as an empty map. */
  readonly nullable?: boolean;
}
/** A map with free-form keys (`env: {NAME: value}`). */
export interface RecordField extends Common {
  readonly type: 'record';
  readonly keyFormat?: FormatName;
  readonly values: Field;
}
export interface ArrayField extends Common {
  readonly type: 'array';
  readonly items: Field;
  readonly minItems?: number;
}
/** Alternatives told apart by YAML node kind (scalar, sequence, map): at most one variant per kind. */
export interface UnionField extends Common {
  readonly type: 'union';
  readonly variants: readonly Field[];
}
export type Field =
  | StringField
  | ScalarField
  | IntegerField
  | BooleanField
  | ObjectField
  | RecordField
  | ArrayField
  | UnionField;

/** The validated value type of a field: every object key optional (an invalid value is dropped). */
export type Infer<F> = F extends StringField
  ? F extends { readonly enum: readonly (infer E)[] }
    ? E
    : string
  : F extends ScalarField
    ? string
    : F extends IntegerField
      ? number
      : F extends BooleanField
        ? boolean
        : F extends { readonly type: 'object'; readonly fields: infer R }
          ? { -readonly [K in keyof R]?: Infer<R[K]> }
          : F extends { readonly type: 'record'; readonly values: infer V }
            ? Record<string, Infer<V>>
            : F extends { readonly type: 'array'; readonly items: infer I }
              ? Infer<I>[]
              : F extends { readonly type: 'union'; readonly variants: readonly (infer U)[] }
                ? Infer<U>
                : never;

const f = <const T extends Field>(field: T): T => field;

const dnsLabel = (description: string) => f({ type: 'string', format: 'dnsLabel', description });
const port = (description: string) => f({ type: 'integer', minimum: 1, maximum: 65535, description });
const stringOrList = (description: string, minItems: number) =>
  f({
    type: 'union',
    description,
    variants: [
      { type: 'string', minLength: minItems },
      { type: 'array', items: { type: 'scalar', booleans: true }, minItems },
    ],
  });

const securityContext = f({
  type: 'object',
  description: 'Replaces the parent service block wholesale when set on a step.',
  fields: {
    seccompProfile: {
      type: 'object',
      required: ['type'],
      fields: {
        type: {
          type: 'string',
          enum: ['Unconfined', 'RuntimeDefault', 'Localhost'],
          caseInsensitive: true,
          aliases: { default: 'RuntimeDefault' },
          description: 'Any case; `default` means RuntimeDefault. Unconfined needs allow-privileged.',
        },
        localhostProfile: {
          type: 'string',
          format: 'absPath',
          description:
            'Absolute path of the profile on the host (type Localhost only); outside the workspace, or allowing by default, needs allow-privileged.',
        },
      },
    },
    capAdd: {
      type: 'array',
      items: { type: 'string', format: 'capability' },
      description:
        'Any case, `CAP_` optional. ALL, SYS_ADMIN and others that reach the host need allow-privileged.',
    },
    capDrop: { type: 'array', items: { type: 'string', format: 'capability' } },
    privileged: { type: 'boolean', description: 'Needs allow-privileged.' },
  },
});

const resources = f({
  type: 'object',
  description: 'Replaces the parent service block wholesale when set on a step.',
  fields: {
    limits: {
      type: 'object',
      fields: {
        cpu: { type: 'scalar', format: 'cpu', description: 'CPUs: 500m, 2, 0.5.' },
        memory: { type: 'scalar', format: 'memory', description: 'Bytes: 512Mi, 1Gi, 1G, 1000.' },
      },
    },
  },
});

const env = f({
  type: 'union',
  description:
    'A map, or a list of {name, value} / {name, valueFrom: {env: VAR}}. Steps merge over the parent.',
  variants: [
    { type: 'record', keyFormat: 'envName', values: { type: 'scalar', booleans: true } },
    {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        fields: {
          name: { type: 'string', format: 'envName' },
          value: { type: 'scalar', booleans: true },
          valueFrom: {
            type: 'object',
            required: ['env'],
            description: 'Taken from the environment of the run; masked in logs.',
            fields: { env: { type: 'string', format: 'envName', description: 'Variable name.' } },
          },
        },
      },
    },
  ],
});

/** A capture group of a matcher pattern: 0 is the whole match, as in GitHub's problem matchers. */
const group = (description: string) => f({ type: 'integer', minimum: 0, description });

/** One line pattern of a problem matcher, in GitHub's shape (docs/spec.md#problem-matchers). */
const matcherPattern = f({
  type: 'object',
  required: ['regexp'],
  fields: {
    regexp: {
      type: 'string',
      minLength: 1,
      description: 'A JavaScript regular expression matched against each line of output (colours removed).',
    },
    file: group('Group with the file path.'),
    line: group('Group with the line number.'),
    column: group('Group with the column.'),
    severity: group('Group with the severity: error, warning or notice.'),
    code: group('Group with the error code.'),
    message: group('Group with the message; some pattern must set it.'),
    fromPath: group('Group with a file that relative paths are resolved against.'),
    loop: {
      type: 'boolean',
      description: 'Last pattern of several only: it repeats, one problem per matching line.',
    },
  },
});

/** A problem matcher as GitHub's `problemMatcher` entries are written. */
export const PROBLEM_MATCHER = f({
  type: 'object',
  required: ['owner', 'pattern'],
  fields: {
    owner: {
      type: 'string',
      minLength: 1,
      description: "Unique name; a step's matcher replaces the service's of the same owner.",
    },
    severity: {
      type: 'string',
      enum: ['error', 'warning', 'notice'],
      caseInsensitive: true,
      description: 'Default error.',
    },
    pattern: { type: 'array', items: matcherPattern, minItems: 1 },
  },
});

/** A GitHub problem-matcher file: `{"problemMatcher": [...]}`. */
export const MATCHER_FILE = f({
  type: 'object',
  required: ['problemMatcher'],
  description: 'A problem-matcher file as GitHub reads it.',
  fields: { problemMatcher: { type: 'array', items: PROBLEM_MATCHER } },
});

const matcherPath = f({
  type: 'string',
  minLength: 1,
  description: 'A JSON problem-matcher file in the workspace, relative to the spec file.',
});

/** Shared by the service (main container) and its init steps. */
const containerFields = {
  image: f({
    type: 'string',
    format: 'image',
    description: 'Required for runtime container; steps inherit it. Must be empty for runtime process.',
  }),
  command: stringOrList('Replaces the image ENTRYPOINT. Never inherited.', 1),
  args: stringOrList('Replaces the image CMD. Never inherited.', 0),
  workingDir: f({ type: 'string', minLength: 1 }),
  user: f({ type: 'scalar', description: 'user, uid or uid:gid' }),
  env,
  securityContext,
  resources,
  problemMatchers: f({
    type: 'union',
    description:
      "Read a failed step's output for file:line problems (GitHub problem-matcher shape): a list of matchers or matcher files, or one file. Service-level ones apply to every step.",
    variants: [
      matcherPath,
      { type: 'array', items: { type: 'union', variants: [matcherPath, PROBLEM_MATCHER] } },
    ],
  }),
} as const;

const volume = f({
  type: 'object',
  required: ['name', 'mountPath'],
  description: 'Exactly one of claimTemplate, hostPath, emptyDir.',
  fields: {
    name: dnsLabel('Volume name, referenced by init steps.'),
    mountPath: { type: 'string', format: 'absPath' },
    readOnly: { type: 'boolean' },
    claimTemplate: {
      type: 'object',
      nullable: true,
      description: 'Persistent: one Docker volume per instance; init steps stamp markers on it.',
      fields: {
        spec: {
          type: 'object',
          nullable: true,
          fields: { capacity: { type: 'scalar', format: 'memory' } },
        },
      },
    },
    hostPath: {
      type: 'string',
      minLength: 1,
      description: 'Relative to the spec file; outside the workspace needs allow-privileged.',
    },
    emptyDir: { type: 'object', nullable: true, fields: {}, description: 'Per run, removed on down.' },
  },
});

const pullPolicy = (description: string) =>
  f({ type: 'string', enum: ['Always', 'IfNotPresent', 'Never'], description });

const probe = f({
  type: 'object',
  description: 'Exactly one of exec, tcpSocket, httpGet, grpc.',
  fields: {
    exec: {
      type: 'object',
      required: ['command'],
      fields: { command: stringOrList('Run in the container.', 1) },
    },
    tcpSocket: {
      type: 'object',
      required: ['port'],
      fields: { port: port('Container port.'), host: { type: 'string' } },
    },
    httpGet: {
      type: 'object',
      required: ['port'],
      fields: {
        port: port('Container port.'),
        path: { type: 'string', format: 'httpPath', description: 'Default /.' },
        scheme: {
          type: 'string',
          enum: ['http', 'https'],
          caseInsensitive: true,
          description: 'Default http.',
        },
        host: { type: 'string' },
      },
    },
    grpc: {
      type: 'object',
      required: ['port'],
      description: 'grpc.health.v1.Health/Check over plain HTTP/2 (no TLS); passes on SERVING.',
      fields: {
        port: port('Container port.'),
        service: { type: 'string', description: 'The service asked about; default "" (the server).' },
      },
    },
    initialDelaySeconds: { type: 'integer', minimum: 0, description: 'Default 0.' },
    periodSeconds: { type: 'integer', minimum: 1, description: 'Default 10.' },
    timeoutSeconds: { type: 'integer', minimum: 1, description: 'Default 1.' },
    failureThreshold: { type: 'integer', minimum: 1, description: 'Default 3.' },
    successThreshold: {
      type: 'integer',
      minimum: 1,
      description: 'Passes in a row that make it pass; default 1 (a startupProbe or livenessProbe: 1 only).',
    },
    terminationGracePeriodSeconds: {
      type: 'integer',
      minimum: 1,
      description:
        'A startupProbe or livenessProbe: seconds between the stop signal and SIGKILL when its failure restarts the container; default 30.',
    },
  },
});

const initStep = f({
  type: 'object',
  required: ['name'],
  fields: {
    name: dnsLabel('Unique within the service.'),
    ...containerFields,
    imagePullPolicy: pullPolicy("Default: the service's."),
    volumes: {
      type: 'array',
      items: { type: 'string', format: 'dnsLabel' },
      description: 'Parent volume names to mount; omitted: all of them; []: none.',
    },
    runIf: {
      type: 'object',
      fields: {
        type: {
          type: 'string',
          enum: ['freshVolume', 'fileMissing', 'always'],
          description: 'Default freshVolume.',
        },
        path: { type: 'string', format: 'absPath', description: 'fileMissing: a path on a mounted volume.' },
        volume: { type: 'string', format: 'dnsLabel', description: 'Restrict to this mounted volume.' },
      },
    },
    timeout: { type: 'scalar', format: 'duration', description: 'Per attempt; default 5m.' },
    restartPolicy: {
      type: 'string',
      enum: ['OnFailure', 'Never', 'Always'],
      description:
        'Default OnFailure (3 attempts); Never: one attempt. Always: a native sidecar, started here and kept running (runtime container only).',
    },
    startupProbe: {
      ...probe,
      description: `restartPolicy Always (a sidecar) only: the next step starts once it passed. ${probe.description}`,
    },
    retries: { type: 'integer', minimum: 0, maximum: 100, description: 'Retries after the first attempt.' },
    backoff: backoff('Between attempts: base, doubling, at most cap.'),
  },
});

function backoff(description: string) {
  return f({
    type: 'object',
    description,
    fields: {
      base: { type: 'scalar', format: 'duration', description: 'The first wait; default 1s.' },
      cap: { type: 'scalar', format: 'duration', description: 'The longest wait; default 10s.' },
    },
  });
}

const serviceOnly = (why: string) => ({ kind: 'Service', why }) as const;
const JOB_ONLY = {
  kind: 'Job',
  why: "only a job's container runs to completion (a service's runs until `down`)",
} as const;

/** Service and Job documents share one table; `onlyFor` marks the fields of one kind (rules.ts refuses them). */
export const SERVICE_DOCUMENT = f({
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  description: 'One initsteps service or job (one per YAML document).',
  fields: {
    apiVersion: { type: 'string', enum: ['initsteps/v1', 'v1'] },
    kind: {
      type: 'string',
      enum: KINDS,
      description: 'Service: runs until `down`. Job: its container runs to completion on every `up`.',
    },
    metadata: {
      type: 'object',
      required: ['name'],
      fields: {
        name: dnsLabel(
          'Service or job name, unique in the project; instances are <name>-0 .. <name>-(replicas-1).',
        ),
      },
    },
    spec: {
      type: 'object',
      fields: {
        ...containerFields,
        imagePullPolicy: pullPolicy('Default IfNotPresent. Steps take it unless they set their own.'),
        runtime: { type: 'string', enum: ['container', 'process'], description: 'Default container.' },
        replicas: {
          type: 'integer',
          minimum: 1,
          maximum: 100,
          description: 'Default 1.',
          onlyFor: serviceOnly('a job runs one instance (<name>-0)'),
        },
        podManagementPolicy: {
          type: 'string',
          enum: ['OrderedReady', 'Parallel'],
          description:
            'Default OrderedReady: each instance is ready before the next one initializes. Parallel: all at once.',
          onlyFor: serviceOnly('a job runs one instance (<name>-0)'),
        },
        ports: {
          type: 'array',
          onlyFor: serviceOnly('a job runs to completion and publishes no ports'),
          items: {
            type: 'union',
            variants: [
              { type: 'scalar', format: 'port' },
              {
                type: 'object',
                required: ['containerPort'],
                fields: {
                  containerPort: port('Port inside the container.'),
                  hostPort: port('Default: a random free port.'),
                  hostIP: { type: 'string', format: 'ip', description: 'Default 127.0.0.1.' },
                  protocol: { type: 'string', enum: ['tcp', 'udp'], caseInsensitive: true },
                },
              },
            ],
          },
        },
        dependsOn: {
          type: 'array',
          items: { type: 'string', format: 'dnsLabel' },
          description: 'Services (ready) and jobs (succeeded) this one waits for before it initializes.',
        },
        readinessProbe: {
          ...probe,
          onlyFor: serviceOnly('a job is done when its container exits 0'),
        },
        startupProbe: {
          ...probe,
          description: `Readiness and liveness wait until it passed; failing, it restarts the main container. ${probe.description}`,
          onlyFor: serviceOnly("a job's container runs to completion"),
        },
        livenessProbe: {
          ...probe,
          description: `Watched while \`up\` runs; failing, it restarts the main container. ${probe.description}`,
          onlyFor: serviceOnly("a job's container runs to completion"),
        },
        volumes: { type: 'array', items: volume },
        initSteps: { type: 'array', items: initStep },
        restartPolicy: {
          type: 'string',
          enum: ['OnFailure', 'Never'],
          description: "The job's container: default OnFailure (3 attempts); Never: one attempt.",
          onlyFor: JOB_ONLY,
        },
        retries: {
          type: 'integer',
          minimum: 0,
          maximum: 100,
          description: "Retries of the job's container after its first attempt, whatever restartPolicy says.",
          onlyFor: JOB_ONLY,
        },
        backoffLimit: {
          type: 'integer',
          minimum: 0,
          maximum: 100,
          description: "Kubernetes' name for retries (set one of them).",
          onlyFor: JOB_ONLY,
        },
        timeout: {
          type: 'scalar',
          format: 'duration',
          description: "Per attempt of the job's container; default 5m.",
          onlyFor: JOB_ONLY,
        },
        backoff: {
          ...backoff("Between attempts of the job's container: base, doubling, at most cap."),
          onlyFor: JOB_ONLY,
        },
        activeDeadlineSeconds: {
          type: 'integer',
          minimum: 1,
          description: 'The whole job, init steps and retries included; default none.',
          onlyFor: JOB_ONLY,
        },
      },
    },
  },
});

export type RawService = Infer<typeof SERVICE_DOCUMENT>;
export type RawSpec = NonNullable<RawService['spec']>;
export type RawStep = NonNullable<RawSpec['initSteps']>[number];
export type RawVolume = NonNullable<RawSpec['volumes']>[number];
export type RawEnv = NonNullable<RawSpec['env']>;
export type RawSecurityContext = NonNullable<RawSpec['securityContext']>;
export type RawResources = NonNullable<RawSpec['resources']>;
export type RawProbe = NonNullable<RawSpec['readinessProbe']>;
export type RawMatchers = NonNullable<RawSpec['problemMatchers']>;
export type RawMatcher = Infer<typeof PROBLEM_MATCHER>;
export type RawMatcherFile = Infer<typeof MATCHER_FILE>;
