// Labels of the portal page itself (not of our widgets). ?lang=ru|en|es switches them and the LANG
// the frames receive.
export type PortalLang = 'en' | 'ru' | 'es';

const en = {
  deals: 'Deals',
  deal: 'Deal',
  general: 'General',
  title: 'Title',
  amount: 'Amount',
  stage: 'Stage',
  pipeline: 'Pipeline',
  contact: 'Contact',
  actions: 'Actions',
  noDeals: 'No deals yet.',
  notInstalled: 'The app is not installed (or installFinish has not been called): placements are hidden.',
  logs: 'Logs',
  restCalls: 'REST calls',
  events: 'Event deliveries',
  method: 'Method',
  count: 'Count',
  app: 'Application',
  close: 'Close',
  backToList: '← Deals',
};
type Labels = typeof en;

const ru: Labels = {
  deals: 'Сделки',
  deal: 'Сделка',
  general: 'Общее',
  title: 'Название',
  amount: 'Сумма',
  stage: 'Стадия',
  pipeline: 'Воронка',
  contact: 'Контакт',
  actions: 'Действия',
  noDeals: 'Сделок пока нет.',
  notInstalled: 'Приложение не установлено (или не вызван installFinish): встройки скрыты.',
  logs: 'Журнал',
  restCalls: 'Вызовы REST',
  events: 'Доставка событий',
  method: 'Метод',
  count: 'Кол-во',
  app: 'Приложение',
  close: 'Закрыть',
  backToList: '← Сделки',
};

const es: Labels = {
  deals: 'Negociaciones',
  deal: 'Negociación',
  general: 'General',
  title: 'Título',
  amount: 'Monto',
  stage: 'Etapa',
  pipeline: 'Embudo',
  contact: 'Contacto',
  actions: 'Acciones',
  noDeals: 'Aún no hay negociaciones.',
  notInstalled: 'La aplicación no está instalada (o falta installFinish): los widgets están ocultos.',
  logs: 'Registro',
  restCalls: 'Llamadas REST',
  events: 'Entregas de eventos',
  method: 'Método',
  count: 'Cantidad',
  app: 'Aplicación',
  close: 'Cerrar',
  backToList: '← Negociaciones',
};

export const portalLabels: Record<PortalLang, Labels> = { en, ru, es };

export function portalLang(raw: unknown, fallback: string): PortalLang {
  const l = (typeof raw === 'string' && raw ? raw : fallback).slice(0, 2).toLowerCase();
  return l === 'ru' || l === 'es' ? l : 'en';
}
