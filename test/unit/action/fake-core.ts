// A recording ActionCore: the job log as the runner would print it, plus state, outputs and summary.
import type { ActionCore, AnnotationProps } from '../../../src/action/core.js';

export class FakeCore implements ActionCore {
  log: string[] = [];
  outputs: Record<string, string> = {};
  state: Record<string, string> = {};
  /** Every saveState call in order, to check what was saved when. */
  saves: [string, string][] = [];
  secrets: string[] = [];
  summary = '';
  failed: string | undefined;
  errors: { message: string; props?: AnnotationProps }[] = [];
  warnings: { message: string; props?: AnnotationProps }[] = [];
  notices: { message: string; props?: AnnotationProps }[] = [];

  constructor(state: Record<string, string> = {}) {
    this.state = { ...state };
  }

  info(line: string): void {
    this.log.push(line);
  }
  warning(message: string, props?: AnnotationProps): void {
    this.warnings.push({ message, props });
    this.log.push(`::warning::${message}`);
  }
  error(message: string, props?: AnnotationProps): void {
    this.errors.push({ message, props });
    this.log.push(`::error::${message}`);
  }
  notice(message: string, props?: AnnotationProps): void {
    this.notices.push({ message, props });
    this.log.push(`::notice::${message}`);
  }
  setFailed(message: string): void {
    this.failed = message;
    this.error(message);
  }
  setOutput(name: string, value: string): void {
    this.outputs[name] = value;
  }
  setSecret(value: string): void {
    this.secrets.push(value);
  }
  saveState(name: string, value: string): void {
    this.state[name] = value;
    this.saves.push([name, value]);
  }
  getState(name: string): string {
    return this.state[name] ?? '';
  }
  startGroup(title: string): void {
    this.log.push(`::group::${title}`);
  }
  endGroup(): void {
    this.log.push('::endgroup::');
  }
  async writeSummary(html: string): Promise<void> {
    this.summary += html;
  }
}
