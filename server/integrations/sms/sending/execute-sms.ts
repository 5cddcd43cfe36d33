import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError, isAppError } from '../../../errors.js';
import { isProviderError } from '../provider-error.js';
import type { SmsProvider, SmsStatus, SmsStatusUpdate } from '../provider.js';
import { findSmsById, type SmsRecord, type SmsRef } from './sms-repo.js';
import type { SmsMessageStatus } from './tables.js';

// Step 2, run by the outbox worker. Same claim/lease/fence as payouts (server/payouts/), with one
// difference: SMS gateways cannot be asked "did you get message <our key>?" (neither SMPP nor
// Twilio's Messages API has a client reference), so when the outcome of a send is unknown — a
// timeout after the request left, or a worker that died mid-send — the message is NOT resent:
// it ends `unknown` with the reason (a duplicate SMS to a borrower is worse than one flagged for
// a person). Failures known to have sent nothing (bind refused/unavailable, throttled) are retried.

export interface ExecuteSmsOptions {
  now?: () => number;
  leaseMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface ExecuteSmsResult {
  sms: SmsRecord;
  retryAt?: number;
}

const SETTLED: ReadonlySet<SmsMessageStatus> = new Set(['queued', 'sent', 'delivered', 'undelivered', 'failed', 'unknown']);

export function smsBackoffMs(attempts: number, baseMs = 5_000, maxMs = 600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

export async function executeSms(
  db: Kysely<Database>,
  provider: SmsProvider,
  ref: SmsRef,
  options: ExecuteSmsOptions = {},
): Promise<ExecuteSmsResult> {
  const now = options.now ?? Date.now;
  const smsId = ref.id;
  const row = await findSmsById(db, ref.portalId, smsId);
  if (!row) throw new AppError('NOT_FOUND', `SMS ${smsId} not found`);
  if (row.provider !== provider.code)
    throw new AppError('CONFLICT', `SMS ${smsId} belongs to provider ${row.provider}, not ${provider.code}`);
  if (SETTLED.has(row.status)) return { sms: row };
  const t0 = now();
  if (row.nextAttemptAt > t0) return { sms: row, retryAt: row.nextAttemptAt };

  const write = async (
    attempts: number,
    set: {
      status: SmsMessageStatus;
      provider_message_id?: string | null;
      segments?: number;
      last_error: string | null;
      next_attempt_at?: number;
    },
  ) => {
    const t = now();
    await db
      .updateTable('sms_messages')
      .set({ ...set, next_attempt_at: set.next_attempt_at ?? t, updated_at: new Date(t).toISOString() })
      .where('portal_id', '=', row.portalId)
      .where('id', '=', row.id)
      .where('attempts', '=', attempts)
      .execute();
    const stored = (await findSmsById(db, row.portalId, smsId)) ?? row;
    return { sms: stored, ...(stored.status === 'requested' ? { retryAt: stored.nextAttemptAt } : {}) };
  };

  if (row.status === 'sending') {
    // Its worker's lease ran out: it died after or before handing the message over — unknowable.
    const claimed = await db
      .updateTable('sms_messages')
      .set({
        status: 'unknown',
        last_error: 'sender stopped mid-send; not resent to avoid a duplicate SMS',
        updated_at: new Date(t0).toISOString(),
      })
      .where('portal_id', '=', row.portalId)
      .where('id', '=', row.id)
      .where('attempts', '=', row.attempts)
      .where('status', '=', 'sending')
      .where('next_attempt_at', '<=', t0)
      .executeTakeFirst();
    void claimed;
    return { sms: (await findSmsById(db, row.portalId, smsId)) ?? row };
  }

  const attempt = row.attempts + 1;
  const claimed = await db
    .updateTable('sms_messages')
    .set({
      status: 'sending',
      attempts: attempt,
      next_attempt_at: t0 + (options.leaseMs ?? 60_000),
      updated_at: new Date(t0).toISOString(),
    })
    .where('portal_id', '=', row.portalId)
    .where('id', '=', row.id)
    .where('attempts', '=', row.attempts)
    .where('status', '=', 'requested')
    .where('next_attempt_at', '<=', t0)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) {
    const current = (await findSmsById(db, row.portalId, smsId)) ?? row;
    return { sms: current, ...(SETTLED.has(current.status) ? {} : { retryAt: current.nextAttemptAt }) };
  }

  try {
    const r = await provider.send({
      to: row.to,
      text: row.body,
      encoding: row.encoding,
      idempotencyKey: row.id,
      ...(row.sender ? { sender: row.sender } : {}),
    });
    return await write(attempt, { status: r.status, provider_message_id: r.providerMessageId, segments: r.segments, last_error: null });
  } catch (e) {
    const reason = `${isAppError(e) ? `${e.code}: ` : ''}${(e instanceof Error ? e.message : String(e)).slice(0, 1000)}`;
    if (isProviderError(e) && e.info.outcomeUnknown)
      return write(attempt, { status: 'unknown', last_error: `${reason}; not resent to avoid a duplicate SMS` });
    const retryable = isProviderError(e) ? e.info.retryable : !isAppError(e); // our own AppErrors (over limit, validation) never heal
    if (!retryable) return write(attempt, { status: 'failed', last_error: reason });
    if (attempt >= row.maxAttempts) return write(attempt, { status: 'failed', last_error: `gave up after ${attempt} attempts: ${reason}` });
    return write(attempt, {
      status: 'requested',
      last_error: reason,
      next_attempt_at: now() + smsBackoffMs(attempt, options.backoffBaseMs, options.backoffMaxMs),
    });
  }
}

const RANK: Readonly<Record<SmsMessageStatus, number>> = {
  requested: 0,
  sending: 1,
  unknown: 1,
  queued: 2,
  sent: 3,
  delivered: 4,
  undelivered: 4,
  failed: 4,
};

/**
 * A delivery report (Twilio callback or SMPP receipt). Moves forward only (reports may arrive out of
 * order or twice); returns the record and whether this report changed it.
 */
export async function applySmsStatus(
  db: Kysely<Database>,
  portalId: string,
  providerCode: string,
  update: SmsStatusUpdate,
  options: { now?: () => number } = {},
): Promise<{ sms: SmsRecord; changed: boolean } | undefined> {
  // Scoped by portal: each portal has its own SMSC account, and message ids are only unique there.
  const row = await db
    .selectFrom('sms_messages')
    .select(['id', 'status'])
    .where('portal_id', '=', portalId)
    .where('provider', '=', providerCode)
    .where('provider_message_id', '=', update.providerMessageId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) return undefined;
  const to: SmsStatus = update.status;
  if (RANK[to] <= RANK[row.status]) return { sms: (await findSmsById(db, portalId, row.id))!, changed: false };
  const res = await db
    .updateTable('sms_messages')
    .set({ status: to, error_code: update.errorCode ?? null, updated_at: new Date((options.now ?? Date.now)()).toISOString() })
    .where('portal_id', '=', portalId)
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .executeTakeFirst();
  return { sms: (await findSmsById(db, portalId, row.id))!, changed: Number(res.numUpdatedRows) === 1 };
}
