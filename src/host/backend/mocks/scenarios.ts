/**
 * The scenario library. A story picks one with `parameters.backend = { scenario: '...' }`; its
 * handlers go in front of the story's and the widget's own, and answer every backend request:
 *
 * - success: the widget's handlers answer (tokens verified by them).
 * - slow: each answer waits `delayMs` (2.5 s by default), then the widget's handlers answer.
 * - loading: no answer while the story is shown (the widget stays in its loading state); when the
 *   story goes, held requests fail as a network error would, so nothing stays pending.
 * - empty: the widget's handlers answer; `scenarioJson` picks their empty body.
 * - expired-token / wrong-secret: tokens are signed expired / with another secret, and requests are
 *   verified here, so the backend answers 401 for a real verification failure.
 * - forbidden (403), server-error (500), malformed-json (200 with a broken body), network-error.
 */
import { HttpResponse, delay, http, type HttpHandler, type JsonBodyType } from 'msw';
import type { TokenSettings } from '../../token/tokenSettings';
import { backendSettings, scenario } from './backendSettings';
import { isBackendRequest } from './isBackendRequest';
import type { Scenario } from '../../../common/scenarioNames';
import { verifyRequest } from './verifyRequest';

const held = new Set<() => void>();

/** Requests the `loading` scenario holds right now. */
export function heldRequests(): number {
  return held.size;
}

/** Lets the requests the `loading` scenario holds go (as network errors): the story is going away. */
export function releaseHeldRequests(): void {
  for (const release of held) release();
  held.clear();
}

/** A handler for every backend request; returning nothing lets the next handler answer. */
function backend(resolver: (request: Request) => Promise<Response | undefined> | Response | undefined): HttpHandler {
  return http.all('*', async ({ request }) => (isBackendRequest(request) ? resolver(request) : undefined));
}

export function scenarioHandlers(name: Scenario): HttpHandler[] {
  switch (name) {
    case 'success':
    case 'empty':
      return [];
    case 'slow':
      return [
        backend(async () => {
          await delay(backendSettings().delayMs);
          return undefined;
        }),
      ];
    case 'loading':
      return [
        backend(async () => {
          await new Promise<void>((release) => held.add(release));
          return HttpResponse.error();
        }),
      ];
    case 'expired-token':
    case 'wrong-secret':
      return [
        backend(async (request) => {
          const verified = await verifyRequest(request);
          return verified.ok ? undefined : verified.response;
        }),
      ];
    case 'forbidden':
      return [backend(() => HttpResponse.json({ error: 'forbidden', message: 'This account may not use the widget.' }, { status: 403 }))];
    case 'server-error':
      return [backend(() => HttpResponse.json({ error: 'internal', message: 'The widget backend failed.' }, { status: 500 }))];
    case 'malformed-json':
      return [backend(() => new HttpResponse('{"items": [{"id": 1,', { status: 200, headers: { 'Content-Type': 'application/json' } }))];
    case 'network-error':
      return [backend(() => HttpResponse.error())];
  }
}

/** How the cabinet signs tokens for a scenario (so 401s come from real verification). */
export function tokenSettingsFor(name: Scenario): Partial<TokenSettings> {
  if (name === 'expired-token') return { issuedSecondsAgo: 3600 };
  if (name === 'wrong-secret') return { secret: 'not-the-client-secret-of-this-integration-0000' };
  return {};
}

/** A widget handler's JSON body for the current scenario: `empty` in the empty scenario. */
export function scenarioJson<T extends JsonBodyType>(bodies: { success: T; empty: T }, init?: ResponseInit) {
  return HttpResponse.json(scenario() === 'empty' ? bodies.empty : bodies.success, init);
}
