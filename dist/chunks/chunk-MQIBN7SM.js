import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);

// src/report/outputs.ts
function countSteps(steps) {
  return {
    ran: steps.filter((s) => s.status !== "Skipped" && s.attempts > 0).length,
    skipped: steps.filter((s) => s.status === "Skipped").length,
    failed: steps.filter((s) => s.status === "Failed").length,
    cancelled: steps.filter((s) => s.status === "Cancelled").length
  };
}
var outputStep = (s) => ({
  name: s.step,
  status: s.status,
  exitCode: s.exitCode,
  attempts: s.attempts,
  durationMs: s.durationMs,
  reason: s.reason,
  message: s.message
});
function buildOutputDocument(report, project, error) {
  const steps = report?.steps ?? [];
  return {
    project: report?.project ?? project,
    cacheHit: report?.cacheHit ?? false,
    ...report?.cache && { cache: report.cache },
    counts: countSteps(steps),
    services: (report?.services ?? []).map((svc) => ({
      name: svc.name,
      status: svc.status,
      reason: svc.reason,
      message: svc.message,
      instances: svc.instances.map((inst) => ({
        name: inst.name,
        ordinal: inst.ordinal,
        status: inst.status,
        reason: inst.reason,
        message: inst.message,
        ports: inst.ports.map((p) => ({ ...p, address: `${p.hostIp}:${p.hostPort}` })),
        steps: steps.filter((s) => s.service === svc.name && s.instance === inst.name).map(outputStep)
      }))
    })),
    jobs: (report?.jobs ?? []).map((job) => ({
      name: job.name,
      instance: job.instance,
      status: job.status,
      reason: job.reason,
      message: job.message,
      exitCode: job.exitCode,
      attempts: job.attempts,
      durationMs: job.durationMs,
      steps: steps.filter((s) => s.service === job.name).map(outputStep)
    })),
    ...error === void 0 ? {} : { error }
  };
}
var isAnyAddress = (ip) => ip === "" || ip === "0.0.0.0" || ip === "::";
function buildServicesOutput(doc) {
  const out = {};
  for (const svc of doc.services) {
    const ports = {};
    const published = svc.instances[0]?.ports ?? [];
    for (const p of published) ports[String(p.containerPort)] ??= String(p.hostPort);
    const hostIp = published[0]?.hostIp ?? "";
    out[svc.name] = { host: isAnyAddress(hostIp) ? "127.0.0.1" : hostIp, ports };
  }
  return out;
}
function buildOutputs(doc) {
  return {
    result: JSON.stringify(doc),
    services: JSON.stringify(buildServicesOutput(doc)),
    ran: String(doc.counts.ran),
    skipped: String(doc.counts.skipped),
    failed: String(doc.counts.failed),
    "cache-hit": String(doc.cacheHit)
  };
}

// src/report/lines.ts
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function formatDuration(ms) {
  if (ms < 9950) return `${(ms / 1e3).toFixed(1).replace(/\.0$/, "")}s`;
  const totalSeconds = Math.round(ms / 1e3);
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor(totalSeconds % 3600 / 60);
  const s = totalSeconds % 60;
  if (h > 0) return `${h}h${m > 0 ? `${m}m` : ""}`;
  if (m > 0) return `${m}m${s > 0 ? `${s}s` : ""}`;
  return `${s}s`;
}
var stepName = (step, instance, sidecar) => `${sidecar ? "sidecar" : "init step"} "${step}" on ${instance}`;
function failureDetail(r) {
  const parts = [r.reason ?? "Failed"];
  if (r.exitCode !== void 0 && r.reason === "ExitNonZero") parts.push(`exit code ${r.exitCode}`);
  if (r.attempts > 0) parts.push(`after ${plural(r.attempts, "attempt")}`);
  const detail = parts.join(" ");
  return r.message && r.reason !== "ExitNonZero" ? `${detail}: ${r.message}` : detail;
}
function stepEndLine(r) {
  const name = stepName(r.step, r.instance, r.sidecar);
  switch (r.status) {
    case "Succeeded":
      return `\u2713 ${name} succeeded`;
    case "Started":
      return `\u2713 ${name} started (keeps running)`;
    case "Skipped":
      return `\u21B7 ${name}: skipped${r.message ? ` (${r.message})` : ""}`;
    case "Failed":
      return `\u2717 ${name} failed: ${failureDetail(r)}`;
    case "Cancelled":
      return `\u2717 ${name} cancelled${r.message ? `: ${r.message}` : ""}`;
    case "Pending":
    case "Running":
      return `\u2022 ${name} is ${r.status}`;
  }
}
var jobName = (job) => `job "${job}"`;
function jobFailureDetail(r) {
  const parts = [r.reason ?? "Failed"];
  if (r.reason === "JobFailed" && r.message === void 0 && r.exitCode !== void 0) {
    parts.push(`exit code ${r.exitCode}`);
  }
  if (r.attempts > 0) parts.push(`after ${plural(r.attempts, "attempt")}`);
  const detail = parts.join(" ");
  return r.message ? `${detail}: ${r.message}` : detail;
}
function jobEndLine(r) {
  const name = jobName(r.name);
  if (r.status === "Succeeded") return `\u2713 ${name} succeeded (${formatDuration(r.durationMs)})`;
  if (r.status !== "Failed") return `\u2022 ${name} is ${r.status}`;
  if (r.reason === "Cancelled") return `\u2717 ${name} cancelled`;
  return `\u2717 ${name} failed: ${jobFailureDetail(r)}`;
}
function formatBytes(n) {
  if (n < 1e3) return `${n} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = n / 1e3;
  let unit = 0;
  while (value >= 1e3 && unit < units.length - 1) {
    value /= 1e3;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
function pullLine(e) {
  switch (e.phase) {
    case "start":
      return `\u21E3 pulling ${e.image}`;
    case "progress":
      return `\u21E3 ${e.image}: ${formatBytes(e.doneBytes)} of ${formatBytes(e.totalBytes)} (${formatDuration(e.elapsedMs)})`;
    case "retry":
      return `\u21BB pulling ${e.image}: attempt ${e.attempt} of ${e.attempts} failed (${e.detail}); retrying in ${formatDuration(e.delayMs)}`;
    case "done":
      return `\u2713 pulled ${e.image} in ${formatDuration(e.durationMs)}${e.digest ? ` (${e.digest})` : ""}`;
    case "failed":
      return `\u2717 ${e.message}`;
  }
}
var isUntrustedOutput = (event) => event.type === "step-output" || event.type === "main-output" || event.type === "job-output";
function eventToLines(event) {
  switch (event.type) {
    case "image-pulls":
      return event.phase === "start" ? [`\u21E3 pulling ${plural(event.images.length, "image")}: ${event.images.join(", ")}`] : [
        `\u21E3 pulls done in ${formatDuration(event.durationMs)}` + (event.failed > 0 ? `, ${event.failed} failed` : "")
      ];
    case "image-pull":
      return [pullLine(event)];
    case "step-start": {
      const attempt = event.attempt > 1 ? ` (attempt ${event.attempt} of ${event.attempts})` : "";
      return [`\u25B6 ${stepName(event.step, event.instance, event.sidecar)}${attempt}`];
    }
    case "step-output":
      return [`${event.instance}/${event.step} | ${event.line}`];
    case "step-retry":
      return [
        `\u21BB ${stepName(event.step, event.instance)}: attempt ${event.attempt} failed (${event.detail}); retrying in ${formatDuration(event.delayMs)}`
      ];
    case "step-end":
      return [stepEndLine(event.result)];
    case "service-status": {
      const who = event.instance ?? event.service;
      const icon = event.status === "Running" ? "\u2713" : event.status === "Failed" ? "\u2717" : "\u2022";
      const why = [event.reason, event.message].filter(Boolean).join(": ");
      return [`${icon} ${who} is ${event.status}${why ? `: ${why}` : ""}`];
    }
    case "main-output":
      return [`${event.instance} | ${event.line}`];
    case "job-start": {
      const attempt = event.attempt > 1 ? ` (attempt ${event.attempt} of ${event.attempts})` : "";
      return [`\u25B6 ${jobName(event.job)}${attempt}`];
    }
    case "job-output":
      return [`${event.instance}/${event.job} | ${event.line}`];
    case "job-retry":
      return [
        `\u21BB ${jobName(event.job)}: attempt ${event.attempt} failed (${event.detail}); retrying in ${formatDuration(event.delayMs)}`
      ];
    case "job-end":
      return [jobEndLine(event.result)];
    case "warning":
      return [`\u26A0 ${event.message}`];
    case "notice":
      return [`\u2139 ${event.message}`];
    case "created":
      return [];
  }
}
function cacheLine(report) {
  const c = report.cache;
  if (!c) return void 0;
  const saved = c.saved ? `; saved as ${c.key}` : "";
  if (c.result === "miss" && c.initialized)
    return "cache: nothing restored, the volumes are initialized already";
  if (c.result === "miss") return `cache: no entry${c.key ? ` for ${c.key}` : ""}${saved}`;
  const onTop = `${plural(countSteps(report.steps).ran, "step")} ran on top`;
  const entry = c.result === "exact" ? `entry ${c.matchedKey} (exact)` : `base entry ${c.matchedKey}`;
  return `cache: restored from ${entry}, ${onTop}${saved}`;
}

export {
  countSteps,
  buildOutputDocument,
  buildOutputs,
  formatDuration,
  failureDetail,
  jobFailureDetail,
  isUntrustedOutput,
  eventToLines,
  cacheLine
};
