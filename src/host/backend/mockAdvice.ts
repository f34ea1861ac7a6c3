/**
 * How to answer a request no handler answered, by what it is: a socket (`ws.link`), an event stream
 * (`sse`), socket.io (its long-polling first, and its socket URL, which MSW matches without the
 * `/socket.io/` path), or a plain backend call.
 */
import type { UnhandledRequest } from './unhandledRequests';

const SOCKET_IO_PATH = /\/socket\.io\/?$/;

export function mockAdvice({ method, url }: UnhandledRequest): string {
  const parsed = safeUrl(url);
  if (parsed && SOCKET_IO_PATH.test(parsed.pathname)) {
    const origin = `${parsed.protocol === 'https:' || parsed.protocol === 'wss:' ? 'wss' : 'ws'}://${parsed.host}`;
    const socket = `ws.link('${origin}') (MSW matches a socket.io URL without its /socket.io/ path) with @mswjs/socket.io-binding's toSocketIo, in the widget's mocks/handlers.js`;
    return method === 'WebSocket'
      ? `Answer it with ${socket}.`
      : `This is socket.io's HTTP long-polling: give the client transports: ['websocket'], then answer the socket with ${socket}.`;
  }
  if (method === 'WebSocket') return "Answer it with ws.link('<url>') in the widget's mocks/handlers.js.";
  if (method === 'EventSource') return "Answer it with sse('<url>') in the widget's mocks/handlers.js.";
  return "Answer it with a handler in the widget's mocks/handlers.js (or the story's parameters.msw.handlers).";
}

function safeUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
