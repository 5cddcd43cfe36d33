import type { Selectable } from 'kysely';
import type { Executor, Trx } from '../db/executor.js';
import { parseJsonColumn } from './json-column.js';
import type { LoanInput } from './lending-types.js';
import type { Loan, LoanClosedReason, LoanStatus } from './loan.js';
import type { LoansTable } from './tables.js';

function toLoan(r: Selectable<LoansTable>): Loan {
  return {
    id: r.id,
    portalId: r.portal_id,
    dealId: Number(r.deal_id),
    productId: r.product_id,
    currency: r.currency,
    principal: r.principal,
    terms: parseJsonColumn<LoanInput>(r.terms, 'loans.terms'),
    status: r.status as LoanStatus,
    closedReason: (r.closed_reason ?? null) as LoanClosedReason | null,
    closedAt: r.closed_at ?? null,
    currentScheduleVersion: Number(r.current_schedule_version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findLoanByDeal(db: Executor, portalId: string, dealId: number): Promise<Loan | null> {
  const r = await db.selectFrom('loans').selectAll().where('portal_id', '=', portalId).where('deal_id', '=', dealId).executeTakeFirst();
  return r ? toLoan(r) : null;
}

export async function getLoan(db: Executor, portalId: string, loanId: string): Promise<Loan | null> {
  const r = await db.selectFrom('loans').selectAll().where('portal_id', '=', portalId).where('id', '=', loanId).executeTakeFirst();
  return r ? toLoan(r) : null;
}

export async function insertLoan(db: Executor, loan: Loan, createdBy: number | null): Promise<void> {
  await db
    .insertInto('loans')
    .values({
      portal_id: loan.portalId,
      id: loan.id,
      deal_id: loan.dealId,
      product_id: loan.productId,
      currency: loan.currency,
      principal: loan.principal,
      terms: JSON.stringify(loan.terms),
      status: loan.status,
      closed_reason: loan.closedReason,
      closed_at: loan.closedAt,
      current_schedule_version: loan.currentScheduleVersion,
      created_by: createdBy,
      created_at: loan.createdAt,
      updated_at: loan.updatedAt,
    })
    .execute();
}

/**
 * Moves the loan to a new schedule version. `expectedVersion` guards against two saves racing:
 * the loser updates nothing and gets false.
 */
export async function updateLoanTerms(
  db: Executor,
  portalId: string,
  loanId: string,
  change: {
    productId: string | null;
    currency: string;
    principal: string;
    terms: LoanInput;
    version: number;
    expectedVersion: number;
    nowIso: string;
  },
): Promise<boolean> {
  const res = await db
    .updateTable('loans')
    .set({
      product_id: change.productId,
      currency: change.currency,
      principal: change.principal,
      terms: JSON.stringify(change.terms),
      current_schedule_version: change.version,
      updated_at: change.nowIso,
    })
    .where('portal_id', '=', portalId)
    .where('id', '=', loanId)
    .where('current_schedule_version', '=', change.expectedVersion)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Closes an ACTIVE loan with a reason; true when this call closed it (false: already closed, or no
 * such loan). Only status and the closure columns change: terms, schedule versions and the ledger
 * are history and stay as they are.
 */
export async function closeLoan(
  db: Executor,
  portalId: string,
  loanId: string,
  c: { reason: LoanClosedReason; nowIso: string },
): Promise<boolean> {
  const res = await db
    .updateTable('loans')
    .set({ status: 'CLOSED', closed_reason: c.reason, closed_at: c.nowIso, updated_at: c.nowIso })
    .where('portal_id', '=', portalId)
    .where('id', '=', loanId)
    .where('status', '=', 'ACTIVE')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/**
 * Inside a money write's transaction: true while the loan is ACTIVE. A no-op UPDATE rather than a
 * SELECT, so on PostgreSQL it takes the row lock and waits for a concurrent closeLoan: whichever
 * commits first wins, and a write never lands on a loan closed under it (on SQLite the single
 * writer serialises the two anyway).
 */
export async function lockActiveLoan(trx: Trx, portalId: string, loanId: string): Promise<boolean> {
  const res = await trx
    .updateTable('loans')
    .set({ status: 'ACTIVE' })
    .where('portal_id', '=', portalId)
    .where('id', '=', loanId)
    .where('status', '=', 'ACTIVE')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
