import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { enqueue } from '../../../jobs/outbox.js';
import { PermanentJobError, registerJobHandler, type JobContext } from '../../../jobs/registry.js';
import type { SmsProvider, SmsStatusUpdate } from '../provider.js';
import { applySmsStatus, executeSms, type ExecuteSmsOptions } from './execute-sms.js';
import { findSmsById, type SmsRecord } from './sms-repo.js';

// Outbox wiring for SMS. One `sms.send` job per attempt (key sms:<id>:<attempt>) at the message's
// own retryAt. Every status change worth reporting enqueues `sms.status` once per status
// (key sms-status:<id>:<status>): its handler — registered by the messageservice/activity code —
// calls messageservice.message.status.update or bizproc.event.send.

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

function enqueueStatus(trx: Transaction<Database>, sms: SmsRecord) {
  return enqueue(trx, {
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

export function registerSmsJobs(resolveProvider: SmsProviderResolver, options: { execute?: ExecuteSmsOptions } = {}): void {
  registerJobHandler<{ smsId: string }>(SMS_SEND_JOB, async (job, ctx) => {
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
  });
}
