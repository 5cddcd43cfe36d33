import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { enqueue } from '../../jobs/outbox.js';
import type { DeliveryReport } from '../parse/delivery-report.js';
import { finishClaim } from './inbox-repo.js';

// A delivery report read from the mailbox, recorded in ONE transaction with the end of its claim:
// the bank message it names (by the original's Message-ID, this portal only) moves sent → delivered
// | failed with the diagnostic, and the timeline job is queued — once, because the move happens only
// from queued/sent and the job's key is the message's. A report is never a reply: no mail_replies
// row, so it never reaches reply understanding or the review queue. A report about a message we
// don't know (another system's, or a deleted portal's) just finishes the claim. "delayed" notices
// are kept on the row but change nothing. A report whose sender does not vouch for it (report-trust.ts,
// judged by the caller before this transaction) is kept as `unverified_report` — shown with the
// message, moving nothing and queuing nothing — so a forged bounce can't mark a bank message failed.

export const BANK_REPORT_JOB = 'mail.bank.report';

export async function completeInboundReport(
  trx: Transaction<Database>,
  portalId: string,
  claimId: string,
  report: DeliveryReport,
  nowIso: string,
  sender: { verified: boolean; from: string },
): Promise<{ bankMessageId: string | null; moved: boolean }> {
  await finishClaim(trx, portalId, claimId, null, nowIso);
  const row = await trx
    .selectFrom('bank_messages')
    .select(['id', 'status'])
    .where('portal_id', '=', portalId)
    .where('message_id', 'in', report.originalIds.slice(0, 20))
    .orderBy('id')
    .executeTakeFirst();
  if (!row) return { bankMessageId: null, moved: false };
  if (!sender.verified) {
    const said = `${sender.from || '?'}: ${report.outcome}; ${report.diagnostic}`.slice(0, 500);
    await trx
      .updateTable('bank_messages')
      .set({ unverified_report: said, unverified_at: nowIso })
      .where('portal_id', '=', portalId)
      .where('id', '=', row.id)
      .execute();
    return { bankMessageId: row.id, moved: false };
  }
  if (report.outcome === 'delayed') {
    await trx
      .updateTable('bank_messages')
      .set({ delivery_report: report.diagnostic, reported_at: nowIso })
      .where('portal_id', '=', portalId)
      .where('id', '=', row.id)
      .where('status', 'in', ['queued', 'sent'])
      .execute();
    return { bankMessageId: row.id, moved: false };
  }
  const moved = await trx
    .updateTable('bank_messages')
    .set({ status: report.outcome, delivery_report: report.diagnostic, reported_at: nowIso })
    .where('portal_id', '=', portalId)
    .where('id', '=', row.id)
    .where('status', 'in', ['queued', 'sent'])
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0) return { bankMessageId: row.id, moved: false };
  await enqueue(trx, { portalId, kind: BANK_REPORT_JOB, idempotencyKey: `${BANK_REPORT_JOB}:${row.id}`, payload: { id: row.id } });
  return { bankMessageId: row.id, moved: true };
}
