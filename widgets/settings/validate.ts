// The form's checks, the same rules the server applies (schema patterns and checkProduct in
// server/routes/api/products/index.ts, fee rules of lending/parse-input.ts), so the admin sees
// every problem inline before saving. The server re-validates; this is for the user, not for trust.
import { SUPPORTED_CURRENCIES, currencyScale } from '../../lending/currency.js';
import { parseLocaleNumber, type NumberLocale } from '../../lending/locale-number.js';
import { DAY_COUNTS, METHODS, PROFILE_IDS } from './catalog.js';
import type { LateFeeJson } from '../../lending/index.js';
import type { Product, ProductDraft, ProductFee } from './product.js';

export type ErrorCode =
  | 'REQUIRED'
  | 'ID_FORMAT'
  | 'ID_TAKEN'
  | 'TOO_LONG'
  | 'PERCENT_FORMAT'
  | 'AMOUNT_FORMAT'
  | 'AMBIGUOUS_SEPARATOR'
  | 'BAD_GROUPING'
  | 'TERM_FORMAT'
  | 'MIN_ABOVE_MAX'
  | 'CURRENCY_FORMAT'
  | 'UNKNOWN_CHOICE'
  | 'WITHHELD_AT_DISBURSEMENT'
  | 'TOO_MANY_FEES'
  | 'DAYS_FORMAT'
  | 'TOO_MANY_LATE_FEES';

/** Field path → problem: `rateMin`, `fees.0.value`, … */
export type Errors = Record<string, ErrorCode>;

const PERCENT = /^\d{1,6}(\.\d{1,6})?$/;
const AMOUNT = /^\d{1,15}(\.\d{1,4})?$/;
const ID = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_FEES = 20;
/** lending/servicing/parse-conventions.ts takes at most 5 late fees. */
const MAX_LATE_FEES = 5;

/**
 * A number as the admin typed it in their language (lending/locale-number.ts: es-MX "3,000" is three
 * thousand, ru "100 000,5"), as the decimal the API takes without padding ("3000", "12.5"); an
 * ambiguous "1.000" is refused, never read as 1. Amounts are checked against the product's currency
 * scale (2 while it has none).
 */
export function readNumber(
  raw: string,
  locale: NumberLocale,
  kind: 'percent' | 'amount',
  currency = '',
): { value: string } | { error: ErrorCode } {
  const known = SUPPORTED_CURRENCIES.includes(currency);
  const r = parseLocaleNumber(raw, locale, kind === 'percent' ? { percent: true } : { scale: known ? currencyScale(currency) : 2 });
  const format: ErrorCode = kind === 'percent' ? 'PERCENT_FORMAT' : 'AMOUNT_FORMAT';
  if (!r.ok) return { error: r.code === 'AMBIGUOUS_SEPARATOR' || r.code === 'BAD_GROUPING' ? r.code : format };
  const value = r.value.includes('.') ? r.value.replace(/\.?0+$/, '') : r.value;
  return (kind === 'percent' ? PERCENT : AMOUNT).test(value) ? { value } : { error: format };
}

/** Compares two non-negative decimal strings exactly (no float rounding at 15+ digits). */
export function compareDecimal(a: string, b: string): number {
  const [ai = '0', af = ''] = a.split('.');
  const [bi = '0', bf = ''] = b.split('.');
  const ia = ai.replace(/^0+(?=\d)/, '');
  const ib = bi.replace(/^0+(?=\d)/, '');
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const n = Math.max(af.length, bf.length);
  const fa = af.padEnd(n, '0');
  const fb = bf.padEnd(n, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

function term(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d{1,4}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 1200 ? n : null;
}

/** Whole days 0–365 as the core takes them (`graceDays`); '' = none. */
function days(raw: string): number | null | 'bad' {
  const s = raw.trim();
  if (!s) return null;
  if (!/^\d{1,3}$/.test(s)) return 'bad';
  const n = Number(s);
  return n <= 365 ? n : 'bad';
}

export interface Checked {
  errors: Errors;
  /** Present only when there are no errors: what is sent to the server. */
  product?: Product;
}

export function validateDraft(d: ProductDraft, takenIds: readonly string[] = [], locale: NumberLocale = 'en'): Checked {
  const e: Errors = {};
  const id = d.id.trim();
  if (!id) e.id = 'REQUIRED';
  else if (!ID.test(id)) e.id = 'ID_FORMAT';
  else if (!d.existing && takenIds.includes(id)) e.id = 'ID_TAKEN';
  const name = d.name.trim();
  if (!name) e.name = 'REQUIRED';
  else if (name.length > 120) e.name = 'TOO_LONG';
  if (!(METHODS as readonly string[]).includes(d.method)) e.method = 'UNKNOWN_CHOICE';
  if (!(DAY_COUNTS as readonly string[]).includes(d.dayCount)) e.dayCount = 'UNKNOWN_CHOICE';
  if (d.profile && !(PROFILE_IDS as readonly string[]).includes(d.profile)) e.profile = 'UNKNOWN_CHOICE';

  const currency = d.currency.trim().toUpperCase();
  // Empty text is "none" (amounts) or REQUIRED (rates), reported by the caller.
  const read = (key: string, raw: string, kind: 'percent' | 'amount'): string => {
    if (!raw.trim()) return '';
    const r = readNumber(raw, locale, kind, currency);
    if ('error' in r) e[key] = r.error;
    return 'value' in r ? r.value : raw.trim();
  };
  const rateMin = read('rateMin', d.rateMin, 'percent');
  const rateMax = read('rateMax', d.rateMax, 'percent');
  if (!rateMin) e.rateMin = 'REQUIRED';
  if (!rateMax) e.rateMax = 'REQUIRED';
  if (!e.rateMin && !e.rateMax && compareDecimal(rateMin, rateMax) > 0) e.rateMin = 'MIN_ABOVE_MAX';

  const termMin = term(d.termMin);
  const termMax = term(d.termMax);
  if (termMin === null) e.termMin = d.termMin.trim() ? 'TERM_FORMAT' : 'REQUIRED';
  if (termMax === null) e.termMax = d.termMax.trim() ? 'TERM_FORMAT' : 'REQUIRED';
  if (termMin !== null && termMax !== null && termMin > termMax) e.termMin = 'MIN_ABOVE_MAX';

  const amountMin = read('amountMin', d.amountMin, 'amount');
  const amountMax = read('amountMax', d.amountMax, 'amount');
  if (amountMin && amountMax && !e.amountMin && !e.amountMax && compareDecimal(amountMin, amountMax) > 0) e.amountMin = 'MIN_ABOVE_MAX';

  if (currency && !/^[A-Z]{3}$/.test(currency)) e.currency = 'CURRENCY_FORMAT';

  if (d.fees.length > MAX_FEES) e.fees = 'TOO_MANY_FEES';
  const fees: ProductFee[] = d.fees.map((f, i) => {
    const fname = f.name.trim();
    if (!fname) e[`fees.${i}.name`] = 'REQUIRED';
    else if (fname.length > 64) e[`fees.${i}.name`] = 'TOO_LONG';
    const value = read(`fees.${i}.value`, f.value, f.kind);
    if (!value) e[`fees.${i}.value`] = 'REQUIRED';
    if (f.withheld && f.at !== 'disbursement') e[`fees.${i}.withheld`] = 'WITHHELD_AT_DISBURSEMENT';
    return {
      name: fname,
      ...(f.kind === 'percent' ? { percent: value } : { amount: value }),
      at: f.at,
      ...(f.withheld ? { withheld: true } : {}),
    };
  });

  if (d.lateFees.length > MAX_LATE_FEES) e.lateFees = 'TOO_MANY_LATE_FEES';
  const lateFees: LateFeeJson[] = d.lateFees.map((f, i) => {
    const k = `lateFees.${i}`;
    const fname = f.name.trim();
    if (fname.length > 60) e[`${k}.name`] = 'TOO_LONG';
    const value = read(`${k}.value`, f.value, f.kind);
    if (!value) e[`${k}.value`] = 'REQUIRED';
    const vat = f.kind === 'amount' ? read(`${k}.vatPercent`, f.vatPercent, 'percent') : '';
    const grace = days(f.graceDays);
    if (grace === 'bad') e[`${k}.graceDays`] = 'DAYS_FORMAT';
    return {
      ...(fname ? { name: fname } : {}),
      ...(f.kind === 'percent' ? { percent: value, base: f.base } : { amount: value }),
      ...(typeof grace === 'number' && grace > 0 ? { graceDays: grace } : {}),
      ...(vat ? { vatPercent: vat } : {}),
    };
  });
  // Shown only where the core applies them (product-rounding.tsx): hidden, they are not read nor sent.
  const installmentStep = d.method === 'single-payment' ? '' : read('installmentStep', d.installmentStep, 'amount');
  const annuityMode = d.method === 'annuity' && d.annuityMode ? d.annuityMode : null;
  const delinquencyGraceDays = days(d.delinquencyGraceDays);
  if (delinquencyGraceDays === 'bad') e.delinquencyGraceDays = 'DAYS_FORMAT';

  if (Object.keys(e).length > 0) return { errors: e };
  return {
    errors: e,
    product: {
      id,
      name,
      method: d.method,
      rateUnit: d.rateUnit,
      rateMin,
      rateMax,
      termMin: termMin!,
      termMax: termMax!,
      amountMin: amountMin || null,
      amountMax: amountMax || null,
      currency: currency || null,
      fees,
      dayCount: d.dayCount,
      profile: d.profile || null,
      payoffInterest: d.payoffInterest,
      catBasis: d.catBasis || null,
      lateFees,
      lateFeesWaivable: d.lateFeesWaivable,
      installmentStep: installmentStep || null,
      annuityMode,
      delinquencyGraceDays: delinquencyGraceDays === 'bad' ? null : delinquencyGraceDays,
      active: d.active,
    },
  };
}

/** The form field a server refusal names (`details.field`: `rateMin` or `products[0].rateMin`). */
export function fieldOfServerError(field: unknown): string | null {
  if (typeof field !== 'string') return null;
  const f = field.replace(/^products\[\d+\]\./, '');
  return /^[A-Za-z]+(\.\d+)?$/.test(f) ? f.replace(/\.\d+$/, '') : null;
}
