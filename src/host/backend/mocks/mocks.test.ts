import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, assertScenario, isBackendRequest, scenarioHandlers, scenarioJson, setBackendSettings, tokenSettingsFor, withVerifiedToken } from '.';
import { SignJWT } from 'jose';
import { DEFAULT_TOKEN_SETTINGS, signToken } from '../../token';
import { clientSecretDefine, SecretInBuildError } from '../../../node/clientSecret';
import { heldRequests, releaseHeldRequests } from './scenarios';

const API = 'https://backend.example/api/items';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  setBackendSettings({});
});
afterAll(() => server.close());

const widgetHandler = http.get(
  API,
  withVerifiedToken(({ claims }) => scenarioJson({ success: { items: [claims.account_id] }, empty: { items: [] } })),
);

async function tokenFor(settings = {}) {
  return signToken({ ...DEFAULT_TOKEN_SETTINGS, ...settings }, { storyId: 's', leadId: '1', callIndex: 0, nowMs: Date.now() });
}

async function play(scenario: (typeof SCENARIOS)[number], token?: string) {
  setBackendSettings({ scenario, delayMs: 50 });
  server.use(...scenarioHandlers(scenario), widgetHandler);
  const headers: Record<string, string> = token ? { 'X-Auth-Token': token } : {};
  return fetch(API, { headers });
}

describe('withVerifiedToken', () => {
  it('gives the handler the claims of a token signed with the configured secret', async () => {
    const response = await play('success', await tokenFor());
    expect(await response.json()).toEqual({ items: [31000001] });
  });

  it('answers 401 for a missing token, a wrong secret, an expired token or another audience', async () => {
    const cases: Array<[string | undefined, string]> = [
      [undefined, 'missing-token'],
      [await tokenFor({ secret: 'y'.repeat(40) }), 'verification-failed'],
      [await tokenFor({ issuedSecondsAgo: 4000 }), 'expired'],
      [await tokenFor({ audience: 'https://elsewhere.example' }), 'invalid-destination'],
    ];
    for (const [token, error] of cases) {
      const response = await play('success', token);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error });
    }
  });

  it('accepts Authorization: Bearer too', async () => {
    server.use(widgetHandler);
    const response = await fetch(API, { headers: { Authorization: `Bearer ${await tokenFor()}` } });
    expect(response.status).toBe(200);
  });

  it('an empty X-Auth-Token does not hide a Bearer token; another scheme carries no token', async () => {
    server.use(widgetHandler);
    const both = await fetch(API, { headers: { 'X-Auth-Token': '', Authorization: `Bearer ${await tokenFor()}` } });
    expect(both.status).toBe(200);
    const basic = await fetch(API, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
    expect(await basic.json()).toMatchObject({ error: 'missing-token' });
  });

  it('answers 401 naming the claim when a validly signed token lacks one the PHP SDK reads, or has the wrong type', async () => {
    server.use(widgetHandler);
    const now = Math.floor(Date.now() / 1000);
    const full: Record<string, unknown> = {
      iss: 'https://workbench.amocrm.ru',
      aud: 'http://localhost',
      jti: 'j-1',
      iat: now,
      nbf: now,
      exp: now + 600,
      account_id: 31000001,
      user_id: 7000001,
      subdomain: 'workbench',
      client_uuid: 'c-1',
    };
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(DEFAULT_TOKEN_SETTINGS.secret));
    const answer = async (claims: Record<string, unknown>) => {
      const response = await fetch(API, { headers: { 'X-Auth-Token': await sign(claims) } });
      return [response.status, (await response.json()) as { error?: string; message?: string }] as const;
    };
    expect((await answer(full))[0]).toBe(200);
    for (const claim of ['account_id', 'user_id', 'client_uuid', 'subdomain', 'iss', 'jti', 'exp']) {
      const { [claim]: _dropped, ...rest } = full;
      const [status, body] = await answer(rest);
      expect(status, claim).toBe(401);
      expect(body.error).toBe('malformed');
      expect(body.message).toContain(`${claim} claim is missing`);
    }
    const [status, body] = await answer({ ...full, account_id: 'abc' });
    expect(status).toBe(401);
    expect(body.message).toBe('the token\'s account_id claim is not an integer ("abc")');
    // The SDK casts account_id to int: a numeric string passes, and the handler gets a number.
    const numeric = await fetch(API, { headers: { 'X-Auth-Token': await sign({ ...full, account_id: '31000001' }) } });
    expect(await numeric.json()).toEqual({ items: [31000001] });
  });
});

describe('scenarios', () => {
  it('loading: no answer until the story goes, then a network error, so nothing stays pending', async () => {
    let settled = false;
    const answer = play('loading', await tokenFor())
      .then(
        () => 'answered',
        () => 'network error',
      )
      .finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    expect(heldRequests()).toBe(1);
    releaseHeldRequests();
    expect(await answer).toBe('network error');
    expect(heldRequests()).toBe(0);
  });

  it('empty: the widget handler answers with its empty body', async () => {
    expect(await (await play('empty', await tokenFor())).json()).toEqual({ items: [] });
  });

  it('slow: the answer waits, then the widget handler answers', async () => {
    const started = performance.now();
    const response = await play('slow', await tokenFor());
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    expect(await response.json()).toEqual({ items: [31000001] });
  });

  it('expired-token and wrong-secret: the cabinet signs so that verification really fails', async () => {
    for (const scenario of ['expired-token', 'wrong-secret'] as const) {
      const response = await play(scenario, await tokenFor(tokenSettingsFor(scenario)));
      expect(response.status).toBe(401);
      expect((await response.json()).error).toBe(scenario === 'expired-token' ? 'expired' : 'verification-failed');
    }
  });

  it('forbidden, server-error, malformed-json and network-error answer every backend request', async () => {
    const token = await tokenFor();
    expect((await play('forbidden', token)).status).toBe(403);
    expect((await play('server-error', token)).status).toBe(500);
    const malformed = await play('malformed-json', token);
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow(SyntaxError);
    await expect(play('network-error', token)).rejects.toThrow(TypeError);
  });

  it('refuses an unknown scenario name with the list', () => {
    expect(() => assertScenario('flaky')).toThrow(
      'parameters.backend.scenario "flaky" is not a scenario. Use one of: success, slow, loading, empty, expired-token, wrong-secret, forbidden, server-error, malformed-json, network-error.',
    );
  });
});

describe('isBackendRequest', () => {
  const page = 'http://localhost:6006';
  it('counts API calls, not the workbench loading itself', () => {
    expect(isBackendRequest(new Request('https://backend.example/api/items'), page)).toBe(true);
    expect(isBackendRequest(new Request(`${page}/api/items`), page)).toBe(true);
    expect(isBackendRequest(new Request(`${page}/_workbench/widgets/x/personal_page.js`), page)).toBe(false);
    expect(isBackendRequest(new Request(`${page}/_workbench/widgets/x/lib/add.wasm`), page)).toBe(false);
    expect(isBackendRequest(new Request(`${page}/sub/path/_workbench/widgets/x/data.bin`), page)).toBe(false);
    expect(isBackendRequest(new Request(`${page}/api/_workbench/widgets`), page)).toBe(true);
    expect(isBackendRequest(new Request(`${page}/@fs/work/x.ts?import`), page)).toBe(false);
    expect(isBackendRequest(new Request(`${page}/node_modules/.vite/deps/react.js?v=1`), page)).toBe(false);
    expect(isBackendRequest(new Request(`${page}/assets/logo.svg`), page)).toBe(false);
    expect(isBackendRequest(new Request('http://localhost:3000/personal_page.js'), page)).toBe(false);
  });
});

describe('WIDGET_CLIENT_SECRET', () => {
  it('goes into dev freely', () => {
    expect(clientSecretDefine({ WIDGET_CLIENT_SECRET: 'real' }, false)).toEqual({ __WIDGET_CLIENT_SECRET__: '"real"' });
    expect(clientSecretDefine({}, true)).toEqual({ __WIDGET_CLIENT_SECRET__: '""' });
  });

  it('is refused in a static build unless the developer opts in, saying why and how', () => {
    expect(() => clientSecretDefine({ WIDGET_CLIENT_SECRET: 'real' }, true)).toThrow(SecretInBuildError);
    expect(() => clientSecretDefine({ WIDGET_CLIENT_SECRET: 'real' }, true)).toThrow(/anyone could read it.*WIDGET_CLIENT_SECRET_IN_BUILD=1/s);
    expect(clientSecretDefine({ WIDGET_CLIENT_SECRET: 'real', WIDGET_CLIENT_SECRET_IN_BUILD: '1' }, true)).toEqual({ __WIDGET_CLIENT_SECRET__: '"real"' });
  });
});
