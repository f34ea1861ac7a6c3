/**
 * After a widget's cleanups ran (deal switch or unmount): what it still holds is a leak.
 * Subscriptions, DOM, sockets, listeners and timers made at module load (outside initLead and the slot) live with the
 * module and are not counted, nor are stylesheets in <head> (a style cache) until one is added
 * twice; everything else the widget holds then is reported, naming what and where.
 */
import type { Doctor } from './findings';
import { observedTargets } from './observers';
import { isOpen, type WidgetResources } from './resources';

export interface HeldByWidget {
  /** Entities of subscriptions made during initLead/slot and still active. */
  subscriptions: string[];
  resources: WidgetResources;
}

export function checkCleanups(widget: string, moment: string, held: HeldByWidget, doctor: Doctor): void {
  for (const entity of held.subscriptions) {
    doctor.report(
      'leaked-subscription',
      widget,
      `${widget} still subscribes to "${entity}" after its cleanups ran (${moment}); call the unsubscribe function subscribe returned.`,
    );
  }
  for (const l of held.resources.listeners) {
    doctor.report(
      'leaked-listener',
      widget,
      `${widget} left a "${l.type}" listener on ${l.target} after its cleanups ran (${moment}); remove it in a cleanup.`,
    );
  }
  for (const record of held.resources.observers) {
    const targets = observedTargets(record.observer);
    // Disconnected, or observing nothing: done with.
    if (!targets.length) {
      held.resources.observers.delete(record);
      continue;
    }
    // What it observes left the page with the slot's content: it fires no more.
    const onPage = targets.filter((target) => target.isConnected);
    if (!onPage.length) continue;
    doctor.report(
      'leaked-listener',
      widget,
      `${widget} left a ${record.kind} observing ${nameOf(onPage[0]!)}${onPage.length > 1 ? ` and ${onPage.length - 1} more` : ''} after its cleanups ran (${moment}); disconnect it in a cleanup.`,
    );
  }
  for (const t of held.resources.timers.values()) {
    if (t.module) continue;
    // A timeout set later, from work the widget scheduled (an event handler, an effect), is often a
    // library's own finishing step: an animation's deadline (antd's rc-motion waits 5 s for a
    // transitionend that never comes once the element is gone), a transition's fallback (Vue,
    // react-transition-group), a debounce. It may run (at its time, or when the story ends:
    // releaseResources); it is a leak if it then takes something (another timer, a request, a
    // socket, a listener, nodes on the page) or throws. One set by the host's call or by its own
    // handler while it runs (polling) is reported at once, as every interval.
    if (t.kind === 'timeout' && t.setIn === 'later') {
      t.ranLate ??= (did) =>
        doctor.report(
          'leaked-timer',
          widget,
          `${widget} left a timeout (${t.delay} ms) pending after its cleanups ran (${moment}), which, run, ${did}; clear it in a cleanup.`,
        );
      continue;
    }
    doctor.report(
      'leaked-timer',
      widget,
      `${widget} left ${t.kind === 'interval' ? 'an interval' : 'a timeout'} (${t.delay} ms) pending after its cleanups ran (${moment}); clear it in a cleanup.`,
    );
  }
  // A frame requested from the widget's own frame callback is a loop that runs until cancelled; a
  // single frame runs once, next frame.
  if ([...held.resources.frames.values()].some((frame) => frame.loop)) {
    doctor.report(
      'leaked-timer',
      widget,
      `${widget} left an animation-frame loop running after its cleanups ran (${moment}); cancel it (cancelAnimationFrame) in a cleanup.`,
    );
  }
  for (const record of held.resources.connections) {
    if (!isOpen(record.connection)) {
      held.resources.connections.delete(record);
      continue;
    }
    doctor.report(
      'leaked-connection',
      widget,
      `${widget} left ${record.kind === 'WebSocket' ? 'a WebSocket' : 'an EventSource'} to ${withoutQuery(record.connection.url)} open after its cleanups ran (${moment}); close it in a cleanup.`,
    );
  }
  for (const url of held.resources.workers.values()) {
    doctor.report(
      'leaked-connection',
      widget,
      `${widget} left a Web Worker (${withoutQuery(url).split('/').pop()}) running after its cleanups ran (${moment}); terminate it in a cleanup.`,
    );
  }
  const connected = [...held.resources.nodes].filter((node) => node.isConnected);
  // A stylesheet in <head> is the widget's style cache (emotion, styled-components, MUI and antd keep
  // theirs there for the page's life, style-loader too): no leak, unless the widget adds the same
  // one again while the copy from before is still there, which grows with every deal.
  const sheets = new Map<string, Node>();
  for (const node of connected) {
    if (!isHeadStylesheet(node)) continue;
    const key = sheetKey(node as HTMLStyleElement | HTMLLinkElement);
    if (!sheets.has(key)) {
      sheets.set(key, node);
      continue;
    }
    doctor.report(
      'stray-dom',
      widget,
      `${widget} added ${nameOf(node)} to <head> again while the one it added before is still there (${moment}): it grows with every deal; add it once, or remove it in a cleanup.`,
    );
  }
  for (const node of connected) {
    if (isHeadStylesheet(node) || (node.parentNode !== null && isHeadStylesheet(node.parentNode))) continue;
    // One finding per node the widget left: not another for a node inside it.
    if (connected.some((other) => other !== node && other.contains(node))) continue;
    const where = node.parentElement ? `<${node.parentElement.tagName.toLowerCase()}>` : 'the document';
    doctor.report(
      'stray-dom',
      widget,
      `${widget} left ${nameOf(node)} in ${where}, outside its slot, after its cleanups ran (${moment}); remove it in a cleanup.`,
    );
  }
}

const nameOf = (node: Node) => (node instanceof Element ? `<${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}>` : node.nodeName);

function isHeadStylesheet(node: Node): boolean {
  if (node.parentNode !== document.head) return false;
  return node instanceof HTMLStyleElement || (node instanceof HTMLLinkElement && node.relList.contains('stylesheet'));
}

/** What makes two stylesheets the same: a link's address, a <style>'s id and CSS. */
function sheetKey(node: HTMLStyleElement | HTMLLinkElement): string {
  return node instanceof HTMLLinkElement ? `link ${node.href}` : `style #${node.id} ${node.textContent ?? ''}`;
}

/** The URL as a message shows it: a token in the query string stays out of the console and the panel. */
function withoutQuery(url: string): string {
  try {
    const { origin, pathname } = new URL(url);
    return `${origin}${pathname}`;
  } catch {
    return url.split(/[?#]/)[0]!;
  }
}
