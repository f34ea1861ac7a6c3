import { SignJWT } from 'jose/jwt/sign';
import { deterministicJti } from './deterministicJti';
import type { DisposableTokenClaims, TokenSettings } from './tokenSettings';

export interface TokenRequest {
  /** What makes the `jti` unique: the story, the deal, and how many `initLead` calls came before. */
  storyId: string;
  leadId: string;
  callIndex: number;
  /** The workbench clock, in milliseconds. */
  nowMs: number;
}

export async function claimsFor(settings: TokenSettings, request: TokenRequest): Promise<DisposableTokenClaims> {
  const iat = Math.floor(request.nowMs / 1000) - (settings.issuedSecondsAgo ?? 0);
  return {
    iss: `https://${settings.subdomain}.amocrm.ru`,
    aud: settings.audience,
    jti: await deterministicJti(request.storyId, request.leadId, request.callIndex),
    iat,
    nbf: iat,
    exp: iat + settings.lifetimeSeconds,
    account_id: settings.accountId,
    user_id: settings.userId,
    subdomain: settings.subdomain,
    client_uuid: settings.clientUuid,
  };
}

/** Signs an amoCRM-style disposable token (HS256 with the client secret). */
export async function signToken(settings: TokenSettings, request: TokenRequest): Promise<string> {
  const claims = await claimsFor(settings, request);
  return new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(settings.secret));
}
