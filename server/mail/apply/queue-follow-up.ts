import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { enqueue } from '../../jobs/outbox.js';
import type { ReplyVerdict } from '../inbox/tables.js';
import { MAIL_REPLY_JOB, type ApplyReplyPayload, type TodoPayload } from './kinds.js';

// What a newly recorded reply sets going, in the transaction that records it (the reader's
// completeInbound): a reply that may apply by itself queues `mail.reply.apply`; one for review queues
// a to-do for the deal's responsible (when it names a deal — an unmatched reply has no deal to hang a
// to-do on, it waits in the app page's queue). Keyed by the reply's id, and only called for a new row
// (mail_replies is unique per Message-ID), so a re-delivered reply queues nothing.

export async function queueReplyFollowUp(
  trx: Transaction<Database>,
  portalId: string,
  reply: { id: string; verdict: ReplyVerdict; dealId: number | null },
): Promise<void> {
  if (reply.verdict === 'auto-apply') {
    const payload: ApplyReplyPayload = { replyId: reply.id, userId: null };
    await enqueue(trx, { portalId, kind: MAIL_REPLY_JOB.apply, idempotencyKey: `mail-apply:${portalId}:${reply.id}:auto`, payload });
    return;
  }
  if (reply.dealId === null) return;
  const payload: TodoPayload = { replyId: reply.id };
  await enqueue(trx, { portalId, kind: MAIL_REPLY_JOB.todo, idempotencyKey: `mail-todo:${portalId}:${reply.id}`, payload });
}
