import { AppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import { asLendingFailure, lendingRefusal, serviceLoan } from '../lending-adapter.js';
import type { PaymentInput, PrepaymentInput, Servicing } from '../lending-types.js';
import type { LedgerEntry, Loan, ScheduleVersion } from '../loan.js';
import { listLedger } from '../ledger-repo.js';
import { findLoanByDeal, getLoan } from '../loan-repo.js';
import { getScheduleVersion } from '../schedule-version-repo.js';

/** A loan with its current schedule and whole ledger, as read in one place. */
export interface LoanState {
  loan: Loan;
  /** The current version: what the tab, the schedule items and the deal show. */
  schedule: ScheduleVersion;
  /**
   * The version servicing starts from: the current one, or — when prepayments rebuilt the current
   * one — the version built from the terms, on which every booked payment and prepayment is replayed.
   */
  base: ScheduleVersion;
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
  const base = schedule.baseVersion === null ? schedule : await getScheduleVersion(db, portalId, loan.id, schedule.baseVersion);
  if (!base) throw new AppError('INTERNAL', `loan ${loan.id} has no base schedule version ${schedule.baseVersion}`);
  const ledger = await listLedger(db, portalId, loan.id);
  return { loan, schedule, base, ledger };
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
  return counting(ledger, 'PAYMENT').map((e) => ({ id: e.externalId, date: e.valueDate, amount: e.amount }));
}

/** Prepayments that count (not reversed), each with its mode, for the same servicing run. */
export function effectivePrepayments(ledger: LedgerEntry[]): PrepaymentInput[] {
  return counting(ledger, 'PREPAYMENT').map((e) => ({
    id: e.externalId,
    date: e.valueDate,
    amount: e.amount,
    mode: e.prepaymentMode ?? 'reschedule-next',
  }));
}

function counting(ledger: LedgerEntry[], kind: 'PAYMENT' | 'PREPAYMENT'): LedgerEntry[] {
  const reversed = new Set(ledger.filter((e) => e.kind === 'REVERSAL' && e.reversesId).map((e) => e.reversesId));
  return ledger.filter((e) => e.kind === kind && !reversed.has(e.id));
}

/** What is booked plus what is about to be (a payment or prepayment being checked before it is stored). */
export interface ExtraMovements {
  payments?: PaymentInput[];
  prepayments?: PrepaymentInput[];
}

export function servicingOf(state: LoanState, asOf: string, extra: PaymentInput[] | ExtraMovements = []): Servicing {
  try {
    return serviceLoanOf(state, asOf, Array.isArray(extra) ? { payments: extra } : extra);
  } catch (e) {
    // The core refuses e.g. a payment it cannot place: a 422 with its code, not a 500.
    const f = asLendingFailure(e);
    if (!f) throw e;
    throw lendingRefusal(f, `lending refused servicing: ${f.message} at ${f.path}`);
  }
}

function serviceLoanOf(state: LoanState, asOf: string, extra: ExtraMovements): Servicing {
  return serviceLoan({
    terms: state.base.terms,
    schedule: state.base,
    payments: [...effectivePayments(state.ledger), ...(extra.payments ?? [])],
    prepayments: [...effectivePrepayments(state.ledger), ...(extra.prepayments ?? [])],
    asOf,
  });
}
