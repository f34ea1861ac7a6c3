/**
 * Backend requests the page started and that have not settled yet (answered, failed or aborted),
 * counted where they start (src/backend/pageRequests.ts). Counting there, rather than from MSW's
 * worker events, matters twice: MSW hears of a request only a few tasks after the call (a check
 * running in between would miss it), and it emits nothing for a request the widget aborts (the
 * count would never come down). Captures and story checks wait for zero (src/visual/settle.ts).
 */
import { isBackendRequest } from '../../mocks/isBackendRequest';
import { onRequestStart } from './pageRequests';

let inFlight = 0;
let installed = false;

export function backendRequestsInFlight(): number {
  return inFlight;
}

export function trackBackendRequests(): void {
  if (installed) return;
  installed = true;
  onRequestStart(({ method, url, settled }) => {
    if (!isBackend(url, method)) return;
    inFlight += 1;
    void settled.then(() => (inFlight -= 1));
  });
}

function isBackend(url: string, method: string): boolean {
  try {
    return isBackendRequest(new Request(url, { method }));
  } catch {
    return false; // a method a Request refuses (CONNECT, ...): the call fails, nothing goes out
  }
}
