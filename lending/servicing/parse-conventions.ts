// The servicing conventions a lender configures, read from untrusted JSON: late fees, delinquency
// grace and pauses, prepayments (README "Servicing input"). Refusals name the field.
import { HUNDRED, ZERO } from '../decimal.js';
import { parseIsoDate } from '../dates.js';
import { invalid } from '../errors.js';
import { parseAmount, parseDecimal } from '../money.js';
import { asArray, asInt, asObject, asString, join, oneOf } from '../validate.js';
import type { DelinquencyTerms, LateFeeTerms, PausePeriod, Payment, Prepayment, PrepaymentMode } from './types.js';

export const PREPAYMENT_MODES = ['reduce-term', 'reduce-installment', 'reschedule-next'] as const;

export interface LateFeeJson {
  name?: string;
  /** Exactly one of the two: a fixed amount, or a percent of the installment's unpaid base. */
  amount?: string;
  percent?: string;
  base?: 'principal' | 'principal+interest';
  graceDays?: number;
  /** VAT on the fee; a profile with VAT (MX: 16) supplies it when absent, "0" for none. */
  vatPercent?: string;
}

/** Why a loan's delinquency is paused: for the people reading it; servicing does not read it. */
export const PAUSE_REASONS = ['payment-holiday', 'court-stay', 'other'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export interface DelinquencyJson {
  graceDays?: number;
  pauses?: { from: string; to?: string; reason?: PauseReason }[];
}

export interface PrepaymentJson {
  id: string;
  date: string;
  amount: string;
  mode: PrepaymentMode;
}

function percentOf(raw: unknown, path: string): ReturnType<typeof parseDecimal> {
  const pct = parseDecimal(raw, path);
  if (pct.isNegative()) throw invalid('RATE_NEGATIVE', path, 'A percent cannot be negative');
  return pct.div(HUNDRED);
}

export function parseLateFees(raw: unknown, path: string, scale: number, profileVatPercent: string | undefined): LateFeeTerms[] {
  return asArray(raw, path, 5).map((r, i) => {
    const p = join(path, i);
    const o = asObject(r, p);
    if ((o.amount === undefined) === (o.percent === undefined))
      throw invalid('LATE_FEE_ONE_OF', p, 'Give exactly one of amount or percent for a late fee');
    const vat = o.vatPercent ?? profileVatPercent;
    const vatRate = vat === undefined ? undefined : percentOf(vat, join(p, 'vatPercent'));
    return {
      name: o.name === undefined ? `late-fee-${i + 1}` : asString(o.name, join(p, 'name'), 60),
      ...(o.amount !== undefined
        ? { amount: parseAmount(o.amount, join(p, 'amount'), { scale }) }
        : { fraction: percentOf(o.percent, join(p, 'percent')) }),
      base: o.base === undefined ? 'principal' : oneOf(o.base, ['principal', 'principal+interest'] as const, join(p, 'base')),
      graceDays: o.graceDays === undefined ? 0 : asInt(o.graceDays, join(p, 'graceDays'), 0, 365),
      ...(vatRate && !vatRate.eq(ZERO) ? { vatRate } : {}),
    };
  });
}

export function parseDelinquency(raw: unknown, path: string, disbursementDate: string): DelinquencyTerms {
  if (raw === undefined) return { graceDays: 0, pauses: [] };
  const o = asObject(raw, path);
  const pauses: PausePeriod[] = asArray(o.pauses ?? [], join(path, 'pauses'), 100).map((r, i) => {
    const p = join(join(path, 'pauses'), i);
    const q = asObject(r, p);
    const from = parseIsoDate(q.from, join(p, 'from'));
    if (from < disbursementDate)
      throw invalid('PAUSE_BEFORE_DISBURSEMENT', join(p, 'from'), 'A pause cannot start before the disbursement');
    if (q.to === undefined) return { from };
    const to = parseIsoDate(q.to, join(p, 'to'));
    if (to <= from) throw invalid('PAUSE_EMPTY', join(p, 'to'), 'A pause ends (counting resumes) at least a day after it starts');
    return { from, to };
  });
  const sorted = [...pauses].sort((a, b) => (a.from < b.from ? -1 : 1));
  sorted.forEach((x, i) => {
    const prev = sorted[i - 1];
    if (prev && (prev.to === undefined || prev.to > x.from))
      throw invalid('PAUSE_OVERLAP', join(path, 'pauses'), `The pause from ${x.from} overlaps another pause`);
  });
  return { graceDays: o.graceDays === undefined ? 0 : asInt(o.graceDays, join(path, 'graceDays'), 0, 365), pauses };
}

/** One payment's id (unique among `ids`), date (from the disbursement to asOf) and amount. */
export function parsePaymentOf(
  o: Record<string, unknown>,
  p: string,
  ids: Set<string>,
  w: { scale: number; disbursementDate: string; asOf: string; beforeCode: string },
): Payment {
  const id = asString(o.id, join(p, 'id'), 100);
  if (ids.has(id)) throw invalid('DUPLICATE_PAYMENT_ID', join(p, 'id'), `Payment id ${id} appears twice`);
  ids.add(id);
  const date = parseIsoDate(o.date, join(p, 'date'));
  if (date < w.disbursementDate) throw invalid(w.beforeCode, join(p, 'date'), 'A payment cannot precede the disbursement');
  if (date > w.asOf) throw invalid('PAYMENT_AFTER_AS_OF', join(p, 'date'), 'A payment cannot be later than asOf');
  return { id, date, amount: parseAmount(o.amount, join(p, 'amount'), { positive: true, scale: w.scale }) };
}

/** Prepayments: any number, ids unique together with the payments' ids. */
export function parsePrepayments(
  raw: unknown,
  path: string,
  scale: number,
  payments: readonly Payment[],
  disbursementDate: string,
  asOf: string,
): Prepayment[] {
  const ids = new Set(payments.map((p) => p.id));
  const when = { scale, disbursementDate, asOf, beforeCode: 'PREPAY_BEFORE_DISBURSEMENT' };
  return asArray(raw, path, 500).map((r, i) => {
    const p = join(path, i);
    const o = asObject(r, p);
    return { ...parsePaymentOf(o, p, ids, when), mode: oneOf(o.mode, PREPAYMENT_MODES, join(p, 'mode')) };
  });
}
