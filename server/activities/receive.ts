import type { FastifyInstance } from 'fastify';
import { enqueue } from '../jobs/outbox.js';
import { insertCall, type ActivityCall, type NewCall } from './call-repo.js';

// Flow 3 of ARCHITECTURE.md: store the call keyed by its token and enqueue its job in ONE transaction.
// A repeated delivery (Bitrix24 may deliver an activity call more than once) finds the row and
// changes nothing; the outbox key is unique too, so the job exists once whatever the interleaving.

export const ACTIVITY_JOB_MAX_ATTEMPTS = 6;

export async function receiveCall(
  app: FastifyInstance,
  portalId: string,
  call: NewCall,
  jobKind: string,
): Promise<{ call: ActivityCall; created: boolean }> {
  return app.db.kysely.transaction().execute(async (trx) => {
    const r = await insertCall(trx, portalId, call);
    if (r.created) {
      await enqueue(trx, {
        portalId,
        kind: jobKind,
        idempotencyKey: `${call.source}:${portalId}:${call.key}`,
        payload: { callId: r.call.id },
        maxAttempts: ACTIVITY_JOB_MAX_ATTEMPTS,
      });
    }
    return r;
  });
}
