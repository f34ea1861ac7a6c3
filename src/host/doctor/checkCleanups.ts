/**
 * After a widget's cleanups ran (deal switch or unmount): what it still holds is a leak.
 * Subscriptions and DOM made at module load (outside initLead and the slot) live with the module and
 * are not counted; everything else the widget holds then is reported, naming what and where.
 */
import type { Doctor } from './findings';
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
  for (const t of held.resources.timers.values()) {
    doctor.report(
      'leaked-timer',
      widget,
      `${widget} left ${t.kind === 'interval' ? 'an interval' : 'a timeout'} (${t.delay} ms) pending after its cleanups ran (${moment}); clear it in a cleanup.`,
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
  const connected = [...held.resources.nodes].filter((node) => node.isConnected);
  for (const node of connected) {
    // One finding per node the widget left: not another for a node inside it (a <style>'s text).
    if (connected.some((other) => other !== node && other.contains(node))) continue;
    const name = node instanceof Element ? `<${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}>` : node.nodeName;
    const where = node.parentElement ? `<${node.parentElement.tagName.toLowerCase()}>` : 'the document';
    doctor.report('stray-dom', widget, `${widget} left ${name} in ${where}, outside its slot, after its cleanups ran (${moment}); remove it in a cleanup.`);
  }
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
