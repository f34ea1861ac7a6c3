/**
 * (Node) The `amo-workbench test` summary: one line per failed test (the story, the mode where there
 * is one, the first line of the cause), then the plain `N passed, N failed` line CI systems read.
 */
import type { Reporter, TestModule } from 'vitest/node';

export interface SummaryReporter extends Reporter {
  failed(): number;
  total(): number;
}

export function summaryReporter(log: (line: string) => void): SummaryReporter {
  let passed = 0;
  let failed = 0;
  return {
    failed: () => failed,
    total: () => passed + failed,
    onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors) {
      const lines: string[] = [];
      for (const module of testModules) {
        for (const test of module.children.allTests()) {
          const result = test.result();
          if (result.state === 'passed') passed++;
          else if (result.state === 'failed') {
            failed++;
            const cause = (result.errors?.[0]?.message ?? 'failed').split('\n').find((l) => l.trim() && !l.includes('Click to debug')) ?? 'failed';
            const where = `${test.parent.type === 'suite' ? `${test.parent.name}: ` : ''}${test.name}`;
            lines.push(`FAIL ${where}: ${cause.trim()}`);
          }
        }
        if (module.state() === 'failed' && !module.children.size) {
          failed++;
          lines.push(`FAIL ${module.moduleId}: ${module.errors()[0]?.message ?? 'could not run'}`);
        }
      }
      for (const error of unhandledErrors) {
        failed++;
        lines.push(`FAIL unhandled error: ${(error as Error).message ?? String(error)}`);
      }
      log('');
      for (const line of lines) log(line);
      log(`${passed} passed, ${failed} failed`);
    },
  };
}
