// What a matcher finds in a step's output, before its file is looked up in the repository.
import type { Severity } from '../spec/model.js';

/**
 * How to find the exact spot in the file once it can be read: the source line as the tool quoted it (with
 * the index of its caret), searched at or before `line` (`before`) or from `line` on (`after`); or a
 * Liquibase changeset by id and author.
 */
export type Locator =
  | { kind: 'quote'; text: string; caret: number; near: 'before' | 'after' }
  | { kind: 'changeset'; id: string; author: string };

export interface Match {
  /** `psql`, `flyway`, ... or the user matcher's owner. */
  owner: string;
  severity: Severity;
  message: string;
  code?: string;
  /** The file as the output names it: a path in the step's container, or relative to its directory. */
  file?: string;
  /** Further spellings of the file, tried in order when `file` is not there (a migration's extension). */
  alternatives?: string[];
  line?: number;
  column?: number;
  locate?: Locator;
}

/** What a built-in pattern may know of the run besides its output. */
export interface RunInfo {
  /** The words of the step's command and args, shell strings split (see commandWords). */
  words: string[];
  /** The step's plain (not secret) environment. */
  env: Readonly<Record<string, string>>;
  /** The one file the command line feeds the tool on standard input (`psql < file`), if it names one. */
  stdin?: string;
}

export type BuiltinMatcher = (lines: readonly string[], run: RunInfo) => Match[];
