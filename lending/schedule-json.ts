// Schedule → JSON (amounts as fixed-point strings in the currency's scale; rates as decimal strings).
import { formatDecimal, formatMoney } from './money.js';
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
  effectiveRates: { psk?: string; cat?: string; xirr?: string };
  profile?: string;
}

export function rowToJson(r: ScheduleRow, scale: number, withVat: boolean): ScheduleRowJson {
  return {
    n: r.n,
    dueDate: r.dueDate,
    days: r.days,
    opening: formatMoney(r.opening, scale),
    principal: formatMoney(r.principal, scale),
    interest: formatMoney(r.interest, scale),
    fees: formatMoney(r.fees, scale),
    ...(withVat ? { vat: formatMoney(r.vat, scale) } : {}),
    total: formatMoney(r.total, scale),
    closing: formatMoney(r.closing, scale),
  };
}

export function scheduleToJson(s: Schedule): ScheduleJson {
  const scale = s.terms.scale;
  const withVat = s.terms.vat !== undefined;
  const t = s.totals;
  const m = (d: typeof t.principal) => formatMoney(d, scale);
  const rates: ScheduleJson['effectiveRates'] = {};
  if (s.effectiveRates.psk) rates.psk = formatDecimal(s.effectiveRates.psk, 3);
  if (s.effectiveRates.cat) rates.cat = formatDecimal(s.effectiveRates.cat, 1);
  if (s.effectiveRates.xirr) rates.xirr = formatDecimal(s.effectiveRates.xirr, 6);
  return {
    currency: s.terms.currency,
    installmentAmount: m(s.installmentAmount),
    rows: s.rows.map((r) => rowToJson(r, scale, withVat)),
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
    ...(s.terms.profile ? { profile: s.terms.profile } : {}),
  };
}
