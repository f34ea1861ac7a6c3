/**
 * Puts the real require.js (from the `requirejs` package) on the page, once. It is a classic
 * script that creates the globals `requirejs`, `require` and `define`, so it is run as a script
 * element, not imported as a module. Inline text keeps it working under any sub-path.
 */
import requireJsSource from 'requirejs/require.js?raw';
import { macrotask } from './macrotask';
import { recordNamedDefines } from './namedDefines';

/** The parts of require.js internals the workbench relies on (documented hooks and the context API). */
export interface RequireContext {
  contextName: string;
  config: { waitSeconds?: number };
  completeLoad(moduleName: string): void;
  require: Require;
  /** Runs a module's factory (`callback.apply(exports, args)`); r.js overrides it too. */
  execCb(name: string, callback: (...args: unknown[]) => unknown, args: unknown[], exports: unknown): unknown;
  /** A script's `error` listener (looked up when each script is made). */
  onScriptError(event: Event): unknown;
}
export type LoadHook = (context: RequireContext, moduleName: string, url: string) => void;
export interface RequireJsGlobal extends Require {
  load: LoadHook;
  nextTick(fn: () => void): void;
  s: { contexts: Record<string, RequireContext> };
  version: string;
}

/** The page's globals as require.js leaves them (absent until ensureRequireJs ran). */
export const amdGlobals = window as unknown as { requirejs?: RequireJsGlobal; define?: RequireDefine };

let installed: RequireJsGlobal | undefined;

export function ensureRequireJs(): RequireJsGlobal {
  if (installed) return installed;
  if (amdGlobals.requirejs) {
    throw new Error("Another AMD loader (requirejs) is already on the page; the workbench must provide the host's own require.js.");
  }
  const script = document.createElement('script');
  script.dataset.workbench = 'requirejs';
  script.textContent = `${requireJsSource}\n//# sourceURL=requirejs/require.js`;
  document.head.appendChild(script);
  // Read again: the script just created the global (TypeScript still holds the check above).
  const requirejs = (window as unknown as { requirejs?: RequireJsGlobal }).requirejs;
  if (!requirejs) throw new Error('require.js did not initialise (window.requirejs is missing).');
  installed = requirejs;
  // require.js defers every require() to `nextTick`, a `setTimeout(fn, 4)` it says to override "for
  // other envs that have a better solution than setTimeout": a task of its own without the timer's
  // 4 ms keeps the order and the asynchrony, and a widget loads on a story switch without waiting on
  // a clamped timer behind the cabinet's first frame.
  installed.nextTick = macrotask;
  recordNamedDefines(amdGlobals);
  return installed;
}
