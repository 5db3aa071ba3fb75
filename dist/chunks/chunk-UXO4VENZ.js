import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  CancelledError,
  DockerUnavailableError,
  SpecError,
  UsageError,
  errorMessage
} from "./chunk-NTMVWVK7.js";

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
var stepName = (step, instance) => `init step "${step}" on ${instance}`;
function failureDetail(r) {
  const parts = [r.reason ?? "Failed"];
  if (r.exitCode !== void 0 && r.reason === "ExitNonZero") parts.push(`exit code ${r.exitCode}`);
  if (r.attempts > 0) parts.push(`after ${plural(r.attempts, "attempt")}`);
  const detail = parts.join(" ");
  return r.message && r.reason !== "ExitNonZero" ? `${detail}: ${r.message}` : detail;
}
function stepEndLine(r) {
  const name = stepName(r.step, r.instance);
  switch (r.status) {
    case "Succeeded":
      return `\u2713 ${name} succeeded`;
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
function eventToLines(event) {
  switch (event.type) {
    case "image-pull":
      return /^(\S+ )?(Downloading|Extracting)\b/.test(event.progress) ? [] : [`\u21E3 pulling ${event.image}: ${event.progress}`];
    case "step-start": {
      const attempt = event.attempt > 1 ? ` (attempt ${event.attempt} of ${event.attempts})` : "";
      return [`\u25B6 ${stepName(event.step, event.instance)}${attempt}`];
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
    case "warning":
      return [`\u26A0 ${event.message}`];
    case "notice":
      return [`\u2139 ${event.message}`];
    case "created":
      return [];
  }
}

// src/report/failure.ts
function describeFailure(error) {
  if (error instanceof SpecError) {
    return {
      exitCode: 2,
      message: error.message,
      annotations: error.problems.map((p) => ({
        file: p.pos.file,
        line: p.pos.line,
        col: p.pos.col,
        title: p.path ? `invalid spec: ${p.path}` : "invalid spec",
        message: p.message
      }))
    };
  }
  if (error instanceof UsageError || error instanceof DockerUnavailableError) {
    return { exitCode: 2, message: error.message, annotations: [] };
  }
  if (error instanceof CancelledError) {
    const exitCode = error.signal === "SIGINT" ? 130 : error.signal === "SIGTERM" ? 143 : 1;
    return { exitCode, message: error.message, annotations: [] };
  }
  return { exitCode: 1, message: `internal error: ${errorMessage(error)}`, annotations: [] };
}
var ANNOTATION_LOG_LINES = 5;
function stepAnnotation(step) {
  const cancelled = step.status === "Cancelled";
  const detail = cancelled ? step.message ?? "Cancelled" : failureDetail(step);
  const tail = step.logTail.slice(-ANNOTATION_LOG_LINES);
  return {
    file: step.pos.file,
    line: step.pos.line,
    col: step.pos.col,
    title: `init step "${step.step}" on ${step.instance} ${cancelled ? "cancelled" : "failed"}`,
    message: tail.length > 0 ? `${detail}
last output:
${tail.join("\n")}` : detail
  };
}
function runFailure(report) {
  const failed = report.services.filter((s) => s.status !== "Running");
  if (failed.length === 0) return void 0;
  const steps = report.steps.filter((s) => s.status === "Failed" || s.status === "Cancelled").map(stepAnnotation);
  const starts = [];
  for (const svc of report.services) {
    for (const inst of svc.instances) {
      if (inst.status !== "Failed" || inst.reason === "InitStepFailed" || inst.reason === "DependencyFailed")
        continue;
      starts.push({
        file: svc.pos.file,
        line: svc.pos.line,
        col: svc.pos.col,
        title: `${inst.name} failed: ${inst.reason ?? "Failed"}`,
        message: inst.message ?? inst.reason ?? "the service did not start"
      });
    }
  }
  const names = failed.map((s) => `${s.name} (${[s.status, s.reason].filter(Boolean).join(": ")})`).join(", ");
  return {
    exitCode: 1,
    message: `${failed.length} of ${report.services.length} service(s) not running: ${names}`,
    annotations: [...steps, ...starts]
  };
}

export {
  formatDuration,
  failureDetail,
  eventToLines,
  describeFailure,
  runFailure
};
