/**
 * Backend requests the page started and that have not settled yet (answered, failed or aborted),
 * counted where they start (src/host/backend/pageRequests.ts). Counting there, rather than from MSW's
 * worker events, matters twice: MSW hears of a request only a few tasks after the call (a check
 * running in between would miss it), and it emits nothing for a request the widget aborts (the
 * count would never come down). Captures and story checks wait for zero (src/preview/settle.ts).
 */
import { isBackendRequest } from './mocks/isBackendRequest';
import { onRequestStart, type RequestOutcome } from './pageRequests';

let inFlight = 0;
let answers: BackendAnswer[] = [];

/** A backend request of the current story that has settled, with how (the widget state checks read them). */
export interface BackendAnswer extends RequestOutcome {
  method: string;
  url: string;
}

/** The backend requests of the current story that have settled, oldest first. */
export function backendAnswers(): readonly BackendAnswer[] {
  return answers;
}

/** A new story: forget the answers of the one before. */
export function clearBackendAnswers(): void {
  answers = [];
}
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
    const list = answers;
    void settled.then((outcome) => {
      inFlight -= 1;
      // An answer that arrives after its story has gone belongs to no story's list.
      if (list === answers) answers.push({ method, url, ...outcome });
    });
  });
}

function isBackend(url: string, method: string): boolean {
  try {
    return isBackendRequest(new Request(url, { method }));
  } catch {
    return false; // a method a Request refuses (CONNECT, ...): the call fails, nothing goes out
  }
}
