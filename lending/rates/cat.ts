// Mexico's CAT (Costo Anual Total), Banxico's formula: the annual rate i with
// Σ disbursements_j / (1+i)^(t_j) = Σ payments_k / (1+i)^(t_k), times in years; VAT excluded;
// expressed in percent with one decimal.
import { Dec, HUNDRED } from '../decimal.js';
import { daysBetween } from '../dates.js';
import { roundMoney } from '../money.js';
import type { CashFlow } from '../types.js';
import { assertFlows } from './flows.js';
import { solveRate } from './solve.js';
import { timedPv } from './xirr.js';
import { timedFixedRoot } from './timed-fixed.js';

/** CAT from dated flows (time in years = days / 365). Returns percent, one decimal. */
export function catFromDatedFlows(flows: readonly CashFlow[], path = 'flows'): Dec {
  assertFlows(flows, path);
  const first = flows.reduce((m, f) => (f.date < m ? f.date : m), flows[0]!.date);
  const units = flows.map((f) => ({ n: daysBetween(first, f.date), amount: f.amount }));
  return catOf(units, new Dec(365), path);
}

/** CAT from flows by period number (0 = disbursement) with `periodsPerYear` (12 monthly, 52 weekly, 26, 24 …). */
export function catFromPeriodFlows(flows: readonly { period: number; amount: Dec }[], periodsPerYear: Dec, path = 'flows'): Dec {
  assertFlows(flows, path);
  const units = flows.map((f) => ({ n: f.period, amount: f.amount }));
  return catOf(units, periodsPerYear, path);
}

/** CAT percent: the proven fixed-point root when it applies, else the Decimal search (same figure). */
export function catOf(units: readonly { n: number; amount: Dec }[], perYear: Dec, path: string, fast = true): Dec {
  const proven = fast ? timedFixedRoot(units, perYear, { mn: 100n, md: 1n, places: 1 }) : undefined;
  return toCatPercent(proven ?? solveRate(timedPv(units, perYear), { allowNegative: true, path }));
}

function toCatPercent(i: Dec): Dec {
  return roundMoney(i.times(HUNDRED), 1, 'half-up');
}
