import { AppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import { BATCH_LIMIT, type PortalGateway } from '../portal-gateway.js';
import { deletePortalItems, listPortalItems, type PortalItemLink } from '../portal-item-repo.js';
import { claimSyncLease, getSyncState, releaseSyncLease, setAddsInFlight } from '../sync-state-repo.js';
import { isRecordNotFound } from './deal-presence.js';
import { reconcileItems } from './reconcile.js';
import type { SyncTarget } from './target.js';

export interface RemovalReport {
  /** REST requests made (each batch is one). */
  calls: number;
  /** Items deleted now, or already gone (NOT_FOUND counts as done). */
  deleted: number;
  /** True when a lost add forced a listing first. */
  reconciled: boolean;
}

/**
 * Deletes a closed loan's "Payment schedule" items from the portal with crm.item.delete in v2
 * batches of ≤ 50 (doc: api-reference/crm/universal/crm-item-delete.md), so the smart process's
 * filtered lists (paid / upcoming / overdue) stop showing installments of a deal that is gone.
 *
 * Progress is the portal_items map itself: after each batch the links of the items deleted (or
 * already gone: NOT_FOUND is success here) are dropped, so a crash or a failed batch leaves exactly
 * the items still to delete and a retry finishes the job, never re-sending a finished delete. When
 * nothing is left it makes no request at all (a duplicate event costs nothing).
 *
 * If a sync died after sending adds and before storing their ids (adds_in_flight), items may exist
 * that we hold no id for: they are found by listing first — by our loan-id item field when the
 * install created it, since the deal they were linked to is gone (UNVERIFIED(b24): whether a portal
 * clears parentId2 on children when their parent deal is deleted; the field makes that moot).
 *
 * Holds the loan's sync lease, so a loan.sync that started before the loan was closed finishes
 * (and records its items) before we list what to delete. Throws when a delete failed, after saving
 * progress, so the job retries.
 */
export async function removeScheduleItems(
  db: Executor,
  gateway: PortalGateway,
  portalId: string,
  loan: { id: string; dealId: number },
  target: () => Promise<SyncTarget>,
  opts: { now?: () => Date; leaseMs?: number } = {},
): Promise<RemovalReport> {
  const now = opts.now ?? (() => new Date());
  const t0 = now();
  const leaseUntil = new Date(t0.getTime() + (opts.leaseMs ?? 10 * 60_000)).toISOString();
  if (!(await claimSyncLease(db, portalId, loan.id, t0.toISOString(), leaseUntil)))
    throw new AppError('SYNC_BUSY', `loan ${loan.id} is being synced by another worker`, undefined);
  try {
    return await removeUnderLease(db, gateway, portalId, loan, target);
  } finally {
    await releaseSyncLease(db, portalId, loan.id);
  }
}

/** True when a closed loan still has schedule items to remove (or may have: a lost add). */
export async function hasItemsToRemove(db: Executor, portalId: string, loanId: string): Promise<boolean> {
  if ((await listPortalItems(db, portalId, loanId)).length > 0) return true;
  return (await getSyncState(db, portalId, loanId)).addsInFlight;
}

interface ToDelete {
  entityTypeId: number;
  itemId: number;
  /** The portal_items row to drop once deleted; null for an item found only by listing. */
  installment: number | null;
}

async function removeUnderLease(
  db: Executor,
  gateway: PortalGateway,
  portalId: string,
  loan: { id: string; dealId: number },
  target: () => Promise<SyncTarget>,
): Promise<RemovalReport> {
  const report: RemovalReport = { calls: 0, deleted: 0, reconciled: false };
  const links = await listPortalItems(db, portalId, loan.id);
  const todo: ToDelete[] = links.map(asToDelete);
  const addsInFlight = (await getSyncState(db, portalId, loan.id)).addsInFlight;
  const t = addsInFlight ? await target() : null;
  // dealOnly: the plan allowed no items, so none can be in flight to list.
  if (t && !t.dealOnly) {
    const loanIdField = t.itemFields?.loanId;
    const filter = loanIdField ? { [loanIdField]: loan.id } : { parentId2: loan.dealId };
    const r = await reconcileItems(gateway, t, loan.dealId, links.length, filter);
    report.calls += r.calls;
    report.reconciled = true;
    const known = new Set(links.map((l) => l.itemId));
    for (const id of [...r.links.map((l) => l.itemId), ...r.surplus])
      if (!known.has(id)) todo.push({ entityTypeId: t.entityTypeId, itemId: id, installment: null });
  }

  const failures: string[] = [];
  for (let i = 0; i < todo.length; i += BATCH_LIMIT) {
    const chunk = todo.slice(i, i + BATCH_LIMIT);
    const out = await gateway.batch(
      Object.fromEntries(
        chunk.map((d) => [`d${d.itemId}`, { method: 'crm.item.delete', params: { entityTypeId: d.entityTypeId, id: d.itemId } }]),
      ),
    );
    report.calls++;
    const done: number[] = [];
    for (const d of chunk) {
      const err = out.errors[`d${d.itemId}`];
      if (err && !isRecordNotFound(err)) {
        failures.push(`${d.itemId}: ${err.code} ${err.description}`);
        continue;
      }
      report.deleted++;
      if (d.installment !== null) done.push(d.installment);
    }
    await deletePortalItems(db, portalId, loan.id, done);
  }
  if (failures.length > 0)
    throw new AppError('UPSTREAM', `loan ${loan.id}: ${failures.length} schedule item(s) not deleted: ${failures.slice(0, 5).join('; ')}`, {
      key: 'SCHEDULE_ITEMS_NOT_DELETED',
    });
  // Every item the listing found is deleted: nothing unknown can be left in the portal.
  if (addsInFlight) await setAddsInFlight(db, portalId, loan.id, false);
  return report;
}

function asToDelete(l: PortalItemLink): ToDelete {
  return { entityTypeId: l.entityTypeId, itemId: l.itemId, installment: l.installment };
}
