// A field's value as the person sees and types it ↔ the JSON value the server stores (checked there
// against the pinned catalog's type: server/documents/docx/check-values.ts). Numbers and amounts are
// read with the one parser the loan tab and the server use (lending/locale-number.ts), exactly, as
// decimal strings. What it cannot read is sent as typed: the server refuses it with its own message
// in the user's language, and the field keeps the text — no second copy of the rules here.
import { currencyScale } from '../../lending/currency.js';
import { parseLocaleNumber, type NumberLocale } from '../../lending/locale-number.js';

/** The catalog types this tab edits as one input (text-like, number, money, date). */
export type TypedKind = 'text' | 'number' | 'money' | 'date';

const TYPED: Readonly<Record<string, TypedKind>> = {
  text: 'text',
  person: 'text',
  address: 'text',
  document_number: 'text',
  number: 'number',
  money: 'money',
  date: 'date',
};

/** The input kind of a catalog type typed as text; undefined for choices, check boxes, lists, scans. */
export function typedKindOf(type: string): TypedKind | undefined {
  return TYPED[type];
}

export interface MoneyJson {
  amount: string;
  currency: string;
}

/** What goes to the server for the text in the input; null removes the value (empty input). */
export function valueFromTyped(kind: TypedKind, raw: string, locale: NumberLocale, currency: string): unknown {
  const text = raw.trim();
  if (text === '') return null;
  if (kind === 'number') {
    const r = parseLocaleNumber(text, locale);
    return r.ok ? r.value : text;
  }
  if (kind === 'money') {
    const r = parseLocaleNumber(text, locale, { scale: scaleOf(currency) });
    return { amount: r.ok ? r.value : text, currency } satisfies MoneyJson;
  }
  return kind === 'date' ? (isoFromTyped(text, locale) ?? text) : raw;
}

/** A stored value as the input shows it: amounts grouped the way the user's language writes them. */
export function typedFromValue(kind: TypedKind, v: unknown, locale: NumberLocale): string {
  if (v === undefined || v === null) return '';
  if (kind === 'number' && (typeof v === 'string' || typeof v === 'number')) return grouped(String(v), locale);
  if (kind === 'money' && isMoney(v)) return grouped(v.amount, locale);
  if (kind === 'date' && typeof v === 'string') return typedDate(v, locale);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function isMoney(v: unknown): v is MoneyJson {
  return (
    typeof v === 'object' && v !== null && typeof (v as MoneyJson).amount === 'string' && typeof (v as MoneyJson).currency === 'string'
  );
}

/**
 * "15000.50" → "15,000.50" (en, es-MX) or "15 000,50" (ru, no-break space), on the digits as text: a
 * JS number would round amounts past 15 digits. The parser reads this form back.
 */
export function grouped(decimal: string, locale: NumberLocale): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/u.exec(decimal);
  if (!m) return decimal;
  const [, sign, integer, fraction] = m;
  const group = locale === 'ru' ? '\u00a0' : ',';
  const point = locale === 'ru' ? ',' : '.';
  const int = integer!.replace(/\B(?=(\d{3})+(?!\d))/gu, group);
  return `${sign}${int}${fraction === undefined ? '' : point + fraction}`;
}

function scaleOf(currency: string): number | undefined {
  try {
    return currencyScale(currency);
  } catch {
    return undefined; // an unknown currency: the server refuses the amount with its own message
  }
}

/** How a date is written in each language: 31.12.2026 (ru), 31/12/2026 (es-MX), 12/31/2026 (en-US). */
export const DATE_PLACEHOLDER: Record<NumberLocale, string> = { ru: 'ДД.ММ.ГГГГ', es: 'DD/MM/AAAA', en: 'MM/DD/YYYY' };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/u;

function typedDate(iso: string, locale: NumberLocale): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  return locale === 'ru' ? `${d}.${mo}.${y}` : locale === 'es' ? `${d}/${mo}/${y}` : `${mo}/${d}/${y}`;
}

/**
 * A date as the user's language writes it (day first in ru and es, month first in en; '.', '/' or '-'
 * between) or as ISO → "YYYY-MM-DD"; null when it is not one (the server then refuses it). Whether the
 * day exists (31.02) is the server's check.
 */
export function isoFromTyped(text: string, locale: NumberLocale): string | null {
  if (ISO.test(text)) return text;
  const m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/u.exec(text);
  if (!m) return null;
  const [a, b] = [m[1]!.padStart(2, '0'), m[2]!.padStart(2, '0')];
  const [day, month] = locale === 'en' ? [b, a] : [a, b];
  return `${m[3]}-${month}-${day}`;
}
