import { AppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import { asLendingFailure, lendingRefusal, serviceLoan } from '../lending-adapter.js';
import type { PaymentInput, Servicing } from '../lending-types.js';
import type { LedgerEntry, Loan, ScheduleVersion } from '../loan.js';
import { listLedger } from '../ledger-repo.js';
import { findLoanByDeal, getLoan } from '../loan-repo.js';
import { getScheduleVersion } from '../schedule-version-repo.js';

/** A loan with its current schedule and whole ledger, as read in one place. */
export interface LoanState {
  loan: Loan;
  schedule: ScheduleVersion;
  ledger: LedgerEntry[];
}

export async function loadLoanStateByDeal(db: Executor, portalId: string, dealId: number): Promise<LoanState | null> {
  const loan = await findLoanByDeal(db, portalId, dealId);
  return loan ? loadRest(db, portalId, loan) : null;
}

export async function loadLoanState(db: Executor, portalId: string, loanId: string): Promise<LoanState | null> {
  const loan = await getLoan(db, portalId, loanId);
  return loan ? loadRest(db, portalId, loan) : null;
}

async function loadRest(db: Executor, portalId: string, loan: Loan): Promise<LoanState> {
  const schedule = await getScheduleVersion(db, portalId, loan.id, loan.currentScheduleVersion);
  if (!schedule) throw new AppError('INTERNAL', `loan ${loan.id} has no schedule version ${loan.currentScheduleVersion}`);
  const ledger = await listLedger(db, portalId, loan.id);
  return { loan, schedule, ledger };
}

export function requireLoan(state: LoanState | null, dealId: number): LoanState {
  if (!state) throw new AppError('LOAN_NOT_FOUND', `no loan for deal ${dealId}`);
  return state;
}

/**
 * Payments that count: PAYMENT entries not reversed. A reversal removes its payment entirely (it
 * was wrong), whatever the reversal's own date. Ids given to the core are the caller's payment ids.
 */
export function effectivePayments(ledger: LedgerEntry[]): PaymentInput[] {
  const reversed = new Set(ledger.filter((e) => e.kind === 'REVERSAL' && e.reversesId).map((e) => e.reversesId));
  return ledger
    .filter((e) => e.kind === 'PAYMENT' && !reversed.has(e.id))
    .map((e) => ({ id: e.externalId, date: e.valueDate, amount: e.amount }));
}

export function servicingOf(state: LoanState, asOf: string, extra: PaymentInput[] = []): Servicing {
  try {
    return serviceLoanOf(state, asOf, extra);
  } catch (e) {
    // The core refuses e.g. a payment it cannot place: a 422 with its code, not a 500.
    const f = asLendingFailure(e);
    if (!f) throw e;
    throw lendingRefusal(f, `lending refused servicing: ${f.message} at ${f.path}`);
  }
}

function serviceLoanOf(state: LoanState, asOf: string, extra: PaymentInput[]): Servicing {
  return serviceLoan({
    terms: state.schedule.terms,
    schedule: state.schedule,
    payments: [...effectivePayments(state.ledger), ...extra],
    asOf,
  });
}
