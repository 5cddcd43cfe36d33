import { AppError } from '../../errors.js';
import type { Trx } from '../../db/executor.js';
import type { Loan } from '../loan.js';
import { getLoan, lockActiveLoan } from '../loan-repo.js';

// A closed loan is read-only: saves, payments and reversals are refused with LOAN_CLOSED (409) and
// change nothing. Its deal is gone (DEAL_DELETED), so there is nothing to write to in the portal and
// the ledger is kept as the audit record of what happened while it was open.

export function loanClosedError(loan: Pick<Loan, 'id' | 'dealId' | 'closedReason'>): AppError {
  return new AppError(
    'LOAN_CLOSED',
    `loan ${loan.id} of deal ${loan.dealId} is closed (${loan.closedReason ?? 'no reason'})`,
    loan.closedReason === 'DEAL_DELETED'
      ? 'This loan is closed because its deal was deleted in Bitrix24; it can be viewed but no longer changed'
      : 'This loan is closed; it can be viewed but no longer changed',
    { reason: loan.closedReason },
  );
}

/** Early refusal, before any work, from the loan as read. */
export function requireActive(loan: Loan): void {
  if (loan.status !== 'ACTIVE') throw loanClosedError(loan);
}

/** The same check inside the write's transaction, holding the row against a concurrent close. */
export async function requireActiveInTransaction(trx: Trx, portalId: string, loanId: string): Promise<void> {
  if (await lockActiveLoan(trx, portalId, loanId)) return;
  // Closed between our read and this transaction: answer with the reason it was closed for.
  const loan = await getLoan(trx, portalId, loanId);
  if (!loan) throw new AppError('LOAN_NOT_FOUND', `loan ${loanId} not in portal ${portalId}`);
  throw loanClosedError(loan);
}
