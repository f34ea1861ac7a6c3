/**
 * One requirejs context per mounted cabinet: its own module registry, so a widget module is
 * evaluated once per cabinet and nothing leaks between stories. Host modules are resolved per
 * context, which lets each cabinet hand widgets its own `amocrm-sdk`.
 */
import { isHostModuleId, type HostModuleId } from '../../common/hostModuleIds';
import { isBareModuleId, registerContextLoader } from './loadHook';
import { macrotask } from './macrotask';
import { runInContext } from './runningContext';
import { amdGlobals, ensureRequireJs, type RequireContext } from './requireJsGlobal';

/** A widget's own `amocrm-sdk` (requirejs `map` points the widget's `amocrm-sdk` here). */
export const WIDGET_SDK_PREFIX = 'amocrm-sdk@';

export interface AmdContextOptions {
  /** Unique per page. */
  name: string;
  /** The value of a host module for this context (or of a widget's own `amocrm-sdk@<key>`). */
  resolveHostModule(id: HostModuleId | `${typeof WIDGET_SDK_PREFIX}${string}`): Promise<unknown>;
  /** require.js `waitSeconds`: how long a module may take before a timeout error. */
  waitSeconds?: number;
  /** A script require.js asked for did not load (its id, a URL for an id relative to a widget's URL, and the URL fetched). */
  onScriptError?(id: string, url: string): void;
}

export interface AmdContext {
  readonly name: string;
  readonly require: Require;
  /** Ids a widget asked for that the host does not provide (the cause of a later `nodefine`). */
  readonly unknownIds: ReadonlySet<string>;
  /** Host module ids loaded in this context, in load order. */
  readonly loadedHostModules: readonly HostModuleId[];
  /** Loads a module (a widget script URL) and resolves with its value, or rejects with the requirejs error. */
  load(id: string): Promise<unknown>;
  /** Gives the module at `scriptUrl` its own `amocrm-sdk`: `amocrm-sdk@<key>` (requirejs map config). */
  mapWidgetSdk(scriptUrl: string, key: string): void;
  destroy(): void;
}

export function createAmdContext(options: AmdContextOptions): AmdContext {
  const requirejs = ensureRequireJs();
  const unknownIds = new Set<string>();
  const loadedHostModules: HostModuleId[] = [];

  const unregister = registerContextLoader(options.name, {
    load(context: RequireContext, moduleName: string) {
      const widgetSdk = moduleName.startsWith(WIDGET_SDK_PREFIX);
      if (isHostModuleId(moduleName) || widgetSdk) {
        options.resolveHostModule(moduleName as HostModuleId).then(
          (value) => complete(context, moduleName, () => value),
          (error: unknown) =>
            complete(context, moduleName, () => {
              throw error;
            }),
        );
        loadedHostModules.push(widgetSdk ? 'amocrm-sdk' : (moduleName as HostModuleId));
        return true;
      }
      if (isBareModuleId(moduleName)) {
        // Completing without a define makes require.js raise `nodefine` for this id (enforceDefine),
        // which the lifecycle turns into "module X is not provided by the host".
        unknownIds.add(moduleName);
        macrotask(() => context.completeLoad(moduleName));
        return true;
      }
      return false;
    },
  });

  const contextRequire = requirejs.config({
    context: options.name,
    // Relative, so a static build works under any sub-path; widgets are loaded by URL anyway.
    baseUrl: '../../amd/',
    enforceDefine: true,
    waitSeconds: options.waitSeconds ?? 7,
  });
  // A module factory runs as this cabinet's code (customElementDefines.ts tells evaluations apart).
  const context = requirejs.s.contexts[options.name]!;
  const execCb = context.execCb.bind(context);
  context.execCb = (name, callback, args, exports) => runInContext(options.name, () => execCb(name, callback, args, exports));
  // Told before require.js's own handling, which rejects the require (an errback) or throws: a
  // module a widget requires later (a bundler's chunk) failed silently when the widget's promise
  // had no catch.
  const onScriptError = context.onScriptError.bind(context);
  context.onScriptError = (event: Event) => {
    const script = (event.currentTarget ?? event.target) as HTMLScriptElement | null;
    const id = script?.getAttribute('data-requiremodule');
    if (id && script) options.onScriptError?.(id, script.src);
    return onScriptError(event);
  };

  return {
    name: options.name,
    require: contextRequire,
    unknownIds,
    loadedHostModules,
    load: (id) =>
      new Promise((resolve, reject) => {
        contextRequire([id], (value: unknown) => resolve(value), reject);
      }),
    mapWidgetSdk(scriptUrl, key) {
      requirejs.config({ context: options.name, map: { [scriptUrl]: { 'amocrm-sdk': `${WIDGET_SDK_PREFIX}${key}` } } });
    },
    destroy() {
      unregister();
      for (const script of document.querySelectorAll(`script[data-requirecontext="${CSS.escape(options.name)}"]`)) {
        script.remove();
      }
      delete requirejs.s.contexts[options.name];
    },
  };
}

function complete(context: RequireContext, moduleName: string, factory: () => unknown): void {
  macrotask(() => {
    amdGlobals.define!(moduleName, [], factory);
    context.completeLoad(moduleName);
  });
}
