import type { Executor } from '../db/executor.js';
import { formatPlanLimits, parsePlanLimits, type PlanLimit } from './plan-limits.js';

// What applying the manifest left on the portal's row: its hash, the schedule entity type, and the
// plan limits met on the way (or later, while syncing).

/** After the manifest is applied; `planLimits` replaces what an earlier apply found (a plan may be upgraded). */
export async function setManifestState(
  db: Executor,
  id: string,
  hash: string,
  scheduleEntityTypeId: number | null,
  planLimits: readonly PlanLimit[] = [],
): Promise<void> {
  await db
    .updateTable('portals')
    .set({
      manifest_hash: hash,
      schedule_entity_type_id: scheduleEntityTypeId,
      plan_limits: formatPlanLimits(planLimits),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function getPlanLimits(db: Executor, id: string): Promise<PlanLimit[]> {
  const r = await db.selectFrom('portals').select('plan_limits').where('id', '=', id).executeTakeFirst();
  return parsePlanLimits(r?.plan_limits);
}

/** A limit met later (e.g. while syncing): added to the ones recorded. */
export async function addPlanLimit(db: Executor, id: string, limit: PlanLimit): Promise<void> {
  const have = await getPlanLimits(db, id);
  if (have.includes(limit)) return;
  await db
    .updateTable('portals')
    .set({ plan_limits: formatPlanLimits([...have, limit]), updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}
