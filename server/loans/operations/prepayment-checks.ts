import Decimal from 'decimal.js';
import { AppError } from '../../errors.js';
import type { Trx } from '../../db/executor.js';
import type { LedgerEntry, PrepaymentMode } from '../loan.js';
import { updateLoanTerms } from '../loan-repo.js';
import { insertScheduleVersion } from '../schedule-version-repo.js';
import type { Actor, LoanDeps } from './deps.js';
import { isoDay } from './deps.js';
import { servicingOf, type LoanState } from './loan-state.js';
import { rebuiltSchedule } from './rebuilt-schedule.js';

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
 * the schedule as the servicing run with it now stands, kept as the next version (based on the
 * version servicing starts from; the old versions stay readable), and the loan moved to it. Null when
 * the schedule keeps its shape (pay ahead, or an amount that only covered what was due).
 */
export function rebuiltVersionWrite(
  state: LoanState,
  entry: LedgerEntry,
  actor: Actor,
  deps: LoanDeps,
): ((trx: Trx) => Promise<void>) | null {
  const took = entry.allocation?.prepayment?.principal;
  if (entry.prepaymentMode === 'reschedule-next' || !took || new Decimal(took).isZero()) return null;
  const now = deps.now();
  const after = servicingOf({ ...state, ledger: [...state.ledger, entry] }, isoDay(now));
  const schedule = rebuiltSchedule(state.base, after, state.base.terms.disbursementDate, entry.valueDate);
  const { loan, base } = state;
  const version = loan.currentScheduleVersion + 1;
  const principal = schedule.rows.reduce((s, r) => s.add(r.principal), new Decimal(0));
  // Invariant (STYLE.md): the rebuilt schedule still repays exactly the principal.
  if (!principal.eq(loan.principal)) throw new AppError('INTERNAL', `rebuilt schedule repays ${principal.toFixed()} not ${loan.principal}`);
  return async (trx) => {
    const nowIso = now.toISOString();
    const reason = `prepayment:${entry.externalId}`;
    await insertScheduleVersion(trx, loan.portalId, {
      loanId: loan.id,
      version,
      terms: base.terms,
      schedule,
      reason,
      createdBy: actor.userId,
      nowIso,
      baseVersion: base.version,
    });
    // The loan moves to the new version, its terms as they were; a concurrent save or prepayment
    // that moved it first makes this one fail whole (nothing booked) rather than build on a stale base.
    const { productId, currency, principal: p, terms } = loan;
    const change = { productId, currency, principal: p, terms, version, expectedVersion: loan.currentScheduleVersion, nowIso };
    if (!(await updateLoanTerms(trx, loan.portalId, loan.id, change)))
      throw new AppError('CONFLICT', `loan ${loan.id} moved past version ${loan.currentScheduleVersion} during a prepayment`);
  };
}
