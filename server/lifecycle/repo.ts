import type { Executor, Trx } from '../db/executor.js';
import { isUniqueViolation } from '../db/executor.js';
import { parseJsonColumn } from '../loans/json-column.js';
import { normaliseStageMap, type StageMap } from './stage-map.js';

// Repositories of the deal lifecycle; every query filters on portal_id.

export interface DealLifecycle {
  dealId: number;
  categoryId: number;
  stageId: string;
  writtenStageId: string | null;
  loanMark: string | null;
  phase: string | null;
  offerVersion: number | null;
  issuedOn: string | null;
}

export async function getStageMap(db: Executor, portalId: string, categoryId: number): Promise<StageMap | null> {
  const r = await db
    .selectFrom('deal_stage_maps')
    .select('map')
    .where('portal_id', '=', portalId)
    .where('category_id', '=', categoryId)
    .executeTakeFirst();
  return r ? parseJsonColumn<StageMap>(r.map, 'deal_stage_maps.map') : null;
}

export async function listStageMaps(db: Executor, portalId: string): Promise<{ categoryId: number; map: StageMap }[]> {
  const rows = await db.selectFrom('deal_stage_maps').select(['category_id', 'map']).where('portal_id', '=', portalId).execute();
  return rows.map((r) => ({ categoryId: Number(r.category_id), map: parseJsonColumn<StageMap>(r.map, 'deal_stage_maps.map') }));
}

export async function saveStageMap(
  db: Executor,
  portalId: string,
  categoryId: number,
  map: StageMap,
  by: { userId: number | null; nowIso: string },
): Promise<void> {
  const json = JSON.stringify(normaliseStageMap(map));
  await db
    .insertInto('deal_stage_maps')
    .values({ portal_id: portalId, category_id: categoryId, map: json, updated_by: by.userId, updated_at: by.nowIso })
    .onConflict((oc) => oc.columns(['portal_id', 'category_id']).doUpdateSet({ map: json, updated_by: by.userId, updated_at: by.nowIso }))
    .execute();
}

export async function getDealLifecycle(db: Executor, portalId: string, dealId: number): Promise<DealLifecycle | null> {
  const r = await db
    .selectFrom('deal_lifecycle')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('deal_id', '=', dealId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    dealId: Number(r.deal_id),
    categoryId: Number(r.category_id),
    stageId: r.stage_id,
    writtenStageId: r.written_stage_id,
    loanMark: r.loan_mark,
    phase: r.phase,
    offerVersion: r.offer_version === null ? null : Number(r.offer_version),
    issuedOn: r.issued_on,
  };
}

/** First sight of a deal: records its stage. False when another process recorded it first. */
export async function insertDealLifecycle(
  trx: Executor,
  portalId: string,
  row: { dealId: number; categoryId: number; stageId: string; nowIso: string },
): Promise<boolean> {
  try {
    await trx
      .insertInto('deal_lifecycle')
      .values({
        portal_id: portalId,
        deal_id: row.dealId,
        category_id: row.categoryId,
        stage_id: row.stageId,
        written_stage_id: null,
        loan_mark: null,
        phase: null,
        offer_version: null,
        issued_on: null,
        updated_at: row.nowIso,
      })
      .execute();
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

export type LifecyclePatch = Partial<Omit<DealLifecycle, 'dealId'>>;

/**
 * Compare-and-set on the deal's row: applies the patch only while stage and loan mark are still
 * what the caller read, so of two processes handling the same change exactly one wins.
 */
export async function casDealLifecycle(
  trx: Trx,
  portalId: string,
  dealId: number,
  expected: { stageId: string; loanMark: string | null },
  patch: LifecyclePatch & { nowIso: string },
): Promise<boolean> {
  let q = trx
    .updateTable('deal_lifecycle')
    .set({
      ...(patch.categoryId !== undefined ? { category_id: patch.categoryId } : {}),
      ...(patch.stageId !== undefined ? { stage_id: patch.stageId } : {}),
      ...(patch.writtenStageId !== undefined ? { written_stage_id: patch.writtenStageId } : {}),
      ...(patch.loanMark !== undefined ? { loan_mark: patch.loanMark } : {}),
      ...(patch.phase !== undefined ? { phase: patch.phase } : {}),
      ...(patch.offerVersion !== undefined ? { offer_version: patch.offerVersion } : {}),
      ...(patch.issuedOn !== undefined ? { issued_on: patch.issuedOn } : {}),
      updated_at: patch.nowIso,
    })
    .where('portal_id', '=', portalId)
    .where('deal_id', '=', dealId)
    .where('stage_id', '=', expected.stageId);
  q = expected.loanMark === null ? q.where('loan_mark', 'is', null) : q.where('loan_mark', '=', expected.loanMark);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** What a stage event leaves on the deal's row (the frozen offer, the issue day); no compare-and-set. */
export async function setDealFacts(
  db: Executor,
  portalId: string,
  dealId: number,
  facts: { offerVersion?: number; issuedOn?: string },
  nowIso: string,
): Promise<void> {
  await db
    .updateTable('deal_lifecycle')
    .set({
      ...(facts.offerVersion !== undefined ? { offer_version: facts.offerVersion } : {}),
      ...(facts.issuedOn !== undefined ? { issued_on: facts.issuedOn } : {}),
      updated_at: nowIso,
    })
    .where('portal_id', '=', portalId)
    .where('deal_id', '=', dealId)
    .execute();
}

export async function insertTransition(
  trx: Trx,
  portalId: string,
  t: { id: string; dealId: number; direction: 'stage' | 'loan'; what: string; from: string | null; to: string | null; nowIso: string },
): Promise<void> {
  await trx
    .insertInto('lifecycle_transitions')
    .values({
      portal_id: portalId,
      id: t.id,
      deal_id: t.dealId,
      direction: t.direction,
      what: t.what,
      from_stage_id: t.from,
      to_stage_id: t.to,
      created_at: t.nowIso,
    })
    .execute();
}

export async function countTransitions(db: Executor, portalId: string, dealId: number): Promise<number> {
  const r = await db
    .selectFrom('lifecycle_transitions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('portal_id', '=', portalId)
    .where('deal_id', '=', dealId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Batches reserved with event.offline.get and not cleared yet; `handled` ones only wait for the clear. */
export async function openBatches(db: Executor, portalId: string): Promise<{ processId: string; handled: boolean }[]> {
  const rows = await db
    .selectFrom('offline_event_batches')
    .select(['process_id', 'handled_at'])
    .where('portal_id', '=', portalId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ processId: r.process_id, handled: r.handled_at !== null }));
}

export async function rememberBatch(db: Executor, portalId: string, processId: string, nowIso: string): Promise<void> {
  await db
    .insertInto('offline_event_batches')
    .values({ portal_id: portalId, process_id: processId, created_at: nowIso, handled_at: null })
    .onConflict((oc) => oc.columns(['portal_id', 'process_id']).doNothing())
    .execute();
}

export async function markBatchHandled(db: Executor, portalId: string, processId: string, nowIso: string): Promise<void> {
  await db
    .updateTable('offline_event_batches')
    .set({ handled_at: nowIso })
    .where('portal_id', '=', portalId)
    .where('process_id', '=', processId)
    .execute();
}

export async function forgetBatches(db: Executor, portalId: string, processIds: string[]): Promise<void> {
  if (processIds.length === 0) return;
  await db.deleteFrom('offline_event_batches').where('portal_id', '=', portalId).where('process_id', 'in', processIds).execute();
}
