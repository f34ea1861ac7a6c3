/**
 * The settings a cabinet signs `initLead` tokens with. amoCRM signs these "disposable tokens" with
 * the integration's `client_secret` (HS256); the workbench uses a documented test secret unless
 * `WIDGET_CLIENT_SECRET` or a story parameter names another.
 */
export const DEFAULT_CLIENT_SECRET = 'amocrm-workbench-test-client-secret-do-not-use-in-production';

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
}

export const DEFAULT_TOKEN_SETTINGS: TokenSettings = {
  secret: DEFAULT_CLIENT_SECRET,
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
