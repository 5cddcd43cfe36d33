// Invariants asserted on every schedule we hand out: a bug must fail loudly, never reach a borrower.
import type { Dec } from '../decimal.js';
import type { ScheduleRow } from '../types.js';

export function assertScheduleInvariants(principal: Dec, rows: readonly ScheduleRow[]): void {
  let paid = principal.minus(principal);
  for (const r of rows) {
    if (r.principal.isNegative() || r.interest.isNegative() || r.closing.isNegative()) {
      throw new Error(`lending invariant: negative amount in row ${r.n}`);
    }
    paid = paid.plus(r.principal);
  }
  if (!paid.eq(principal)) throw new Error(`lending invariant: principal parts sum to ${paid.toString()}, not ${principal.toString()}`);
  if (rows.length > 0 && !rows[rows.length - 1]!.closing.isZero())
    throw new Error('lending invariant: schedule does not close the balance');
}

/** The cheap form for the hot path: the loop already summed the principal parts and clipped negatives. */
export function assertScheduleSums(principal: Dec, principalSum: Dec, rows: readonly ScheduleRow[]): void {
  if (!principalSum.eq(principal))
    throw new Error(`lending invariant: principal parts sum to ${principalSum.toString()}, not ${principal.toString()}`);
  const last = rows[rows.length - 1];
  if (!last || !last.closing.isZero()) throw new Error('lending invariant: schedule does not close the balance');
}
