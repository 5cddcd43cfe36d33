import { AppError } from '../../errors.js';
import type { Executor } from '../../db/executor.js';
import { isoDay } from '../operations/deps.js';
import { loadLoanState, servicingOf } from '../operations/loan-state.js';
import { BATCH_LIMIT, type PortalGateway } from '../portal-gateway.js';
import { deletePortalItems, listPortalItems, upsertPortalItems, type PortalItemLink } from '../portal-item-repo.js';
import { claimSyncLease, getSyncState, recordSyncOutcome, releaseSyncLease, setAddsInFlight } from '../sync-state-repo.js';
import { dealExists, isDealNotFound, isRecordNotFound } from './deal-presence.js';
import { dealFields, desiredItems, hashFields } from './portal-fields.js';
import { plan, type Op } from './sync-plan.js';
import type { SyncReport } from './sync-report.js';
import { reconcileItems } from './reconcile.js';
import type { SyncTarget } from './target.js';
import { ITEM_RESTRICTED } from '../../portals/plan-limits.js';

export interface SyncOptions {
  now?: () => Date;
  /** Rewrite every item and the deal even when unchanged since the last sync. */
  force?: boolean;
  /** List the portal's items first even if no write was lost (repair). */
  reconcile?: boolean;
  leaseMs?: number;
}

export type { SyncReport } from './sync-report.js';

/**
 * Pushes a loan's schedule to the "Payment schedule" smart process (one item per installment,
 * parentId2 = deal) and its figures to the deal, through v2 batch: crm.item.update in place for
 * mapped installments, crm.item.add for new ones, crm.item.delete for surplus, and crm.deal.update
 * packed into the first batch — ⌈(N + surplus + 1) / 50⌉ requests, never a listing first, because
 * the item ids are kept locally (portal_items). Unchanged items are skipped by hash.
 *
 * Lost writes: before a batch that creates items is sent, `adds_in_flight` is committed; it is
 * cleared once the created ids are stored. If a run dies in between, the next run sees the flag and
 * rebuilds the map from the portal (reconcile.ts) before writing, so a retry never duplicates.
 *
 * Runs as the body of the `loan.sync` outbox job; throws (after saving progress) when a command
 * failed, so the job retries; a per-loan lease keeps two workers from pushing the same loan.
 * A deal that no longer exists is not a failure but a finding (`dealGone`), so the job does not
 * retry it into a dead letter every day.
 */
export async function syncLoanToPortal(
  db: Executor,
  gateway: PortalGateway,
  portalId: string,
  loanId: string,
  target: SyncTarget,
  opts: SyncOptions = {},
): Promise<SyncReport> {
  const now = opts.now ?? (() => new Date());
  const t0 = now();
  const leaseUntil = new Date(t0.getTime() + (opts.leaseMs ?? 10 * 60_000)).toISOString();
  if (!(await claimSyncLease(db, portalId, loanId, t0.toISOString(), leaseUntil))) {
    throw new AppError('SYNC_BUSY', `loan ${loanId} is being synced by another worker`, undefined);
  }
  try {
    const report = await syncUnderLease(db, gateway, portalId, loanId, target, opts, now);
    const failed = Object.keys(report.errors).length > 0 && !report.dealGone;
    await recordSyncOutcome(db, portalId, loanId, {
      nowIso: now().toISOString(),
      error: report.dealGone ? 'deal not found in the portal' : failed ? JSON.stringify(report.errors).slice(0, 2000) : null,
    });
    if (failed)
      throw new AppError(
        'UPSTREAM',
        `loan ${loanId} sync: ${Object.keys(report.errors).length} command(s) failed`,
        { key: 'SCHEDULE_ITEMS_NOT_WRITTEN' },
        { report },
      );
    return report;
  } catch (e) {
    if (!(e instanceof AppError))
      await recordSyncOutcome(db, portalId, loanId, { nowIso: now().toISOString(), error: String(e).slice(0, 2000) }).catch(
        () => undefined,
      );
    throw e;
  } finally {
    await releaseSyncLease(db, portalId, loanId);
  }
}

async function syncUnderLease(
  db: Executor,
  gateway: PortalGateway,
  portalId: string,
  loanId: string,
  target: SyncTarget,
  opts: SyncOptions,
  now: () => Date,
): Promise<SyncReport> {
  const state = await loadLoanState(db, portalId, loanId);
  if (!state) throw new AppError('LOAN_NOT_FOUND', `loan ${loanId} not in portal ${portalId}`);
  const report: SyncReport = {
    calls: 0,
    added: 0,
    updated: 0,
    deleted: 0,
    unchanged: 0,
    dealUpdated: false,
    reconciled: false,
    errors: {},
    closed: state.loan.status !== 'ACTIVE',
    dealGone: false,
  };
  // Read under the lease: a sync queued before the loan was closed does nothing once it is.
  if (report.closed) return report;
  const servicing = servicingOf(state, isoDay(now()));
  // A plan without schedule items: the schedule stays in the app, the deal gets its fields.
  const items = target.dealOnly ? [] : desiredItems(state, servicing, target);
  const deal = dealFields(state, servicing, target);

  let links = target.dealOnly ? [] : (await listPortalItems(db, portalId, loanId)).filter((l) => l.entityTypeId === target.entityTypeId);
  const syncState = await getSyncState(db, portalId, loanId);
  const extraDeletes: number[] = [];
  if (!target.dealOnly && (syncState.addsInFlight || opts.reconcile)) {
    const r = await reconcileItems(gateway, target, state.loan.dealId, Math.max(items.length, links.length));
    report.calls += r.calls;
    report.reconciled = true;
    await deletePortalItems(
      db,
      portalId,
      loanId,
      links.map((l) => l.installment),
    );
    await upsertPortalItems(db, portalId, loanId, r.links, now().toISOString());
    links = r.links;
    extraDeletes.push(...r.surplus);
    await setAddsInFlight(db, portalId, loanId, false);
  }

  const dealHash = hashFields(deal);
  const dealChanged = opts.force === true || syncState.dealFieldsHash !== dealHash;
  let ops = plan(
    items,
    links,
    extraDeletes,
    target,
    dealChanged ? { fields: deal, hash: dealHash } : null,
    state.loan.dealId,
    report,
    opts.force === true,
  );
  // One repair pass: updates that hit a deleted item drop their link and come back as adds —
  // unless the items are gone because the deal is: then re-adding them would make orphans.
  for (let pass = 0; pass < 2 && ops.length > 0; pass++) {
    const gone = await send(db, gateway, portalId, loanId, target, ops, report, now);
    if (report.dealGone || gone.length === 0) break;
    report.calls++;
    if (!(await dealExists(gateway, state.loan.dealId))) {
      report.dealGone = true;
      break;
    }
    // Their links are dropped already; plan adds for them only (no other links: nothing to delete).
    ops = plan(
      items.filter((i) => gone.includes(i.installment)),
      [],
      [],
      target,
      null,
      state.loan.dealId,
      report,
      false,
    );
  }
  return report;
}

/** Sends the ops in batches of ≤ 50, saving progress after each; returns installments whose item was gone. */
async function send(
  db: Executor,
  gateway: PortalGateway,
  portalId: string,
  loanId: string,
  target: SyncTarget,
  ops: Op[],
  report: SyncReport,
  now: () => Date,
): Promise<number[]> {
  const gone: number[] = [];
  for (let i = 0; i < ops.length; i += BATCH_LIMIT) {
    const chunk = ops.slice(i, i + BATCH_LIMIT);
    const hasAdds = chunk.some((o) => o.kind === 'add');
    if (hasAdds) await setAddsInFlight(db, portalId, loanId, true);
    const out = await gateway.batch<unknown>(Object.fromEntries(chunk.map((o) => [o.key, o.cmd])));
    report.calls++;
    const nowIso = now().toISOString();
    const upserts: PortalItemLink[] = [];
    const dropped: number[] = [];
    for (const op of chunk) {
      const err = out.errors[op.key];
      const notFound = err !== undefined && isRecordNotFound(err);
      if (op.kind === 'delete') {
        if (!err || notFound) {
          report.deleted++;
          if (op.installment !== null) dropped.push(op.installment);
        } else report.errors[op.key] = `${err.code}: ${err.description}`;
      } else if (op.kind === 'update') {
        if (!err) {
          report.updated++;
          upserts.push({ ...op.link, fieldsHash: op.item.hash });
        } else if (notFound) {
          dropped.push(op.item.installment);
          gone.push(op.item.installment);
        } else report.errors[op.key] = `${err.code}: ${err.description}`;
      } else if (op.kind === 'add') {
        const id = itemIdOf(out.results[op.key]);
        if (!err && id !== null) {
          report.added++;
          upserts.push({ installment: op.item.installment, entityTypeId: target.entityTypeId, itemId: id, fieldsHash: op.item.hash });
        } else if (err?.code === ITEM_RESTRICTED) report.itemsRestricted = true;
        else report.errors[op.key] = err ? `${err.code}: ${err.description}` : 'no item id in answer';
      } else if (!err) {
        report.dealUpdated = true;
        await recordSyncOutcome(db, portalId, loanId, { dealFieldsHash: op.hash, nowIso, error: null });
      } else if (isDealNotFound(err)) report.dealGone = true;
      else report.errors[op.key] = `${err.code}: ${err.description}`;
    }
    await deletePortalItems(db, portalId, loanId, dropped);
    await upsertPortalItems(db, portalId, loanId, upserts, nowIso);
    // Every add in the chunk was answered (created and stored, or refused): nothing is in flight.
    if (hasAdds) await setAddsInFlight(db, portalId, loanId, false);
    // The deal update rides in the first batch: if the deal is gone, send nothing more.
    if (report.dealGone) break;
  }
  return gone;
}

function itemIdOf(result: unknown): number | null {
  const id = (result as { item?: { id?: unknown } } | undefined)?.item?.id;
  return id !== undefined && Number.isInteger(Number(id)) ? Number(id) : null;
}
