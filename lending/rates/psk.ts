// ПСК (полная стоимость кредита) per 353-FZ art. 6 part 2:
//   ПСК = i × ЧБП × 100, where i is the smallest positive root of
//   Σ_k ДП_k / ((1 + e_k·i)(1 + i)^q_k) = 0,
// ДП_k the k-th cash flow (issue negative, payments positive), q_k the number of whole base periods
// from the issue to flow k, e_k the remaining part of a base period as a fraction of it, ЧБП the number
// of base periods in a year. The base period is the standard interval (a month, or 1–365 days) that
// occurs most often between flows (the shortest on a tie). Result in percent with three decimals.
import { Dec, HUNDRED, SolveDec } from '../decimal.js';
import { addMonths, daysBetween, isLastDayOfMonth, type IsoDate } from '../dates.js';
import { roundMoney } from '../money.js';
import type { CashFlow, PskMonthDays } from '../types.js';
import { assertFlows } from './flows.js';
import { solveRate } from './solve.js';

export type BasePeriod = { unit: 'month'; count: number } | { unit: 'day'; count: number };

export interface PskResult {
  psk: Dec;
  basePeriod: BasePeriod;
  periodsPerYear: Dec;
  /** The per-base-period rate i, unrounded. */
  i: Dec;
}

function monthsBetween(a: IsoDate, b: IsoDate): number | undefined {
  for (let m = 1; m <= 12; m++) {
    const plain = addMonths(a, m);
    if (plain === b) return m;
    if (isLastDayOfMonth(a) && addMonths(a, m, true) === b) return m;
    if (plain > b) return undefined;
  }
  return undefined;
}

export function basePeriodOf(dates: readonly IsoDate[]): BasePeriod {
  const counts = new Map<string, { bp: BasePeriod; n: number; days: number }>();
  for (let k = 1; k < dates.length; k++) {
    const a = dates[k - 1]!;
    const b = dates[k]!;
    if (a === b) continue;
    const m = monthsBetween(a, b);
    const days = daysBetween(a, b);
    const bp: BasePeriod = m ? { unit: 'month', count: m } : { unit: 'day', count: Math.min(days, 365) };
    const key = `${bp.unit}:${bp.count}`;
    const c = counts.get(key) ?? { bp, n: 0, days };
    c.n++;
    counts.set(key, c);
  }
  let best: { bp: BasePeriod; n: number; days: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.days < best.days)) best = c;
  return best ? best.bp : { unit: 'day', count: 1 };
}

interface PskTerm {
  amount: Dec;
  q: number;
  e: Dec;
}

function pskTerms(flows: readonly CashFlow[], bp: BasePeriod, monthDays: PskMonthDays): PskTerm[] {
  const d0 = flows[0]!.date;
  let q = 0;
  return flows.map((f) => {
    if (bp.unit === 'day') {
      const days = daysBetween(d0, f.date);
      const qd = Math.floor(days / bp.count);
      return { amount: f.amount, q: qd, e: new Dec(days - qd * bp.count).div(bp.count) };
    }
    // Flows are in date order, so the count of whole base periods carries over from the previous flow.
    while (addMonths(d0, (q + 1) * bp.count) <= f.date) q++;
    const from = addMonths(d0, q * bp.count);
    const rest = daysBetween(from, f.date);
    const length =
      monthDays === 'actual'
        ? new Dec(daysBetween(from, addMonths(d0, (q + 1) * bp.count)))
        : monthDays === '30'
          ? new Dec(30 * bp.count)
          : new Dec(365).div(12).times(bp.count);
    return { amount: f.amount, q, e: new Dec(rest).div(length) };
  });
}

export function psk(flowsIn: readonly CashFlow[], monthDays: PskMonthDays = 'actual', path = 'flows'): PskResult {
  assertFlows(flowsIn, path);
  const flows = [...flowsIn].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const bp = basePeriodOf(flows.map((f) => f.date));
  const terms = pskTerms(flows, bp, monthDays);
  const fast = terms.map((t) => ({ amount: new SolveDec(t.amount), q: t.q, qDec: new SolveDec(t.q), e: new SolveDec(t.e) }));
  // Terms are in date order, so q_k never decreases: (1+x)^-q_k is built by multiplying up from the
  // previous one (one multiplication per flow) instead of a power per flow per iteration.
  const i = solveRate(
    (xIn) => {
      const x = new SolveDec(xIn);
      const one = new SolveDec(1);
      const base = one.plus(x);
      const v = one.div(base);
      let disc = one;
      let q = 0;
      let v_ = new SolveDec(0);
      let dv = v_;
      for (const t of fast) {
        while (q < t.q) {
          disc = disc.times(v);
          q++;
        }
        let term = t.amount.times(disc);
        let slope = t.qDec.times(v);
        if (!t.e.isZero()) {
          const lin = one.plus(t.e.times(x));
          term = term.div(lin);
          slope = slope.plus(t.e.div(lin));
        }
        v_ = v_.plus(term);
        // d/dx of a/((1+e x)(1+x)^q) = −a·(e/(1+e x) + q/(1+x)) / ((1+e x)(1+x)^q)
        dv = dv.minus(term.times(slope));
      }
      return { v: v_, dv };
    },
    { allowNegative: false, path },
  );
  const perYear = bp.unit === 'month' ? new Dec(12).div(bp.count) : new Dec(365).div(bp.count);
  return { psk: roundMoney(new Dec(i).times(perYear).times(HUNDRED), 3, 'half-up'), basePeriod: bp, periodsPerYear: perYear, i };
}
