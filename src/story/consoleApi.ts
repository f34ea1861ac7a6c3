/**
 * `window.__amoWorkbench`: the workbench from the browser console (and for `npm run bench`):
 * mount a cabinet by hand, look at the mounted ones, count live subscriptions and requirejs
 * contexts.
 */
import { createCabinet } from '../cabinet/createCabinet';
import { mountedCabinets } from '../cabinet/mountedCabinets';
import { ensureRequireJs } from '../amd/requireJsGlobal';

export interface WorkbenchConsoleApi {
  createCabinet: typeof createCabinet;
  mountedCabinets: typeof mountedCabinets;
  /** requirejs contexts on the page besides require.js's default one. */
  requireContexts(): number;
}

export function installConsoleApi(): void {
  const api: WorkbenchConsoleApi = {
    createCabinet,
    mountedCabinets,
    requireContexts: () => Object.keys(ensureRequireJs().s.contexts).filter((name) => name !== '_').length,
  };
  (window as unknown as { __amoWorkbench: WorkbenchConsoleApi }).__amoWorkbench = api;
}
