import { decodeJwt, decodeProtectedHeader } from 'jose';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_SECRET, DEFAULT_TOKEN_SETTINGS, TokenVerificationError, audienceOf, deterministicJti, signToken, verifyToken } from '.';

const request = { storyId: 'widgets-hello-world--default/hello-world', leadId: '20471001', callIndex: 0, nowMs: Date.parse('2026-03-16T09:41:00Z') };

describe('initLead tokens', () => {
  it('are HS256 JWTs with the claims of amoCRM disposable tokens', async () => {
    const token = await signToken(DEFAULT_TOKEN_SETTINGS, request);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    const iat = Date.parse('2026-03-16T09:41:00Z') / 1000;
    expect(claims).toEqual({
      iss: 'https://workbench.amocrm.ru',
      aud: 'http://localhost',
      jti: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      iat,
      nbf: iat,
      exp: iat + 1800,
      account_id: 31000001,
      user_id: 7000001,
      subdomain: 'workbench',
      client_uuid: DEFAULT_TOKEN_SETTINGS.clientUuid,
    });
  });

  it('verify with the client secret, and not with another', async () => {
    const token = await signToken(DEFAULT_TOKEN_SETTINGS, request);
    const claims = await verifyToken(token, { secret: DEFAULT_CLIENT_SECRET, audience: 'http://localhost', nowMs: request.nowMs + 60_000 });
    expect(claims.account_id).toBe(31000001);
    const problem = (options: Parameters<typeof verifyToken>[1], t = token) =>
      verifyToken(t, options).then(
        () => 'ok',
        (error: TokenVerificationError) => `${error.problem}: ${error.message}`,
      );
    expect(await problem({ secret: 'another-secret-another-secret-123', audience: 'http://localhost', nowMs: request.nowMs })).toBe(
      'verification-failed: the token is not signed with this client secret (HS256)',
    );
    expect(await problem({ secret: DEFAULT_CLIENT_SECRET, audience: 'https://other.example', nowMs: request.nowMs })).toBe(
      'invalid-destination: the token\'s aud "http://localhost" is not "https://other.example"',
    );
    expect(await problem({ secret: DEFAULT_CLIENT_SECRET, audience: 'http://localhost', nowMs: request.nowMs + 1801_000 })).toBe(
      'expired: the token expired 1 s ago (exp)',
    );
    expect(await problem({ secret: DEFAULT_CLIENT_SECRET, audience: 'http://localhost', nowMs: request.nowMs - 60_000 })).toBe(
      'expired: the token was issued in the future (iat)',
    );
    expect(await problem({ secret: DEFAULT_CLIENT_SECRET, audience: 'http://localhost' }, 'not.a.jwt')).toMatch(/^malformed: /);
    // The signature is checked first, as in the PHP SDK: a wrong secret on an expired token is a signature failure.
    expect(await problem({ secret: 'x'.repeat(32), audience: 'nope', nowMs: 0 })).toMatch(/^verification-failed/);
  });

  it('have a jti that is stable per story, deal and call, and differs otherwise', async () => {
    const jti = (r: typeof request) => signToken(DEFAULT_TOKEN_SETTINGS, r).then((t) => decodeJwt(t).jti);
    expect(await jti(request)).toBe(await jti(request));
    const distinct = new Set([
      await jti(request),
      await jti({ ...request, callIndex: 1 }),
      await jti({ ...request, leadId: '20471002' }),
      await jti({ ...request, storyId: 'other' }),
    ]);
    expect(distinct.size).toBe(4);
    expect(await deterministicJti('a', 1)).toBe(await deterministicJti('a', 1));
  });

  it('compare aud with the redirect URI origin without port or path, as the PHP SDK does', () => {
    expect(audienceOf('https://widget.example.com:8443/oauth/callback?x=1')).toBe('https://widget.example.com');
  });

  it('can be signed as if issued earlier (the expired-token scenario)', async () => {
    const token = await signToken({ ...DEFAULT_TOKEN_SETTINGS, issuedSecondsAgo: 1900 }, request);
    await expect(verifyToken(token, { secret: DEFAULT_CLIENT_SECRET, audience: 'http://localhost', nowMs: request.nowMs })).rejects.toThrow(
      /expired 100 s ago/,
    );
  });

  it('take iat from the clock they are given', async () => {
    const token = await signToken(DEFAULT_TOKEN_SETTINGS, { ...request, nowMs: 1_000_999 });
    expect(decodeJwt(token).iat).toBe(1000);
  });
});
