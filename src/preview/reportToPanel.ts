/** Sends a story's problem records to the manager: the Widget doctor panel and the sidebar status. */
import { addons } from 'storybook/preview-api';
import type { ProblemRecord } from './problemRecords';
import { PROBLEMS_EVENT } from './channelEvents';

export function reportToPanel(storyId: string, records: readonly ProblemRecord[]): void {
  try {
    addons.getChannel().emit(PROBLEMS_EVENT, { storyId, records });
  } catch {
    // No channel (a test run without the Storybook manager): the console and the test report it.
  }
}
