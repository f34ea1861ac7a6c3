/**
 * Waits until a story is ready to be captured: every cabinet idle (widgets mounted, deal switches
 * done), no request a widget started still pending (mocked or not), the bundled fonts loaded,
 * and two frames painted.
 * The project's afterEach calls it, so Chromatic and the offline run capture after it.
 */
import type { Cabinet } from '../cabinet/createCabinet';
import { backendRequestsInFlight } from '../backend/requestsInFlight';
import { widgetRequestsPending } from '../doctor/resources';

export async function waitForSettled(cabinets: readonly Cabinet[], timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  await Promise.all(cabinets.map((cabinet) => cabinet.whenIdle()));
  while ((backendRequestsInFlight() > 0 || widgetRequestsPending() > 0) && performance.now() < end) await frame();
  await document.fonts.ready;
  await frame();
  await frame();
}

function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
