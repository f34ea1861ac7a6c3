/**
 * Run after every story (project `afterEach`): a widget failure the story did not declare fails
 * its test, and so does a declared one that did not happen. This is what makes every widget
 * folder's story a test of that widget.
 */
import type { Cabinet } from '../cabinet/createCabinet';
import type { WorkbenchParameters } from './parameters';

export async function checkFailures(cabinet: Cabinet, params: WorkbenchParameters): Promise<void> {
  await cabinet.ready;
  const expected = params.expectFailures ?? [];
  const unexpected = cabinet.failures.filter((f) => !expected.includes(f.phase));
  if (unexpected.length) {
    throw new Error(`Widget failure(s):\n${unexpected.map((f) => `- ${f.message}${f.hint ? ` (${f.hint})` : ''}`).join('\n')}`);
  }
  const missing = expected.filter((phase) => !cabinet.failures.some((f) => f.phase === phase));
  if (missing.length) throw new Error(`The story expects a failure in ${missing.join(', ')}, but none happened.`);
}
