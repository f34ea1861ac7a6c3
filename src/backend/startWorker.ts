/**
 * Starts MSW's worker for msw-storybook-addon. The worker script is registered relative to the
 * page (its directory is the scope), so a static build works under any sub-path. Backend requests
 * that no handler answers are reported (console and the story's test), not silently passed on.
 */
// Imported with the preview, not when the worker starts: the browser then fetches MSW's browser
// code in parallel with the preview's other modules, and the worker registers as soon as the preview
// runs. A dynamic import here was requested only after the preview evaluated, and the first story's
// render waited for it (npm run bench, dev ready).
import { setupWorker } from 'msw/browser';
import { isBackendRequest } from '../../mocks/isBackendRequest';
import { trackBackendRequests } from './requestsInFlight';
import { recordUnhandledRequest } from './unhandledRequests';

export async function startWorkbenchWorker() {
  // Counted from the first request on, so captures wait for their answers (src/visual/settle.ts).
  trackBackendRequests();
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
