/**
 * Backend requests the page started and that have not settled yet (answered, failed or aborted),
 * counted where they start: `fetch` and `XMLHttpRequest`. Counting there, rather than from MSW's
 * worker events, matters twice: MSW hears of a request only a few tasks after the call (a check
 * running in between would miss it), and it emits nothing for a request the widget aborts (the
 * count would never come down). Captures and story checks wait for zero (src/visual/settle.ts).
 */
import { isBackendRequest } from '../../mocks/isBackendRequest';

let inFlight = 0;
let installed = false;

export function backendRequestsInFlight(): number {
  return inFlight;
}

export function trackBackendRequests(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  const nativeFetch = window.fetch;
  window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const response = nativeFetch.call(window, input, init);
    if (!isBackend(url, method)) return response;
    inFlight += 1;
    return response.finally(() => (inFlight -= 1));
  };
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['open']>) {
    opened.set(this, { method: args[0], url: String(args[1]) });
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as XMLHttpRequest['open'];
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const request = opened.get(this);
    if (request && isBackend(request.url, request.method)) {
      inFlight += 1;
      this.addEventListener('loadend', () => (inFlight -= 1), { once: true });
    }
    return send.call(this, body);
  };
}

function isBackend(url: string, method: string): boolean {
  try {
    return isBackendRequest(new Request(new URL(url, document.baseURI), { method }));
  } catch {
    return false; // a URL fetch itself rejects: nothing goes out
  }
}
