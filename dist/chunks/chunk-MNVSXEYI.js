import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  errorMessage
} from "./chunk-NTMVWVK7.js";

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
  const refs = [service.template.image, instance.main.image, ...instance.steps.map((s) => s.image)];
  return [...new Set(refs.filter((r) => r !== void 0 && r !== ""))].sort();
}
var RunImages = class {
  constructor(runtime, emit, signal) {
    this.runtime = runtime;
    this.emit = emit;
    this.signal = signal;
  }
  runtime;
  emit;
  signal;
  /** By reference: the first policy that asks decides (one service's images share its policy). */
  ready = /* @__PURE__ */ new Map();
  /** The image's ID once the policy is satisfied; rejects with ImageError (or the abort). */
  ensure(ref, policy) {
    let pending = this.ready.get(ref);
    if (!pending) {
      pending = this.pullIfNeeded(ref, policy);
      pending.catch(() => void 0);
      this.ready.set(ref, pending);
    }
    return pending;
  }
  /** Every image of the instance at once; their IDs by reference, undefined when one cannot be had. */
  async ensureAll(service, instance) {
    const refs = instanceImages(service, instance);
    const settled = await Promise.allSettled(refs.map((ref) => this.ensure(ref, service.pullPolicy)));
    this.signal?.throwIfAborted();
    const ids = {};
    for (const [i, s] of settled.entries()) {
      if (s.status === "rejected") return void 0;
      ids[refs[i]] = s.value;
    }
    return ids;
  }
  async pullIfNeeded(ref, policy) {
    if (policy !== "Always") {
      const id = await this.runtime.imageId(ref);
      if (id !== void 0) return id;
    }
    if (policy === "Never") {
      throw new ImageError("ImageNotPresent", `image ${ref} is not present and imagePullPolicy is Never`);
    }
    try {
      await this.runtime.pullImage(
        ref,
        (progress) => this.emit({ type: "image-pull", image: ref, progress }),
        this.signal
      );
      const id = await this.runtime.imageId(ref);
      if (id === void 0) throw new Error("the engine does not have it after the pull");
      return id;
    } catch (e) {
      this.signal?.throwIfAborted();
      throw new ImageError("ImagePullFailed", `pulling ${ref}: ${errorMessage(e)}`);
    }
  }
};

export {
  ImageError,
  instanceImages,
  RunImages
};
