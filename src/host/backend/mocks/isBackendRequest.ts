/**
 * Which requests are a widget's backend calls, as opposed to the workbench loading itself (Vite
 * modules, Storybook internals, widget and fixture files, fonts and images). Scenarios answer the
 * former, and an unhandled one is reported.
 */
import { isCommonAssetRequest } from 'msw';
import { FIXTURE_URL_PREFIX, WIDGET_URL_PREFIX } from '../../../common/servedPaths';

const WORKBENCH_PATHS = /\/(@vite|@fs|@id|@react-refresh|node_modules|__vitest|sb-|virtual:)|\.stories\.|iframe\.html|mockServiceWorker\.js/;
/**
 * A widget's own folder, as amoCRM serves it beside personal_page.js: any file a widget reads from
 * there by its module's URL (data, a worker, WebAssembly) is the widget's, not a backend's.
 */
const WIDGET_FILES = new RegExp(`/(${WIDGET_URL_PREFIX}|${FIXTURE_URL_PREFIX})/`);
/** Scripts, styles, images and fonts: never an API call, from any origin (a widget on a dev server too). */
const STATIC_FILES = /\.(m?[jt]sx?|css|map|html|svg|png|jpe?g|gif|webp|ico|woff2?|ttf|eot)$/;

export function isBackendRequest(request: Request, pageOrigin = globalThis.location?.origin): boolean {
  if (isCommonAssetRequest(request)) return false;
  const url = new URL(request.url);
  if (!/^https?:$/.test(url.protocol)) return false;
  if (STATIC_FILES.test(url.pathname)) return false;
  if (url.origin !== pageOrigin) return true;
  return !WORKBENCH_PATHS.test(url.pathname) && !WIDGET_FILES.test(url.pathname) && !url.pathname.endsWith('.json');
}
