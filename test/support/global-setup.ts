// Integration suites: a Docker engine and the local images, a per-run project-name prefix (other people
// run tests on the same engine at the same time) and a fresh state dir; afterwards, nothing may be left
// behind under that prefix.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    projectPrefix: string;
    stateDir: string;
  }
}

const docker = (...args: string[]): string => execFileSync('docker', args, { encoding: 'utf8' });

/** Objects labelled with a project under the prefix, as `kind name (project)` lines. */
function leftovers(prefix: string): string[] {
  const found: string[] = [];
  const scan = (kind: string, args: string[]) => {
    for (const line of docker(...args)
      .split('\n')
      .filter(Boolean)) {
      const [name, project] = line.split('\t');
      if (project?.startsWith(prefix)) found.push(`${kind} ${name} (${project})`);
    }
  };
  const fmt = '{{.Names}}\t{{.Label "dev.initsteps.project"}}';
  scan('container', ['ps', '-a', '--filter', 'label=dev.initsteps.project', '--format', fmt]);
  scan('network', [
    'network',
    'ls',
    '--filter',
    'label=dev.initsteps.project',
    '--format',
    '{{.Name}}\t{{.Label "dev.initsteps.project"}}',
  ]);
  scan('volume', [
    'volume',
    'ls',
    '--filter',
    'label=dev.initsteps.project',
    '--format',
    '{{.Name}}\t{{.Label "dev.initsteps.project"}}',
  ]);
  return found;
}

export default function setup(project: TestProject): () => void {
  execFileSync('bash', ['scripts/ensure-docker.sh'], { stdio: 'inherit' });
  execFileSync('bash', ['scripts/build-images.sh', 'busybox'], { stdio: 'inherit' });
  // The registry suites start their own registries (test/support/registry.ts); this installs the tools.
  execFileSync('bash', ['scripts/ensure-registry.sh'], { stdio: 'inherit' });
  const prefix = `it-${randomBytes(3).toString('hex')}`;
  const stateDir = mkdtempSync(join(tmpdir(), 'initsteps-it-'));
  // Workers inherit the environment: markers and run state of tests never touch the user's state dir.
  process.env.INITSTEPS_STATE_DIR = stateDir;
  project.provide('projectPrefix', prefix);
  project.provide('stateDir', stateDir);
  return () => {
    const left = leftovers(prefix);
    if (left.length === 0) return;
    // vitest only logs an error thrown here; the exit code is what CI sees.
    process.exitCode = 1;
    throw new Error(`integration tests left Docker objects behind:\n${left.join('\n')}`);
  };
}
