import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);

// src/report/workflow-commands.ts
import { randomBytes } from "node:crypto";
var freshToken = () => randomBytes(16).toString("hex");
var mayReadAsCommand = (line) => /##\[|[\r\n]/.test(line) || /^[\s\u0085]*::/.test(line);
function stopCommandsBlock(lines, token = freshToken) {
  let t = token();
  while (lines.some((l) => l.includes(t))) t = token();
  return [`::stop-commands::${t}`, ...lines, `::${t}::`];
}
function inertLines(text) {
  return text.split(/\r\n|\r|\n/).map((line) => line.replace(/##\[/g, "##\u200B[").replace(/^([\s\u0085]*)::/, "$1\u200B::"));
}
var MAX_LINES = 500;
var MAX_CHARS = 256 * 1024;
var BLOCK_DELAY_MS = 100;
var UntrustedLines = class {
  constructor(print) {
    this.print = print;
  }
  print;
  waiting = [];
  chars = 0;
  timer;
  push(line) {
    this.waiting.push(line);
    this.chars += line.length;
    if (this.waiting.length >= MAX_LINES || this.chars >= MAX_CHARS) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), BLOCK_DELAY_MS);
  }
  /** Prints what waits as one block. */
  flush() {
    clearTimeout(this.timer);
    this.timer = void 0;
    if (this.waiting.length === 0) return;
    const lines = this.waiting;
    this.waiting = [];
    this.chars = 0;
    for (const line of stopCommandsBlock(lines)) this.print(line);
  }
};

export {
  mayReadAsCommand,
  stopCommandsBlock,
  inertLines,
  UntrustedLines
};
