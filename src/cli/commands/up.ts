// `initsteps up <spec...>`: run the init steps and start the services (README.md, "The command line").
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DirCacheStore } from '../../cache/stores.js';
import { createVolumeCache } from '../../cache/volume-cache.js';
import { CancelledError, UsageError } from '../../errors.js';
import { findLeftovers } from '../../engine/leftovers.js';
import { up, UpCancelledError } from '../../engine/up.js';
import type { RunObserver, RunReport } from '../../engine/types.js';
import { cacheLine, eventToLines, isUntrustedOutput } from '../../report/lines.js';
import { runFailure } from '../../report/failure.js';
import { problemLines } from '../../report/problems.js';
import { createMasker, maskStrings, secretValues } from '../../spec/secrets.js';
import { connectDocker } from '../../runtime/docker.js';
import { parseDuration } from '../../spec/index.js';
import { flagBool, flagList, flagLockTimeout, flagString, type Command } from '../io.js';
import { loadFromArgs } from '../load.js';

export const run: Command = async (args, io) => {
  // Connect while the spec loads (both are start-up cost); a spec error still wins over an absent engine.
  const connecting = connectDocker(io.env);
  connecting.catch(() => undefined);
  const project = await loadFromArgs(args, io);
  const json = flagBool(args, 'json');
  const timeoutText = flagString(args, 'timeout');
  const timeoutMs = timeoutText === undefined ? undefined : parseDuration(timeoutText);
  if (timeoutText !== undefined && (timeoutMs === undefined || timeoutMs <= 0)) {
    throw new UsageError(`--timeout: "${timeoutText}" is not a duration (examples: 90s, 5m, 1h30m)`);
  }
  const lockTimeoutMs = flagLockTimeout(args);
  const runtime = await connecting;
  const runId = randomBytes(4).toString('hex');
  // The run-level timeout cancels like a signal does: the running step is killed and reported Cancelled.
  // (Its own timer: a Node 20 AbortSignal.timeout() only weakly held by AbortSignal.any() can be collected
  // before it fires.)
  const controller = new AbortController();
  const abort = () => controller.abort(io.signal.reason);
  io.signal.addEventListener('abort', abort, { once: true });
  if (io.signal.aborted) abort();
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => controller.abort(new CancelledError('timeout')), timeoutMs);
  const signal = controller.signal;
  // Output lines arrive masked from the engine; messages (a failed spawn, an engine error) are masked here.
  const mask = createMasker(secretValues(project));
  const printReport = (report: RunReport) => {
    if (json) io.out(JSON.stringify(maskStrings(report, mask), null, 2));
  };
  const observer: RunObserver = (event) => {
    // The JSON document alone goes to stdout; whose run this one waits for still has to be said.
    if (json) {
      if (event.type === 'notice') io.err(mask(`ℹ ${event.message}`));
      return;
    }
    const print = event.type === 'warning' ? io.err : isUntrustedOutput(event) ? io.untrusted : io.out;
    for (const line of eventToLines(event)) print(mask(line));
  };
  // --cache-dir: initialized volumes are kept between runs in a directory (docs/cache.md). The directory
  // is the user's own, as private as their volumes: runs whose containers receive secrets are cached too.
  const cacheDir = flagString(args, 'cache-dir');
  const cacheExact = flagBool(args, 'cache-exact');
  if (cacheExact && cacheDir === undefined) throw new UsageError('--cache-exact needs --cache-dir');
  const cache =
    cacheDir === undefined
      ? undefined
      : createVolumeCache({
          store: new DirCacheStore(path.resolve(io.cwd, cacheDir)),
          observer,
          runtime,
          cacheSecrets: true,
          restoreBase: !cacheExact,
        });
  const unguard = io.guardCleanup?.({
    leftovers: () => findLeftovers(runtime, project.name, runId),
    down: `initsteps down --project ${project.name}`,
  });
  let report: RunReport;
  try {
    report = await up(runtime, {
      project,
      services: flagList(args, 'services'),
      signal,
      observer,
      cache,
      runId,
      ...(lockTimeoutMs !== undefined && { lockTimeoutMs }),
    });
  } catch (e: unknown) {
    // Cancelled: everything is removed by now; the report still says how far the run got.
    if (e instanceof UpCancelledError) printReport(e.report);
    throw e;
  } finally {
    unguard?.();
    clearTimeout(timer);
    io.signal.removeEventListener('abort', abort);
  }
  printReport(report);
  const cacheSaid = cacheLine(report);
  if (cacheSaid && !json) io.out(mask(cacheSaid));
  const failure = runFailure(report);
  if (failure) {
    // Each failure at its spec line, in the form editors and terminals link (`file:line:col: title`).
    for (const a of failure.annotations) io.err(mask(`${a.file}:${a.line ?? 1}:${a.col ?? 1}: ${a.title}`));
    // What the failed steps' output named, at the repository files' lines (docs/spec.md#problem-matchers).
    for (const line of problemLines(report, (file) => path.relative(io.cwd, file) || file))
      io.err(mask(line));
    io.err(mask(failure.message));
    return failure.exitCode;
  }
  return 0;
};
