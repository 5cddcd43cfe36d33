import type { Executor } from '../db/executor.js';
import { enqueue } from '../jobs/outbox.js';
import { uuidv7 } from '../security/uuidv7.js';
import { stageEventFor } from './decide.js';
import type { DealSnapshot } from './deal-reader.js';
import { LIFECYCLE_JOB } from './kinds.js';
import { casDealLifecycle, getDealLifecycle, getStageMap, insertDealLifecycle, insertTransition } from './repo.js';
import type { StageEvent } from './stage-map.js';
import { queueRole } from './assign-role.js';

// Deal → loan. A changed deal (from the offline queue, which never holds our own writes) is read
// once; when its stage differs from the one we recorded, the move is recorded with a compare-and-set
// and its loan event queued in the same transaction — so a change seen twice (a re-read batch, two
// workers) acts once, and a change of another field costs the read and nothing else.

export interface ApplyPayload {
  dealId: number;
  event: StageEvent;
  stageId: string;
  categoryId: number;
  /** The day the deal entered the stage (DATE_MODIFY's date). */
  on: string;
  transitionId: string;
}

export type DealOutcome = 'gone' | 'unchanged' | 'raced' | 'moved';

/** First sight of a deal records this stage, so that its current stage counts as a change. */
const UNSEEN = '';

/** Records the deal's stage as read; a new stage is a transition, its loan event queued in the same transaction. */
export async function recordStage(db: Executor, portalId: string, deal: DealSnapshot, now: () => Date): Promise<DealOutcome> {
  const nowIso = now().toISOString();
  let row = await getDealLifecycle(db, portalId, deal.id);
  if (!row) {
    await insertDealLifecycle(db, portalId, { dealId: deal.id, categoryId: deal.categoryId, stageId: UNSEEN, nowIso });
    row = await getDealLifecycle(db, portalId, deal.id);
    if (!row) return 'raced';
  }
  if (row.stageId === deal.stageId) return 'unchanged';
  const map = await getStageMap(db, portalId, deal.categoryId);
  const event = map ? stageEventFor(map, deal.stageId) : null;
  const from = row.stageId;
  const expected = { stageId: row.stageId, loanMark: row.loanMark };
  return db.transaction().execute(async (trx) => {
    const ok = await casDealLifecycle(trx, portalId, deal.id, expected, {
      stageId: deal.stageId,
      categoryId: deal.categoryId,
      ...(event ? { phase: event } : {}),
      nowIso,
    });
    if (!ok) return 'raced';
    // Who becomes responsible on entering the stage (roles per stage), once per entry like the event.
    await queueRole(trx, portalId, map, deal.id, deal.stageId);
    if (!event) return 'moved';
    const transitionId = `stage:${uuidv7()}`;
    await insertTransition(trx, portalId, {
      id: transitionId,
      dealId: deal.id,
      direction: 'stage',
      what: event,
      from: from || null,
      to: deal.stageId,
      nowIso,
    });
    const payload: ApplyPayload = {
      dealId: deal.id,
      event,
      stageId: deal.stageId,
      categoryId: deal.categoryId,
      on: deal.modifiedOn,
      transitionId,
    };
    await enqueue(trx, { portalId, kind: LIFECYCLE_JOB.apply, idempotencyKey: `lifecycle-apply:${portalId}:${transitionId}`, payload });
    return 'moved';
  });
}
