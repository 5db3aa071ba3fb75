// What the action needs from the runner, as an interface: the entry points pass @actions/core, the unit
// tests a recording fake. Everything the action prints goes through here.
import * as core from '@actions/core';

export interface AnnotationProps {
  file?: string;
  startLine?: number;
  startColumn?: number;
  title?: string;
}

export interface ActionCore {
  info(line: string): void;
  warning(message: string, props?: AnnotationProps): void;
  error(message: string, props?: AnnotationProps): void;
  notice(message: string, props?: AnnotationProps): void;
  setFailed(message: string): void;
  setOutput(name: string, value: string): void;
  /** Registers a value for the runner to mask in the job log. */
  setSecret(value: string): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  startGroup(title: string): void;
  endGroup(): void;
  /** Appends HTML/markdown to the job summary. */
  writeSummary(html: string): Promise<void>;
}

export const actionsCore: ActionCore = {
  info: (line) => core.info(line),
  warning: (message, props) => core.warning(message, props),
  error: (message, props) => core.error(message, props),
  notice: (message, props) => core.notice(message, props),
  setFailed: (message) => core.setFailed(message),
  setOutput: (name, value) => core.setOutput(name, value),
  setSecret: (value) => core.setSecret(value),
  saveState: (name, value) => core.saveState(name, value),
  getState: (name) => core.getState(name),
  startGroup: (title) => core.startGroup(title),
  endGroup: () => core.endGroup(),
  writeSummary: async (html) => {
    await core.summary.addRaw(html).write();
  },
};
