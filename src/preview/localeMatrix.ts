/**
 * The locale matrix: the same widget in every chosen language x date format x time format, each
 * cell a cabinet of its own (widgets only, labelled), on one page for design review.
 */
import type { StoryContext } from 'storybook/internal/types';
import { createCabinet, type Cabinet, type WidgetSource } from '../host/cabinet/createCabinet';
import { h } from '../host/cabinet/dom';
import { trackCabinet } from '../host/cabinet/mountedCabinets';
import { setWorkbenchClock } from '../host/clock/workbenchClock';
import { DATE_FORMATS, SUPPORTED_LANGS, TIME_FORMATS, type DateFormatKey, type Lang, type TimeFormatKey } from '../common/constants';
import { workbenchParameters } from './parameters';
import './localeMatrix.css';

export interface MatrixArgs {
  langs?: Lang[];
  dateFormats?: DateFormatKey[];
  timeFormats?: TimeFormatKey[];
}

export interface MatrixCell {
  lang: Lang;
  dateFormat: DateFormatKey;
  timeFormat: TimeFormatKey;
}

export const ALL_LANGS = Object.values(SUPPORTED_LANGS);
export const ALL_DATE_FORMATS = Object.keys(DATE_FORMATS) as DateFormatKey[];
export const ALL_TIME_FORMATS = Object.keys(TIME_FORMATS) as TimeFormatKey[];

export function matrixCells(args: MatrixArgs): MatrixCell[] {
  const langs = args.langs?.length ? args.langs : ALL_LANGS;
  const dates = args.dateFormats?.length ? args.dateFormats : ALL_DATE_FORMATS;
  const times = args.timeFormats?.length ? args.timeFormats : ALL_TIME_FORMATS;
  return langs.flatMap((lang) => dates.flatMap((dateFormat) => times.map((timeFormat) => ({ lang, dateFormat, timeFormat }))));
}

const rendered = new WeakMap<Element, { key: string; root: HTMLElement; cabinets: Cabinet[] }>();

export function renderLocaleMatrix(args: MatrixArgs, context: Pick<StoryContext, 'id' | 'parameters' | 'canvasElement'>): HTMLElement {
  const cells = matrixCells(args);
  const key = JSON.stringify(cells);
  const previous = rendered.get(context.canvasElement);
  // Same cells, and not torn down since: nothing to do (a re-render for an unrelated control).
  if (previous?.key === key && previous.cabinets.every((c) => c.mounted)) return previous.root;
  for (const cabinet of previous?.cabinets ?? []) void cabinet.unmount();
  const cabinets: Cabinet[] = [];
  const params = workbenchParameters(context.parameters);
  setWorkbenchClock({ mode: 'fixed', start: params.clockStart }, !previous);
  const widgets: WidgetSource[] = params.widgets ?? [];
  const root = h(
    'div',
    { class: 'wb-matrix', 'data-cells': String(cells.length) },
    ...cells.map((cell) => {
      const cabinet = trackCabinet(
        createCabinet({ storyId: `${context.id}/${cell.lang}-${cell.dateFormat}-${cell.timeFormat}`, widgets, inputs: cell, chrome: false }),
      );
      cabinets.push(cabinet);
      return h(
        'figure',
        { class: 'wb-matrix__cell', 'data-lang': cell.lang, 'data-date-format': cell.dateFormat, 'data-time-format': cell.timeFormat },
        h('figcaption', { class: 'wb-matrix__label' }, `${cell.lang} · ${DATE_FORMATS[cell.dateFormat]} · ${TIME_FORMATS[cell.timeFormat]}`),
        cabinet.element,
      );
    }),
  );
  rendered.set(context.canvasElement, { key, root, cabinets });
  return root;
}
