import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { enqueue } from '../../../jobs/outbox.js';
import { PermanentJobError, type JobContext, type JobHandler } from '../../../jobs/job.js';
import type { SmsProvider, SmsStatusUpdate } from '../provider.js';
import { applySmsStatus, executeSms, type ExecuteSmsOptions } from './execute-sms.js';
import { findSmsById, type SmsRecord } from './sms-repo.js';

// Outbox wiring for the messages of our SMS sender (messageservice). One `sms.send` job per attempt
// (key sms:<id>:<attempt>) at the message's own retryAt. Every status change worth reporting enqueues
// `sms.status` once per status (key sms-status:<id>:<status>): its handler
// (server/activities/jobs/sms-status.ts) calls messageservice.message.status.update.
// A robot's SMS is sent and answered by its own job (server/activities/jobs/send-sms.ts): its
// receipts update the message and enqueue nothing — the workflow already has its answer.

export const SMS_SEND_JOB = 'sms.send';
export const SMS_STATUS_JOB = 'sms.status';

export type SmsProviderResolver = (portalId: string, providerCode: string, ctx: JobContext) => Promise<SmsProvider>;

export function enqueueSmsSend(trx: Transaction<Database>, sms: SmsRecord, runAfterMs?: number): Promise<{ id: string; created: boolean }> {
  return enqueue(trx, {
    portalId: sms.portalId,
    kind: SMS_SEND_JOB,
    idempotencyKey: `sms:${sms.id}:${sms.attempts}`,
    payload: { smsId: sms.id },
    ...(runAfterMs !== undefined ? { runAfterMs } : {}),
  });
}

/**
 * The per-attempt key (sms:<id>:<attempts>) may already belong to a job that will not run again —
 * this very job, when it ran before the attempt was due or while another worker held the lease
 * (attempts unchanged, so the same key): inserting under it is a no-op and the message would stall
 * in 'requested' / 'sending'. Then wake up under a key naming the job that asked (stable if this
 * job is itself re-run after a crash).
 */
async function enqueueWakeUp(trx: Transaction<Database>, sms: SmsRecord, runAfterMs: number, currentJobId: string): Promise<void> {
  const queued = await enqueueSmsSend(trx, sms, runAfterMs);
  if (queued.created) return;
  const existing = await trx.selectFrom('outbox_jobs').select('status').where('id', '=', queued.id).executeTakeFirst();
  if (queued.id !== currentJobId && existing?.status === 'pending') return; // it will run and look again
  await enqueue(trx, {
    portalId: sms.portalId,
    kind: SMS_SEND_JOB,
    idempotencyKey: `sms:${sms.id}:${sms.attempts}:after:${currentJobId}`,
    payload: { smsId: sms.id },
    runAfterMs,
  });
}

async function enqueueStatus(trx: Transaction<Database>, sms: SmsRecord): Promise<void> {
  if (sms.context?.source === 'activity') return;
  await enqueue(trx, {
    portalId: sms.portalId,
    kind: SMS_STATUS_JOB,
    idempotencyKey: `sms-status:${sms.id}:${sms.status}`,
    payload: { smsId: sms.id, status: sms.status },
  });
}

/** For push providers (SMPP onStatus) and HTTP callbacks: apply the report and enqueue it for Bitrix24. */
export async function recordSmsStatus(
  db: Kysely<Database>,
  portalId: string,
  providerCode: string,
  update: SmsStatusUpdate,
): Promise<SmsRecord | undefined> {
  const r = await applySmsStatus(db, portalId, providerCode, update);
  if (r?.changed) await db.transaction().execute((trx) => enqueueStatus(trx, r.sms));
  return r?.sms;
}

/** The `sms.send` handler (listed in server/jobs/handlers.ts), sending through the portal's provider. */
export function smsSendJob(
  resolveProvider: SmsProviderResolver,
  options: { execute?: ExecuteSmsOptions } = {},
): JobHandler<{ smsId: string }> {
  return async (job, ctx) => {
    if (!job.portalId) throw new PermanentJobError(`sms job ${job.id} has no portal`);
    const row = await findSmsById(ctx.db, job.portalId, job.payload.smsId);
    if (!row) throw new PermanentJobError(`sms ${job.payload.smsId} not found`);
    const provider = await resolveProvider(row.portalId, row.provider, ctx);
    const r = await executeSms(ctx.db, provider, row, options.execute);
    const wakeAt = r.retryAt;
    if (wakeAt !== undefined) {
      await ctx.db.transaction().execute((trx) => enqueueWakeUp(trx, r.sms, wakeAt, job.id));
      ctx.log.info({ smsId: row.id, attempts: r.sms.attempts, retryAt: wakeAt, lastError: r.sms.lastError }, 'sms will be retried');
      return;
    }
    await ctx.db.transaction().execute((trx) => enqueueStatus(trx, r.sms));
  };
}
