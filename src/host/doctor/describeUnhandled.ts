import type { UnhandledRequest } from '../backend/unhandledRequests';

/** How the doctor words a request no handler answered (the sweep's finding and the strip's record alike). */
export function describeUnhandled(widget: string, request: UnhandledRequest): string {
  const what =
    request.method === 'WebSocket' || request.method === 'EventSource'
      ? `opened ${request.method === 'WebSocket' ? 'a WebSocket' : 'an EventSource'} to`
      : `requested ${request.method}`;
  return `${widget} ${what} ${request.url}, and no MSW handler of the story answered it.`;
}
