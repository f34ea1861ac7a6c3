import type { Meta, StoryObj } from '@storybook/html-vite';
import { delay, http } from 'msw';
import { expect, waitFor } from 'storybook/test';
import { backendRequestsInFlight } from '../src/host/backend/requestsInFlight';
import { cabinetOf } from '../src/preview/cabinetOf';
import { waitForSettled } from '../src/preview/settle';
import { fixtureWidget } from './fixtureWidgets';

/**
 * What a capture waits for (src/preview/settle.ts), and when it stops waiting. Every story's
 * afterEach waits for it; when you switch stories meanwhile, Storybook aborts the story and reloads
 * the whole preview if it is still busy three ticks later, so the wait must end on that abort.
 */
const meta = {
  title: 'Workbench/Capture Settle',
  // Its play unmounts its own cabinet: nothing to capture, offline or in Chromatic.
  tags: ['no-visual'],
  parameters: {
    chromatic: { disableSnapshot: true },
    workbench: { widgets: [fixtureWidget('pending-request')] },
    msw: { handlers: { story: [http.get('https://backend.example/api/never-answers', () => delay('infinite'))] } },
  },
} satisfies Meta;
export default meta;

export const EndsWhenTheStoryIsLeft: StoryObj = {
  play: async ({ canvasElement }) => {
    const cabinet = await cabinetOf(canvasElement);
    await waitFor(() => expect(backendRequestsInFlight()).toBe(1));
    const left = new AbortController();
    // Without the abort this would wait out its timeout (10 minutes) and fail the test by its own timeout.
    const settled = waitForSettled([cabinet], { timeoutMs: 600_000, signal: left.signal });
    let done = false;
    void settled.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(done).toBe(false);
    left.abort();
    await settled;
    // The widget's initLead cleanup aborts its request: nothing stays pending for the next story.
    await cabinet.unmount();
    await waitFor(() => expect(backendRequestsInFlight()).toBe(0));
  },
};
