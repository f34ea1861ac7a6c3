/**
 * Starts MSW's worker for msw-storybook-addon. The worker script is registered relative to the
 * page (its directory is the scope), so a static build works under any sub-path. Backend requests
 * that no handler answers are reported (console and the story's test), not silently passed on.
 */
import { isBackendRequest } from '../../mocks/isBackendRequest';
import { trackBackendRequests } from './requestsInFlight';
import { recordUnhandledRequest } from './unhandledRequests';

export async function startWorkbenchWorker() {
  // Counted from the first request on, so captures wait for their answers (src/visual/settle.ts).
  trackBackendRequests();
  const { setupWorker } = await import('msw/browser');
  const worker = setupWorker();
  await worker.start({
    quiet: true,
    serviceWorker: { url: new URL(`${import.meta.env.BASE_URL}mockServiceWorker.js`, document.baseURI).href },
    onUnhandledRequest(request) {
      if (isBackendRequest(request)) recordUnhandledRequest(request);
    },
  });
  return worker;
}
