/**
 * amoCRM evaluates a widget's module once per page; the workbench evaluates it once per mounted
 * cabinet (every story render, live reload and locale-matrix cell). A custom element the widget
 * defines (`customElements.define`, as Lit, Shoelace or Stencil components do when their module
 * runs) stays in the page's registry, which cannot forget it: the next cabinet's evaluation failed
 * with "the name has already been used with this registry", a failure amoCRM never shows.
 *
 * So a name a widget script defines is registered with a class of the workbench's, and each
 * evaluation of that script (each cabinet) gives its own class for it: an element is constructed
 * as, and stays, the class of the cabinet whose code creates it (its module's state, its SDK, as in
 * a page of its own); one created later, outside the host's calls into a cabinet (a timer, a
 * scheduled render), is the latest evaluation's. The lifecycle callbacks, which the registry reads
 * once, forward to the element's class. An edited script (another `?v=`) reloads the page: the
 * registry keeps what it read at define time. The same module defining a name twice (in
 * registerWidgetsBarSlot, at the next deal) fails as in amoCRM, as does a name another widget, or
 * the page, defined first.
 */
import { runningContext } from '../amd/runningContext';
import { currentScriptUrl, scriptKey } from '../doctor/stackOwner';

interface Definition {
  /** The widget script's URL as loaded (with its ?v=) when it defined the name. */
  script: string;
  /** Each cabinet's (require.js context's) class for the name. */
  classes: Map<string, CustomElementConstructor>;
  /** The latest evaluation's class: for an element created outside the host's calls into a cabinet. */
  latest: CustomElementConstructor;
  /** The class registered for the name: the workbench's. */
  registered: CustomElementConstructor;
}

/** The callbacks the registry takes from the class once, at define time. */
const LIFECYCLE_CALLBACKS = [
  'connectedCallback',
  'disconnectedCallback',
  'adoptedCallback',
  'attributeChangedCallback',
  'connectedMoveCallback',
  'formAssociatedCallback',
  'formResetCallback',
  'formDisabledCallback',
  'formStateRestoreCallback',
];

const definitions = new Map<string, Definition>();
let installed = false;

export function guardCustomElementDefines(reload: () => void = () => location.reload()): void {
  if (installed || typeof CustomElementRegistry === 'undefined') return;
  installed = true;
  const define = CustomElementRegistry.prototype.define;
  const get = CustomElementRegistry.prototype.get;
  CustomElementRegistry.prototype.define = function (this: CustomElementRegistry, name, constructor, options) {
    const script = this === window.customElements ? currentScriptUrl() : undefined;
    if (!script) return define.call(this, name, constructor, options);
    const context = runningContext();
    const earlier = definitions.get(name);
    // Code the widget runs later (a timer, an event) has no cabinet: taken for another evaluation's.
    const sameModule = context !== undefined && earlier?.classes.has(context);
    if (earlier && !sameModule && get.call(this, name) === earlier.registered && scriptKey(earlier.script) === scriptKey(script)) {
      if (earlier.script !== script) {
        console.info(
          `[workbench] ${new URL(scriptKey(script)).pathname} changed and defines <${name}> again: reloading the page, whose registry keeps the old class.`,
        );
        reload();
        return;
      }
      // What define() would read from it: a class may finalize itself on it (Lit defines its properties' accessors).
      void (constructor as { observedAttributes?: unknown }).observedAttributes;
      if (context !== undefined) earlier.classes.set(context, constructor);
      earlier.latest = constructor;
      constructibleAs(constructor, earlier.registered);
      return;
    }
    const definition: Definition = {
      script,
      classes: new Map(context === undefined ? [] : [[context, constructor]]),
      latest: constructor,
      registered: constructor,
    };
    definition.registered = registeredClass(definition);
    define.call(this, name, definition.registered, options);
    definitions.set(name, definition);
    constructibleAs(constructor, definition.registered);
  };
  // A library that defines a name only when `get` finds none (Shoelace, Stencil: as a page of its own
  // would answer another evaluation of the same script) defines its own class for its cabinet too.
  CustomElementRegistry.prototype.get = function (this: CustomElementRegistry, name) {
    const found = get.call(this, name);
    const definition = found && this === window.customElements ? definitions.get(name) : undefined;
    const context = runningContext();
    if (!definition || found !== definition.registered || context === undefined || definition.classes.has(context)) return found;
    const script = currentScriptUrl();
    return script && scriptKey(script) === scriptKey(definition.script) ? undefined : found;
  };
}

/**
 * The class registered for a widget's element. Its constructor takes the creating cabinet's class:
 * `super()` runs that class's constructor (its fields, its private names), and the element's
 * prototype is that class's from then on. Its lifecycle callbacks call the element's own.
 */
function registeredClass(definition: Definition): CustomElementConstructor {
  const first = definition.latest as unknown as new () => HTMLElement;
  const registered = class extends first {
    constructor() {
      const context = runningContext();
      const own = ((context !== undefined && definition.classes.get(context)) || definition.latest) as unknown as new () => HTMLElement;
      // `super()` calls whatever this class extends at the moment of the call.
      Object.setPrototypeOf(registered, own);
      Object.setPrototypeOf(registered.prototype, own.prototype);
      super();
      Object.setPrototypeOf(this, own.prototype);
    }
  };
  Object.defineProperty(registered, 'name', { value: first.name });
  for (const callback of LIFECYCLE_CALLBACKS) {
    // Only the ones the class has: the registry acts on their presence (connectedMoveCallback).
    if (!(callback in first.prototype)) continue;
    Object.defineProperty(registered.prototype, callback, {
      configurable: true,
      writable: true,
      value(this: HTMLElement, ...args: unknown[]) {
        // The element's prototype is its own class's (set in the constructor), never this one.
        const own = Object.getPrototypeOf(this) as Record<string, ((...a: unknown[]) => unknown) | undefined>;
        return own[callback]?.apply(this, args);
      },
    });
  }
  return registered;
}

/** Each widget class, and each registered class, to the registered class its elements are made by. */
const registeredFor = new WeakMap<object, CustomElementConstructor>();

/**
 * `new WidgetElement()` of a widget's own class, which the registry does not hold (it holds the
 * workbench's), works as in a page of its own: the class's root (the one extending HTMLElement
 * directly, such as Lit's ReactiveElement) extends this base instead, which makes the element with
 * the registered class and gives it the constructed class's prototype.
 */
function WorkbenchElementBase(this: unknown): HTMLElement {
  const target = new.target as unknown as (new () => HTMLElement) | undefined;
  if (!target) throw new TypeError("Failed to construct 'HTMLElement': Please use the 'new' operator.");
  const registered = registeredFor.get(target);
  const element = Reflect.construct(HTMLElement, [], registered ?? target) as HTMLElement;
  Object.setPrototypeOf(element, target.prototype);
  return element;
}
WorkbenchElementBase.prototype = HTMLElement.prototype;

function constructibleAs(constructor: CustomElementConstructor, registered: CustomElementConstructor): void {
  registeredFor.set(constructor, registered);
  registeredFor.set(registered, registered);
  for (let klass: object | null = constructor; klass && klass !== HTMLElement; klass = Object.getPrototypeOf(klass) as object | null) {
    if (Object.getPrototypeOf(klass) === HTMLElement) {
      Object.setPrototypeOf(klass, WorkbenchElementBase);
      return;
    }
    if (Object.getPrototypeOf(klass) === WorkbenchElementBase) return;
  }
}
