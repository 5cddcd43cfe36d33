import Decimal from 'decimal.js';
import type { Trx } from '../../db/executor.js';
import type { Schedule } from '../lending-types.js';
import type { LedgerEntry } from '../loan.js';
import { isoDay, type Actor, type LoanDeps } from './deps.js';
import { servicingOf, type LoanState } from './loan-state.js';
import { rebuiltSchedule } from './rebuilt-schedule.js';
import { servicedVersionWrite } from './schedule-version-write.js';

// The schedule a loan holds once an entry is reversed (issue 13 follow-up). Reversing a prepayment
// undoes its effect: servicing replays the entries that still count on the version it starts from
// (the contract's), so the reversed one is simply left out and every LATER prepayment is re-applied in
// date order on what the loan then really owes — its amount and mode as booked, its split and the
// principal it takes off recomputed. Why re-apply rather than freeze or refuse: each later prepayment
// is money the borrower really paid on its date with a mode they chose; what was due on that date
// changed, so only its allocation may change (Fineract's and LoanPro's reverse-replay does the same;
// the allocation stored at posting stays in the ledger as history). Refusing would leave the manager
// stuck with a prepayment on the wrong deal until they reversed everything after it.

/** The schedule servicing gives once `reversal` counts: the contract's when no prepayment rebuilds it. */
export function scheduleAfterReversal(state: LoanState, reversal: LedgerEntry, asOf: string): Schedule {
  const servicing = servicingOf({ ...state, ledger: [...state.ledger, reversal] }, asOf);
  const rebuilding = servicing.allocations.filter(
    (a) => a.prepayment && a.prepayment.mode !== 'reschedule-next' && !new Decimal(a.prepayment.principal).isZero(),
  );
  const last = rebuilding
    .map((a) => a.date)
    .sort((a, b) => a.localeCompare(b))
    .at(-1);
  const { installmentAmount, rows, totals, effectiveRates } = state.base;
  if (!last) return { installmentAmount, rows, totals, effectiveRates };
  return rebuiltSchedule(state.base, servicing, state.base.terms, last);
}

/**
 * The writes a reversal brings when it changes the schedule the loan holds (a rebuilding prepayment
 * reversed, or a payment whose removal changes what a later one took off): a NEW version, reason
 * `reversal:<payment id>`; the version it replaces stays readable. Null when the schedule stays as it
 * is (an ordinary payment, a pay-ahead), so those reversals add no version.
 */
export function reversalVersionWrite(
  state: LoanState,
  reversal: LedgerEntry,
  paymentId: string,
  actor: Actor,
  deps: LoanDeps,
): ((trx: Trx) => Promise<void>) | null {
  const schedule = scheduleAfterReversal(state, reversal, isoDay(deps.now()));
  if (sameSchedule(schedule, state.schedule)) return null;
  return servicedVersionWrite(state, schedule, `reversal:${paymentId}`, actor, deps);
}

function sameSchedule(a: Schedule, b: Schedule): boolean {
  return a.installmentAmount === b.installmentAmount && JSON.stringify(a.rows) === JSON.stringify(b.rows);
}
