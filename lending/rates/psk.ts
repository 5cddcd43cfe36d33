// ПСК (полная стоимость кредита) per 353-FZ art. 6 part 2:
//   ПСК = i × ЧБП × 100, where i is the smallest positive root of
//   Σ_k ДП_k / ((1 + e_k·i)(1 + i)^q_k) = 0,
// ДП_k the k-th cash flow (issue negative, payments positive), q_k the number of whole base periods
// from the issue to flow k, e_k the remaining part of a base period as a fraction of it, ЧБП the number
// of base periods in a year. The base period is the standard interval (a month, or 1–365 days) that
// occurs most often between flows (the shortest on a tie). Result in percent with three decimals.
import { Dec, HUNDRED, SolveDec } from '../decimal.js';
import { dayIndexOf, daysInMonth, ymd, type IsoDate } from '../dates.js';
import { roundMoney } from '../money.js';
import type { CashFlow, PskMonthDays } from '../types.js';
import { assertFlows } from './flows.js';
import { solveRate } from './solve.js';
import { fromFixed } from './fixed-point.js';
import { pskFixedRoot } from './psk-fixed.js';

export type BasePeriod = { unit: 'month'; count: number } | { unit: 'day'; count: number };

export interface PskResult {
  psk: Dec;
  basePeriod: BasePeriod;
  periodsPerYear: Dec;
  /** The per-base-period rate i, unrounded. */
  i: Dec;
}

/** A date parsed once: its day number and calendar parts (the ПСК set-up runs on every keystroke). */
interface Day {
  n: number;
  y: number;
  m: number;
  d: number;
  last: boolean;
}

function dayOf(date: IsoDate): Day {
  const { y, m, d } = ymd(date);
  return { n: dayIndexOf(y, m, d), y, m, d, last: d === daysInMonth(y, m) };
}

/**
 * Whole months from a to b when b is a plus that many months (1–12), clamped to the month's length,
 * or a month end to a month end. Same answer as trying addMonths(a, 1…12), without building dates.
 */
function monthsBetween(a: Day, b: Day): number | undefined {
  const diff = b.y * 12 + b.m - (a.y * 12 + a.m);
  if (diff < 1 || diff > 12) return undefined;
  const clamped = Math.min(a.d, daysInMonth(b.y, b.m));
  return clamped === b.d || (a.last && b.last) ? diff : undefined;
}

export function basePeriodOf(dates: readonly IsoDate[]): BasePeriod {
  return basePeriodOfDays(dates.map(dayOf));
}

function basePeriodOfDays(dates: readonly Day[]): BasePeriod {
  const counts = new Map<string, { bp: BasePeriod; n: number; days: number }>();
  for (let k = 1; k < dates.length; k++) {
    const a = dates[k - 1]!;
    const b = dates[k]!;
    if (a.n === b.n) continue;
    const m = monthsBetween(a, b);
    const days = b.n - a.n;
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
  /** e = en / ed exactly (whole days over the base period's days). */
  en: number;
  ed: number;
  /** Whole days past the last whole base period. */
  rest: number;
}

/** Day number of d0 + k months (clamped to the month's length), as addMonths(d0, k). */
function plusMonths(d0: Day, k: number): number {
  const total = d0.y * 12 + (d0.m - 1) + k;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return dayIndexOf(ny, nm, Math.min(d0.d, daysInMonth(ny, nm)));
}

function pskTerms(flows: readonly CashFlow[], days: readonly Day[], bp: BasePeriod, monthDays: PskMonthDays): PskTerm[] {
  const d0 = days[0]!;
  let q = 0;
  return flows.map((f, k) => {
    const day = days[k]!.n - d0.n;
    if (bp.unit === 'day') {
      const qd = Math.floor(day / bp.count);
      return { amount: f.amount, q: qd, en: day - qd * bp.count, ed: bp.count, rest: day - qd * bp.count };
    }
    // Flows are in date order, so the count of whole base periods carries over from the previous flow.
    while (plusMonths(d0, (q + 1) * bp.count) <= days[k]!.n) q++;
    const from = plusMonths(d0, q * bp.count);
    const rest = days[k]!.n - from;
    if (monthDays === 'actual') return { amount: f.amount, q, en: rest, ed: plusMonths(d0, (q + 1) * bp.count) - from, rest };
    // rest / (365/12 · count) = 12·rest / (365·count)
    return monthDays === '30'
      ? { amount: f.amount, q, en: rest, ed: 30 * bp.count, rest }
      : { amount: f.amount, q, en: 12 * rest, ed: 365 * bp.count, rest };
  });
}

/** e_k as the Decimal search has always computed it (365/12 held to the core's 40 digits). */
function eDecimal(t: PskTerm, bp: BasePeriod, monthDays: PskMonthDays): Dec {
  if (bp.unit === 'month' && monthDays === '365/12') return new Dec(t.rest).div(new Dec(365).div(12).times(bp.count));
  return new Dec(t.en).div(t.ed);
}

export function psk(flowsIn: readonly CashFlow[], monthDays: PskMonthDays = 'actual', path = 'flows'): PskResult {
  return pskFastPath(flowsIn, monthDays, path) ?? pskSearch(flowsIn, monthDays, path);
}

interface PskSetup {
  bp: BasePeriod;
  terms: PskTerm[];
  perYear: Dec;
}

function setup(flowsIn: readonly CashFlow[], monthDays: PskMonthDays, path: string): PskSetup {
  assertFlows(flowsIn, path);
  const flows = [...flowsIn].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const days = flows.map((f) => dayOf(f.date));
  const bp = basePeriodOfDays(days);
  const perYear = bp.unit === 'month' ? new Dec(12).div(bp.count) : new Dec(365).div(bp.count);
  return { bp, terms: pskTerms(flows, days, bp, monthDays), perYear };
}

/** The proven fixed-point root (see certified-root.ts), or undefined when it does not apply. */
export function pskFastPath(flowsIn: readonly CashFlow[], monthDays: PskMonthDays = 'actual', path = 'flows'): PskResult | undefined {
  const { bp, terms, perYear } = setup(flowsIn, monthDays, path);
  // ПСК = x × ЧБП × 100 = x × (1200 or 36500) / count.
  const proven = pskFixedRoot(terms, bp.unit === 'month' ? 1200n : 36500n, BigInt(bp.count));
  if (!proven) return undefined;
  return { psk: new Dec(proven.units.toString()).div(1000), basePeriod: bp, periodsPerYear: perYear, i: fromFixed(proven.x) };
}

/** The Decimal search (any flows): the smallest positive root, the reference the fast path is tested against. */
export function pskSearch(flowsIn: readonly CashFlow[], monthDays: PskMonthDays = 'actual', path = 'flows'): PskResult {
  const { bp, terms, perYear } = setup(flowsIn, monthDays, path);
  const i = searchRoot(
    terms.map((t) => ({ amount: t.amount, q: t.q, e: eDecimal(t, bp, monthDays) })),
    path,
  );
  return { psk: roundMoney(new Dec(i).times(perYear).times(HUNDRED), 3, 'half-up'), basePeriod: bp, periodsPerYear: perYear, i };
}

function searchRoot(terms: readonly { amount: Dec; q: number; e: Dec }[], path: string): Dec {
  const fast = terms.map((t) => ({ amount: new SolveDec(t.amount), q: t.q, qDec: new SolveDec(t.q), e: new SolveDec(t.e) }));
  // Terms are in date order, so q_k never decreases: (1+x)^-q_k is built by multiplying up from the
  // previous one (one multiplication per flow) instead of a power per flow per iteration.
  return solveRate(
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
}
