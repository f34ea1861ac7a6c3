/**
 * Starts MSW's worker for msw-storybook-addon. The worker script is registered relative to the
 * page (its directory is the scope), so a static build works under any sub-path. Backend requests
 * and sockets that no handler answers are stopped and reported (blockUnhandled.ts), not passed on.
 */
import { blockingHandlers } from './blockUnhandled';
import { installConnectionTracking } from './pageRequests';
import { trackBackendRequests } from './requestsInFlight';

export async function startWorkbenchWorker() {
  // Counted from the first request on, so captures wait for their answers (src/preview/settle.ts).
  trackBackendRequests();
  const { setupWorker } = await import('msw/browser');
  // The blocking handlers are the worker's initial ones: every story's handlers go in front of them.
  const worker = setupWorker(...blockingHandlers(() => worker.listHandlers()));
  await worker.start({
    quiet: true,
    serviceWorker: { url: new URL(`${import.meta.env.BASE_URL}mockServiceWorker.js`, document.baseURI).href },
    // The blocking handlers see (and report) every backend request no story handler answered.
    onUnhandledRequest: 'bypass',
  });
  // After MSW's WebSocket interceptor is in place, so the wrapper sees the widget's constructor call.
  installConnectionTracking();
  return worker;
}
