/**
 * Nothing leaves the machine unasked: MSW's own behaviour for a request no handler answers is to
 * let it go to the real server. These two handlers sit last in every story's list (the worker's
 * initial handlers, under whatever a story `use`s) and stop a widget's backend request (fetch, XHR,
 * EventSource and, through pageRequests' beacon wrapper, sendBeacon) with a network error, and a
 * WebSocket no `ws.link` of the story answers with a close before it connects, each reported as
 * unhandled (the doctor's `unmocked-request`). `parameters.workbench.allowUnhandledRequests` lets
 * them through instead.
 */
import { http, HttpResponse, ws, type RequestHandler, type WebSocketHandler } from 'msw';
import { isBackendRequest } from './mocks/isBackendRequest';
import { recordUnhandledRequest, unhandledRequestsAllowed } from './unhandledRequests';

/** The close code a blocked socket gets: 1008, policy violation. */
export const BLOCKED_SOCKET_CLOSE = 1008;

type AnyHandler = RequestHandler | WebSocketHandler;

export function blockingHandlers(listHandlers: () => readonly AnyHandler[]): AnyHandler[] {
  const httpCatchAll = http.all('*', ({ request }) => {
    // Not a backend call (Vite modules, fonts, ...): MSW passes it on.
    if (!isBackendRequest(request)) return undefined;
    recordUnhandledRequest({ method: request.headers.get('accept') === 'text/event-stream' ? 'EventSource' : request.method, url: request.url });
    // Let through: no response here, and MSW passes it on.
    return unhandledRequestsAllowed() ? undefined : HttpResponse.error();
  });
  const sockets = ws.link(/.*/);
  const socketCatchAll: WebSocketHandler = sockets.addEventListener('connection', ({ client, server }) => {
    const answered = listHandlers().some(
      (handler) => handler !== socketCatchAll && 'kind' in handler && handler.kind === 'websocket' && (handler as WebSocketHandler).test(client.url),
    );
    if (answered) return;
    recordUnhandledRequest({ method: 'WebSocket', url: client.url.href });
    if (unhandledRequestsAllowed()) return server.connect();
    // As the browser reports a connection that failed: an error, then a close that was not clean.
    (client as unknown as { socket?: EventTarget }).socket?.dispatchEvent(new Event('error'));
    client.close(BLOCKED_SOCKET_CLOSE, 'Stopped by the workbench: no ws.link handler of this story answers this URL.');
  });
  return [httpCatchAll, socketCatchAll];
}
