import type { Executor, Trx } from '../../db/executor.js';
import type { LenderPipelineInfo } from '../../../wire/stage-maps.js';

// The lender_pipelines row of a portal: which pipeline the preset created and where its run stands.
// Every query filters on portal_id.

export interface LenderPipelineRow {
  categoryId: number | null;
  maxCategoryBefore: number | null;
  state: LenderPipelineInfo['state'];
  error: string | null;
  run: number;
  completed: boolean;
  updatedAt: string;
}

export async function getLenderPipeline(db: Executor, portalId: string): Promise<LenderPipelineRow | null> {
  const r = await db.selectFrom('lender_pipelines').selectAll().where('portal_id', '=', portalId).executeTakeFirst();
  if (!r) return null;
  return {
    categoryId: r.category_id === null ? null : Number(r.category_id),
    maxCategoryBefore: r.max_category_before === null ? null : Number(r.max_category_before),
    state: r.state as LenderPipelineInfo['state'],
    error: r.error,
    run: Number(r.run),
    completed: r.completed_at !== null,
    updatedAt: r.updated_at,
  };
}

/**
 * Starts run n+1 unless one is running (and not stale), by compare-and-set on `run` (two clicks at
 * once start one run; SQLite has no FOR UPDATE): the caller enqueues its job in the same
 * transaction. Null when a run is already under way.
 */
export async function startRun(trx: Trx, portalId: string, o: { nowIso: string; staleBeforeIso: string }): Promise<number | null> {
  const row = await trx
    .selectFrom('lender_pipelines')
    .select(['state', 'run', 'updated_at'])
    .where('portal_id', '=', portalId)
    .executeTakeFirst();
  if (!row) {
    const r = await trx
      .insertInto('lender_pipelines')
      .values({
        portal_id: portalId,
        category_id: null,
        max_category_before: null,
        state: 'running',
        error: null,
        run: 1,
        completed_at: null,
        updated_at: o.nowIso,
      })
      .onConflict((oc) => oc.column('portal_id').doNothing())
      .returning('portal_id')
      .executeTakeFirst();
    // Two first clicks at once: the one whose row went in starts run 1.
    return r ? 1 : null;
  }
  if (row.state === 'running' && row.updated_at > o.staleBeforeIso) return null;
  const run = Number(row.run) + 1;
  const ok = await trx
    .updateTable('lender_pipelines')
    .set({
      state: 'running',
      error: null,
      run,
      updated_at: o.nowIso,
    })
    .where('portal_id', '=', portalId)
    .where('run', '=', Number(row.run))
    .executeTakeFirst();
  return Number(ok.numUpdatedRows) === 1 ? run : null;
}

export async function updateLenderPipeline(
  db: Executor,
  portalId: string,
  patch: Partial<{
    categoryId: number | null;
    maxCategoryBefore: number | null;
    state: LenderPipelineInfo['state'];
    error: string | null;
    completedAt: string | null;
  }>,
  nowIso: string,
): Promise<void> {
  await db
    .updateTable('lender_pipelines')
    .set({
      ...(patch.categoryId !== undefined ? { category_id: patch.categoryId } : {}),
      ...(patch.maxCategoryBefore !== undefined ? { max_category_before: patch.maxCategoryBefore } : {}),
      ...(patch.state !== undefined ? { state: patch.state } : {}),
      ...(patch.error !== undefined ? { error: patch.error } : {}),
      ...(patch.completedAt !== undefined ? { completed_at: patch.completedAt } : {}),
      updated_at: nowIso,
    })
    .where('portal_id', '=', portalId)
    .execute();
}
