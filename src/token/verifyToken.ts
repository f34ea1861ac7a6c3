/**
 * Verifies a disposable token the way amoCRM's PHP SDK does (`AmoCRMOAuth::parseDisposableToken`):
 * in order, the HS256 signature with the client secret, `aud` equal to the redirect URI's
 * `scheme://host`, and validity at the current time (`iat` and `nbf` not in the future, `exp` not
 * passed). Each failure has the SDK's name for it.
 */
import * as errors from 'jose/errors';
import { jwtVerify } from 'jose/jwt/verify';
import type { DisposableTokenClaims } from './tokenSettings';

export type TokenProblem = 'verification-failed' | 'invalid-destination' | 'expired' | 'malformed';

export class TokenVerificationError extends Error {
  constructor(readonly problem: TokenProblem, message: string) {
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
  return payload as unknown as DisposableTokenClaims;
}
