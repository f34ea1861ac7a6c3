/**
 * Verifies a disposable token the way amoCRM's PHP SDK does (`AmoCRMOAuth::parseDisposableToken`):
 * in order, the HS256 signature with the client secret, `aud` equal to the redirect URI's
 * `scheme://host`, and validity at the current time (`iat` and `nbf` not in the future, `exp` not
 * passed). Each failure has the SDK's name for it.
 *
 * Then the claims the SDK's `DisposableTokenModel::fromJwtToken` reads, with the types it gives
 * them (strict_types: strings for `jti`, `client_uuid`, `iss`, `subdomain`; `account_id` and
 * `user_id` cast to int; `exp` read as a date). A token lacking one makes the SDK fail; here it is
 * 401 `malformed` naming the claim, and a handler never sees an `undefined` claim. That includes
 * `exp`: the SDK's `ValidAt` (lcobucci/jwt's loose check) lets a token without `exp` through, but
 * `fromJwtToken` then calls `getTimestamp()` on the missing date and fails, so no such token is accepted.
 */
import * as errors from 'jose/errors';
import { jwtVerify } from 'jose/jwt/verify';
import type { DisposableTokenClaims } from './tokenSettings';

export type TokenProblem = 'verification-failed' | 'invalid-destination' | 'expired' | 'malformed';

export class TokenVerificationError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'TokenVerificationError';
  }
}

export interface VerifyOptions {
  secret: string;
  /** The expected `aud`: the integration's redirect URI origin (`scheme://host`, see audienceOf). */
  audience: string;
  /** The clock to judge `iat`/`nbf`/`exp` by, in milliseconds; `Date.now()` by default. */
  nowMs?: number;
}

/** `scheme://host` of a redirect URI, as the PHP SDK compares it (no port, no path). */
export function audienceOf(redirectUri: string): string {
  const url = new URL(redirectUri);
  return `${url.protocol}//${url.hostname}`;
}

export async function verifyToken(token: string, options: VerifyOptions): Promise<DisposableTokenClaims> {
  const now = options.nowMs ?? Date.now();
  let payload: Record<string, unknown>;
  try {
    // Signature only here; the claims are checked below in the SDK's order, with its names.
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(options.secret), {
      algorithms: ['HS256'],
      currentDate: new Date(0),
      clockTolerance: Number.MAX_SAFE_INTEGER,
    }));
  } catch (error) {
    if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JOSEAlgNotAllowed) {
      throw new TokenVerificationError('verification-failed', 'the token is not signed with this client secret (HS256)');
    }
    throw new TokenVerificationError('malformed', `the token is not a valid JWT (${(error as Error).message})`);
  }
  const aud = payload.aud;
  if (!(Array.isArray(aud) ? aud.includes(options.audience) : aud === options.audience)) {
    throw new TokenVerificationError('invalid-destination', `the token's aud ${JSON.stringify(aud)} is not ${JSON.stringify(options.audience)}`);
  }
  const seconds = Math.floor(now / 1000);
  const { iat, nbf, exp } = payload as { iat?: number; nbf?: number; exp?: number };
  if (typeof iat === 'number' && iat > seconds) throw new TokenVerificationError('expired', 'the token was issued in the future (iat)');
  if (typeof nbf === 'number' && nbf > seconds) throw new TokenVerificationError('expired', 'the token is not valid yet (nbf)');
  if (typeof exp === 'number' && exp <= seconds) throw new TokenVerificationError('expired', `the token expired ${seconds - exp} s ago (exp)`);
  const claimProblem = checkClaims(payload);
  if (claimProblem) throw new TokenVerificationError('malformed', claimProblem);
  return { ...payload, account_id: Number(payload.account_id), user_id: Number(payload.user_id) } as unknown as DisposableTokenClaims;
}

const STRING_CLAIMS = ['jti', 'client_uuid', 'iss', 'subdomain'] as const;
const INTEGER_CLAIMS = ['account_id', 'user_id'] as const;

/** What is wrong with the claims amoCRM's SDK reads, or undefined when they are all there with their types. */
export function checkClaims(payload: Record<string, unknown>): string | undefined {
  for (const claim of STRING_CLAIMS) {
    const value = payload[claim];
    if (typeof value !== 'string' || !value)
      return `the token's ${claim} claim is ${value === undefined ? 'missing' : `not a non-empty string (${JSON.stringify(value)})`}`;
  }
  for (const claim of INTEGER_CLAIMS) {
    const value = payload[claim];
    const integer = typeof value === 'number' ? Number.isInteger(value) : typeof value === 'string' && /^\d+$/.test(value);
    if (!integer) return `the token's ${claim} claim is ${value === undefined ? 'missing' : `not an integer (${JSON.stringify(value)})`}`;
  }
  if (typeof payload.exp !== 'number')
    return `the token's exp claim is ${payload.exp === undefined ? 'missing' : `not a number (${JSON.stringify(payload.exp)})`}; amoCRM's PHP SDK needs it`;
  return undefined;
}
