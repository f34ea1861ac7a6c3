/** Backend requests no handler of the current story answered, in order. */
export interface UnhandledRequest {
  method: string;
  url: string;
}

const seen: UnhandledRequest[] = [];

export function recordUnhandledRequest(request: Request): void {
  seen.push({ method: request.method, url: request.url });
  console.error(
    `[workbench] unhandled request ${request.method} ${request.url}: no MSW handler of this story answered it. ` +
      `Add one to the widget's mocks/handlers.js or the story's parameters.msw.handlers.`,
  );
}

export function unhandledRequests(): readonly UnhandledRequest[] {
  return [...seen];
}

export function clearUnhandledRequests(): void {
  seen.length = 0;
}
