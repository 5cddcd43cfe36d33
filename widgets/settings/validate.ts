// The form's checks, the same rules the server applies (schema patterns and checkProduct in
// server/routes/api/products/index.ts, fee rules of lending/parse-input.ts), so the admin sees
// every problem inline before saving. The server re-validates; this is for the user, not for trust.
import { DAY_COUNTS, METHODS, PROFILE_IDS } from './catalog.js';
import type { Product, ProductDraft, ProductFee } from './product.js';

export type ErrorCode =
  | 'REQUIRED'
  | 'ID_FORMAT'
  | 'ID_TAKEN'
  | 'TOO_LONG'
  | 'PERCENT_FORMAT'
  | 'AMOUNT_FORMAT'
  | 'TERM_FORMAT'
  | 'MIN_ABOVE_MAX'
  | 'CURRENCY_FORMAT'
  | 'UNKNOWN_CHOICE'
  | 'WITHHELD_AT_DISBURSEMENT'
  | 'TOO_MANY_FEES';

/** Field path → problem: `rateMin`, `fees.0.value`, … */
export type Errors = Record<string, ErrorCode>;

const PERCENT = /^\d{1,6}(\.\d{1,6})?$/;
const AMOUNT = /^\d{1,15}(\.\d{1,4})?$/;
const ID = /^[A-Za-z0-9_.-]{1,64}$/;
const MAX_FEES = 20;

/** What people type in ru/es locales: "12,5", "100 000" → "12.5", "100000". */
export function normalizeNumber(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
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

export interface Checked {
  errors: Errors;
  /** Present only when there are no errors: what is sent to the server. */
  product?: Product;
}

export function validateDraft(d: ProductDraft, takenIds: readonly string[] = []): Checked {
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

  const rateMin = normalizeNumber(d.rateMin);
  const rateMax = normalizeNumber(d.rateMax);
  if (!rateMin) e.rateMin = 'REQUIRED';
  else if (!PERCENT.test(rateMin)) e.rateMin = 'PERCENT_FORMAT';
  if (!rateMax) e.rateMax = 'REQUIRED';
  else if (!PERCENT.test(rateMax)) e.rateMax = 'PERCENT_FORMAT';
  if (!e.rateMin && !e.rateMax && compareDecimal(rateMin, rateMax) > 0) e.rateMin = 'MIN_ABOVE_MAX';

  const termMin = term(d.termMin);
  const termMax = term(d.termMax);
  if (termMin === null) e.termMin = d.termMin.trim() ? 'TERM_FORMAT' : 'REQUIRED';
  if (termMax === null) e.termMax = d.termMax.trim() ? 'TERM_FORMAT' : 'REQUIRED';
  if (termMin !== null && termMax !== null && termMin > termMax) e.termMin = 'MIN_ABOVE_MAX';

  const amountMin = normalizeNumber(d.amountMin);
  const amountMax = normalizeNumber(d.amountMax);
  if (amountMin && !AMOUNT.test(amountMin)) e.amountMin = 'AMOUNT_FORMAT';
  if (amountMax && !AMOUNT.test(amountMax)) e.amountMax = 'AMOUNT_FORMAT';
  if (amountMin && amountMax && !e.amountMin && !e.amountMax && compareDecimal(amountMin, amountMax) > 0) e.amountMin = 'MIN_ABOVE_MAX';

  const currency = d.currency.trim().toUpperCase();
  if (currency && !/^[A-Z]{3}$/.test(currency)) e.currency = 'CURRENCY_FORMAT';

  if (d.fees.length > MAX_FEES) e.fees = 'TOO_MANY_FEES';
  const fees: ProductFee[] = d.fees.map((f, i) => {
    const fname = f.name.trim();
    if (!fname) e[`fees.${i}.name`] = 'REQUIRED';
    else if (fname.length > 64) e[`fees.${i}.name`] = 'TOO_LONG';
    const value = normalizeNumber(f.value);
    if (!value) e[`fees.${i}.value`] = 'REQUIRED';
    else if (!(f.kind === 'percent' ? PERCENT : AMOUNT).test(value))
      e[`fees.${i}.value`] = f.kind === 'percent' ? 'PERCENT_FORMAT' : 'AMOUNT_FORMAT';
    if (f.withheld && f.at !== 'disbursement') e[`fees.${i}.withheld`] = 'WITHHELD_AT_DISBURSEMENT';
    return {
      name: fname,
      ...(f.kind === 'percent' ? { percent: value } : { amount: value }),
      at: f.at,
      ...(f.withheld ? { withheld: true } : {}),
    };
  });

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
      active: d.active,
    },
  };
}

/** The form field a server refusal names (`details.field`: `rateMin` or `products[0].rateMin`). */
export function fieldOfServerError(field: unknown): string | null {
  if (typeof field !== 'string') return null;
  const f = field.replace(/^products\[\d+\]\./, '');
  return /^[A-Za-z]+$/.test(f) ? f : null;
}
