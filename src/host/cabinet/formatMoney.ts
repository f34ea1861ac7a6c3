/** Budget as the cabinet shows it: grouped digits and the account's currency symbol. */
const LOCALES: Record<string, string> = { ru: 'ru-RU', en: 'en-US', es: 'es-ES', pt: 'pt-BR' };

// One formatter per locale, made once: the first Intl.NumberFormat of a page loads the locale's
// data (~12 ms here), and a locale matrix or a deal switch formats many budgets.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(lang: string): Intl.NumberFormat {
  const locale = LOCALES[lang] ?? 'en-US';
  let formatter = formatters.get(locale);
  if (!formatter) formatters.set(locale, (formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })));
  return formatter;
}

export function formatMoney(amount: number, currencySymbol: string, lang: string): string {
  return `${formatterFor(lang).format(amount)} ${currencySymbol}`;
}

// The cabinet's default language is made ready in a task of its own as the page loads, while it
// waits for Storybook's index and the story file, rather than in the middle of the first render.
if (typeof window !== 'undefined') setTimeout(() => formatterFor('ru'), 0);
