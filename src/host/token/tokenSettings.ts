/**
 * The settings a cabinet signs `initLead` tokens with. amoCRM signs these "disposable tokens" with
 * the integration's `client_secret` (HS256); the workbench uses a documented test secret unless
 * `WIDGET_CLIENT_SECRET` or a story parameter names another.
 */
import { DEFAULT_CLIENT_SECRET } from '../../common/defaultClientSecret';

export { DEFAULT_CLIENT_SECRET };

declare const __WIDGET_CLIENT_SECRET__: string | undefined;

/**
 * The secret stories sign with: WIDGET_CLIENT_SECRET, put in by the Vite config (see
 * src/node/clientSecret.ts), or the documented test default.
 */
export const CONFIGURED_CLIENT_SECRET: string =
  typeof __WIDGET_CLIENT_SECRET__ === 'string' && __WIDGET_CLIENT_SECRET__ ? __WIDGET_CLIENT_SECRET__ : DEFAULT_CLIENT_SECRET;

export interface TokenSettings {
  /** The integration's client_secret (HS256 key). */
  secret: string;
  /** Account subdomain: `iss` is `https://<subdomain>.amocrm.ru`. */
  subdomain: string;
  accountId: number;
  userId: number;
  /** The integration's id (`client_uuid`). */
  clientUuid: string;
  /** `aud`: the widget backend's address, as configured in the integration. */
  audience: string;
  /** Token lifetime in seconds; amoCRM's disposable tokens live 30 minutes. */
  lifetimeSeconds: number;
  /** Signs as if this many seconds ago (the expired-token scenario); 0 by default. */
  issuedSecondsAgo?: number;
}

export const DEFAULT_TOKEN_SETTINGS: TokenSettings = {
  secret: CONFIGURED_CLIENT_SECRET,
  subdomain: 'workbench',
  accountId: 31000001,
  userId: 7000001,
  clientUuid: '6f1d7a52-4a1c-4c57-9a27-3d3c1f0b9e10',
  audience: 'http://localhost',
  lifetimeSeconds: 1800,
};

export interface DisposableTokenClaims {
  iss: string;
  aud: string;
  jti: string;
  iat: number;
  nbf: number;
  exp: number;
  account_id: number;
  user_id: number;
  subdomain: string;
  client_uuid: string;
}
