// XIRR as spreadsheets define it: Σ amount / (1 + r)^(days since the first flow / 365) = 0.
import { Dec, ONE, ZERO } from '../decimal.js';
import { daysBetween } from '../dates.js';
import type { CashFlow } from '../types.js';
import { solveRate, type RateFn } from './solve.js';
import { assertFlows } from './flows.js';

/** Present value of flows at exponents t_k = n_k / unitsPerYear, n_k whole numbers (days or periods). */
export function timedPv(units: readonly { n: number; amount: Dec }[], unitsPerYear: Dec): RateFn {
  return (x) => {
    const base = ONE.plus(x);
    // (1+x)^(-1/u) once, then whole powers of it: fast and exact enough at 40 digits.
    const h = base.pow(ONE.div(unitsPerYear).neg());
    let v = ZERO;
    let dv = ZERO;
    for (const u of units) {
      const term = u.amount.times(h.pow(u.n));
      v = v.plus(term);
      dv = dv.minus(term.times(u.n).div(unitsPerYear).div(base));
    }
    return { v, dv };
  };
}

export function xirr(flows: readonly CashFlow[], path = 'flows'): Dec {
  assertFlows(flows, path);
  const first = flows.reduce((m, f) => (f.date < m ? f.date : m), flows[0]!.date);
  const units = flows.map((f) => ({ n: daysBetween(first, f.date), amount: f.amount }));
  return solveRate(timedPv(units, new Dec(365)), { allowNegative: true, path });
}
