// Schedule → JSON (amounts as fixed-point strings in the currency's scale; rates as decimal strings).
import { formatDecimal, formatMoney } from './money.js';
import type { Dec } from './decimal.js';
import type { Schedule, ScheduleRow } from './types.js';

export interface ScheduleRowJson {
  n: number;
  dueDate: string;
  days: number;
  opening: string;
  principal: string;
  interest: string;
  fees: string;
  vat?: string;
  total: string;
  closing: string;
}

export interface ScheduleJson {
  currency: string;
  installmentAmount: string;
  rows: ScheduleRowJson[];
  totals: Record<'principal' | 'interest' | 'fees' | 'vat' | 'total' | 'disbursementFees' | 'netDisbursed' | 'costOfCredit', string>;
  effectiveRates: EffectiveRatesJson;
  /** When a CAT is given: its time base, "periods" (Banxico, t = k / periods a year) or "dates" (days / 365). */
  catBasis?: 'periods' | 'dates';
  profile?: string;
}

/** Percent strings: ПСК three decimals, CAT one, XIRR six; only the kinds asked for. */
export interface EffectiveRatesJson {
  psk?: string;
  cat?: string;
  xirr?: string;
}

export function rowToJson(r: ScheduleRow, scale: number, withVat: boolean, fmt = moneyFormatter(scale)): ScheduleRowJson {
  return {
    n: r.n,
    dueDate: r.dueDate,
    days: r.days,
    opening: fmt(r.opening),
    principal: fmt(r.principal),
    interest: fmt(r.interest),
    fees: fmt(r.fees),
    ...(withVat ? { vat: fmt(r.vat) } : {}),
    total: fmt(r.total),
    closing: fmt(r.closing),
  };
}

/**
 * formatMoney at one scale, remembering the last strings by Decimal identity: rows share objects
 * (a row's opening is the previous closing, the fee and the level payment repeat), so most of a
 * schedule's amounts are formatted once, not twice. Decimals are immutable, so identity is enough.
 */
export function moneyFormatter(scale: number): (d: Dec) => string {
  const recent = new Map<Dec, string>();
  return (d) => {
    let s = recent.get(d);
    if (s === undefined) {
      s = formatMoney(d, scale);
      if (recent.size > 64) recent.clear();
      recent.set(d, s);
    }
    return s;
  };
}

export function scheduleToJson(s: Schedule): ScheduleJson {
  const scale = s.terms.scale;
  const withVat = s.terms.vat !== undefined;
  const t = s.totals;
  const m = moneyFormatter(scale);
  const rates: ScheduleJson['effectiveRates'] = {};
  if (s.effectiveRates.psk) rates.psk = formatDecimal(s.effectiveRates.psk, 3);
  if (s.effectiveRates.cat) rates.cat = formatDecimal(s.effectiveRates.cat, 1);
  if (s.effectiveRates.xirr) rates.xirr = formatDecimal(s.effectiveRates.xirr, 6);
  return {
    currency: s.terms.currency,
    installmentAmount: m(s.installmentAmount),
    rows: s.rows.map((r) => rowToJson(r, scale, withVat, m)),
    totals: {
      principal: m(t.principal),
      interest: m(t.interest),
      fees: m(t.fees),
      vat: m(t.vat),
      total: m(t.installments),
      disbursementFees: m(t.disbursementFees),
      netDisbursed: m(t.netDisbursed),
      costOfCredit: m(t.costOfCredit),
    },
    effectiveRates: rates,
    ...(rates.cat ? { catBasis: s.terms.catBasis } : {}),
    ...(s.terms.profile ? { profile: s.terms.profile } : {}),
  };
}
