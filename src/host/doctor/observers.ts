/**
 * MutationObserver, ResizeObserver and IntersectionObserver, with what each observes (observe,
 * unobserve, disconnect): an observer a widget left observing the page after its cleanups fires on
 * every change there, one more with every deal, as a listener left on `window` does.
 */
export type ObserverKind = 'MutationObserver' | 'ResizeObserver' | 'IntersectionObserver';

export interface ObserverRecord {
  kind: ObserverKind;
  observer: { disconnect(): void };
}

const KINDS: readonly ObserverKind[] = ['MutationObserver', 'ResizeObserver', 'IntersectionObserver'];
const targetsOf = new WeakMap<object, Set<Node>>();
let installed = false;

/** What the observer observes now: the targets given to `observe` and not let go since. */
export function observedTargets(observer: object): Node[] {
  return [...(targetsOf.get(observer) ?? [])];
}

/** Wraps the three constructors and their methods once; `onCreate` hears each observer made, while its maker's stack is current. */
export function trackObservers(onCreate: (record: ObserverRecord) => void): void {
  if (installed) return;
  installed = true;
  for (const kind of KINDS) {
    const Native = window[kind] as unknown as (new (...args: unknown[]) => { disconnect(): void }) | undefined;
    if (typeof Native !== 'function') continue;
    const proto = Native.prototype as Record<'observe' | 'unobserve' | 'disconnect', ((this: object, ...args: unknown[]) => unknown) | undefined>;
    const { observe, unobserve, disconnect } = proto;
    proto.observe = function (this: object, target: unknown, ...rest: unknown[]) {
      if (target instanceof Node) targetsOf.get(this)?.add(target);
      return observe!.call(this, target, ...rest);
    };
    if (unobserve) {
      proto.unobserve = function (this: object, target: unknown) {
        if (target instanceof Node) targetsOf.get(this)?.delete(target);
        return unobserve.call(this, target);
      };
    }
    proto.disconnect = function (this: object) {
      targetsOf.get(this)?.clear();
      return disconnect!.call(this);
    };
    (window as unknown as Record<string, unknown>)[kind] = new Proxy(Native, {
      construct(target, args, newTarget) {
        const observer = Reflect.construct(target, args, newTarget) as { disconnect(): void };
        targetsOf.set(observer, new Set());
        onCreate({ kind, observer });
        return observer;
      },
    });
  }
}
