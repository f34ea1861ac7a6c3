/** The workbench's state names in the toolbar language, for the All states overview (a folder's own states keep their names). */
const LABELS: Record<string, Record<string, string>> = {
  ru: {
    Default: 'По умолчанию',
    'Deal without company': 'Сделка без компании',
    'Deal not loaded yet': 'Сделка ещё не загружена',
    'Few fields': 'Мало полей',
    'Long values': 'Длинные значения',
    Loading: 'Загрузка',
    Empty: 'Пусто',
    'Server error': 'Ошибка сервера',
    Forbidden: 'Доступ запрещён',
    'Expired token': 'Токен истёк',
    Offline: 'Нет сети',
  },
  es: {
    Default: 'Predeterminado',
    'Deal without company': 'Negocio sin empresa',
    'Deal not loaded yet': 'Negocio aún sin cargar',
    'Few fields': 'Pocos campos',
    'Long values': 'Valores largos',
    Loading: 'Cargando',
    Empty: 'Vacío',
    'Server error': 'Error del servidor',
    Forbidden: 'Prohibido',
    'Expired token': 'Token caducado',
    Offline: 'Sin conexión',
  },
  pt: {
    Default: 'Padrão',
    'Deal without company': 'Negócio sem empresa',
    'Deal not loaded yet': 'Negócio ainda não carregado',
    'Few fields': 'Poucos campos',
    'Long values': 'Valores longos',
    Loading: 'Carregando',
    Empty: 'Vazio',
    'Server error': 'Erro do servidor',
    Forbidden: 'Proibido',
    'Expired token': 'Token expirado',
    Offline: 'Sem conexão',
  },
};

export function stateLabel(name: string, lang: string | undefined): string {
  return (lang && LABELS[lang]?.[name]) || name;
}
