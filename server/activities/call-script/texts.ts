import type { ScriptLang } from './language.js';

// What the call_script block writes to people in the deal's language: the responsible employee's
// to-do, the timeline comment's last line, and the neutral text shown where a {{variable}} has no
// value (the collector sees what to say in its place, never "{{company_name}}"). Labels in brackets
// read correctly in any grammatical case, which a stand-in noun would not in Russian.

interface Texts {
  todoDescription: (title: string, tab: string) => string;
  outcome: Record<string, string>;
  missing: Record<string, string>;
  missingOther: string;
}

const TAB: Record<ScriptLang, string> = { en: 'Call script', ru: 'Скрипт звонка', es: 'Guion de llamada' };

export const CALL_SCRIPT_TEXTS: Readonly<Record<ScriptLang, Texts>> = {
  en: {
    todoDescription: (title, tab) => `Call the client with the script "${title}" — open the "${tab}" tab of this deal.`,
    outcome: {
      completed: 'completed',
      verified: 'verified',
      not_confirmed: 'not confirmed',
      callback: 'call back',
      wrong_number: 'wrong number',
      rejected: 'rejected',
    },
    missing: {
      client_name: '(client’s name)',
      company_name: '(your company’s name)',
      contact_name: '(reference’s name)',
      client_phone: '(client’s phone)',
      employer_name: '(employer’s name)',
      monthly_income: '(monthly income)',
      amount: '(loan amount)',
      currency: '',
      term: '(loan term)',
      next_payment: '(payment amount)',
      first_due_date: '(first payment date)',
      balance: '(balance)',
      days_overdue: '(days overdue)',
    },
    missingOther: '(…)',
  },
  es: {
    todoDescription: (title, tab) => `Llame al cliente con el guion «${title}»: abra la pestaña «${tab}» de esta negociación.`,
    outcome: {
      completed: 'completada',
      verified: 'verificado',
      not_confirmed: 'no confirmado',
      callback: 'volver a llamar',
      wrong_number: 'número equivocado',
      rejected: 'rechazado',
    },
    missing: {
      client_name: '(nombre del cliente)',
      company_name: '(nombre de su empresa)',
      contact_name: '(nombre de la referencia)',
      client_phone: '(teléfono del cliente)',
      employer_name: '(nombre del empleador)',
      monthly_income: '(ingreso mensual)',
      amount: '(monto del préstamo)',
      currency: '',
      term: '(plazo)',
      next_payment: '(monto del pago)',
      first_due_date: '(fecha del primer pago)',
      balance: '(saldo)',
      days_overdue: '(días de atraso)',
    },
    missingOther: '(…)',
  },
  ru: {
    todoDescription: (title, tab) => `Позвоните клиенту по скрипту «${title}»: откройте вкладку «${tab}» этой сделки.`,
    outcome: {
      completed: 'завершён',
      verified: 'проверено',
      not_confirmed: 'не подтверждено',
      callback: 'перезвонить',
      wrong_number: 'ошибочный номер',
      rejected: 'отказ',
    },
    missing: {
      client_name: '(имя клиента)',
      company_name: '(название вашей компании)',
      contact_name: '(имя контактного лица)',
      client_phone: '(телефон клиента)',
      employer_name: '(название работодателя)',
      monthly_income: '(ежемесячный доход)',
      amount: '(сумма займа)',
      currency: '',
      term: '(срок)',
      next_payment: '(сумма платежа)',
      first_due_date: '(дата первого платежа)',
      balance: '(остаток)',
      days_overdue: '(дней просрочки)',
    },
    missingOther: '(…)',
  },
};

export function todoDescription(lang: ScriptLang, scriptTitle: string): string {
  return CALL_SCRIPT_TEXTS[lang].todoDescription(scriptTitle, TAB[lang]);
}

export function outcomeLabel(lang: ScriptLang, outcome: string): string {
  return CALL_SCRIPT_TEXTS[lang].outcome[outcome] ?? outcome;
}

/** The neutral stand-ins for the given variable names (what the tab and the timeline show instead). */
export function fallbacksFor(lang: ScriptLang, names: readonly string[]): Record<string, string> {
  const t = CALL_SCRIPT_TEXTS[lang];
  return Object.fromEntries(names.map((n) => [n, t.missing[n] ?? t.missingOther]));
}
