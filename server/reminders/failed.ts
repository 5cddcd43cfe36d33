import type { Executor } from '../db/executor.js';
import { reasonText, type Lang, type StoredReason } from '../errors.js';
import { enqueue } from '../jobs/outbox.js';
import { REMINDER_SEND_JOB, reminderSendKey } from './plan.js';

// Reminders that could not go (issue 14 item 4: no phone, a template the lender's data cannot fill,
// no responsible): the app page's reminder section lists them with their reason in the reader's
// language, and Retry sends one again once the cause is fixed. The retry is the send job itself —
// still owed? the law? then the send — so nothing it would refuse goes out; the SMS stays keyed by
// the reminder, so a retry never sends what an earlier attempt handed over.

export interface FailedReminder {
  key: string;
  dealId: number;
  installment: number;
  ruleId: string;
  channel: string;
  /** When it was planned (ISO). */
  plannedAt: string;
  reason: string;
}

/** The newest failed reminders of the portal, at most `limit`. */
export async function listFailedReminders(db: Executor, portalId: string, lang: Lang, limit = 100): Promise<FailedReminder[]> {
  const rows = await db
    .selectFrom('reminders')
    .select(['key', 'deal_id', 'installment', 'rule_id', 'channel', 'created_at', 'note', 'reason'])
    .where('portal_id', '=', portalId)
    .where('status', '=', 'failed')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    key: r.key,
    dealId: Number(r.deal_id),
    installment: Number(r.installment),
    ruleId: r.rule_id,
    channel: r.channel,
    plannedAt: r.created_at,
    reason: readReason(r.reason, r.note ?? '', lang),
  }));
}

/** Stored as data (errors.ts StoredReason) since the reason column; older rows have only the portal-language note. */
function readReason(stored: string | null, note: string, lang: Lang): string {
  if (!stored) return note;
  try {
    return reasonText(JSON.parse(stored) as StoredReason, lang);
  } catch {
    return note;
  }
}

/**
 * Puts a failed reminder back to pending with a send job, in one transaction; false when it is not
 * failed (already retried by another click, or unknown). The job is keyed by this instant, so each
 * retry has its own, and the reminder's status is the compare-and-set that lets one click through.
 */
export async function retryFailedReminder(db: Executor, portalId: string, key: string, nowMs: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .updateTable('reminders')
      .set({ status: 'pending', note: null, reason: null, not_before: nowMs })
      .where('portal_id', '=', portalId)
      .where('key', '=', key)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await enqueue(trx, { portalId, kind: REMINDER_SEND_JOB, idempotencyKey: reminderSendKey(portalId, key, nowMs), payload: { key } });
    return true;
  });
}
