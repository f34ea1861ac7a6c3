/**
 * The compact strip above the cabinet: the count and one line per problem (its code first, then
 * the widget and the first line of the message), each expandable to the whole record. It never
 * covers the cabinet, and updates live (problemSignal.ts) until the cabinet unmounts.
 */
import { h } from '../host/cabinet/dom';
import type { Cabinet } from '../host/cabinet/createCabinet';
import { onProblemsChanged } from '../host/doctor/problemSignal';
import { statusOf, storyProblems, type ProblemRecord } from './problemRecords';
import type { WorkbenchParameters } from './parameters';
import { stripLabels } from './stripLabels';
import './problemStrip.css';

export interface ProblemStrip {
  /** The strip and the story's root, one above the other. */
  element: HTMLElement;
  /** Renders again (a new language). */
  update(): void;
  /** Sends the current records again (the manager may have missed the first ones while it connected). */
  report(): void;
}

export function problemStrip(
  root: HTMLElement,
  cabinet: Cabinet,
  params: WorkbenchParameters,
  lang: () => string | undefined,
  onRecords: (records: ProblemRecord[]) => void = () => {},
): ProblemStrip {
  const strip = h('section', { class: 'wb-strip', role: 'alert', 'aria-label': 'widget problems', hidden: '' });
  const element = h('div', { class: 'wb-with-strip' }, strip, root);
  let last = '';
  let lastRecords: ProblemRecord[] = [];
  const update = () => {
    const records = storyProblems(cabinet, params);
    lastRecords = records;
    const key = `${lang()}\n${JSON.stringify(records)}`;
    if (key === last) return;
    last = key;
    renderStrip(strip, records, lang());
    onRecords(records);
  };
  let scheduled = false;
  const stop = onProblemsChanged(() => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      update();
      // What the unmount found (leaks) is the strip's last word.
      if (!cabinet.mounted) stop();
    });
  });
  update();
  return { element, update, report: () => onRecords(lastRecords) };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!;
}

function renderStrip(strip: HTMLElement, records: readonly ProblemRecord[], lang: string | undefined): void {
  const labels = stripLabels(lang);
  strip.replaceChildren();
  strip.hidden = records.length === 0;
  if (!records.length) return;
  strip.className = `wb-strip wb-strip--${statusOf(records)}`;
  strip.dataset.problems = String(records.length);
  strip.append(
    h('h2', { class: 'wb-strip__count' }, labels.count(records.length)),
    h(
      'ul',
      { class: 'wb-strip__list' },
      ...records.map((record) =>
        h(
          'li',
          { 'data-problem': record.code, 'data-kind': record.kind, 'data-severity': record.severity, ...(record.expected ? { 'data-expected': '' } : {}) },
          h(
            'details',
            {},
            h(
              'summary',
              { class: 'wb-strip__line' },
              h('code', { class: 'wb-strip__code' }, record.code),
              h(
                'span',
                { class: 'wb-strip__kind' },
                [
                  labels.kinds[record.kind],
                  record.severity === 'warning' ? labels.warning : '',
                  record.expected && record.severity === 'error' ? labels.expected : '',
                ]
                  .filter(Boolean)
                  .join(' · '),
              ),
              h('span', { class: 'wb-strip__message' }, firstLine(record.message)),
            ),
            h(
              'dl',
              { class: 'wb-strip__detail' },
              h('dt', {}, 'widget'),
              h('dd', {}, record.widget),
              ...(record.where ? [h('dt', {}, labels.where), h('dd', {}, h('code', {}, record.where))] : []),
              h('dt', {}, 'message'),
              h('dd', { class: 'wb-strip__full' }, record.message),
              ...(record.fix ? [h('dt', {}, labels.fix), h('dd', { class: 'wb-strip__fix' }, record.fix)] : []),
            ),
          ),
        ),
      ),
    ),
  );
}
