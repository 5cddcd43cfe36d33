// Words of the lender section (components/lender-profile.tsx).
import type { Lang } from './i18n.js';
import type { NameError } from './lender-model.js';
import type { SectionProblem } from './providers-model.js';

const en = {
  title: 'Lender',
  intro: 'Your company name as call scripts say it ({{company_name}}) and SMS messages are signed with.',
  companyName: 'Company name',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved',
  // The limit is the server's (server/settings/lender-profile.ts, COMPANY_NAME_MAX).
  'err.required': 'Enter the name: reminder SMS messages are signed with it and call scripts say it',
  'err.tooLong': 'At most 120 characters',
  'err.characters': 'Remove the control characters',
  'problem.refused': 'Could not save. Try again.',
  'problem.forbidden': 'Only a portal administrator can change the company name.',
  'problem.session': 'Your session has expired. Reopen the application.',
  'problem.network': 'No connection to the application. Try again.',
};

type Dict = Record<keyof typeof en, string>;

const es: Dict = {
  title: 'Financiera',
  intro: 'El nombre de su empresa, como lo dicen los guiones de llamada ({{company_name}}) y con el que se firman los SMS.',
  companyName: 'Nombre de la empresa',
  save: 'Guardar',
  saving: 'Guardando…',
  saved: 'Guardado',
  'err.required': 'Escriba el nombre: con él se firman los SMS de recordatorio y lo dicen los guiones de llamada',
  'err.tooLong': 'Máximo 120 caracteres',
  'err.characters': 'Quite los caracteres de control',
  'problem.refused': 'No se pudo guardar. Inténtelo de nuevo.',
  'problem.forbidden': 'Solo un administrador del portal puede cambiar el nombre de la empresa.',
  'problem.session': 'Su sesión expiró. Vuelva a abrir la aplicación.',
  'problem.network': 'Sin conexión con la aplicación. Inténtelo de nuevo.',
};

const ru: Dict = {
  title: 'Кредитор',
  intro: 'Название вашей компании: его называют скрипты звонков ({{company_name}}) и им подписываются SMS.',
  companyName: 'Название компании',
  save: 'Сохранить',
  saving: 'Сохранение…',
  saved: 'Сохранено',
  'err.required': 'Введите название: им подписываются SMS-напоминания и его называют скрипты звонков',
  'err.tooLong': 'Не больше 120 символов',
  'err.characters': 'Уберите управляющие символы',
  'problem.refused': 'Не удалось сохранить. Попробуйте ещё раз.',
  'problem.forbidden': 'Менять название компании может только администратор портала.',
  'problem.session': 'Сессия истекла. Откройте приложение заново.',
  'problem.network': 'Нет связи с приложением. Попробуйте ещё раз.',
};

const dictionaries: Record<Lang, Dict> = { en, es, ru };

export type LenderKey = keyof typeof en;
export type LenderTranslate = (key: LenderKey) => string;

export function lenderTranslator(lang: Lang): LenderTranslate {
  const d = dictionaries[lang];
  return (key) => d[key];
}

export const nameErrorKey = (e: NameError): LenderKey => `err.${e}`;
/** 'invalid' never reaches this section (a 400 is the field's error): it reads as a refusal. */
export const lenderProblemKey = (p: SectionProblem): LenderKey => (p === 'invalid' ? 'problem.refused' : `problem.${p}`);
