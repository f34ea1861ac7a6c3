/**
 * What each widget holds on the page: listeners on window and document, observers, pending timers,
 * nodes it put outside its slot, the sockets and event streams it opened, and the backend requests it
 * started. Recorded by wrapping the browser APIs once per page; attributed to a widget by its
 * script URL in the call stack (stackOwner.ts).
 */
import { onRequestStart } from '../backend/pageRequests';
import { runningCleanup, runningContext } from '../amd/runningContext';
import { trackObservers, type ObserverRecord } from './observers';
import { rememberListeners, silence, silenceEnding } from './silenceConnection';
import { currentOwner, runningWidget } from './stackOwner';

export interface ListenerRecord {
  target: 'window' | 'document';
  type: string;
  listener: unknown;
  capture: boolean;
}
export interface TimerRecord {
  id: number;
  kind: 'timeout' | 'interval';
  delay: number;
  /**
   * Where a timeout was set: inside a call of the host into the widget (its module, initLead, the
   * slot; not a cleanup), by its own handler while it runs (polling), or later, from work
   * the widget scheduled (an event handler, a framework's effect, an animation library's deadline)
   * or as a cleanup's last step (a library's unmount restoring focus).
   */
  setIn: 'host-call' | 'own-timeout' | 'later';
  /** Set by the doctor for a timeout it let run past the cleanups: told what the callback then did, if anything. */
  ranLate?: (did: string) => void;
  /** Runs a pending timeout's callback now instead of at its time (a timeout only). */
  runNow?: () => void;
  /**
   * Set while the widget's module was evaluated, or by the handler of such a timer (a module-level
   * refresh loop): the module's, for the page's life, as in amoCRM; never a deal's leak.
   */
  module?: true;
}

export interface ConnectionRecord {
  kind: 'WebSocket' | 'EventSource';
  connection: WebSocket | EventSource;
}

export interface WidgetResources {
  listeners: ListenerRecord[];
  timers: Map<number, TimerRecord>;
  /** Nodes inserted by the widget's code into a parent outside any widget slot. */
  nodes: Set<Node>;
  /** Sockets and event streams the widget's code opened (closed ones are dropped when checked). */
  connections: Set<ConnectionRecord>;
  /** Every one it opened, closed ones too: silenced when the widget is let go (silenceConnection.ts). */
  opened: Set<WebSocket | EventSource>;
  /** URLs of requests the widget's code started (for unmocked-request). */
  requests: Set<string>;
  /** Animation frames requested and not yet run; `loop` when requested from its own frame callback. */
  frames: Map<number, { loop: boolean }>;
  /** Mutation, resize and intersection observers the widget's code made (observers.ts). */
  observers: Set<ObserverRecord>;
  /** Web Workers the widget's code started and has not terminated (workers.ts), with their script's URL. */
  workers: Map<Worker, string>;
}

const resources = new Map<string, WidgetResources>();
let installed = false;

export function resourcesOf(owner: string): WidgetResources {
  let r = resources.get(owner);
  if (!r)
    resources.set(
      owner,
      (r = {
        listeners: [],
        timers: new Map(),
        nodes: new Set(),
        connections: new Set(),
        opened: new Set(),
        requests: new Set(),
        frames: new Map(),
        observers: new Set(),
        workers: new Map(),
      }),
    );
  return r;
}

/**
 * The widget is gone (its story unmounted, as when the real cabinet's page is left): what it still
 * holds (listeners, timers, sockets, nodes outside its slot, its style cache) is let go, so a
 * widget's leak never reaches the next story. Called after the doctor has reported it.
 */
export function releaseResources(owner: string): void {
  const r = resources.get(owner);
  if (!r) return;
  // The timeouts the doctor let run past the cleanups run now rather than never: the story is over,
  // and what they would do then (open a socket again, request, poll) is still reported; what they
  // take is let go below with the rest.
  for (const timer of [...r.timers.values()]) if (timer.ranLate) timer.runNow?.();
  resources.delete(owner);
  for (const timer of r.timers.values()) (timer.kind === 'interval' ? clearInterval : clearTimeout)(timer.id);
  for (const frame of r.frames.keys()) cancelAnimationFrame(frame);
  for (const connection of r.opened) silence(connection);
  letGo(r);
}

/**
 * From the end of its story's cleanups on, the widget hears none of its sockets end: the close its
 * own cleanup caused reaches no handler that would reconnect (silenceConnection.ts), while what its
 * cleanup started (a library closing a microtask later, or once the socket has opened) still runs.
 */
export function silenceConnectionEnds(owner: string): void {
  for (const connection of resources.get(owner)?.opened ?? []) silenceEnding(connection);
}

/**
 * Resolves once none of the owners' sockets and event streams is still connecting (each opened,
 * failed or closed), or after `limitMs`: a library asked to disconnect a socket that is still
 * connecting closes it once it opens (socket.io sends its close packet first). True if it waited.
 */
export async function connectionsSettled(owners: readonly string[], limitMs: number): Promise<boolean> {
  const connecting = owners.flatMap((owner) => [...(resources.get(owner)?.connections ?? [])].map((r) => r.connection).filter((c) => c.readyState === 0));
  if (!connecting.length) return false;
  const settled = connecting.map(
    (connection) =>
      new Promise<void>((resolve) => {
        const done = () => resolve();
        for (const type of ['open', 'error', 'close']) EventTarget.prototype.addEventListener.call(connection, type, done, { once: true });
      }),
  );
  await Promise.race([Promise.all(settled), new Promise<void>((resolve) => setTimeout(resolve, limitMs))]);
  return true;
}

/** What a widget's module holds for the page's life, as in amoCRM (mountWidget.ts's moduleHeld). */
export type ModuleHeld = Pick<WidgetResources, 'listeners' | 'nodes' | 'connections' | 'observers' | 'workers'>;

export const emptyHeld = (): ModuleHeld => ({ listeners: [], nodes: new Set(), connections: new Set(), observers: new Set(), workers: new Map() });

/**
 * Moves what the widget's code took so far (its module's evaluation) from its owner's resources into
 * `held`; its timers stay, marked as the module's (cleared with the rest when the widget is let go).
 */
export function takeModuleHeld(owner: string, held: ModuleHeld): void {
  const r = resourcesOf(owner);
  held.listeners.push(...r.listeners.splice(0));
  for (const timer of r.timers.values()) timer.module = true;
  for (const observer of r.observers) held.observers.add(observer);
  r.observers.clear();
  for (const [worker, url] of r.workers) held.workers.set(worker, url);
  r.workers.clear();
  for (const node of r.nodes) held.nodes.add(node);
  r.nodes.clear();
  for (const connection of r.connections) held.connections.add(connection);
  r.connections.clear();
}

/**
 * Removes the listeners, disconnects the observers, terminates the workers, closes the sockets and
 * removes the nodes: what a widget still held, or what its module kept.
 */
export function letGo(held: ModuleHeld): void {
  for (const { observer } of held.observers) observer.disconnect();
  held.observers.clear();
  for (const worker of held.workers.keys()) worker.terminate();
  held.workers.clear();
  for (const l of held.listeners.splice(0)) {
    const target = l.target === 'window' ? window : document;
    target.removeEventListener(l.type, l.listener as EventListenerOrEventListenerObject, l.capture);
  }
  for (const { connection } of held.connections) {
    silence(connection);
    connection.close();
  }
  held.connections.clear();
  for (const node of held.nodes) node.parentNode?.removeChild(node);
  held.nodes.clear();
}

/** Whether a socket or event stream is still connecting or open (0 and 1 in both APIs). */
export function isOpen(connection: WebSocket | EventSource): boolean {
  return connection.readyState <= 1;
}

/** The widget that started a request to this URL, if any. */
export function requestOwner(url: string): string | undefined {
  for (const [owner, r] of resources) if (r.requests.has(url)) return owner;
  return undefined;
}

const SLOT_SELECTOR = '.js-widgets-bar-item-container';

export function installResourceTracking(): void {
  trackConnections();
  if (installed) return;
  installed = true;
  trackListeners(window, 'window');
  trackListeners(document, 'document');
  trackObservers((record) => {
    const owner = currentOwner();
    if (owner) resourcesOf(owner).observers.add(record);
  });
  trackTimers();
  trackFrames();
  trackInsertions();
  trackRequests();
}

/**
 * `new WebSocket(...)` and `new EventSource(...)` from a widget's code are recorded. Checked at each
 * cabinet's start, not once: MSW puts its own WebSocket class on the page when its worker starts, and
 * a constructor put there later must be wrapped too.
 */
function trackConnections(): void {
  for (const kind of ['WebSocket', 'EventSource'] as const) {
    const current = window[kind] as unknown as (new (...args: unknown[]) => WebSocket | EventSource) | undefined;
    if (typeof current !== 'function' || trackedConstructors.has(current)) continue;
    const tracked = new Proxy(current, {
      construct(target, args, newTarget) {
        const connection = Reflect.construct(target, args, newTarget) as WebSocket | EventSource;
        const owner = currentOwner();
        if (owner) {
          resourcesOf(owner).connections.add({ kind, connection });
          resourcesOf(owner).opened.add(connection);
          rememberListeners(connection);
        }
        return connection;
      },
    });
    trackedConstructors.add(tracked);
    (window as unknown as Record<string, unknown>)[kind] = tracked;
  }
}
const trackedConstructors = new WeakSet<object>();

function trackListeners(target: Window | Document, name: 'window' | 'document'): void {
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  const captureOf = (options?: boolean | AddEventListenerOptions | EventListenerOptions) =>
    typeof options === 'boolean' ? options : Boolean(options?.capture);
  target.addEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
    const owner = currentOwner();
    // React (the host's react-dom) adds one selectionchange listener per document on the first
    // createRoot and keeps it for good: the host's, not the widget's.
    const hostReact = name === 'document' && type === 'selectionchange';
    if (owner && listener && !hostReact && !(typeof options === 'object' && options.once)) {
      resourcesOf(owner).listeners.push({ target: name, type, listener, capture: captureOf(options) });
    }
    add(type, listener as EventListenerOrEventListenerObject, options);
  };
  target.removeEventListener = (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
    for (const r of resources.values()) {
      const i = r.listeners.findIndex((l) => l.target === name && l.type === type && l.listener === listener && l.capture === captureOf(options));
      if (i >= 0) r.listeners.splice(i, 1);
    }
    remove(type, listener as EventListenerOrEventListenerObject, options);
  };
}

function trackTimers(): void {
  const { setTimeout: nativeTimeout, setInterval: nativeInterval, clearTimeout: nativeClearTimeout, clearInterval: nativeClearInterval } = window;
  const forget = (id: number) => {
    for (const r of resources.values()) r.timers.delete(id);
  };
  // The handler of the widget's timeout running now, if any: setting it again is polling (a timeout
  // another handler sets, as MUI's tooltip sets its hysteresis from its leave timer, is not). A timer
  // that a module's timer sets is the module's too.
  let inTimeout: TimerHandler | undefined;
  let inModuleTimer = false;
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const { owner, released } = runningWidget();
    if (released) return dropTimer(released);
    if (!owner || typeof handler !== 'function') return nativeTimeout(handler, delay, ...args);
    const record: TimerRecord = {
      id: 0,
      kind: 'timeout',
      delay: delay ?? 0,
      setIn: startedByTheHostsCall() ? 'host-call' : inTimeout === handler ? 'own-timeout' : 'later',
      ...(inModuleTimer ? { module: true as const } : {}),
    };
    const run = () => {
      forget(record.id);
      const before = record.ranLate && footprint(resourcesOf(owner));
      const outer = inTimeout;
      const outerModule = inModuleTimer;
      inTimeout = handler;
      inModuleTimer = record.module === true;
      let threw: unknown;
      try {
        (handler as (...x: unknown[]) => void)(...args);
      } catch (error) {
        threw = error;
        throw error;
      } finally {
        inTimeout = outer;
        inModuleTimer = outerModule;
        if (before) {
          const did = [grewSince(before, resourcesOf(owner)), threw === undefined ? '' : `threw ${String(threw)}`].filter(Boolean).join(', ');
          if (did) record.ranLate!(did);
        }
      }
    };
    record.id = nativeTimeout(run, delay);
    record.runNow = () => {
      nativeClearTimeout(record.id);
      try {
        run();
      } catch {
        // Reported by ranLate; the host's teardown goes on.
      }
    };
    resourcesOf(owner).timers.set(record.id, record);
    return record.id;
  }) as typeof window.setTimeout;
  window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const { owner, released } = runningWidget();
    if (released) return dropTimer(released);
    const id = nativeInterval(handler, delay, ...args);
    if (owner)
      resourcesOf(owner).timers.set(id, {
        id,
        kind: 'interval',
        delay: delay ?? 0,
        setIn: startedByTheHostsCall() ? 'host-call' : 'later',
        ...(inModuleTimer ? { module: true as const } : {}),
      });
    return id;
  }) as typeof window.setInterval;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) forget(id);
    nativeClearTimeout(id);
  }) as typeof window.clearTimeout;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) forget(id);
    nativeClearInterval(id);
  }) as typeof window.clearInterval;
}

/**
 * Whether a timer is set inside the host's call into the widget (its module, initLead, the slot):
 * work the widget starts, to end in its cleanup. One a cleanup sets (a library's unmount, such as
 * MUI's focus trap restoring focus, or its tooltip's 800 ms hysteresis) is a last step after it.
 */
function startedByTheHostsCall(): boolean {
  return runningContext() !== undefined && !runningCleanup();
}

/**
 * Animation frames: a widget's frame callback that requests the next frame is a loop (a ticker, a
 * canvas animation), running until cancelled; a single frame requested elsewhere runs once.
 */
function trackFrames(): void {
  if (typeof window.requestAnimationFrame !== 'function') return;
  const nativeRequest = window.requestAnimationFrame.bind(window);
  const nativeCancel = window.cancelAnimationFrame.bind(window);
  // The widget whose frame callback is running, if any.
  let inFrameOf: string | undefined;
  window.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const { owner, released } = runningWidget();
    if (released) return dropTimer(released);
    if (!owner) return nativeRequest(callback);
    const frames = resourcesOf(owner).frames;
    const loop = inFrameOf === owner;
    const id = nativeRequest((time) => {
      frames.delete(id);
      const outer = inFrameOf;
      inFrameOf = owner;
      try {
        callback(time);
      } finally {
        inFrameOf = outer;
      }
    });
    frames.set(id, { loop });
    return id;
  };
  window.cancelAnimationFrame = (id: number) => {
    for (const r of resources.values()) r.frames.delete(id);
    nativeCancel(id);
  };
}

/**
 * A timer set by a widget the host let go (its story ended): code of its that still ran (a promise
 * or an event settling late) would otherwise go on, polling or reconnecting, in every story after,
 * where no doctor watches it. Not set; said once per widget.
 */
const droppedFor = new Set<string>();
function dropTimer(owner: string): number {
  if (!droppedFor.has(owner)) {
    droppedFor.add(owner);
    console.warn(
      `[workbench] ${owner.slice(owner.indexOf('/') + 1)} set a timer after its story ended (code of its that still ran, such as a promise settling late); not set, so it cannot reach the stories after.`,
    );
  }
  return 0;
}

/** How much a widget holds, to tell what a callback of its added. */
interface Footprint {
  timers: Set<number>;
  frames: number;
  listeners: number;
  nodes: number;
  connections: number;
  observers: number;
  requests: Set<string>;
}

function footprint(r: WidgetResources): Footprint {
  return {
    timers: new Set(r.timers.keys()),
    frames: r.frames.size,
    listeners: r.listeners.length,
    nodes: r.nodes.size,
    connections: r.connections.size,
    observers: r.observers.size,
    requests: new Set(r.requests),
  };
}

/** What the widget took since `before`, in words; undefined when nothing. */
function grewSince(before: Footprint, r: WidgetResources): string | undefined {
  const did: string[] = [];
  const timers = [...r.timers.values()].filter((t) => !before.timers.has(t.id));
  if (timers.length) did.push(`set ${timers[0]!.kind === 'interval' ? 'an interval' : 'another timeout'} (${timers[0]!.delay} ms)`);
  if (r.frames.size > before.frames) did.push('requested an animation frame');
  const requests = [...r.requests].filter((url) => !before.requests.has(url));
  if (requests.length) did.push(`started a request to ${requests[0]!.split('?')[0]}`);
  if (r.connections.size > before.connections) did.push('opened a socket');
  if (r.observers.size > before.observers) did.push(`made a ${[...r.observers].at(-1)!.kind}`);
  if (r.listeners.length > before.listeners) did.push(`added a "${r.listeners.at(-1)!.type}" listener`);
  if (r.nodes.size > before.nodes) did.push('put nodes on the page outside its slot');
  return did.length ? did.join(', ') : undefined;
}

function trackInsertions(): void {
  const record = (parent: Node | null, nodes: readonly unknown[]) => {
    // A node put into a tree that is not on the page is not on the page either (the cabinet builds
    // its views that way, hundreds of nodes a render); it counts when that tree is inserted, or,
    // for a fragment (jQuery's append of several nodes), its children do.
    if (!parent?.isConnected) return;
    const parentElement = parent instanceof Element ? parent : parent.parentElement;
    if (parentElement?.closest(SLOT_SELECTOR)) return;
    // Last, as it is the costly check: it captures a stack (stackOwner.ts).
    const owner = currentOwner();
    if (!owner) return;
    const { nodes: owned } = resourcesOf(owner);
    for (const node of nodes) {
      if (node instanceof DocumentFragment) for (const child of node.childNodes) owned.add(child);
      else if (node instanceof Node) owned.add(node);
    }
  };
  const proto = Node.prototype;
  const appendChild = proto.appendChild;
  proto.appendChild = function <T extends Node>(this: Node, node: T): T {
    record(this, [node]);
    return appendChild.call(this, node) as T;
  };
  const insertBefore = proto.insertBefore;
  proto.insertBefore = function <T extends Node>(this: Node, node: T, child: Node | null): T {
    record(this, [node]);
    return insertBefore.call(this, node, child) as T;
  };
  const replaceChild = proto.replaceChild;
  proto.replaceChild = function <T extends Node>(this: Node, node: Node, child: T): T {
    record(this, [node]);
    return replaceChild.call(this, node, child) as T;
  };
  // Every other way to put nodes on the page: a tree built apart counts only once inserted.
  for (const method of ['append', 'prepend', 'replaceChildren'] as const) {
    const original = Element.prototype[method];
    Element.prototype[method] = function (this: Element, ...nodes: (Node | string)[]) {
      record(this, nodes);
      return original.apply(this, nodes);
    };
  }
  for (const method of ['before', 'after', 'replaceWith'] as const) {
    const original = Element.prototype[method];
    Element.prototype[method] = function (this: Element, ...nodes: (Node | string)[]) {
      record(this.parentNode, nodes);
      return original.apply(this, nodes);
    };
  }
  const insertAdjacentElement = Element.prototype.insertAdjacentElement;
  Element.prototype.insertAdjacentElement = function (this: Element, where: InsertPosition, element: Element) {
    record(/^(beforebegin|afterend)$/i.test(where) ? this.parentNode : this, [element]);
    return insertAdjacentElement.call(this, where, element);
  };
}

function trackRequests(): void {
  onRequestStart(({ url }) => {
    const owner = currentOwner();
    if (owner) resourcesOf(owner).requests.add(url);
  });
}
