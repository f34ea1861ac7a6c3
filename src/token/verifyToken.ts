import { jwtVerify } from 'jose';
import type { DisposableTokenClaims } from './tokenSettings';

export interface VerifyOptions {
  secret: string;
  /** Expected `aud`; amoCRM's PHP SDK checks it against the integration's redirect URI origin. */
  audience: string;
  /** The clock to judge `nbf`/`exp` by, in milliseconds (the workbench clock in stories). */
  nowMs?: number;
}

/**
 * Verifies a disposable token the way a widget backend does with amoCRM's SDK: HS256 signature
 * with the client secret, `aud`, and the `nbf`/`exp` window. Throws jose's specific errors.
 */
export async function verifyToken(token: string, options: VerifyOptions): Promise<DisposableTokenClaims> {
  const { payload } = await jwtVerify(token, new TextEncoder().encode(options.secret), {
    algorithms: ['HS256'],
    audience: options.audience,
    currentDate: options.nowMs === undefined ? undefined : new Date(options.nowMs),
    requiredClaims: ['iss', 'aud', 'jti', 'iat', 'nbf', 'exp', 'account_id', 'subdomain', 'client_uuid'],
  });
  return payload as unknown as DisposableTokenClaims;
}
