import type { Executor, Trx } from '../../db/executor.js';
import { parseJsonColumn } from '../../loans/json-column.js';
import type { DecisionKind } from '../parse/decide.js';
import type { MailRepliesTable, ReplyStatus, ReplyVerdict } from '../inbox/tables.js';

// The recorded replies (mail_replies) as the apply path and the review queue read and change them,
// and the applied decisions (mail_decision_notices). Every query filters on portal_id; a status
// changes only by compare-and-set from 'pending', so of two clicks or two workers one wins.

export interface ReplyOutcome {
  /** The stage the decision moved the deal to (null: the deal already was there). */
  stageId?: string | null;
  noticeKey?: string;
  /** The same decision was applied before by this reply (a second copy, a forward). */
  duplicateOf?: string;
  /** A rejection recorded without a move: the banks (reply-token tags) still deciding then. */
  waitingFor?: string[];
}

export interface StoredReply {
  id: string;
  portalId: string;
  messageId: string | null;
  fromAddress: string | null;
  subject: string;
  receivedAt: string | null;
  dealId: number | null;
  bankId: string | null;
  matchedBy: string | null;
  decision: DecisionKind | null;
  amount: string | null;
  currency: string | null;
  verdict: ReplyVerdict;
  reasons: string[];
  understood: Record<string, unknown>;
  freshText: string;
  status: ReplyStatus;
  createdAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  outcome: ReplyOutcome | null;
}

const COLUMNS = [
  'id',
  'portal_id',
  'message_id',
  'from_address',
  'subject',
  'received_at',
  'deal_id',
  'bank_id',
  'matched_by',
  'decision',
  'amount',
  'currency',
  'verdict',
  'reasons',
  'understood',
  'fresh_text',
  'status',
  'created_at',
  'decided_by',
  'decided_at',
  'outcome',
] as const;

type Row = Omit<MailRepliesTable, 'dedupe_key'>;

function toReply(r: Row): StoredReply {
  return {
    id: r.id,
    portalId: r.portal_id,
    messageId: r.message_id,
    fromAddress: r.from_address,
    subject: r.subject,
    receivedAt: r.received_at,
    dealId: r.deal_id === null ? null : Number(r.deal_id),
    bankId: r.bank_id,
    matchedBy: r.matched_by,
    decision: r.decision as DecisionKind | null,
    amount: r.amount,
    currency: r.currency,
    verdict: r.verdict,
    reasons: parseJsonColumn<string[]>(r.reasons, 'mail_replies.reasons'),
    understood: parseJsonColumn<Record<string, unknown>>(r.understood, 'mail_replies.understood'),
    freshText: r.fresh_text,
    status: r.status,
    createdAt: r.created_at,
    decidedBy: r.decided_by ?? null,
    decidedAt: r.decided_at ?? null,
    outcome: r.outcome ? parseJsonColumn<ReplyOutcome>(r.outcome, 'mail_replies.outcome') : null,
  };
}

export async function getReply(db: Executor, portalId: string, id: string): Promise<StoredReply | null> {
  const r = await db.selectFrom('mail_replies').select(COLUMNS).where('portal_id', '=', portalId).where('id', '=', id).executeTakeFirst();
  return r ? toReply(r) : null;
}

/** The queue: newest first, bounded. */
export async function listReplies(db: Executor, portalId: string, status: ReplyStatus, limit = 100): Promise<StoredReply[]> {
  const rows = await db
    .selectFrom('mail_replies')
    .select(COLUMNS)
    .where('portal_id', '=', portalId)
    .where('status', '=', status)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toReply);
}

/** pending → applied | dismissed; false when someone else decided it first. */
export async function decideReply(
  db: Executor,
  portalId: string,
  id: string,
  to: 'applied' | 'dismissed',
  by: { userId: number | null; nowIso: string; outcome?: ReplyOutcome },
): Promise<boolean> {
  const r = await db
    .updateTable('mail_replies')
    .set({ status: to, decided_by: by.userId, decided_at: by.nowIso, outcome: by.outcome ? JSON.stringify(by.outcome) : null })
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A reply that could not apply after all stays pending, for review, with the reason added. */
export async function sendToReview(db: Executor, portalId: string, reply: StoredReply, reason: string): Promise<void> {
  const reasons = reply.reasons.includes(reason) ? reply.reasons : [...reply.reasons, reason];
  await db
    .updateTable('mail_replies')
    .set({ verdict: 'review', reasons: JSON.stringify(reasons) })
    .where('portal_id', '=', portalId)
    .where('id', '=', reply.id)
    .where('status', '=', 'pending')
    .execute();
}

export interface Notice {
  noticeKey: string;
  replyId: string;
  dealId: number;
  bankId: string;
  decision: DecisionKind;
  amount: string | null;
  currency: string | null;
  emailMessageId: string;
  emailSentAt: string | null;
}

/** Records an applied decision; false when the same decision was applied before (then nothing more is done). */
export async function insertNotice(trx: Trx, portalId: string, n: Omit<Notice, 'emailSentAt'>, nowIso: string): Promise<boolean> {
  const r = await trx
    .insertInto('mail_decision_notices')
    .values({
      portal_id: portalId,
      notice_key: n.noticeKey,
      reply_id: n.replyId,
      deal_id: n.dealId,
      bank_id: n.bankId,
      decision: n.decision,
      amount: n.amount,
      currency: n.currency,
      email_message_id: n.emailMessageId,
      email_sent_at: null,
      email_response: null,
      created_at: nowIso,
    })
    .onConflict((oc) => oc.columns(['portal_id', 'notice_key']).doNothing())
    .returning('notice_key')
    .executeTakeFirst();
  return r !== undefined;
}

export async function getNotice(db: Executor, portalId: string, noticeKey: string): Promise<Notice | null> {
  const r = await db
    .selectFrom('mail_decision_notices')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('notice_key', '=', noticeKey)
    .executeTakeFirst();
  if (!r) return null;
  return {
    noticeKey: r.notice_key,
    replyId: r.reply_id,
    dealId: Number(r.deal_id),
    bankId: r.bank_id,
    decision: r.decision as DecisionKind,
    amount: r.amount,
    currency: r.currency,
    emailMessageId: r.email_message_id,
    emailSentAt: r.email_sent_at,
  };
}

export async function markEmailSent(db: Executor, portalId: string, noticeKey: string, response: string, nowIso: string): Promise<void> {
  await db
    .updateTable('mail_decision_notices')
    .set({ email_sent_at: nowIso, email_response: response.slice(0, 500) })
    .where('portal_id', '=', portalId)
    .where('notice_key', '=', noticeKey)
    .where('email_sent_at', 'is', null)
    .execute();
}

/** The banks (as their decisions were keyed) whose rejection of this deal was applied. */
export async function rejectedBanksOfDeal(db: Executor, portalId: string, dealId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('mail_decision_notices')
    .select('bank_id')
    .where('portal_id', '=', portalId)
    .where('deal_id', '=', dealId)
    .where('decision', '=', 'rejected')
    .execute();
  return rows.map((r) => r.bank_id);
}
