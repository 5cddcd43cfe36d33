import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { enqueue } from '../jobs/outbox.js';
import { insertCall, type ActivityCall, type NewCall } from './call-repo.js';
import { ACTIVITY_JOB_MAX_ATTEMPTS } from './jobs/context.js';

// Flow 3 of ARCHITECTURE.md: store the call keyed by its token and enqueue its job in ONE transaction.
// A repeated delivery (Bitrix24 may deliver an activity call more than once) finds the row and
// changes nothing; the outbox key is unique too, so the job exists once whatever the interleaving.

/** Our SMS sender's calls: their job sends and reports the refusal itself (jobs/sms-sender.ts). */
export const SMS_SENDER_JOB_MAX_ATTEMPTS = 6;

export async function receiveCall(
  db: Kysely<Database>,
  portalId: string,
  call: NewCall,
  jobKind: string,
): Promise<{ call: ActivityCall; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const r = await insertCall(trx, portalId, call);
    if (r.created) {
      await enqueue(trx, {
        portalId,
        kind: jobKind,
        idempotencyKey: `${call.source}:${portalId}:${call.key}`,
        payload: { callId: r.call.id },
        // A robot's job also answers the workflow, retried long enough to outlast a portal outage.
        maxAttempts: call.source === 'activity' ? ACTIVITY_JOB_MAX_ATTEMPTS : SMS_SENDER_JOB_MAX_ATTEMPTS,
      });
    }
    return r;
  });
}
