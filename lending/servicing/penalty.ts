// Penalty accrual (driven by service.ts): each overdue installment accrues on its own overdue base for
// the days (from, to] that lie after its due date plus grace. Accruals stay exact; the amount owed is
// rounded when read, so splitting the timeline at payments never changes the total.
import { Dec, ZERO } from '../decimal.js';
import type { PenaltyTerms } from './types.js';

const D365 = new Dec(365);

export function penaltyFor(p: PenaltyTerms, base: Dec, days: number): Dec {
  if (days <= 0 || base.lte(ZERO)) return ZERO;
  return p.rate.kind === 'daily' ? base.times(p.rate.daily).times(days) : base.times(p.rate.annual).times(days).div(D365);
}

/** Applies the loan's penalty ceiling: returns how much of `increment` may still accrue. */
export function clipToCeiling(increment: Dec, accruedTotal: Dec, ceiling: Dec | undefined): Dec {
  if (!ceiling) return increment;
  const room = ceiling.minus(accruedTotal);
  if (room.lte(ZERO)) return ZERO;
  return increment.gt(room) ? room : increment;
}
