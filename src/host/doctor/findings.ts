/**
 * The widget doctor's findings: bugs the real host would not report, one line each, with a fixed
 * code. Each is written to the console as `[widget doctor] <code>: <message>` and kept per cabinet
 * for the Storybook panel and the story's test.
 */
import { problemsChanged } from './problemSignal';

export const FINDING_CODES = [
  'leaked-subscription',
  'leaked-listener',
  'leaked-timer',
  'leaked-connection',
  'stray-dom',
  'bad-callback',
  'async-init-lead',
  'bad-sdk-version',
  'unknown-entity',
  'mutated-snapshot',
  'unmocked-request',
  'unknown-module',
  'module-not-loaded',
  'uncaught-error',
] as const;

export type FindingCode = (typeof FINDING_CODES)[number];

export interface Finding {
  code: FindingCode;
  widget: string;
  /** Names the widget and the place. */
  message: string;
}

export class Doctor {
  readonly findings: Finding[] = [];
  private readonly listeners = new Set<(finding: Finding) => void>();
  private readonly seen = new Set<string>();

  report(code: FindingCode, widget: string, message: string): void {
    const key = `${code}\n${widget}\n${message}`;
    if (this.seen.has(key)) return; // the same bug found twice is one finding
    this.seen.add(key);
    const finding = { code, widget, message };
    this.findings.push(finding);
    console.error(`[widget doctor] ${code}: ${message}`);
    for (const listener of this.listeners) listener(finding);
    problemsChanged();
  }

  listen(listener: (finding: Finding) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
