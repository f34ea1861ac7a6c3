/** The problem strip's own words in the cabinet's languages; codes and messages stay as written. */
export interface StripLabels {
  count(n: number): string;
  expected: string;
  warning: string;
  fix: string;
  where: string;
  kinds: Record<'failure' | 'doctor' | 'request' | 'folder', string>;
}

const plural = (n: number, one: string, few: string, many: string) => {
  const mod10 = n % 10;
  const mod100 = n % 100;
  return mod10 === 1 && mod100 !== 11 ? one : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14) ? few : many;
};

export const STRIP_LABELS: Record<string, StripLabels> = {
  ru: {
    count: (n) => `${n} ${plural(n, 'проблема', 'проблемы', 'проблем')} виджета`,
    expected: 'ожидается историей',
    warning: 'предупреждение',
    fix: 'Что сделать',
    where: 'Где',
    kinds: { failure: 'сбой', doctor: 'доктор', request: 'запрос', folder: 'папка' },
  },
  en: {
    count: (n) => `${n} widget ${n === 1 ? 'problem' : 'problems'}`,
    expected: 'expected by the story',
    warning: 'warning',
    fix: 'Fix',
    where: 'Where',
    kinds: { failure: 'failure', doctor: 'doctor', request: 'request', folder: 'folder' },
  },
  es: {
    count: (n) => `${n} ${n === 1 ? 'problema' : 'problemas'} del widget`,
    expected: 'esperado por la historia',
    warning: 'advertencia',
    fix: 'Solución',
    where: 'Dónde',
    kinds: { failure: 'fallo', doctor: 'doctor', request: 'solicitud', folder: 'carpeta' },
  },
  pt: {
    count: (n) => `${n} ${n === 1 ? 'problema' : 'problemas'} do widget`,
    expected: 'esperado pela história',
    warning: 'aviso',
    fix: 'Correção',
    where: 'Onde',
    kinds: { failure: 'falha', doctor: 'doutor', request: 'requisição', folder: 'pasta' },
  },
};

export function stripLabels(lang: string | undefined): StripLabels {
  return STRIP_LABELS[lang ?? 'en'] ?? STRIP_LABELS.en!;
}
