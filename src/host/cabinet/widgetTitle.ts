/**
 * A widget's name and description in the accordion, from its i18n files: the current language,
 * else `en`, else `ru` (spec decision), with a warning when it falls back.
 */
import type { WidgetSource } from './createCabinet';

export interface WidgetTitle {
  name: string;
  description?: string;
  /** The language shown, when it is not the one asked for. */
  fallback?: string;
}

const warned = new Set<string>();

export function widgetTitle(source: WidgetSource, lang: string): WidgetTitle {
  const i18n = source.i18n ?? {};
  const languages = Object.keys(i18n);
  if (!source.nameKey || !languages.length) return { name: source.name };
  const shown = [lang, 'en', 'ru'].find((l) => l in i18n) ?? languages[0]!;
  const fallback = shown === lang ? undefined : shown;
  if (fallback && !warned.has(`${source.name}:${lang}`)) {
    warned.add(`${source.name}:${lang}`);
    console.warn(`[workbench] ${source.name}: no i18n/${lang}.json, showing ${fallback}.json instead.`);
  }
  const texts = i18n[shown];
  return {
    name: lookup(texts, source.nameKey) ?? source.name,
    description: source.descriptionKey ? lookup(texts, source.descriptionKey) : undefined,
    fallback,
  };
}

/** A manifest value is an i18n key path (`widget.name`) or, if no such key exists, plain text. */
function lookup(texts: unknown, key: string): string | undefined {
  const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), texts);
  if (typeof value === 'string') return value;
  return key.includes('.') ? undefined : key;
}
