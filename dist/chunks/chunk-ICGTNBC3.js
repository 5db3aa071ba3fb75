import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  formatMs
} from "./chunk-HYKGSOXR.js";
import {
  PullError,
  PullTally,
  digestFor,
  digestOf,
  referenceParts,
  registryOf
} from "./chunk-5W24PD4U.js";
import {
  errorMessage
} from "./chunk-W6Z4UZRG.js";

// src/engine/images.ts
import { setTimeout as sleep } from "node:timers/promises";

// src/engine/pull-failure.ts
function describePullFailure(ref, f, attempts, stallMs) {
  const head = `pulling ${ref}: ${f.message}`;
  switch (f.kind) {
    case "unauthorized": {
      const login = f.registry === "docker.io" ? "docker login" : `docker login ${f.registry}`;
      const sent = f.credentialSource !== void 0 ? `the credentials from ${f.credentialSource} were refused` : `no credentials for ${f.registry} were found${f.configFile ? ` in ${f.configFile}` : ""}`;
      return `${head} \u2014 registry ${f.registry} refused the pull (${sent}); log in before initsteps runs (\`${login}\`, in a workflow a docker/login-action step) and check the image name`;
    }
    case "notFound": {
      const { repository, tag, digest } = referenceParts(ref);
      const what = digest !== void 0 ? `digest ${digest}` : `tag "${tag ?? "latest"}"`;
      return `${head} \u2014 ${what} of ${repository} is not in registry ${f.registry}`;
    }
    case "unreachable":
      return `${head} \u2014 registry ${f.registry} is unreachable`;
    case "stalled":
      return `pulling ${ref}: registry ${f.registry} sent nothing for ${formatMs(stallMs)}; the pull was stopped`;
    case "transient":
      return `${head} (gave up after ${attempts} attempts)`;
    case "other":
      return head;
  }
}

// src/engine/images.ts
var ImageError = class extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
  reason;
  name = "ImageError";
};
function instanceImages(service, instance) {
  return [...new Set(instanceImageNeeds(service, instance).map((n) => n.ref))].sort();
}
function instanceImageNeeds(service, instance) {
  const needs = [
    { ref: service.template.image ?? "", policy: service.pullPolicy },
    { ref: instance.main.image ?? "", policy: service.pullPolicy },
    ...instance.steps.map((s) => ({ ref: s.image ?? "", policy: s.pullPolicy })),
    ...[...instance.sidecars ?? [], ...instance.containers ?? []].map((c) => ({
      ref: c.image ?? "",
      policy: c.pullPolicy
    }))
  ];
  return needs.filter((n) => n.ref !== "");
}
var EAGERNESS = { Never: 0, IfNotPresent: 1, Always: 2 };
function mergeNeeds(needs) {
  const byRef = /* @__PURE__ */ new Map();
  for (const { ref, policy } of needs) {
    const known = byRef.get(ref);
    if (known === void 0 || EAGERNESS[policy] > EAGERNESS[known]) byRef.set(ref, policy);
  }
  return [...byRef].map(([ref, policy]) => ({ ref, policy }));
}
function limiter(n) {
  let running = 0;
  const waiting = [];
  return async (fn) => {
    if (running >= n) await new Promise((resolve) => waiting.push(resolve));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
var RunImages = class {
  constructor(runtime, emit, signal, settings = {}) {
    this.runtime = runtime;
    this.emit = emit;
    this.signal = signal;
    this.pullSlot = limiter(settings.concurrency ?? 4);
    this.attempts = settings.attempts ?? 3;
    this.backoffMs = settings.backoffMs ?? 2e3;
    this.stallMs = settings.stallMs ?? 3e4;
    this.progressEveryMs = settings.progressEveryMs ?? 2e3;
  }
  runtime;
  emit;
  signal;
  /** By reference: the first request decides (`prefetch` merges the policies of every user first). */
  ready = /* @__PURE__ */ new Map();
  outcomes = /* @__PURE__ */ new Map();
  batches = [];
  pullSlot;
  attempts;
  backoffMs;
  stallMs;
  progressEveryMs;
  /**
   * Looks up every image at once and starts the pulls they need, framed by `image-pulls` start and end
   * events; returns at once. Later `ensure` calls share these outcomes.
   */
  prefetch(needs) {
    const fresh = mergeNeeds(needs).filter((n) => !this.ready.has(n.ref));
    if (fresh.length === 0) return;
    const began = Date.now();
    const looked = fresh.map((n) => ({ ...n, info: this.lookUp(n) }));
    const announced = Promise.all(looked.map((l) => l.info.catch(() => void 0))).then((infos) => {
      const pulls = looked.filter(
        (l, i) => l.policy === "Always" || l.policy === "IfNotPresent" && !infos[i]
      );
      if (pulls.length > 0)
        this.emit({ type: "image-pulls", phase: "start", images: pulls.map((p) => p.ref) });
      return pulls.length;
    });
    const each = looked.map((l) => {
      const id = announced.then(async () => this.provide(l.ref, l.policy, await l.info));
      this.remember(l.ref, id);
      return id;
    });
    this.batches.push(
      announced.then(async (pulls) => {
        const settled = await Promise.allSettled(each);
        if (pulls === 0 || this.signal?.aborted) return;
        const failed = settled.filter((s) => s.status === "rejected").length;
        this.emit({ type: "image-pulls", phase: "end", durationMs: Date.now() - began, failed });
      })
    );
  }
  /** The image's ID once the policy is satisfied; rejects with ImageError (or the abort). */
  ensure(ref, policy) {
    const known = this.ready.get(ref);
    if (known) return known;
    const id = this.lookUp({ ref, policy }).then((info) => this.provide(ref, policy, info));
    this.remember(ref, id);
    return id;
  }
  /** Every image of the instance at once; their IDs by reference, undefined when one cannot be had. */
  async ensureAll(service, instance) {
    const needs = mergeNeeds(instanceImageNeeds(service, instance));
    const settled = await Promise.allSettled(needs.map((n) => this.ensure(n.ref, n.policy)));
    this.signal?.throwIfAborted();
    const ids = {};
    for (const [i, s] of settled.entries()) {
      if (s.status === "rejected") return void 0;
      ids[needs[i]?.ref] = s.value;
    }
    return ids;
  }
  /** Resolves once every lookup and pull started so far has ended. */
  async settled() {
    await Promise.allSettled([...this.batches, ...this.ready.values()]);
  }
  /** How each image of the run was had, in the order they were first asked for. */
  results() {
    return [...this.outcomes.values()].map((r) => ({ ...r }));
  }
  remember(ref, id) {
    id.catch(() => void 0);
    this.ready.set(ref, id);
  }
  /** What the engine has of the image; under Always nothing is looked up (it is pulled anyway). */
  async lookUp(need) {
    if (need.policy === "Always") return void 0;
    try {
      return await this.runtime.inspectImage(need.ref);
    } catch (e) {
      this.signal?.throwIfAborted();
      throw this.fail(need.ref, "ImagePullFailed", `inspecting ${need.ref}: ${errorMessage(e)}`);
    }
  }
  async provide(ref, policy, info) {
    if (info && policy !== "Always") {
      this.outcomes.set(ref, { ref, status: "Present", id: info.id, ...digestField(ref, info.repoDigests) });
      return info.id;
    }
    if (policy === "Never") {
      throw this.fail(ref, "ImageNotPresent", `image ${ref} is not present and imagePullPolicy is Never`);
    }
    return this.pullSlot(() => this.pull(ref));
  }
  fail(ref, reason, message, extra = {}) {
    this.outcomes.set(ref, { ref, status: "Failed", reason, message, ...extra });
    return new ImageError(reason, message);
  }
  /** Pulls with retries on transient failures; the ID of what it pulled. */
  async pull(ref) {
    this.signal?.throwIfAborted();
    const began = Date.now();
    this.emit({ type: "image-pull", image: ref, phase: "start" });
    for (let attempt = 1; ; attempt++) {
      let failure;
      try {
        const announced = await this.pullOnce(ref, began);
        const info = await this.runtime.inspectImage(ref);
        if (!info) throw new Error("the engine does not have it after the pull");
        const durationMs = Date.now() - began;
        const digest = digestFor(ref, info.repoDigests, announced);
        this.outcomes.set(ref, {
          ref,
          status: "Pulled",
          id: info.id,
          ...digest !== void 0 && { digest },
          pullMs: durationMs,
          attempts: attempt
        });
        this.emit({
          type: "image-pull",
          image: ref,
          phase: "done",
          durationMs,
          ...digest !== void 0 && { digest }
        });
        return info.id;
      } catch (e) {
        this.signal?.throwIfAborted();
        failure = e instanceof PullError ? e : new PullError("other", errorMessage(e), registryOf(ref), void 0, void 0);
      }
      if (failure.kind !== "transient" || attempt >= this.attempts) {
        const message = describePullFailure(ref, failure, attempt, this.stallMs);
        this.emit({ type: "image-pull", image: ref, phase: "failed", message });
        throw this.fail(ref, "ImagePullFailed", message, { pullMs: Date.now() - began, attempts: attempt });
      }
      const delayMs = this.backoffMs * 2 ** (attempt - 1);
      this.emit({
        type: "image-pull",
        image: ref,
        phase: "retry",
        attempt,
        attempts: this.attempts,
        delayMs,
        detail: failure.message
      });
      await sleep(delayMs, void 0, this.signal ? { signal: this.signal } : {});
    }
  }
  /** One pull, stopped when the engine reports nothing for `stallMs`; the digest it announced. */
  async pullOnce(ref, began) {
    const stall = new AbortController();
    const signal = this.signal ? AbortSignal.any([this.signal, stall.signal]) : stall.signal;
    let timer = setTimeout(() => stall.abort(), this.stallMs);
    const tally = new PullTally();
    let announced;
    let lastEmit = Date.now();
    const onProgress = (p) => {
      clearTimeout(timer);
      timer = setTimeout(() => stall.abort(), this.stallMs);
      tally.add(p);
      announced = digestOf(p) ?? announced;
      const now = Date.now();
      if (now - lastEmit < this.progressEveryMs) return;
      const bytes = tally.bytes();
      if (bytes.total === 0) return;
      lastEmit = now;
      this.emit({
        type: "image-pull",
        image: ref,
        phase: "progress",
        doneBytes: bytes.done,
        totalBytes: bytes.total,
        elapsedMs: now - began
      });
    };
    try {
      await this.runtime.pullImage(ref, onProgress, signal);
      return announced;
    } catch (e) {
      if (stall.signal.aborted && !this.signal?.aborted) {
        throw new PullError("stalled", "no answer", registryOf(ref), void 0, void 0);
      }
      throw e;
    } finally {
      clearTimeout(timer);
    }
  }
};
function digestField(ref, repoDigests) {
  const digest = digestFor(ref, repoDigests);
  return digest === void 0 ? {} : { digest };
}

export {
  ImageError,
  instanceImages,
  instanceImageNeeds,
  RunImages
};
