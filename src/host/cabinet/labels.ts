/** The chrome's own words, in each SUPPORTED_LANGS language. */
import type { Lang } from '../../common/constants';

export interface ChromeLabels {
  deal: string;
  deals: string;
  status: string;
  budget: string;
  manager: string;
  contacts: string;
  company: string;
  details: string;
  widgets: string;
  widgetFailed: string;
  removeData: string;
  loading: string;
  conversation: string;
  yes: string;
  no: string;
  empty: string;
  document: string;
  call: string;
  download: string;
  play: string;
  enumCodes: Record<string, string>;
}

export const LABELS: Record<Lang, ChromeLabels> = {
  ru: {
    deal: 'Сделка',
    deals: 'Мои сделки',
    status: 'Статус',
    budget: 'Бюджет',
    manager: 'Менеджер',
    contacts: 'Контакты',
    company: 'Компания',
    details: 'Данные сделки',
    widgets: 'Виджеты',
    widgetFailed: 'Виджет не запустился',
    removeData: 'Удалить мои персональные данные',
    loading: 'Загружаем данные сделки…',
    conversation: 'Переписка с менеджером',
    yes: 'Да',
    no: 'Нет',
    empty: '—',
    document: 'Документ',
    call: 'Запись звонка',
    download: 'Скачать',
    play: 'Прослушать',
    enumCodes: { WORK: 'рабочий', WORKDD: 'рабочий прямой', MOB: 'мобильный', FAX: 'факс', HOME: 'домашний', OTHER: 'другой', PRIV: 'личный' },
  },
  en: {
    deal: 'Deal',
    deals: 'My deals',
    status: 'Status',
    budget: 'Budget',
    manager: 'Manager',
    contacts: 'Contacts',
    company: 'Company',
    details: 'Deal details',
    widgets: 'Widgets',
    widgetFailed: 'Widget failed',
    removeData: 'Delete my personal data',
    loading: 'Loading the deal…',
    conversation: 'Conversation with your manager',
    yes: 'Yes',
    no: 'No',
    empty: '—',
    document: 'Document',
    call: 'Call recording',
    download: 'Download',
    play: 'Play',
    enumCodes: { WORK: 'work', WORKDD: 'direct', MOB: 'mobile', FAX: 'fax', HOME: 'home', OTHER: 'other', PRIV: 'personal' },
  },
  es: {
    deal: 'Negocio',
    deals: 'Mis negocios',
    status: 'Estado',
    budget: 'Presupuesto',
    manager: 'Gerente',
    contacts: 'Contactos',
    company: 'Empresa',
    details: 'Datos del negocio',
    widgets: 'Widgets',
    widgetFailed: 'El widget falló',
    removeData: 'Eliminar mis datos personales',
    loading: 'Cargando el negocio…',
    conversation: 'Conversación con su gerente',
    yes: 'Sí',
    no: 'No',
    empty: '—',
    document: 'Documento',
    call: 'Grabación de llamada',
    download: 'Descargar',
    play: 'Reproducir',
    enumCodes: { WORK: 'trabajo', WORKDD: 'directo', MOB: 'móvil', FAX: 'fax', HOME: 'casa', OTHER: 'otro', PRIV: 'personal' },
  },
  pt: {
    deal: 'Negócio',
    deals: 'Meus negócios',
    status: 'Status',
    budget: 'Orçamento',
    manager: 'Gerente',
    contacts: 'Contatos',
    company: 'Empresa',
    details: 'Dados do negócio',
    widgets: 'Widgets',
    widgetFailed: 'O widget falhou',
    removeData: 'Excluir meus dados pessoais',
    loading: 'Carregando o negócio…',
    conversation: 'Conversa com seu gerente',
    yes: 'Sim',
    no: 'Não',
    empty: '—',
    document: 'Documento',
    call: 'Gravação de chamada',
    download: 'Baixar',
    play: 'Ouvir',
    enumCodes: { WORK: 'trabalho', WORKDD: 'direto', MOB: 'celular', FAX: 'fax', HOME: 'casa', OTHER: 'outro', PRIV: 'pessoal' },
  },
};

export function labelsFor(lang: string): ChromeLabels {
  return LABELS[lang as Lang] ?? LABELS.en;
}
