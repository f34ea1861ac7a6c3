/** Budget as the cabinet shows it: grouped digits and the account's currency symbol. */
const LOCALES: Record<string, string> = { ru: 'ru-RU', en: 'en-US', es: 'es-ES', pt: 'pt-BR' };

export function formatMoney(amount: number, currencySymbol: string, lang: string): string {
  const digits = new Intl.NumberFormat(LOCALES[lang] ?? 'en-US', { maximumFractionDigits: 2 }).format(amount);
  return `${digits} ${currencySymbol}`;
}
