import type { Executor } from '../db/executor.js';
import { enqueue } from '../jobs/outbox.js';
import { TRIGGER, TRIGGER_JOB, triggerJobKey, type TriggerPayload } from './codes.js';

/**
 * Queues "loan paid off" on the loan's deal — once per loan, ever (the outbox key is the loan's), so
 * every later push of the closed loan adds nothing. Called by the lifecycle after each loan sync
 * (server/lifecycle/loan-stage.ts), whether or not the pipeline has a stage map.
 */
export async function queuePaidOffTrigger(db: Executor, portalId: string, loan: { id: string; dealId: number }): Promise<boolean> {
  const payload: TriggerPayload = { code: TRIGGER.paidOff, dealId: loan.dealId };
  const r = await db
    .transaction()
    .execute((trx) =>
      enqueue(trx, { portalId, kind: TRIGGER_JOB, idempotencyKey: triggerJobKey(portalId, TRIGGER.paidOff, loan.id), payload }),
    );
  return r.created;
}
