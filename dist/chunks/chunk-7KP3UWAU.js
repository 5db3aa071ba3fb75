import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);
import {
  failureDetail,
  jobFailureDetail
} from "./chunk-MQIBN7SM.js";
import {
  CancelledError,
  DockerUnavailableError,
  LockTimeoutError,
  SpecError,
  UsageError,
  errorMessage
} from "./chunk-W6Z4UZRG.js";

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
  if (error instanceof UsageError || error instanceof DockerUnavailableError || error instanceof LockTimeoutError) {
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
function jobAnnotation(job) {
  const cancelled = job.reason === "Cancelled";
  const tail = job.logTail.slice(-ANNOTATION_LOG_LINES);
  const detail = cancelled ? job.message ?? "Cancelled" : jobFailureDetail(job);
  return {
    file: job.failurePos.file,
    line: job.failurePos.line,
    col: job.failurePos.col,
    title: `job "${job.name}" ${cancelled ? "cancelled" : "failed"}`,
    message: tail.length > 0 ? `${detail}
last output:
${tail.join("\n")}` : detail
  };
}
var statusText = (r) => [r.status, r.reason].filter(Boolean).join(": ");
function runFailure(report) {
  const failed = report.services.filter((s) => s.status !== "Running");
  const failedJobs = report.jobs.filter((j) => j.status !== "Succeeded");
  if (failed.length === 0 && failedJobs.length === 0) return void 0;
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
  const jobs = failedJobs.filter((j) => j.reason !== "InitStepFailed" && j.reason !== "DependencyFailed").map(jobAnnotation);
  const names = (list) => list.map((r) => `${r.name} (${statusText(r)})`).join(", ");
  const message = [
    failed.length > 0 && `${failed.length} of ${report.services.length} service(s) not running: ${names(failed)}`,
    failedJobs.length > 0 && `${failedJobs.length} of ${report.jobs.length} job(s) not succeeded: ${names(failedJobs)}`
  ].filter(Boolean).join("; ");
  return { exitCode: 1, message, annotations: [...steps, ...jobs, ...starts] };
}

export {
  describeFailure,
  runFailure
};
