import Decimal from 'decimal.js';
import { AppError } from '../../errors.js';
import type { Trx } from '../../db/executor.js';
import type { LedgerEntry, PrepaymentMode } from '../loan.js';
import type { Actor, LoanDeps } from './deps.js';
import { isoDay } from './deps.js';
import { servicingOf, type LoanState } from './loan-state.js';
import { rebuiltSchedule } from './rebuilt-schedule.js';
import { servicedVersionWrite } from './schedule-version-write.js';

// What a prepayment on a saved loan must pass before it is booked, and the schedule version it
// leaves. Both run the loan's one servicing (loan-state.ts servicingOf), the computation the servicing
// endpoint, the tab and the CRM sync share.

/** Reduce-term and reduce-installment rebuild the installments; a flat-rate loan's cannot be (lending README). */
export function requireModeAllowed(state: LoanState, mode: PrepaymentMode): void {
  if (mode === 'reschedule-next' || state.base.terms.method !== 'flat') return;
  throw new AppError(
    'PREPAYMENT_MODE_NOT_ALLOWED',
    `${mode} on flat loan ${state.loan.id}`,
    { key: 'PREPAYMENT_FLAT_METHOD' },
    { field: 'prepaymentMode' },
  );
}

/** The amount may settle the loan (then it is the payoff) but not go past what pays it off on its date. */
export function requireWithinPayoff(state: LoanState, date: string, amount: string): void {
  const payoff = servicingOf(state, date).payoff.amount;
  if (new Decimal(amount).lte(payoff)) return;
  throw new AppError(
    'PREPAYMENT_OVER_PAYOFF',
    `prepayment ${amount} over payoff ${payoff} on ${date}`,
    { key: 'PREPAYMENT_OVER_PAYOFF_AMOUNT', params: { date, payoff, currency: state.loan.currency } },
    { field: 'amount', payoff },
  );
}

/**
 * The writes a prepayment that took principal off brings with it, in its ledger entry's transaction:
 * the schedule as the servicing run with it now stands, kept as the next version
 * (schedule-version-write.ts). Null when the schedule keeps its shape (pay ahead, or an amount that
 * only covered what was due).
 */
export function rebuiltVersionWrite(
  state: LoanState,
  entry: LedgerEntry,
  actor: Actor,
  deps: LoanDeps,
): ((trx: Trx) => Promise<void>) | null {
  const took = entry.allocation?.prepayment?.principal;
  if (entry.prepaymentMode === 'reschedule-next' || !took || new Decimal(took).isZero()) return null;
  const after = servicingOf({ ...state, ledger: [...state.ledger, entry] }, isoDay(deps.now()));
  const schedule = rebuiltSchedule(state.base, after, state.base.terms, entry.valueDate);
  return servicedVersionWrite(state, schedule, `prepayment:${entry.externalId}`, actor, deps);
}
