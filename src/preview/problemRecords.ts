/**
 * Every problem of a story as one record (who, code, message, fix, where): widget failures, doctor
 * findings, backend requests no handler answered, and folder problems. The strip above the cabinet,
 * the Widget doctor panel and the sidebar status show these; a test run turns the unexpected ones
 * into a failure (checkFailures.ts).
 */
import { unhandledRequests, type UnhandledRequest } from '../host/backend/unhandledRequests';
import type { Cabinet } from '../host/cabinet/createCabinet';
import { describeUnhandled } from '../host/doctor/describeUnhandled';
import { requestOwner } from '../host/doctor/resources';
import type { WorkbenchParameters } from './parameters';
import { mockAdvice } from '../host/backend/mockAdvice';

export interface ProblemRecord {
  kind: 'failure' | 'doctor' | 'request' | 'folder';
  /** Starts every line: `unknown-entity`, `initLead-failure`, `invalid-json`, ... */
  code: string;
  /** The widget (or widget folder) the problem belongs to. */
  widget: string;
  message: string;
  /** What to change, when the message does not already say it. */
  fix?: string;
  /** A file of the widget folder, or the lifecycle phase. */
  where?: string;
  severity: 'error' | 'warning';
  /** The story declares it (expectFailures, doctor, expectProblems, allowUnhandledRequests): it does not fail the test. */
  expected: boolean;
}

export function storyProblems(cabinet: Cabinet, params: WorkbenchParameters, requests: readonly UnhandledRequest[] = unhandledRequests()): ProblemRecord[] {
  const records: ProblemRecord[] = [];
  const folderWidget = params.widgets?.[0]?.name ?? 'the widget folder';
  for (const problem of params.folderProblems ?? []) {
    records.push({
      kind: 'folder',
      code: problem.code,
      widget: folderWidget,
      message: problem.message,
      fix: problem.fix,
      where: problem.file,
      severity: problem.severity ?? 'error',
      expected: problem.severity === 'warning' || (params.expectProblems ?? []).includes(problem.code),
    });
  }
  for (const failure of cabinet.failures) {
    records.push({
      kind: 'failure',
      code: `${failure.phase}-failure`,
      widget: failure.widget,
      message: failure.message,
      fix: failure.hint,
      where: failure.phase,
      severity: 'error',
      expected: (params.expectFailures ?? []).includes(failure.phase),
    });
  }
  for (const finding of cabinet.doctor.findings) {
    // Requests are listed from the record of unhandled requests below, live, not once swept.
    if (finding.code === 'unmocked-request') continue;
    records.push({
      kind: 'doctor',
      code: finding.code,
      widget: finding.widget,
      message: finding.message,
      severity: 'error',
      expected: (params.doctor ?? []).includes(finding.code),
    });
  }
  const prefix = `${cabinet.amd.name}/`;
  const listed = new Set<string>();
  // In a fixed order, not as they arrived: a story's strip is the same picture however its requests raced.
  const byKey = (r: UnhandledRequest) => `${r.method} ${r.url}`;
  for (const request of [...requests].sort((a, b) => (byKey(a) < byKey(b) ? -1 : byKey(a) > byKey(b) ? 1 : 0))) {
    // The same call again (on every deal, say) is one problem.
    const key = `${request.method} ${request.url}`;
    if (listed.has(key)) continue;
    listed.add(key);
    const owner = requestOwner(request.url);
    if (owner && !owner.startsWith(prefix)) continue; // another cabinet's widget
    const widget = owner ? owner.slice(prefix.length) : 'a widget of this story';
    records.push({
      kind: 'request',
      code: 'unmocked-request',
      widget,
      message: describeUnhandled(widget, request),
      fix: mockAdvice(request),
      severity: 'error',
      expected: params.allowUnhandledRequests === true || (params.doctor ?? []).includes('unmocked-request'),
    });
  }
  return records;
}

/** The sidebar status the records give: error for an unexpected error, warning for the rest, none without records. */
export function statusOf(records: readonly ProblemRecord[]): 'error' | 'warning' | undefined {
  if (!records.length) return undefined;
  return records.some((r) => r.severity === 'error' && !r.expected) ? 'error' : 'warning';
}
