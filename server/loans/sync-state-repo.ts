import type { Executor } from '../db/executor.js';

export interface SyncState {
  addsInFlight: boolean;
  dealFieldsHash: string | null;
  lastSyncedAt: string | null;
}

async function ensureRow(db: Executor, portalId: string, loanId: string): Promise<void> {
  await db
    .insertInto('loan_sync_state')
    .values({
      portal_id: portalId,
      loan_id: loanId,
      adds_in_flight: 0,
      lease_until: null,
      deal_fields_hash: null,
      last_synced_at: null,
      last_error: null,
    })
    .onConflict((oc) => oc.columns(['portal_id', 'loan_id']).doNothing())
    .execute();
}

export async function getSyncState(db: Executor, portalId: string, loanId: string): Promise<SyncState> {
  const r = await db
    .selectFrom('loan_sync_state')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('loan_id', '=', loanId)
    .executeTakeFirst();
  if (!r) return { addsInFlight: false, dealFieldsHash: null, lastSyncedAt: null };
  return { addsInFlight: Number(r.adds_in_flight) === 1, dealFieldsHash: r.deal_fields_hash, lastSyncedAt: r.last_synced_at };
}

/**
 * Claims the loan's sync lease until `untilIso`, so two workers never push the same loan at once
 * (that would create duplicate items). True when claimed. ISO timestamps compare as strings.
 */
export async function claimSyncLease(db: Executor, portalId: string, loanId: string, nowIso: string, untilIso: string): Promise<boolean> {
  await ensureRow(db, portalId, loanId);
  const res = await db
    .updateTable('loan_sync_state')
    .set({ lease_until: untilIso })
    .where('portal_id', '=', portalId)
    .where('loan_id', '=', loanId)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function releaseSyncLease(db: Executor, portalId: string, loanId: string): Promise<void> {
  await db
    .updateTable('loan_sync_state')
    .set({ lease_until: null })
    .where('portal_id', '=', portalId)
    .where('loan_id', '=', loanId)
    .execute();
}

export async function setAddsInFlight(db: Executor, portalId: string, loanId: string, inFlight: boolean): Promise<void> {
  await ensureRow(db, portalId, loanId);
  await db
    .updateTable('loan_sync_state')
    .set({ adds_in_flight: inFlight ? 1 : 0 })
    .where('portal_id', '=', portalId)
    .where('loan_id', '=', loanId)
    .execute();
}

export async function recordSyncOutcome(
  db: Executor,
  portalId: string,
  loanId: string,
  o: { dealFieldsHash?: string | null; nowIso: string; error: string | null },
): Promise<void> {
  await ensureRow(db, portalId, loanId);
  await db
    .updateTable('loan_sync_state')
    .set({
      ...(o.dealFieldsHash !== undefined ? { deal_fields_hash: o.dealFieldsHash } : {}),
      ...(o.error === null ? { last_synced_at: o.nowIso } : {}),
      last_error: o.error,
    })
    .where('portal_id', '=', portalId)
    .where('loan_id', '=', loanId)
    .execute();
}
