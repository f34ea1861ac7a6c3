/**
 * amoCRM evaluates a widget's module once per page; the workbench evaluates it once per mounted
 * cabinet (every story render, live reload and locale-matrix cell). A custom element the module
 * defines (`customElements.define`, as Lit, Shoelace or Stencil components do when their module
 * runs) stays in the page's registry, which cannot forget it: the second evaluation failed with
 * "the name has already been used with this registry", a factory failure amoCRM never shows.
 *
 * So a widget script defining again a name it defined itself is skipped, as if it had run once: the
 * first definition serves every later cabinet of the page. An edited script (another `?v=`) reloads
 * the page instead, the only way its new class can be registered. A name defined by another
 * widget, or by the page, fails as it does in amoCRM, where widgets share the page.
 */
import { currentScriptUrl, scriptKey } from '../doctor/stackOwner';

/** Who defined each name: the widget script's URL as loaded. */
const definedBy = new Map<string, string>();
let installed = false;

export function guardCustomElementDefines(reload: () => void = () => location.reload()): void {
  if (installed || typeof CustomElementRegistry === 'undefined') return;
  installed = true;
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (this: CustomElementRegistry, name, constructor, options) {
    const script = this === window.customElements ? currentScriptUrl() : undefined;
    const earlier = definedBy.get(name);
    if (script && earlier && this.get(name) && scriptKey(earlier) === scriptKey(script)) {
      if (earlier !== script) {
        console.info(
          `[workbench] ${new URL(scriptKey(script)).pathname} changed and defines <${name}> again: reloading the page, whose registry keeps the old class.`,
        );
        reload();
      }
      return;
    }
    define.call(this, name, constructor, options);
    if (script) definedBy.set(name, script);
  };
}
