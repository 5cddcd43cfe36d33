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
    const row = await findSmsById(ctx.db, job.payload.smsId);
    if (!row) throw new PermanentJobError(`sms ${job.payload.smsId} not found`);
    const provider = await resolveProvider(row.portalId, row.provider, ctx);
    const r = await executeSms(ctx.db, provider, row.id, options.execute);
    if (r.retryAt !== undefined) {
      const retryAt = r.retryAt;
      await ctx.db.transaction().execute((trx) => enqueueSmsSend(trx, r.sms, retryAt));
      ctx.log.info({ smsId: row.id, attempts: r.sms.attempts, retryAt, lastError: r.sms.lastError }, 'sms will be retried');
      return;
    }
    await ctx.db.transaction().execute((trx) => enqueueStatus(trx, r.sms));
  });
}
