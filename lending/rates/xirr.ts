// XIRR as spreadsheets define it: Σ amount / (1 + r)^(days since the first flow / 365) = 0.
import { Dec, SolveDec } from '../decimal.js';
import { daysBetween } from '../dates.js';
import type { CashFlow } from '../types.js';
import { solveRate, type RateFn } from './solve.js';
import { assertFlows } from './flows.js';
import { timedFixedRoot } from './timed-fixed.js';

/** Present value of flows at exponents t_k = n_k / unitsPerYear, n_k whole numbers (days or periods). */
export function timedPv(unitsIn: readonly { n: number; amount: Dec }[], unitsPerYear: Dec): RateFn {
  const units = [...unitsIn]
    .sort((a, b) => a.n - b.n)
    .map((u) => ({ n: u.n, amount: new SolveDec(u.amount), years: new SolveDec(u.n).div(unitsPerYear) }));
  const one = new SolveDec(1);
  const invYears = one.div(unitsPerYear).neg();
  return (xIn) => {
    const x = new SolveDec(xIn);
    const base = one.plus(x);
    // (1+x)^(-1/u) once per evaluation; then walk the sorted exponents multiplying by h^Δ, with h^Δ
    // cached per gap (monthly flows repeat the same few gaps).
    const h = base.pow(invYears);
    const steps = new Map<number, Dec>();
    let disc = one;
    let at = 0;
    let v = new SolveDec(0);
    let dv = v;
    for (const u of units) {
      const gap = u.n - at;
      if (gap > 0) {
        let hg = steps.get(gap);
        if (!hg) {
          hg = h.pow(gap);
          steps.set(gap, hg);
        }
        disc = disc.times(hg);
        at = u.n;
      }
      const term = u.amount.times(disc);
      v = v.plus(term);
      dv = dv.minus(term.times(u.years));
    }
    return { v, dv: dv.div(base) };
  };
}

/** The rate r (a fraction); published as a percent with 6 decimals, half-up, which the fast path proves. */
export function xirr(flows: readonly CashFlow[], path = 'flows'): Dec {
  return xirrWith(flows, path, true);
}

/** The Decimal search alone: the reference the fixed-point fast path is tested against. */
export function xirrSearch(flows: readonly CashFlow[], path = 'flows'): Dec {
  return xirrWith(flows, path, false);
}

function xirrWith(flows: readonly CashFlow[], path: string, fast: boolean): Dec {
  assertFlows(flows, path);
  const first = flows.reduce((m, f) => (f.date < m ? f.date : m), flows[0]!.date);
  const units = flows.map((f) => ({ n: daysBetween(first, f.date), amount: f.amount }));
  const proven = fast ? timedFixedRoot(units, DAYS_PER_YEAR, { mn: 100n, md: 1n, places: 6 }) : undefined;
  return proven ?? solveRate(timedPv(units, DAYS_PER_YEAR), { allowNegative: true, path });
}

const DAYS_PER_YEAR = new Dec(365);
