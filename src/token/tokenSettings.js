/**
 * The settings a cabinet signs `initLead` tokens with. amoCRM signs these "disposable tokens" with
 * the integration's `client_secret` (HS256); the workbench uses a documented test secret unless
 * `WIDGET_CLIENT_SECRET` or a story parameter names another.
 */
export const DEFAULT_CLIENT_SECRET = 'amocrm-workbench-test-client-secret-do-not-use-in-production';
/**
 * The secret stories sign with: WIDGET_CLIENT_SECRET, put in by the Vite config (see
 * src/backend/clientSecret.ts), or the documented test default.
 */
export const CONFIGURED_CLIENT_SECRET = typeof __WIDGET_CLIENT_SECRET__ === 'string' && __WIDGET_CLIENT_SECRET__ ? __WIDGET_CLIENT_SECRET__ : DEFAULT_CLIENT_SECRET;
export const DEFAULT_TOKEN_SETTINGS = {
    secret: CONFIGURED_CLIENT_SECRET,
    subdomain: 'workbench',
    accountId: 31000001,
    userId: 7000001,
    clientUuid: '6f1d7a52-4a1c-4c57-9a27-3d3c1f0b9e10',
    audience: 'http://localhost',
    lifetimeSeconds: 1800,
};
