/**
 * Token checks for mocked backends, as a widget backend does them with amoCRM's PHP SDK: the
 * token comes in the `X-Auth-Token` header (or `Authorization: Bearer`), and a request whose token
 * fails verification gets 401 with the reason.
 */
import { HttpResponse, type DefaultBodyType, type HttpResponseResolver, type PathParams } from 'msw';
import { TokenVerificationError, verifyToken } from '../../token/verifyToken';
import type { DisposableTokenClaims } from '../../token/tokenSettings';
import { backendSettings } from './backendSettings';

export type VerifiedRequest = { ok: true; claims: DisposableTokenClaims } | { ok: false; problem: string; response: Response };

/**
 * The token a request carries: `X-Auth-Token`, else `Authorization: Bearer <token>`. An empty or
 * blank header does not hide the other; an `Authorization` of another scheme (Basic, ...) carries none.
 */
export function tokenOf(request: Request): string | undefined {
  const xAuth = request.headers.get('X-Auth-Token')?.trim();
  if (xAuth) return xAuth;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('Authorization')?.trim() ?? '');
  return bearer?.[1];
}

export async function verifyRequest(request: Request): Promise<VerifiedRequest> {
  const token = tokenOf(request);
  const unauthorized = (problem: string, message: string) => ({
    ok: false as const,
    problem,
    response: HttpResponse.json({ error: problem, message }, { status: 401 }),
  });
  if (!token) return unauthorized('missing-token', 'No token: send the token initLead received in the X-Auth-Token header (or Authorization: Bearer).');
  const { secret, audience } = backendSettings();
  try {
    return { ok: true, claims: await verifyToken(token, { secret, audience }) };
  } catch (error) {
    if (error instanceof TokenVerificationError) return unauthorized(error.problem, error.message);
    throw error;
  }
}

/**
 * Wraps an MSW resolver: it runs only for a request with a valid token, and gets its claims;
 * anything else is answered 401.
 */
export function withVerifiedToken<Params extends PathParams, Body extends DefaultBodyType>(
  resolver: (info: Parameters<HttpResponseResolver<Params, Body>>[0] & { claims: DisposableTokenClaims }) => ReturnType<HttpResponseResolver<Params, Body>>,
): HttpResponseResolver<Params, Body> {
  return async (info) => {
    const verified = await verifyRequest(info.request);
    if (!verified.ok) return verified.response;
    return resolver({ ...info, claims: verified.claims });
  };
}
