/**
 * Waits until a story is ready to be captured: every cabinet idle (widgets mounted, deal switches
 * done), no backend request pending (mocked or not, src/host/backend/requestsInFlight.ts) but those the
 * `loading` scenario holds on purpose, the fonts loaded,
 * and two frames painted. The project's afterEach calls it, so Chromatic and the offline run
 * capture after it.
 *
 * It gives up as soon as `signal` aborts: Storybook aborts a story's render when the user switches
 * away, and reloads the whole preview if that render is still pending three ticks later.
 */
import type { Cabinet } from '../host/cabinet/createCabinet';
import { backendRequestsInFlight } from '../host/backend/requestsInFlight';
import { heldRequests } from '../host/backend/mocks/scenarios';

export async function waitForSettled(cabinets: readonly Cabinet[], options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<void> {
  const { timeoutMs = 5000, signal } = options;
  const end = performance.now() + timeoutMs;
  const aborted = new Promise<void>((resolve) => {
    if (signal?.aborted) resolve();
    signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  const step = (work: Promise<unknown>) => Promise.race([work.then(() => {}), aborted]);
  await step(Promise.all(cabinets.map((cabinet) => cabinet.whenIdle())));
  // Requests the `loading` scenario holds never settle while the story is shown: idle means only those are left.
  while (!signal?.aborted && backendRequestsInFlight() > heldRequests() && performance.now() < end) await step(frame());
  if (signal?.aborted) return;
  await step(document.fonts.ready);
  await step(frame());
  await step(frame());
}

function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
