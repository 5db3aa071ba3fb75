import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  instanceContainers
} from "./chunk-YGWJGLHB.js";

// src/spec/secrets.ts
var MASK = "***";
function secretValues(project) {
  const values = /* @__PURE__ */ new Set();
  const add = (spec) => {
    for (const e of spec.env) if (e.secret && e.value !== "") values.add(e.value);
    for (const v of spec.volumes) {
      if (v.source.kind !== "files" || !v.source.secret) continue;
      for (const f of v.source.files) {
        const text = Buffer.from(f.contentBase64, "base64").toString("utf8");
        if (text.trim() !== "") values.add(text);
      }
    }
  };
  for (const service of project.services) {
    add(service.template);
    for (const instance of service.instances) instanceContainers(instance).forEach(add);
  }
  return [...values];
}
var escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function createMasker(values) {
  const parts = /* @__PURE__ */ new Set();
  for (const v of values) {
    if (v === "") continue;
    parts.add(v);
    for (const line of v.split(/\r?\n/)) if (line.trim() !== "") parts.add(line);
  }
  if (parts.size === 0) return (text) => text;
  const pattern = new RegExp(
    [...parts].sort((a, b) => b.length - a.length).map(escapeRegExp).join("|"),
    "g"
  );
  return (text) => text.replace(pattern, MASK);
}
function maskStrings(value, mask) {
  const walk = (v) => {
    if (typeof v === "string") return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value);
}

export {
  secretValues,
  createMasker,
  maskStrings
};
