import { isUniqueViolation, type Executor, type Trx } from '../../db/executor.js';
import type { LedgerEntry } from '../loan.js';
import { appendLedgerEntry } from '../ledger-repo.js';
import { LOAN_SYNC_JOB, type LoanDeps } from './deps.js';
import { requireActiveInTransaction } from './loan-open.js';

export type AppendOutcome = { appended: true } | { appended: false; winner: LedgerEntry };

/**
 * Appends a ledger entry and enqueues the loan's portal sync in the same transaction, refusing with
 * LOAN_CLOSED if the loan is (or was just) closed: a closed loan's ledger is frozen. When a
 * concurrent request with the same idempotency key won the insert, nothing is written and the
 * winner (found by `findWinner`) is returned so the caller can answer as a replay of it.
 */
export async function appendEntryWithSync(
  db: Executor,
  deps: LoanDeps,
  target: { portalId: string; loanId: string; dealId: number; syncKey: string },
  entry: LedgerEntry,
  findWinner: () => Promise<LedgerEntry | null | undefined>,
  /** More writes that belong to the entry (a prepayment's rebuilt schedule version), in the same transaction. */
  also?: (trx: Trx) => Promise<void>,
): Promise<AppendOutcome> {
  try {
    await db.transaction().execute(async (trx) => {
      await requireActiveInTransaction(trx, target.portalId, target.loanId);
      await appendLedgerEntry(trx, target.portalId, entry);
      await also?.(trx);
      await deps.enqueue?.(trx, {
        portalId: target.portalId,
        kind: LOAN_SYNC_JOB,
        idempotencyKey: `loan-sync:${target.loanId}:${target.syncKey}`,
        payload: { loanId: target.loanId, dealId: target.dealId },
      });
    });
    return { appended: true };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const winner = await findWinner();
    if (!winner) throw e;
    return { appended: false, winner };
  }
}
