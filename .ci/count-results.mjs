// Prints "N passed, N failed" from Vitest's JSON report and exits non-zero on any failure,
// including a test command that failed before Vitest wrote a report (e.g. type checking).
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, statusArg] = process.argv.slice(2);
const status = Number(statusArg ?? 1);

if (!existsSync(reportPath)) {
  console.log(`No Vitest report at ${reportPath}: the test command failed before the tests ran (exit ${status}).`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const passed = report.numPassedTests ?? 0;
// A file that failed without a failed test (it did not load) counts as one failure too.
const brokenFiles = (report.testResults ?? []).filter(
  (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
).length;
const failed = (report.numFailedTests ?? 0) + brokenFiles;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const failures = Math.max(failed, status === 0 ? 0 : 1);
console.log(`${passed} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status === 0 && failures === 0 && passed > 0 ? 0 : 1);
