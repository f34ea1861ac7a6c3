/** A live list of a cabinet's lifecycle log, shown beside the cabinet in the lifecycle story. */
import { h } from '../host/cabinet/dom';
import type { LifecycleLog, LogEntry } from '../host/lifecycle/lifecycleLog';
import './lifecycleLogPanel.css';

export function lifecycleLogPanel(log: LifecycleLog): HTMLElement {
  const list = h('ol', { class: 'wb-log__entries', 'aria-label': 'lifecycle log' });
  const add = (entry: LogEntry) =>
    list.append(
      h(
        'li',
        { class: `wb-log__entry wb-log__entry--${entry.kind}`, 'data-kind': entry.kind, 'data-event': entry.event },
        h('span', { class: 'wb-log__widget' }, entry.widget),
        h('span', { class: 'wb-log__event' }, `${entry.kind} ${entry.event}`),
        entry.detail ? h('span', { class: 'wb-log__detail' }, entry.detail) : null,
      ),
    );
  log.entries.forEach(add);
  log.listen(add);
  return h('section', { class: 'wb-log' }, h('h2', { class: 'wb-log__title' }, 'Lifecycle log'), list);
}
