/**
 * Run after every story (project `afterEach`): a widget failure the story did not declare fails
 * its test, and so does a declared one that did not happen. This is what makes every widget
 * folder's story a test of that widget.
 */
import { unhandledRequests } from '../host/backend/unhandledRequests';
import type { Cabinet } from '../host/cabinet/createCabinet';
import { isError } from '../common/folderProblem';
import type { WorkbenchParameters } from './parameters';

export async function checkFailures(cabinet: Cabinet, params: WorkbenchParameters): Promise<void> {
  await cabinet.ready;
  const expected = params.expectFailures ?? [];
  const unexpected = cabinet.failures.filter((f) => !expected.includes(f.phase));
  if (unexpected.length) {
    throw new Error(`Widget failure(s):\n${unexpected.map((f) => `- ${f.message}${f.hint ? ` (${f.hint})` : ''}`).join('\n')}`);
  }
  const unhandled = unhandledRequests();
  // Stopped ones the story expects (doctor: ['unmocked-request']) or let through (allowUnhandledRequests) pass.
  if (unhandled.length && !params.allowUnhandledRequests && !params.doctor?.includes('unmocked-request')) {
    throw new Error(
      `Unhandled backend request(s), answered by no MSW handler of this story:\n${unhandled.map((r) => `- ${r.method} ${r.url}`).join('\n')}\n` +
        "The workbench stopped them before they left this machine. Add handlers (the widget's mocks/handlers.js or parameters.msw.handlers; ws.link for a WebSocket), or set parameters.workbench.allowUnhandledRequests to let them through.",
    );
  }
  const expectedFindings = params.doctor ?? [];
  const unexpectedFindings = cabinet.doctor.findings.filter((f) => !expectedFindings.includes(f.code));
  if (unexpectedFindings.length) {
    throw new Error(`The widget doctor found:\n${unexpectedFindings.map((f) => `- [widget doctor] ${f.code}: ${f.message}`).join('\n')}`);
  }
  const missingFindings = expectedFindings.filter((code) => !cabinet.doctor.findings.some((f) => f.code === code));
  if (missingFindings.length) throw new Error(`The story expects widget doctor findings ${missingFindings.join(', ')}, but none were reported.`);
  const problems = (params.folderProblems ?? []).map((p) => p.code);
  const expectedProblems = params.expectProblems ?? [];
  // Warnings (a renamed duplicate, upload-only rules) are shown on the story and do not fail it.
  const unexpectedProblems = (params.folderProblems ?? []).filter((p) => isError(p) && !expectedProblems.includes(p.code));
  if (unexpectedProblems.length) {
    throw new Error(`The widget folder has problems:\n${unexpectedProblems.map((p) => `- ${p.file}: ${p.message} ${p.fix}`).join('\n')}`);
  }
  const missingProblems = expectedProblems.filter((code) => !problems.includes(code));
  if (missingProblems.length) throw new Error(`The story expects folder problems ${missingProblems.join(', ')}, but the checks found none.`);
  const missing = expected.filter((phase) => !cabinet.failures.some((f) => f.phase === phase));
  if (missing.length) throw new Error(`The story expects a failure in ${missing.join(', ')}, but none happened.`);
}
