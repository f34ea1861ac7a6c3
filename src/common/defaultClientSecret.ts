/**
 * The documented test secret the cabinet signs `initLead` tokens with when no WIDGET_CLIENT_SECRET is
 * given: the host signs with it in the browser, and a static build (Node) may embed it freely.
 */
export const DEFAULT_CLIENT_SECRET = 'amocrm-workbench-test-client-secret-do-not-use-in-production';
