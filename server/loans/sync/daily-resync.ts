import type { Executor } from '../../db/executor.js';
import { LOAN_SYNC_JOB, type EnqueueFn } from '../operations/deps.js';

/** Loans per transaction (bounds each write and the memory a page holds). */
const PAGE = 500;

/**
 * Statuses in the portal move with the calendar (upcoming → overdue, days past due grow) even when
 * nothing is saved or paid. Once a day a scheduler calls this: one loan.sync job per active loan,
 * keyed by the day so a second call the same day (another process, a restart) adds nothing. The
 * sync itself skips items whose fields did not change, so a quiet loan costs at most the deal update.
 */
export async function enqueueDailyResync(db: Executor, enqueue: EnqueueFn, day: string): Promise<number> {
  let after: { portalId: string; id: string } | null = null;
  let count = 0;
  for (;;) {
    let q = db.selectFrom('loans').select(['portal_id', 'id', 'deal_id']).where('status', '=', 'ACTIVE');
    if (after) {
      const a = after;
      q = q.where((eb) => eb.or([eb('portal_id', '>', a.portalId), eb.and([eb('portal_id', '=', a.portalId), eb('id', '>', a.id)])]));
    }
    const page = await q.orderBy('portal_id').orderBy('id').limit(PAGE).execute();
    if (page.length === 0) return count;
    await db.transaction().execute(async (trx) => {
      for (const l of page) {
        await enqueue(trx, {
          portalId: l.portal_id,
          kind: LOAN_SYNC_JOB,
          idempotencyKey: `loan-sync:${l.id}:day:${day}`,
          payload: { loanId: l.id, dealId: Number(l.deal_id) },
        });
      }
    });
    count += page.length;
    const last = page[page.length - 1]!;
    after = { portalId: last.portal_id, id: last.id };
  }
}
