import { createRequire as __bundle_createRequire } from 'node:module'; import { fileURLToPath as __bundle_fileURLToPath } from 'node:url'; import { dirname as __bundle_parentDir } from 'node:path'; const require = __bundle_createRequire(import.meta.url); const __bundle_filename = __bundle_fileURLToPath(import.meta.url); const __bundle_dirname = __bundle_parentDir(__bundle_filename);

// src/runtime/stream.ts
var MAX_LINE_CHARS = 64 * 1024;
var SPLIT_MARKER = " [\u2026 line longer than 64 KiB, continued on the next line]";
var LineSplitter = class {
  constructor(onLine) {
    this.onLine = onLine;
  }
  onLine;
  pieces = [];
  held = 0;
  decoder = new TextDecoder("utf-8");
  push(chunk) {
    this.feed(this.decoder.decode(chunk, { stream: true }));
  }
  /** Emits the last unterminated line, if any. */
  end() {
    this.feed(this.decoder.decode());
    if (this.held > 0) this.flush(false);
  }
  feed(text) {
    for (let from = 0; ; ) {
      const newline = text.indexOf("\n", from);
      const end = newline === -1 ? text.length : newline;
      let at = from;
      while (end - at > MAX_LINE_CHARS - this.held) {
        let take = MAX_LINE_CHARS - this.held;
        if (take > 1 && isHighSurrogate(text.charCodeAt(at + take - 1))) take -= 1;
        this.hold(text.slice(at, at + take));
        at += take;
        this.flush(true);
      }
      if (end > at) this.hold(text.slice(at, end));
      if (newline === -1) return;
      this.flush(false);
      from = newline + 1;
    }
  }
  hold(piece) {
    this.pieces.push(piece);
    this.held += piece.length;
  }
  flush(cut) {
    let line = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join("");
    this.pieces = [];
    this.held = 0;
    if (cut) line += SPLIT_MARKER;
    else if (line.endsWith("\r")) line = line.slice(0, -1);
    this.onLine(line);
  }
};
var isHighSurrogate = (code) => code >= 55296 && code <= 56319;
var LineTail = class {
  constructor(maxLines, maxChars) {
    this.maxLines = maxLines;
    this.maxChars = maxChars;
  }
  maxLines;
  maxChars;
  lines = [];
  first = 0;
  chars = 0;
  push(line) {
    this.lines.push(line);
    this.chars += line.length;
    while (this.lines.length - this.first > this.maxLines || this.chars > this.maxChars) {
      this.chars -= this.lines[this.first].length;
      this.first += 1;
    }
    if (this.first > this.maxLines) {
      this.lines = this.lines.slice(this.first);
      this.first = 0;
    }
  }
  values() {
    return this.lines.slice(this.first);
  }
};

export {
  LineSplitter,
  LineTail
};
