/**
 * Visual modes, defined once from the toolbar globals (lang x date format x time format), for
 * Chromatic (`parameters.chromatic.modes`) and the offline visual run alike. `default`: each
 * language in its usual formats; `full`: all 32 combinations; `VISUAL_MODES` picks.
 */
import { DATE_FORMATS, SUPPORTED_LANGS, TIME_FORMATS, type DateFormatKey, type Lang, type TimeFormatKey } from './constants.ts';

export interface VisualMode {
  lang: Lang;
  dateFormat: DateFormatKey;
  timeFormat: TimeFormatKey;
  clock: 'fixed';
}

export type ModeSelection = 'default' | 'full';

export const DEFAULT_MODES: Record<string, VisualMode> = {
  ru: { lang: 'ru', dateFormat: 'russianNormal', timeFormat: 'twentyFour', clock: 'fixed' },
  en: { lang: 'en', dateFormat: 'americanInversed', timeFormat: 'twelve', clock: 'fixed' },
  es: { lang: 'es', dateFormat: 'americanNormal', timeFormat: 'twentyFour', clock: 'fixed' },
  pt: { lang: 'pt', dateFormat: 'americanNormal', timeFormat: 'twentyFour', clock: 'fixed' },
};

export function fullModes(): Record<string, VisualMode> {
  const modes: Record<string, VisualMode> = {};
  for (const lang of Object.values(SUPPORTED_LANGS)) {
    for (const dateFormat of Object.keys(DATE_FORMATS) as DateFormatKey[]) {
      for (const timeFormat of Object.keys(TIME_FORMATS) as TimeFormatKey[]) {
        modes[`${lang}-${dateFormat}-${timeFormat}`] = { lang, dateFormat, timeFormat, clock: 'fixed' };
      }
    }
  }
  return modes;
}

export function visualModes(selection: string | undefined): Record<string, VisualMode> {
  if (!selection || selection === 'default') return DEFAULT_MODES;
  if (selection === 'full') return fullModes();
  const picked = selection.split(',').map((name) => name.trim());
  const all = { ...DEFAULT_MODES, ...fullModes() };
  const unknown = picked.filter((name) => !(name in all));
  if (unknown.length)
    throw new Error(`VISUAL_MODES: unknown mode(s) ${unknown.join(', ')}. Use default, full, or names such as ${Object.keys(all).slice(0, 3).join(', ')}.`);
  return Object.fromEntries(picked.map((name) => [name, all[name]!]));
}

/** Stories with this tag are captured in every chosen mode; the others in the primary mode alone. */
export const LOCALE_MODES_TAG = 'locale-modes';
/** Stories with this tag are left out of the offline visual run (Chromatic still captures them). */
export const NO_VISUAL_TAG = 'no-visual';
export const PRIMARY_MODE = 'ru';

/** The modes of a story: every chosen one with the locale-modes tag, else the primary mode. */
export function modesForStory(tags: readonly string[] | undefined, selection: string | undefined): Record<string, VisualMode> {
  return tags?.includes(LOCALE_MODES_TAG) ? visualModes(selection) : { [PRIMARY_MODE]: DEFAULT_MODES[PRIMARY_MODE]! };
}

/** The `globals=` URL parameter of a mode. */
export function globalsQuery(mode: VisualMode): string {
  return Object.entries(mode)
    .map(([key, value]) => `${key}:${value}`)
    .join(';');
}
