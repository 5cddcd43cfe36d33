// The calculator's own words (currency, pipeline, contact, the new deal's title), apart from the
// loan tab's dictionaries so the tab's files stay the tab's.
import type { Lang } from '../i18n.js';

const en = {
  currency: 'Currency',
  pipeline: 'Pipeline',
  contact: 'Client',
  contactSearch: 'Name or phone',
  find: 'Find',
  searching: 'Searching…',
  noMatches: 'No client found — add a new one below.',
  newContact: 'New client',
  firstName: 'First name',
  lastName: 'Last name',
  phone: 'Phone',
  chosen: 'Client',
  change: 'Change',
  contactRequired: 'Choose a client or enter a new client’s name first.',
  dealTitle: 'Loan',
};
export type CalcDict = typeof en;

const es: CalcDict = {
  currency: 'Moneda',
  pipeline: 'Embudo',
  contact: 'Cliente',
  contactSearch: 'Nombre o teléfono',
  find: 'Buscar',
  searching: 'Buscando…',
  noMatches: 'No se encontró el cliente; agregue uno nuevo abajo.',
  newContact: 'Cliente nuevo',
  firstName: 'Nombre',
  lastName: 'Apellido',
  phone: 'Teléfono',
  chosen: 'Cliente',
  change: 'Cambiar',
  contactRequired: 'Primero elija un cliente o escriba el nombre de uno nuevo.',
  dealTitle: 'Préstamo',
};

const ru: CalcDict = {
  currency: 'Валюта',
  pipeline: 'Воронка',
  contact: 'Клиент',
  contactSearch: 'Имя или телефон',
  find: 'Найти',
  searching: 'Поиск…',
  noMatches: 'Клиент не найден — добавьте нового ниже.',
  newContact: 'Новый клиент',
  firstName: 'Имя',
  lastName: 'Фамилия',
  phone: 'Телефон',
  chosen: 'Клиент',
  change: 'Изменить',
  contactRequired: 'Сначала выберите клиента или введите имя нового.',
  dealTitle: 'Заём',
};

export function calcDict(lang: Lang): CalcDict {
  return lang === 'ru' ? ru : lang === 'es' ? es : en;
}
