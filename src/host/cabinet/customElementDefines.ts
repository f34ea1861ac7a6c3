/**
 * amoCRM evaluates a widget's module once per page; the workbench evaluates it once per mounted
 * cabinet (every story render, live reload and locale-matrix cell). A custom element the widget
 * defines (`customElements.define`, as Lit, Shoelace or Stencil components do when their module
 * runs) stays in the page's registry, which cannot forget it: the next cabinet's evaluation failed
 * with "the name has already been used with this registry", a failure amoCRM never shows.
 *
 * So a name a widget script defined in one cabinet is skipped when the same script, evaluated again
 * in another cabinet, defines it: the first class serves every later cabinet of the page, as if the
 * module had run once. An edited script (another `?v=`) reloads the page instead, the only way its
 * new class can be registered. The same module defining a name twice (in registerWidgetsBarSlot, at
 * the next deal) fails as in amoCRM, as does a name another widget, or the page, defined first.
 */
import { runningContext } from '../amd/runningContext';
import { currentScriptUrl, scriptKey } from '../doctor/stackOwner';

interface Definition {
  /** The widget script's URL as loaded (with its ?v=) when it defined the name. */
  script: string;
  /** The cabinets (require.js contexts) whose evaluation of that script defined it, really or skipped. */
  contexts: Set<string>;
}

const definitions = new Map<string, Definition>();
let installed = false;

export function guardCustomElementDefines(reload: () => void = () => location.reload()): void {
  if (installed || typeof CustomElementRegistry === 'undefined') return;
  installed = true;
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (this: CustomElementRegistry, name, constructor, options) {
    const script = this === window.customElements ? currentScriptUrl() : undefined;
    const context = runningContext();
    const earlier = definitions.get(name);
    // Code the widget runs later (a timer, an event) has no cabinet: taken for another evaluation's.
    const sameModule = context !== undefined && earlier?.contexts.has(context);
    if (script && earlier && !sameModule && this.get(name) && scriptKey(earlier.script) === scriptKey(script)) {
      if (earlier.script !== script) {
        console.info(
          `[workbench] ${new URL(scriptKey(script)).pathname} changed and defines <${name}> again: reloading the page, whose registry keeps the old class.`,
        );
        reload();
      }
      if (context !== undefined) earlier.contexts.add(context);
      return;
    }
    define.call(this, name, constructor, options);
    if (script) definitions.set(name, { script, contexts: new Set(context === undefined ? [] : [context]) });
  };
}
