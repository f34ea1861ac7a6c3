/** Backend requests no handler of the current story answered, in order. */
import { problemsChanged } from '../doctor/problemSignal';
import { mockAdvice } from './mockAdvice';

export interface UnhandledRequest {
  /** The HTTP method, or `WebSocket` / `EventSource` for a connection. */
  method: string;
  url: string;
}

const seen: UnhandledRequest[] = [];
let allowed = false;

/** `parameters.workbench.allowUnhandledRequests` of the story being rendered: let them go out. */
export function setUnhandledRequestsAllowed(value: boolean): void {
  allowed = value;
}

export function unhandledRequestsAllowed(): boolean {
  return allowed;
}

export function recordUnhandledRequest(request: UnhandledRequest): void {
  seen.push({ method: request.method, url: request.url });
  console.error(
    `[workbench] unhandled request ${request.method} ${request.url}: no MSW handler of this story answered it` +
      `${allowed ? ' (let through: parameters.workbench.allowUnhandledRequests)' : ', so the workbench stopped it before it left this machine'}. ` +
      mockAdvice(request),
  );
  problemsChanged();
}

export function unhandledRequests(): readonly UnhandledRequest[] {
  return [...seen];
}

export function clearUnhandledRequests(): void {
  if (!seen.length) return;
  seen.length = 0;
  problemsChanged();
}
