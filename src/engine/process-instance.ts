// An instance of a `runtime: process` service: its steps and its main process run on the host, in the
// service's workingDir and env (docs/spec.md, "runtime: process"). The main process is detached and
// writes to a log file in the state dir, so it outlives `initsteps up`.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { errorMessage } from '../errors.js';
import { expandContainer } from '../spec/expansion.js';
import type {
  ContainerSpec,
  EnvVar,
  ResolvedInstance,
  ResolvedService,
  ResolvedStep,
} from '../spec/model.js';
import { runAddressEnv } from './addresses.js';
import { runProcessAttempt } from './attempt.js';
import { hostPathExists, type FactSource } from './facts.js';
import { processEnv } from './host-env.js';
import { processStartTime, stopRecordedProcess } from './host-process.js';
import type { StartedMain } from './readiness.js';
import type { RunContext } from './run-context.js';
import { projectStateDir, type HostProcess } from './state.js';
import type { Attempt } from './retry.js';
import type { InstanceDriver } from './steps.js';

export class ProcessInstance implements InstanceDriver {
  readonly facts: FactSource;
  /**
   * The addresses of the services it depends on (127.0.0.1 and the published ports), read when the
   * instance opens: its dependencies have started by then (docs/spec.md, "Addresses and references").
   */
  private addresses: EnvVar[] = [];

  constructor(
    private readonly ctx: RunContext,
    private readonly s: ResolvedService,
    private readonly inst: ResolvedInstance,
    /** Main processes the previous run recorded. */
    private readonly previous: HostProcess[],
  ) {
    this.facts = { stateDir: ctx.stateDir, volume: () => undefined, pathExists: hostPathExists };
  }

  async open(): Promise<boolean> {
    this.addresses = runAddressEnv(this.ctx, this.s);
    // A restart: the previous run's main process of this instance goes first.
    for (const p of this.previous.filter((p) => p.instance === this.inst.name)) {
      const { notSignalled } = await stopRecordedProcess(p);
      if (notSignalled) this.ctx.warn(`${this.inst.name}: ${notSignalled}`);
    }
    this.ctx.results.setPorts(
      this.s.name,
      this.inst.name,
      this.s.ports.map((p) => ({
        containerPort: p.containerPort,
        protocol: p.protocol,
        hostIp: '127.0.0.1',
        hostPort: p.hostPort ?? p.containerPort,
      })),
    );
    return true;
  }

  prepareStep(step: ResolvedStep): Promise<Attempt> {
    return Promise.resolve(this.runToCompletion(step));
  }

  prepareJob(): Promise<Attempt> {
    return Promise.resolve(this.runToCompletion(this.inst.main));
  }

  /** Nothing of a process job outlives its attempts. */
  finishJob(): Promise<void> {
    return Promise.resolve();
  }

  /** A host process that runs to completion (a step's, a job's), one per attempt. */
  private runToCompletion(spec: ContainerSpec): Attempt {
    const expanded = expandContainer(spec, this.addresses);
    const p = {
      command: [...(expanded.command ?? []), ...(expanded.args ?? [])],
      cwd: this.cwd(spec),
      env: processEnv(process.env, expanded.env),
    };
    return (onLine, timeoutMs) =>
      runProcessAttempt(p, { timeoutMs, killGraceMs: this.ctx.killGraceMs, signal: this.ctx.signal, onLine });
  }

  async startMain(): Promise<StartedMain | undefined> {
    const main = expandContainer(this.inst.main, this.addresses);
    let child: ChildProcess;
    try {
      child = await this.spawnMain(main);
    } catch (e: unknown) {
      this.ctx.results.setInstance(
        this.s,
        this.inst,
        'Failed',
        'StartFailed',
        `main process: ${errorMessage(e)}`,
      );
      return undefined;
    }
    const cwd = this.cwd(main);
    const env = processEnv(process.env, main.env);
    return {
      healthcheck: false,
      target: {
        address: (port) => Promise.resolve({ host: '127.0.0.1', port }),
        exec: async (command, signal) => {
          const outcome = await runProcessAttempt(
            { command, cwd, env },
            { timeoutMs: 2 ** 31 - 1, killGraceMs: 0, signal, onLine: () => undefined },
          );
          return outcome.exitCode ?? -1;
        },
        state: () =>
          Promise.resolve({
            running: child.exitCode === null && child.signalCode === null,
            exitCode: child.exitCode ?? -1,
          }),
      },
    };
  }

  private async spawnMain(main: ContainerSpec): Promise<ChildProcess> {
    const { ctx, s, inst } = this;
    const [file, ...args] = [...(main.command ?? []), ...(main.args ?? [])];
    if (file === undefined) throw new Error('no command to run');
    const dir = projectStateDir(ctx.project.name, ctx.stateDir);
    await mkdir(dir, { recursive: true });
    const log = join(dir, `${inst.name}.log`);
    const out = await open(log, 'a');
    try {
      const child = spawn(file, args, {
        cwd: this.cwd(main),
        env: processEnv(process.env, main.env),
        detached: true,
        stdio: ['ignore', out.fd, out.fd],
      });
      await new Promise<void>((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      });
      child.unref();
      if (child.pid === undefined) throw new Error(`could not start ${file}`);
      const startTime = processStartTime(child.pid);
      ctx.tracked.addProcess({ service: s.name, instance: inst.name, pid: child.pid, startTime, log });
      return child;
    } finally {
      await out.close();
    }
  }

  private cwd(spec: ContainerSpec): string {
    return spec.workingDir ?? dirname(this.s.file);
  }
}
