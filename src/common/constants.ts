/**
 * The `constants` object of `initAmocrmWidgetSdk`, exactly as the host documentation lists it.
 * Everything is `as const` so widget authors get literal types (`'dd.mm.yyyy'`, not `string`).
 */

export const DATE_FORMATS = {
  americanNormal: 'dd/mm/yyyy',
  americanInversed: 'mm/dd/yyyy',
  russianNormal: 'dd.mm.yyyy',
  chineseNormal: 'yyyy/mm/dd',
} as const;

export const TIME_FORMATS = {
  twelve: 'h:MM TT',
  twentyFour: 'HH:MM',
} as const;

export const SUPPORTED_LANGS = {
  ru: 'ru',
  en: 'en',
  es: 'es',
  pt: 'pt',
} as const;

export const LEAD_FIELD_SOURCES = {
  lead: 'lead',
  contacts: 'contacts',
  company: 'company',
} as const;

export const FIELD_TYPES = {
  text: 'text',
  numeric: 'numeric',
  checkbox: 'checkbox',
  date: 'date',
  select: 'select',
  multiselect: 'multiselect',
  url: 'url',
  textarea: 'textarea',
  radiobutton: 'radiobutton',
  streetaddress: 'streetaddress',
  smartAddress: 'smartAddress',
  legalEntity: 'legalEntity',
  birthday: 'birthday',
  dateTime: 'dateTime',
  multitext: 'multitext',
  budget: 'budget',
} as const;

export const PUBLIC_STATE_ENTITIES = {
  sys: 'sys',
  lead: 'lead',
  leadFields: 'leadFields',
  authors: 'authors',
} as const;

/**
 * "Contains every class name starting with `js-`". The documentation names only
 * `widgetBarItemContainer` and not its value; the values below are the workbench's, used by its
 * own chrome, so a widget that looks them up through the constants works in both places.
 */
export const GLOBAL_CLASS_NAMES = {
  widgetBarItemContainer: 'js-widgets-bar-item-container',
  widgetsBar: 'js-widgets-bar',
  widgetsBarItem: 'js-widgets-bar-item',
} as const;

/** Deep-frozen: a widget cannot change the host's constants for other widgets. */
export const CONSTANTS = deepFreeze({
  DATE_FORMATS,
  TIME_FORMATS,
  SUPPORTED_LANGS,
  LEAD_FIELD_SOURCES,
  FIELD_TYPES,
  PUBLIC_STATE_ENTITIES,
  GLOBAL_CLASS_NAMES,
});

export type Constants = typeof CONSTANTS;
type ValueOf<T> = T[keyof T];
export type DateFormat = ValueOf<typeof DATE_FORMATS>;
export type DateFormatKey = keyof typeof DATE_FORMATS;
export type TimeFormat = ValueOf<typeof TIME_FORMATS>;
export type TimeFormatKey = keyof typeof TIME_FORMATS;
export type Lang = ValueOf<typeof SUPPORTED_LANGS>;
export type LeadFieldSource = ValueOf<typeof LEAD_FIELD_SOURCES>;
export type FieldType = ValueOf<typeof FIELD_TYPES>;
export type PublicStateEntity = ValueOf<typeof PUBLIC_STATE_ENTITIES>;

/**
 * Freezes a value and everything it holds (these constants, the snapshots handed to widgets). Here,
 * not in a file of its own: the widget author's types reach this file, and a widget's own tsc
 * refuses a `.ts` import path, which Node needs for shared code.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
