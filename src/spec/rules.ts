// The rule half of validation: everything the field table cannot say (cross-field, cross-step and
// cross-service rules, the privileged gate, hostPath containment, Localhost seccomp profiles). Runs on the values check.ts kept, so
// a field that was already reported invalid is skipped here rather than reported twice.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { errorMessage, type SpecProblem } from '../errors.js';
import { has, type Loc, itemLoc, keyLoc, locOf, rawValue, valueLoc } from './check.js';
import {
  type Field,
  type RawEnv,
  type RawProbe,
  type RawSecurityContext,
  type RawService,
  type RawSpec,
  type RawStep,
  SERVICE_DOCUMENT,
} from './fields.js';
import { MatcherFiles } from './matchers.js';
import { isRunnerVariable } from './runner-env.js';
import { didYouMean } from './suggest.js';

export interface CheckedDoc {
  /** The path as given (used in positions). */
  file: string;
  /** Absolute path of the file. */
  absFile: string;
  service: RawService;
}

export interface RuleOptions {
  workspace: string;
  env: Record<string, string | undefined>;
  allowPrivileged: boolean;
}

const ALLOW_HINT = 'allow it with --allow-privileged (action input `allow-privileged: true`)';

/**
 * Capabilities that let a container reach past its own namespaces (docs/spec.md#privileges): kernel
 * modules, raw devices, mounts and namespaces, other processes' memory, file handles on the host, eBPF
 * and perf, reboot and kexec, the LSM policy, the host's clock, kernel log and audit rules.
 */
export const GATED_CAPABILITIES: ReadonlySet<string> = new Set([
  'ALL',
  'SYS_ADMIN',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_PTRACE',
  'DAC_READ_SEARCH',
  'BPF',
  'PERFMON',
  'SYS_BOOT',
  'MAC_ADMIN',
  'MAC_OVERRIDE',
  'SYS_TIME',
  'SYSLOG',
  'AUDIT_CONTROL',
]);

/** A capability as Docker reads it: any case, with or without `CAP_`. */
const normaliseCapability = (cap: string): string => cap.toUpperCase().replace(/^CAP_/, '');

/** Seccomp profiles are a few KiB (Docker's default is about 20); a larger file is not one. */
const MAX_SECCOMP_PROFILE_BYTES = 1024 * 1024;

/** Actions under which a syscall simply runs: a profile with one of them as default confines nothing. */
const PERMISSIVE_DEFAULTS = new Set(['SCMP_ACT_ALLOW', 'SCMP_ACT_LOG']);

/** A string the source wrote for this key, valid or not (cross references use it to avoid cascades). */
const rawString = (obj: object | undefined, key: string): string | undefined => {
  const v = obj ? rawValue(obj, key) : undefined;
  return typeof v === 'string' ? v : undefined;
};

const where = (loc: Loc): string => `line ${loc.pos.line}`;

/**
 * Most init steps a project may run, counting each step once per replica (docs/spec.md, "Validation"):
 * resolution builds one copy of every step per instance, so this bounds the model before it is built.
 */
export const MAX_STEP_INSTANCES = 10_000;

/** `service "tb"` or `service "tb", init step "format"`, as refusals must name both. */
const subject = (service: string, step?: string): string =>
  `service "${service}"${step !== undefined ? `, init step "${step}"` : ''}`;

export class RuleChecker {
  /** Localhost seccomp profiles read and checked here, by path as written: the model carries these contents. */
  readonly profiles = new Map<string, string>();
  /** Problem-matcher files read and checked here (docs/spec.md#problem-matchers); the model carries their matchers. */
  readonly matcherFiles: MatcherFiles;

  constructor(
    private readonly problems: SpecProblem[],
    private readonly options: RuleOptions,
  ) {
    this.matcherFiles = new MatcherFiles(problems, options.workspace);
  }

  private report(loc: Loc, message: string): void {
    this.problems.push({ pos: loc.pos, path: loc.path, message });
  }

  /** Everything that concerns one service document on its own. */
  service(doc: CheckedDoc): void {
    const spec = doc.service.spec;
    if (!spec) return;
    const name = rawString(doc.service.metadata, 'name') ?? '?';
    const runtime = spec.runtime ?? (has(spec, 'runtime') ? undefined : 'container');
    if (runtime === 'container' && !has(spec, 'image')) {
      this.report(locOf(spec), 'missing required field `image` (required for runtime container)');
    }
    this.container(doc, spec, name, undefined, runtime);
    const volumes = this.volumes(spec, name, doc);
    const kind = doc.service.kind;
    if (kind !== undefined) this.kindFields(spec, kind);
    // A job's ports and probe are refused as a whole just above.
    if (kind !== 'Job') {
      this.ports(spec);
      this.probes(spec, runtime);
    }
    if (has(spec, 'retries') && has(spec, 'backoffLimit')) {
      this.report(
        keyLoc(spec, 'backoffLimit'),
        'set either `retries` or `backoffLimit` (the same count of retries), not both',
      );
    }

    const stepNames = new Map<string, Loc>();
    (spec.initSteps ?? []).forEach((step) => {
      const stepName = rawString(step, 'name');
      if (stepName !== undefined) {
        const first = stepNames.get(stepName);
        if (first)
          this.report(
            valueLoc(step, 'name'),
            `duplicate init step name "${stepName}" (first at ${where(first)})`,
          );
        else stepNames.set(stepName, valueLoc(step, 'name'));
      }
      this.container(doc, step, name, stepName ?? '?', runtime);
      if (runtime === 'process' && has(step, 'imagePullPolicy')) {
        this.report(
          valueLoc(step, 'imagePullPolicy'),
          'runtime process runs on the host: remove `imagePullPolicy`',
        );
      }
      this.step(step, volumes);
      if (step.restartPolicy === 'Always') this.sidecar(step, runtime);
      else if (has(step, 'startupProbe')) {
        this.report(
          keyLoc(step, 'startupProbe'),
          '`startupProbe` on an init step needs `restartPolicy: Always` (a native sidecar): a step is done when it exits 0',
        );
      }
    });
  }

  /** Fields of the other kind (`replicas` on a Job, `timeout` on a Service), each at its key. */
  private kindFields(spec: RawSpec, kind: NonNullable<RawService['kind']>): void {
    const fields: Readonly<Record<string, Field>> = SERVICE_DOCUMENT.fields.spec.fields;
    for (const [key, field] of Object.entries(fields)) {
      const only = field.onlyFor;
      if (only && only.kind !== kind && has(spec, key)) {
        this.report(keyLoc(spec, key), `\`${key}\` does not apply to kind ${kind}: ${only.why}`);
      }
    }
  }

  /** Fields shared by the main container and init steps. */
  private container(
    doc: CheckedDoc,
    c: RawSpec | RawStep,
    service: string,
    step: string | undefined,
    runtime: string | undefined,
  ): void {
    if (runtime === 'process' && has(c, 'image')) {
      this.report(valueLoc(c, 'image'), 'runtime process runs on the host: remove `image`');
    }
    if (runtime === 'container' && c.workingDir !== undefined && !c.workingDir.startsWith('/')) {
      this.report(valueLoc(c, 'workingDir'), `"${c.workingDir}" must be an absolute path in a container`);
    }
    if (c.env) this.env(c.env);
    if (c.securityContext) this.securityContext(c.securityContext, service, step);
    if (c.problemMatchers) {
      this.matcherFiles.check(c.problemMatchers, valueLoc(c, 'problemMatchers'), doc.file, doc.absFile);
    }
  }

  private env(env: RawEnv): void {
    if (!Array.isArray(env)) return; // a map: YAML already rejects duplicate keys
    const seen = new Map<string, Loc>();
    env.forEach((item) => {
      const name = rawString(item, 'name');
      if (name !== undefined) {
        const first = seen.get(name);
        if (first)
          this.report(
            valueLoc(item, 'name'),
            `duplicate environment variable "${name}" (first at ${where(first)})`,
          );
        else seen.set(name, valueLoc(item, 'name'));
      }
      if (has(item, 'value') && has(item, 'valueFrom')) {
        this.report(keyLoc(item, 'valueFrom'), 'set either `value` or `valueFrom`, not both');
      }
      const from = item.valueFrom?.env;
      if (from !== undefined && isRunnerVariable(from) && item.valueFrom) {
        this.report(
          valueLoc(item.valueFrom, 'env'),
          `environment variable "${from}" is reserved for the runner and never passed to a step (valueFrom.env; docs/spec.md lists these variables)`,
        );
      } else if (from !== undefined && this.options.env[from] === undefined && item.valueFrom) {
        this.report(
          valueLoc(item.valueFrom, 'env'),
          `environment variable "${from}" is not set (valueFrom.env)`,
        );
      }
    });
  }

  private securityContext(sc: RawSecurityContext, service: string, step: string | undefined): void {
    const seccomp = sc.seccompProfile;
    if (seccomp) {
      if (seccomp.type === 'Localhost' && !has(seccomp, 'localhostProfile')) {
        this.report(locOf(seccomp), 'seccomp type Localhost needs an absolute `localhostProfile`');
      }
      if (seccomp.type !== undefined && seccomp.type !== 'Localhost' && has(seccomp, 'localhostProfile')) {
        this.report(
          keyLoc(seccomp, 'localhostProfile'),
          '`localhostProfile` applies only to seccomp type Localhost',
        );
      }
      if (seccomp.type === 'Unconfined' && !this.options.allowPrivileged) {
        this.report(
          valueLoc(seccomp, 'type'),
          `${subject(service, step)}: securityContext.seccompProfile.type Unconfined is refused; ${ALLOW_HINT}`,
        );
      }
      if (seccomp.type === 'Localhost' && seccomp.localhostProfile !== undefined) {
        this.localhostProfile(seccomp.localhostProfile, valueLoc(seccomp, 'localhostProfile'), service, step);
      }
    }
    (sc.capAdd ?? []).forEach((cap, i, list) => {
      const name = normaliseCapability(cap);
      if (GATED_CAPABILITIES.has(name) && !this.options.allowPrivileged) {
        this.report(
          itemLoc(list, i),
          `${subject(service, step)}: securityContext.capAdd ${name} is refused (it reaches past the container); ${ALLOW_HINT}`,
        );
      }
    });
    if (sc.privileged === true && !this.options.allowPrivileged) {
      this.report(
        valueLoc(sc, 'privileged'),
        `${subject(service, step)}: securityContext.privileged: true is refused; ${ALLOW_HINT}`,
      );
    }
  }

  /**
   * A Localhost profile must exist and be a seccomp profile (JSON with a `defaultAction`). Without the
   * allowing flag it must lie in the workspace (on its real path) and must not allow by default, which is
   * Unconfined under another name. Its contents are kept: the engine uses them rather than the file.
   */
  private localhostProfile(file: string, loc: Loc, service: string, step: string | undefined): void {
    const refuse = (why: string): void =>
      this.report(
        loc,
        `${subject(service, step)}: securityContext.seccompProfile.localhostProfile ${file} ${why}; ${ALLOW_HINT}`,
      );
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      this.report(loc, `seccomp profile ${file} does not exist`);
      return;
    }
    // Checked before reading: a file outside the workspace is not opened (nor quoted) without the flag.
    const rel = path.relative(realOrResolved(this.options.workspace), real);
    if (!this.options.allowPrivileged && (rel.startsWith('..') || path.isAbsolute(rel))) {
      refuse(`resolves outside the workspace ${this.options.workspace} (${real})`);
      return;
    }
    const text = this.profiles.get(file) ?? readProfile(real);
    if (typeof text !== 'string') {
      this.report(loc, `seccomp profile ${file} ${text.problem}`);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // JSON.parse quotes the text it failed on: not repeated, the file may hold anything.
      this.report(loc, `seccomp profile ${file} is not valid JSON`);
      return;
    }
    const defaultAction =
      parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>).defaultAction
        : undefined;
    if (typeof defaultAction !== 'string') {
      this.report(loc, `seccomp profile ${file} is not a seccomp profile (no string \`defaultAction\`)`);
      return;
    }
    this.profiles.set(file, text);
    if (!this.options.allowPrivileged && PERMISSIVE_DEFAULTS.has(defaultAction)) {
      refuse(`allows every syscall by default (defaultAction ${defaultAction}), which is Unconfined`);
    }
  }

  /** Checks the volume list; returns every declared name (even invalid ones) with its mountPath. */
  private volumes(spec: RawSpec, service: string, doc: CheckedDoc): Map<string, string | undefined> {
    const declared = new Map<string, string | undefined>();
    const names = new Map<string, Loc>();
    const mounts = new Map<string, Loc>();
    for (const v of spec.volumes ?? []) {
      const name = rawString(v, 'name');
      if (name !== undefined) {
        const first = names.get(name);
        if (first)
          this.report(valueLoc(v, 'name'), `duplicate volume name "${name}" (first at ${where(first)})`);
        else names.set(name, valueLoc(v, 'name'));
        declared.set(name, v.mountPath);
      }
      if (v.mountPath !== undefined) {
        const mp = path.posix.normalize(v.mountPath).replace(/(.)\/+$/, '$1');
        const first = mounts.get(mp);
        if (first)
          this.report(valueLoc(v, 'mountPath'), `mountPath ${mp} is already used (at ${where(first)})`);
        else mounts.set(mp, valueLoc(v, 'mountPath'));
      }
      const sources = (['claimTemplate', 'hostPath', 'emptyDir'] as const).filter((k) => has(v, k));
      if (sources.length !== 1) {
        this.report(
          locOf(v),
          `a volume needs exactly one of claimTemplate, hostPath, emptyDir (${sources.length ? `got ${sources.join(' and ')}` : 'got none'})`,
        );
      }
      if (v.hostPath !== undefined) this.hostPath(v.hostPath, valueLoc(v, 'hostPath'), service, doc);
    }
    return declared;
  }

  private hostPath(hostPath: string, loc: Loc, service: string, doc: CheckedDoc): void {
    const abs = path.resolve(path.dirname(doc.absFile), hostPath);
    if (!existsSync(abs)) {
      this.report(loc, `hostPath ${hostPath} does not exist (${abs})`);
      return;
    }
    if (this.options.allowPrivileged) return;
    const rel = path.relative(realOrResolved(this.options.workspace), realOrResolved(abs));
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      this.report(
        loc,
        `${subject(service)}: hostPath ${hostPath} resolves outside the workspace ${this.options.workspace} (${abs}); ${ALLOW_HINT}`,
      );
    }
  }

  private ports(spec: RawSpec): void {
    const replicas = spec.replicas ?? 1;
    if (replicas <= 1) return;
    (spec.ports ?? []).forEach((p, i) => {
      const fixed = typeof p === 'string' ? /:\d+:\d|^\d+:\d/.test(p) : p.hostPort !== undefined;
      if (fixed) {
        this.report(
          itemLoc(spec.ports ?? [], i),
          `a fixed host port with replicas ${replicas} would be bound by every instance; omit the host port (a free one is picked)`,
        );
      }
    });
  }

  /**
   * A native sidecar (docs/spec.md#native-sidecars): started once in its place and kept running, so what
   * makes a step run, retry or stop is refused at its line.
   */
  private sidecar(step: RawStep, runtime: string | undefined): void {
    const why = 'a native sidecar (restartPolicy Always)';
    if (runtime === 'process') {
      this.report(
        valueLoc(step, 'restartPolicy'),
        `${why} runs beside the service's containers in its sandbox: runtime process has none`,
      );
    }
    for (const [key, what] of [
      ['retries', 'it starts once and is not retried'],
      ['backoff', 'it starts once and is not retried'],
      ['timeout', "it runs for the instance's life; its startupProbe bounds its start"],
      ['problemMatchers', "only a failed step's output is read for problems"],
    ] as const) {
      if (has(step, key)) this.report(keyLoc(step, key), `\`${key}\` does not apply to ${why}: ${what}`);
    }
    const runIf = step.runIf;
    // An invalid type was reported already; an absent one is the default, freshVolume.
    const type = runIf && (runIf.type ?? (has(runIf, 'type') ? undefined : 'freshVolume'));
    if (runIf && type !== undefined && type !== 'always') {
      this.report(
        has(runIf, 'type') ? valueLoc(runIf, 'type') : keyLoc(step, 'runIf'),
        `${why} starts on every \`up\`, as Kubernetes starts it with every pod: runIf can only be always`,
      );
    }
    if (step.startupProbe) {
      this.probe(step.startupProbe, 'startupProbe');
      if (has(step.startupProbe, 'terminationGracePeriodSeconds')) {
        this.report(
          keyLoc(step.startupProbe, 'terminationGracePeriodSeconds'),
          `terminationGracePeriodSeconds does not apply to ${why}: a failing startupProbe fails the step, nothing is restarted`,
        );
      }
    }
  }

  /** The main's probes (docs/spec.md, "Services"). */
  private probes(spec: RawSpec, runtime: string | undefined): void {
    for (const kind of ['readinessProbe', 'startupProbe', 'livenessProbe'] as const) {
      const probe = spec[kind];
      if (probe) this.probe(probe, kind);
    }
    if (runtime === 'process' && has(spec, 'livenessProbe')) {
      this.report(
        keyLoc(spec, 'livenessProbe'),
        'a livenessProbe restarts the main container: runtime process does not restart its main process',
      );
    }
  }

  /** One probe: one check, and Kubernetes' own limits. */
  private probe(probe: RawProbe, kind: 'readinessProbe' | 'startupProbe' | 'livenessProbe'): void {
    const checks = (['exec', 'tcpSocket', 'httpGet', 'grpc'] as const).filter((k) => has(probe, k));
    if (checks.length !== 1) {
      this.report(
        locOf(probe),
        `a ${kind} needs exactly one of exec, tcpSocket, httpGet, grpc (${checks.length ? `got ${checks.join(' and ')}` : 'got none'})`,
      );
    }
    if (kind !== 'readinessProbe' && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
      this.report(
        valueLoc(probe, 'successThreshold'),
        `a ${kind}'s successThreshold must be 1 (as in Kubernetes)`,
      );
    }
    if (kind === 'readinessProbe' && has(probe, 'terminationGracePeriodSeconds')) {
      this.report(
        keyLoc(probe, 'terminationGracePeriodSeconds'),
        'terminationGracePeriodSeconds is for a startupProbe or livenessProbe: a failing readiness probe stops nothing',
      );
    }
  }

  private step(step: RawStep, declared: Map<string, string | undefined>): void {
    const stepName = rawString(step, 'name') ?? '?';
    // Mounted volumes (name → mountPath); undefined when the step's list itself was invalid.
    let mounted: Map<string, string | undefined> | undefined = declared;
    if (has(step, 'volumes')) {
      const list = step.volumes;
      mounted = list ? new Map() : undefined;
      list?.forEach((name, i) => {
        if (declared.has(name)) mounted?.set(name, declared.get(name));
        else {
          this.report(
            itemLoc(list, i),
            `unknown volume "${name}"${didYouMean(name, declared.keys())} (the service declares ${[...declared.keys()].join(', ') || 'none'})`,
          );
        }
      });
    }

    const runIf = step.runIf;
    if (runIf) {
      const type = runIf.type ?? (has(runIf, 'type') ? undefined : 'freshVolume');
      const volume = rawString(runIf, 'volume');
      if (volume !== undefined && mounted && !mounted.has(volume) && type !== 'always') {
        const why = declared.has(volume)
          ? ' (its volumes list leaves it out)'
          : didYouMean(volume, mounted.keys());
        this.report(
          valueLoc(runIf, 'volume'),
          `volume "${volume}" is not mounted in init step "${stepName}"${why}`,
        );
      }
      if (type === 'fileMissing') {
        if (!has(runIf, 'path')) this.report(locOf(runIf), 'runIf type fileMissing needs `path`');
        else if (runIf.path !== undefined && mounted && (volume === undefined || mounted.has(volume))) {
          const file = runIf.path;
          const candidates = [...mounted].filter(([n]) => volume === undefined || n === volume);
          // A mount with an invalid mountPath was reported already: no verdict rather than a second problem.
          const known = candidates.every(([, mp]) => mp !== undefined);
          if (known && !candidates.some(([, mp]) => mp !== undefined && isUnder(file, mp))) {
            const on = volume !== undefined ? `volume "${volume}"` : 'a volume mounted in this step';
            this.report(valueLoc(runIf, 'path'), `path ${file} is not on ${on}`);
          }
        }
      } else if (type !== undefined) {
        if (has(runIf, 'path'))
          this.report(keyLoc(runIf, 'path'), '`path` applies only to runIf type fileMissing');
        if (type === 'always' && has(runIf, 'volume')) {
          this.report(keyLoc(runIf, 'volume'), '`volume` does not apply to runIf type always');
        }
      }
    }
    if (step.restartPolicy === 'Never' && step.retries !== undefined && step.retries > 0) {
      this.report(
        valueLoc(step, 'retries'),
        `retries ${step.retries} contradicts restartPolicy Never (one attempt); remove one of them`,
      );
    }
  }

  /**
   * Names unique across all files; dependsOn names known and acyclic; the project's size bounded.
   * `translated`: the workloads of Kubernetes objects (they check their own names), which native
   * documents may depend on.
   */
  project(docs: CheckedDoc[], translated: ReadonlySet<string> = new Set()): void {
    this.size(docs);
    const byName = new Map<string, { doc: CheckedDoc; loc: Loc }>();
    for (const doc of docs) {
      const name = rawString(doc.service.metadata, 'name');
      const meta = doc.service.metadata;
      if (name === undefined || !meta) continue;
      const first = byName.get(name);
      if (first) {
        const at = `${first.loc.pos.file}:${first.loc.pos.line}:${first.loc.pos.col}`;
        const what = doc.service.kind === 'Job' ? 'job' : 'service';
        this.report(valueLoc(meta, 'name'), `duplicate ${what} name "${name}" (first declared at ${at})`);
      } else byName.set(name, { doc, loc: valueLoc(meta, 'name') });
    }

    const edges = new Map<string, { to: string; loc: Loc }[]>();
    for (const [name, { doc }] of byName) {
      const deps = doc.service.spec?.dependsOn ?? [];
      const list: { to: string; loc: Loc }[] = [];
      deps.forEach((dep, i) => {
        const loc = itemLoc(deps, i);
        if (byName.has(dep)) list.push({ to: dep, loc });
        else if (!translated.has(dep))
          this.report(loc, `unknown service "${dep}" in dependsOn${didYouMean(dep, byName.keys())}`);
      });
      edges.set(name, list);
    }

    // Depth-first search; each back edge closes one cycle, reported at the dependsOn entry that closes it.
    const state = new Map<string, 'active' | 'done'>();
    const stack: string[] = [];
    const visit = (name: string): void => {
      state.set(name, 'active');
      stack.push(name);
      for (const { to, loc } of edges.get(name) ?? []) {
        if (state.get(to) === 'active') {
          const cycle = [...stack.slice(stack.indexOf(to)), to].join(' → ');
          this.report(loc, `dependsOn forms a cycle: ${cycle}`);
        } else if (!state.has(to)) visit(to);
      }
      stack.pop();
      state.set(name, 'done');
    };
    for (const name of byName.keys()) if (!state.has(name)) visit(name);
  }

  /** Steps × replicas over all services, at most MAX_STEP_INSTANCES: reported at the service that crosses it. */
  private size(docs: CheckedDoc[]): void {
    const counts = docs.map((doc) => {
      const spec = doc.service.spec;
      const steps = spec?.initSteps?.length ?? 0;
      const replicas = spec?.replicas ?? 1;
      return { doc, spec, steps, replicas, instances: steps * replicas };
    });
    const total = counts.reduce((sum, c) => sum + c.instances, 0);
    if (total <= MAX_STEP_INSTANCES) return;
    let sum = 0;
    const crossing = counts.find((c) => (sum += c.instances) > MAX_STEP_INSTANCES);
    if (!crossing?.spec) return;
    const { spec, steps, replicas } = crossing;
    const name = rawString(crossing.doc.service.metadata, 'name') ?? '?';
    const n = (x: number) => x.toLocaleString('en-US');
    this.report(
      replicas > 1 ? valueLoc(spec, 'replicas') : keyLoc(spec, 'initSteps'),
      `${subject(name)}: ${n(steps)} init step(s) × ${n(replicas)} replica(s) = ${n(crossing.instances)} step ` +
        `instances; a project may have at most ${n(MAX_STEP_INSTANCES)} (this one has ${n(total)} in all)`,
    );
  }
}

/** The real path, or the plain absolute one when it cannot be resolved. */
const realOrResolved = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
};

/** A regular file's text, at most MAX_SECCOMP_PROFILE_BYTES; otherwise what is wrong, in words. */
function readProfile(file: string): string | { problem: string } {
  try {
    // stat first: opening a FIFO would block.
    const st = statSync(file);
    if (!st.isFile()) return { problem: 'is not a regular file' };
    if (st.size > MAX_SECCOMP_PROFILE_BYTES) {
      return { problem: `is larger than ${MAX_SECCOMP_PROFILE_BYTES / 1024 / 1024} MiB` };
    }
    return readFileSync(file, 'utf8');
  } catch (e: unknown) {
    return { problem: `cannot be read: ${errorMessage(e)}` };
  }
}

/** Whether a container path lies strictly inside a mount point. */
const isUnder = (p: string, mountPath: string): boolean => {
  const rel = path.posix.relative(mountPath, p);
  return rel !== '' && !rel.startsWith('..') && !path.posix.isAbsolute(rel);
};
