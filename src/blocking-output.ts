// Node writes to a pipe asynchronously: a step printing faster than the reader (the runner, a pager, a
// CI log collector) would pile its output up in memory without bound. Blocking writes let the reader set
// the pace, back to the step's container (docs/benchmarks.md, "Output floods").
export function makeOutputBlocking(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    (stream as unknown as { _handle?: { setBlocking?: (on: boolean) => void } })._handle?.setBlocking?.(true);
  }
}
