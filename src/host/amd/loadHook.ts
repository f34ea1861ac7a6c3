/**
 * Replaces `requirejs.load(context, id, url)` (a documented require.js hook) once per page. For a
 * context the workbench created, host module ids are answered from ESM imports and other bare ids
 * are refused without a network request; URLs and relative ids fall through to require.js's own
 * script loader.
 */
import { ensureRequireJs, type LoadHook, type RequireContext } from './requireJsGlobal';

export interface ContextLoader {
  /** Returns true when it took the load over; false lets require.js fetch the URL itself. */
  load(context: RequireContext, moduleName: string, url: string): boolean;
}

const loaders = new Map<string, ContextLoader>();
let hooked = false;

export function registerContextLoader(contextName: string, loader: ContextLoader): () => void {
  const requirejs = ensureRequireJs();
  if (!hooked) {
    const original: LoadHook = requirejs.load.bind(requirejs);
    requirejs.load = (context, moduleName, url) => {
      const loader = loaders.get(context.contextName);
      if (!loader?.load(context, moduleName, url)) original(context, moduleName, url);
    };
    hooked = true;
  }
  loaders.set(contextName, loader);
  return () => loaders.delete(contextName);
}

/** A module id require.js would fetch from its baseUrl: not a URL, not a path, no `.js`. */
export function isBareModuleId(id: string): boolean {
  return !/^\.{0,2}\/|:|\?|\.js$/.test(id);
}
