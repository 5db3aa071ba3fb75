// Pure scheduling of a dependency graph (docs/spec.md, "Services"): every node starts as soon as all it
// depends on has finished, so nodes whose dependency closures do not connect run at the same time and a
// dependent waits only for its own dependencies, not for the nodes declared before it.

/** Anything with a name and the names it depends on (a service, a job). */
export interface DagNode {
  readonly name: string;
  readonly dependsOn: readonly string[];
}

/**
 * Runs `run` once per node, each as soon as every dependency among `nodes` has finished (a dependency not
 * among them counts as finished: it is not part of this run); nodes ready at the same moment start in the
 * order given. When a `run` rejects, no further node starts; the ones already running are awaited, then
 * the first rejection is thrown. A cycle (refused by validation) would leave its nodes unstarted: it is
 * an error here too.
 */
export async function runDag<N extends DagNode>(
  nodes: readonly N[],
  run: (node: N) => Promise<void>,
): Promise<void> {
  const names = new Set(nodes.map((n) => n.name));
  const waitingOn = new Map(nodes.map((n) => [n.name, new Set(n.dependsOn.filter((d) => names.has(d)))]));
  const pending = [...nodes];
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;

  return new Promise((resolve, reject) => {
    const settle = (): void => {
      if (running.size > 0) return;
      if (failure) return reject(failure.error);
      if (pending.length > 0) {
        return reject(new Error(`dependency cycle among ${pending.map((n) => n.name).join(', ')}`));
      }
      resolve();
    };
    const startReady = (): void => {
      if (failure) return settle();
      for (const node of pending.filter((n) => waitingOn.get(n.name)?.size === 0)) {
        pending.splice(pending.indexOf(node), 1);
        const task = Promise.resolve()
          .then(() => run(node))
          .then(
            () => {
              for (const deps of waitingOn.values()) deps.delete(node.name);
            },
            (error: unknown) => {
              failure ??= { error };
            },
          )
          .finally(() => {
            running.delete(task);
            startReady();
          });
        running.add(task);
      }
      settle();
    };
    startReady();
  });
}
