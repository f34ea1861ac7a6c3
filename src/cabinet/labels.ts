/** The chrome's own words, in each SUPPORTED_LANGS language. */
import type { Lang } from '../sdk/constants';

export interface ChromeLabels {
  deal: string;
  deals: string;
  status: string;
  budget: string;
  manager: string;
  contacts: string;
  company: string;
  widgets: string;
  widgetFailed: string;
  phase: string;
  fix: string;
  removeData: string;
  loading: string;
}

export const LABELS: Record<Lang, ChromeLabels> = {
  ru: {
    deal: 'Сделка', deals: 'Мои сделки', status: 'Статус', budget: 'Бюджет', manager: 'Менеджер',
    contacts: 'Контакты', company: 'Компания', widgets: 'Виджеты', widgetFailed: 'Виджет не запустился',
    phase: 'Этап', fix: 'Как исправить', removeData: 'Удалить мои персональные данные', loading: 'Загрузка…',
  },
  en: {
    deal: 'Deal', deals: 'My deals', status: 'Status', budget: 'Budget', manager: 'Manager',
    contacts: 'Contacts', company: 'Company', widgets: 'Widgets', widgetFailed: 'Widget failed',
    phase: 'Phase', fix: 'How to fix', removeData: 'Delete my personal data', loading: 'Loading…',
  },
  es: {
    deal: 'Negocio', deals: 'Mis negocios', status: 'Estado', budget: 'Presupuesto', manager: 'Gerente',
    contacts: 'Contactos', company: 'Empresa', widgets: 'Widgets', widgetFailed: 'El widget falló',
    phase: 'Fase', fix: 'Cómo corregirlo', removeData: 'Eliminar mis datos personales', loading: 'Cargando…',
  },
  pt: {
    deal: 'Negócio', deals: 'Meus negócios', status: 'Status', budget: 'Orçamento', manager: 'Gerente',
    contacts: 'Contatos', company: 'Empresa', widgets: 'Widgets', widgetFailed: 'O widget falhou',
    phase: 'Fase', fix: 'Como corrigir', removeData: 'Excluir meus dados pessoais', loading: 'Carregando…',
  },
};

export function labelsFor(lang: string): ChromeLabels {
  return LABELS[lang as Lang] ?? LABELS.en;
}
