// The dependency-graph scheduler on its own: who starts together, who waits for whom, and what a failure
// stops.
import { describe, expect, it } from 'vitest';
import { runDag, type DagNode } from '../../../src/engine/schedule.js';

const node = (name: string, ...dependsOn: string[]): DagNode => ({ name, dependsOn });
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Runs the graph; each node ends when the test releases it. Records `start x` / `end x` in order. */
function harness(nodes: DagNode[], failing: string[] = []) {
  const log: string[] = [];
  const release = new Map<string, () => void>();
  const done = runDag(nodes, async (n) => {
    log.push(`start ${n.name}`);
    await new Promise<void>((resolve) => release.set(n.name, resolve));
    log.push(`end ${n.name}`);
    if (failing.includes(n.name)) throw new Error(`${n.name} broke`);
  });
  done.catch(() => undefined);
  const finish = async (name: string) => {
    await tick();
    const r = release.get(name);
    if (!r) throw new Error(`${name} has not started`);
    r();
    await tick();
  };
  return { log, done, finish, running: () => [...release.keys()] };
}

describe('runDag', () => {
  it('starts every node without dependencies at once, in the order given', async () => {
    const h = harness([node('a'), node('b'), node('c')]);
    await tick();
    expect(h.log).toEqual(['start a', 'start b', 'start c']);
    for (const n of ['b', 'a', 'c']) await h.finish(n);
    await h.done;
  });

  it('starts a dependent as soon as its own dependencies are done, not the nodes before it', async () => {
    // a ← c, b ← d: c waits only for a, d only for b; e waits for both c and d.
    const h = harness([node('a'), node('b'), node('c', 'a'), node('d', 'b'), node('e', 'c', 'd')]);
    await tick();
    expect(h.log).toEqual(['start a', 'start b']);
    await h.finish('b');
    expect(h.log.slice(2)).toEqual(['end b', 'start d']);
    await h.finish('d');
    expect(h.log.slice(4)).toEqual(['end d']); // e still waits for c
    await h.finish('a');
    expect(h.log.slice(5)).toEqual(['end a', 'start c']);
    await h.finish('c');
    expect(h.log.slice(7)).toEqual(['end c', 'start e']);
    await h.finish('e');
    await h.done;
  });

  it('treats a dependency that is not in the graph as done (a service not selected this run)', async () => {
    const h = harness([node('app', 'elsewhere')]);
    await tick();
    expect(h.log).toEqual(['start app']);
    await h.finish('app');
    await h.done;
  });

  it('starts nothing new after a failure, waits for the nodes still running, then throws the first error', async () => {
    const h = harness([node('a'), node('b'), node('after-a', 'a'), node('after-b', 'b')], ['a']);
    await tick();
    await h.finish('a');
    let settled = false;
    void h.done.catch(() => (settled = true));
    await tick();
    expect(settled).toBe(false); // b is still running
    await h.finish('b');
    await expect(h.done).rejects.toThrow('a broke');
    expect(h.log).toEqual(['start a', 'start b', 'end a', 'end b']);
  });

  it('refuses a cycle instead of waiting forever', async () => {
    await expect(runDag([node('a', 'b'), node('b', 'a')], async () => undefined)).rejects.toThrow(
      'dependency cycle among a, b',
    );
  });

  it('resolves at once for no nodes', async () => {
    await expect(runDag([], async () => undefined)).resolves.toBeUndefined();
  });
});
