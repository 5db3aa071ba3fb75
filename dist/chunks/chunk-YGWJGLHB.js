import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);

// src/spec/model.ts
function initSequence(inst) {
  const sidecars = inst.sidecars ?? [];
  const at = (n) => sidecars.filter((c) => c.afterSteps === n).map((sidecar) => ({ kind: "sidecar", sidecar }));
  return [
    ...inst.steps.flatMap((step, i) => [...at(i), { kind: "step", step }]),
    ...at(inst.steps.length)
  ];
}
var instanceContainers = (inst) => [
  inst.main,
  ...inst.steps,
  ...inst.sidecars ?? [],
  ...inst.containers ?? []
];
var isPersistent = (v) => v.source.kind === "claim";

export {
  initSequence,
  instanceContainers,
  isPersistent
};
