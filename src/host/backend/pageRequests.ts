/**
 * The page's one wrapper of `fetch` and `XMLHttpRequest` (and of `WebSocket`, `EventSource` and
 * `navigator.sendBeacon`): whoever needs to see requests as they start subscribes here (the backend
 * requests in flight, the doctor's per-widget attribution). Listeners run synchronously inside the
 * call, so the call stack still names the caller.
 */
export interface StartedRequest {
  method: string;
  /** Absolute. */
  url: string;
  /** Resolves once the request has settled: answered, failed or aborted. */
  settled: Promise<RequestOutcome>;
}

/** How a request ended: the answer's HTTP status, `failed` (a network error or an abort), or `connection` (a socket). */
export interface RequestOutcome {
  status: number | 'failed' | 'connection';
}

type Listener = (request: StartedRequest) => void;

const listeners = new Set<Listener>();
let installed = false;

export function onRequestStart(listener: Listener): () => void {
  install();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function started(method: string, url: string | URL, settled: Promise<RequestOutcome>): void {
  let absolute: string;
  try {
    absolute = new URL(url, document.baseURI).href;
  } catch {
    return; // not a URL: the call itself fails, nothing goes out
  }
  for (const listener of listeners) listener({ method: method.toUpperCase(), url: absolute, settled });
}

/**
 * Connections: a WebSocket or an EventSource is reported when it is constructed (its `settled` is
 * already resolved: a connection is not a request waiting for an answer). A beacon becomes a
 * keepalive `fetch`, so MSW's handlers (and the blocking ones) see it as they see every request.
 * Installed after MSW's worker has started, so the wrapper sits over MSW's WebSocket interceptor.
 */
export function installConnectionTracking(): void {
  if (typeof window === 'undefined' || (window as { __amoConnectionsTracked?: boolean }).__amoConnectionsTracked) return;
  (window as { __amoConnectionsTracked?: boolean }).__amoConnectionsTracked = true;
  install();
  const wrap = <T extends abstract new (...args: never[]) => unknown>(Ctor: T, method: string): T =>
    new Proxy(Ctor, {
      construct(target, args: unknown[], newTarget) {
        started(method, args[0] as string | URL, Promise.resolve({ status: 'connection' }));
        return Reflect.construct(target, args, newTarget) as object;
      },
    });
  if (typeof window.WebSocket === 'function') window.WebSocket = wrap(window.WebSocket, 'WebSocket');
  if (typeof window.EventSource === 'function') window.EventSource = wrap(window.EventSource, 'EventSource');
  if (typeof navigator.sendBeacon === 'function') {
    navigator.sendBeacon = function sendBeacon(url: string | URL, data?: BodyInit | null): boolean {
      window.fetch(url, { method: 'POST', body: data ?? null, keepalive: true }).catch(() => {});
      return true;
    };
  }
}

function install(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  const nativeFetch = window.fetch;
  window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
    const response = nativeFetch.call(window, input, init);
    const url = typeof input === 'string' || input instanceof URL ? input : input.url;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    started(
      method,
      url,
      response.then(
        (answer): RequestOutcome => ({ status: answer.status }),
        (): RequestOutcome => ({ status: 'failed' }),
      ),
    );
    return response;
  };
  // jQuery.ajax and older widgets use XMLHttpRequest.
  const opened = new WeakMap<XMLHttpRequest, { method: string; url: string | URL }>();
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: Parameters<XMLHttpRequest['open']>) {
    opened.set(this, { method: args[0], url: args[1] });
    return (open as (...a: unknown[]) => void).apply(this, args);
  } as XMLHttpRequest['open'];
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const request = opened.get(this);
    if (request)
      started(
        request.method,
        request.url,
        new Promise((resolve) => this.addEventListener('loadend', () => resolve({ status: this.status || 'failed' }), { once: true })),
      );
    return send.call(this, body);
  };
}
