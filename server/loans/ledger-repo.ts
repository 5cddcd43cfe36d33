import type { Selectable } from 'kysely';
import type { Executor } from '../db/executor.js';
import { parseJsonColumn } from './json-column.js';
import type { PaymentAllocation } from './lending-types.js';
import type { LedgerEntry, LedgerKind, PrepaymentMode } from './loan.js';
import type { LedgerEntriesTable } from './tables.js';

// The ledger is append-only: this module has inserts and reads, and deliberately no update/delete.

function toEntry(r: Selectable<LedgerEntriesTable>): LedgerEntry {
  return {
    id: r.id,
    loanId: r.loan_id,
    kind: r.kind as LedgerKind,
    amount: r.amount,
    currency: r.currency,
    valueDate: r.value_date,
    externalId: r.external_id,
    requestHash: r.request_hash,
    reversesId: r.reverses_id,
    reasonCode: r.reason_code,
    method: r.method,
    reference: r.reference,
    allocation: r.allocation === null ? null : parseJsonColumn<PaymentAllocation>(r.allocation, 'ledger_entries.allocation'),
    createdBy: r.created_by === null ? null : Number(r.created_by),
    createdAt: r.created_at,
    prepaymentMode: r.prepayment_mode as PrepaymentMode | null,
  };
}

export async function appendLedgerEntry(db: Executor, portalId: string, e: LedgerEntry): Promise<void> {
  await db
    .insertInto('ledger_entries')
    .values({
      portal_id: portalId,
      id: e.id,
      loan_id: e.loanId,
      kind: e.kind,
      amount: e.amount,
      currency: e.currency,
      value_date: e.valueDate,
      external_id: e.externalId,
      request_hash: e.requestHash,
      reverses_id: e.reversesId,
      reason_code: e.reasonCode,
      method: e.method,
      reference: e.reference,
      allocation: e.allocation === null ? null : JSON.stringify(e.allocation),
      created_by: e.createdBy,
      created_at: e.createdAt,
      prepayment_mode: e.prepaymentMode ?? null,
    })
    .execute();
}

export async function findEntryByExternalId(
  db: Executor,
  portalId: string,
  loanId: string,
  externalId: string,
): Promise<LedgerEntry | null> {
  const r = await db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('loan_id', '=', loanId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
  return r ? toEntry(r) : null;
}

export async function findReversalOf(db: Executor, portalId: string, entryId: string): Promise<LedgerEntry | null> {
  const r = await db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('reverses_id', '=', entryId)
    .executeTakeFirst();
  return r ? toEntry(r) : null;
}

/** Every entry of the loan in posting order (value date, then creation, then id). */
export async function listLedger(db: Executor, portalId: string, loanId: string): Promise<LedgerEntry[]> {
  const rows = await db
    .selectFrom('ledger_entries')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('loan_id', '=', loanId)
    .orderBy('value_date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toEntry);
}
