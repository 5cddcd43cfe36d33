import { currencyScale, SUPPORTED_CURRENCIES } from '../../../lending/currency.js';
import type { DealContext } from '../deal-context.js';
import type { ScriptLang } from './language.js';
import { spokenMoney } from './money.js';
import { fallbacksFor } from './texts.js';
import { termInWords } from '../../../lending/term-words.js';

// The {{names}} the call-script texts use (templates/call-scripts "variables"), filled from the deal,
// its contact, our loan on it and the lender's profile, formatted as the client hears them in the
// script's language. What has no value is named in `missing` (the robot log lists it to the admin)
// and gets a neutral stand-in in `fallbacks`, so no text ever shows "{{name}}" to the collector.

export interface ScriptVars {
  vars: Record<string, string>;
  fallbacks: Record<string, string>;
  missing: string[];
}

export interface ScriptVarSources {
  companyName?: string | undefined;
  /** The robot's properties: a designer may give what the deal does not hold (contact_name). */
  properties?: Record<string, unknown>;
}

const LOCALE: Record<ScriptLang, string> = { es: 'es-MX', ru: 'ru-RU', en: 'en-US' };
const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');

function scaleOf(currency: string): number {
  return SUPPORTED_CURRENCIES.includes(currency) ? currencyScale(currency) : 2;
}

/** With its currency's symbol, as the Loan tab shows money (money.ts). */
function money(amount: string, currency: string, lang: ScriptLang): string {
  if (!/^\d+(\.\d+)?$/.test(amount) || Number(amount) === 0) return '';
  return spokenMoney(amount, currency, lang, scaleOf(currency));
}

/** A Bitrix24 money field reads "15000|MXN" (amount|currency). */
function moneyField(raw: unknown, lang: ScriptLang): string {
  const [amount = '', currency = ''] = str(raw).split('|');
  return money(amount, currency, lang);
}

function longDate(iso: string | undefined, lang: ScriptLang): string {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  const long = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  // ru ends a long date with "г." — before the script's own full stop it reads "2027 г..", and it is not said aloud.
  return long.replace(/\s*г\.$/, '');
}

/** The loan's length as the client says it: "12 meses", "16 недель" (installments × period). */
function termOf(dc: DealContext, lang: ScriptLang): string {
  const loan = dc.loan?.loan;
  const count = loan?.installments ?? loan?.dueDates?.length;
  if (!loan || !count) return '';
  return termInWords(count, { unit: loan.frequency?.unit ?? 'month', every: loan.frequency?.every ?? 1 }, lang);
}

export function callScriptVars(dc: DealContext, lang: ScriptLang, src: ScriptVarSources, wanted: readonly string[]): ScriptVars {
  const v = dc.vars;
  const currency = v.currency ?? '';
  const firstDue = dc.loan?.schedule.rows[0]?.dueDate;
  const all: Record<string, string> = {
    client_name: [str(dc.contact?.NAME), str(dc.contact?.LAST_NAME)].filter(Boolean).join(' '),
    company_name: src.companyName?.trim() ?? '',
    contact_name: str(src.properties?.contact_name),
    client_phone: dc.phone ?? '',
    employer_name: str(dc.deal.UF_CRM_CLIENT_EMPLOYER_NAME),
    monthly_income: moneyField(dc.deal.UF_CRM_CLIENT_MONTHLY_INCOME, lang),
    amount: money(v.principal ?? '', currency, lang),
    currency,
    term: termOf(dc, lang),
    next_payment: money(v.amount ?? '', currency, lang),
    first_due_date: longDate(firstDue, lang),
    balance: money(v.balance ?? '', currency, lang),
    days_overdue: dc.loan ? (v.daysOverdue ?? '') : '',
  };
  const vars = Object.fromEntries(Object.entries(all).filter(([, x]) => x !== ''));
  const missing = wanted.filter((n) => vars[n] === undefined);
  return { vars, fallbacks: fallbacksFor(lang, missing), missing };
}
