import { AppError } from '../../../errors.js';

// Template variables from the deal, contact and loan, formatted the way a borrower reads them in
// each language. Pure and exact: amounts are decimal strings, never JS numbers.

export type SmsLang = 'es' | 'ru' | 'en';

export interface SmsVariableSource {
  clientName?: string | null;
  companyName?: string | null;
  contractNumber?: string | null;
  currency?: string | null;
  /** Decimal strings in major units. */
  amount?: string | null;
  nextAmount?: string | null;
  balance?: string | null;
  /** ISO dates YYYY-MM-DD. */
  nextDueDate?: string | null;
  daysOverdue?: number | null;
  payReference?: string | null;
  signLink?: string | null;
  pin?: string | null;
  /** Full CLABE; only the last four digits ever reach a message. */
  clabe?: string | null;
}

const SEPARATORS: Readonly<Record<SmsLang, { group: string; decimal: string }>> = {
  es: { group: ',', decimal: '.' }, // es-MX
  en: { group: ',', decimal: '.' },
  ru: { group: ' ', decimal: ',' }, // a plain space: NBSP would be normalised anyway
};

const CURRENCY_LABEL: Readonly<Record<SmsLang, Readonly<Record<string, string>>>> = {
  es: {},
  en: {},
  ru: { RUB: 'руб.' },
};

export function formatSmsAmount(amount: string, lang: SmsLang, scale = 2): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) throw new AppError('VALIDATION', `Not a decimal amount: ${amount}`);
  const [, sign, int, frac = ''] = m;
  if (frac.length > scale && /[1-9]/.test(frac.slice(scale)))
    throw new AppError('VALIDATION', `Amount ${amount} has more than ${scale} decimals`);
  const { group, decimal } = SEPARATORS[lang];
  const grouped = (int as string).replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${grouped}${scale > 0 ? decimal + frac.slice(0, scale).padEnd(scale, '0') : ''}`;
}

export function formatSmsDate(iso: string, lang: SmsLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new AppError('VALIDATION', `Not an ISO date: ${iso}`);
  const [, y, mo, d] = m;
  return lang === 'ru' ? `${d}.${mo}.${y}` : lang === 'en' ? `${mo}/${d}/${y}` : `${d}/${mo}/${y}`;
}

/** Only the variables with a value are returned, so renderSmsTemplate names exactly what is missing. */
export function smsVariables(lang: SmsLang, src: SmsVariableSource, currencyScale = 2): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (k: string, v: string | null | undefined) => {
    if (v !== undefined && v !== null && v !== '') out[k] = v;
  };
  set('client_name', src.clientName?.trim().split(/\s+/)[0]);
  set('company_name', src.companyName);
  set('contract_number', src.contractNumber);
  if (src.currency) set('currency', CURRENCY_LABEL[lang][src.currency] ?? src.currency);
  // "amount" is the figure the template is about: the next payment when there is one.
  const amount = src.amount ?? src.nextAmount;
  if (amount) set('amount', formatSmsAmount(amount, lang, currencyScale));
  if (src.balance) set('balance', formatSmsAmount(src.balance, lang, currencyScale));
  if (src.nextDueDate) set('due_date', formatSmsDate(src.nextDueDate, lang));
  if (src.daysOverdue !== undefined && src.daysOverdue !== null) set('days_overdue', String(src.daysOverdue));
  set('pay_reference', src.payReference);
  set('sign_link', src.signLink);
  set('pin', src.pin);
  if (src.clabe) set('clabe_last4', src.clabe.slice(-4));
  return out;
}
