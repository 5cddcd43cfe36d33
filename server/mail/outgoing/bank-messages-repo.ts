// Repository of the messages to bank staff (table bank_messages). Every query names its portal; what
// the message says and to whom is one sealed JSON bound to its row.
import type { PackAttachmentRef } from '../../documents/packs/pack-attachments.js';
import type { Executor, Trx } from '../../db/executor.js';
import type { SecretBox } from '../../security/crypto.js';
import type { BankMessageView } from '../../../wire/bank-messages.js';
import type { BankMessagesTable } from '../settings/tables.js';

export interface BankMessageContent {
  to: string[];
  subject: string;
  text: string;
  /** The pack's files chosen when the message was queued (pack-attachments.ts); bytes read at send time. */
  attachments?: PackAttachmentRef[];
}

const aadOf = (portalId: string, id: string) => `bank_messages:${portalId}:${id}`;

export const sealContent = (box: SecretBox, portalId: string, id: string, c: BankMessageContent) =>
  box.encrypt(JSON.stringify(c), aadOf(portalId, id));

/** The message's content; null when its ciphertext no longer opens (altered at rest): it cannot be sent. */
export function openContent(box: SecretBox, r: Pick<BankMessagesTable, 'portal_id' | 'id' | 'sealed'>): BankMessageContent | null {
  const json = box.open(r.sealed, aadOf(r.portal_id, r.id));
  return json === undefined ? null : (JSON.parse(json) as BankMessageContent);
}

/** What a message whose content no longer opens is settled with: not sent, and why (no content in it). */
export const CONTENT_UNREADABLE = 'the stored message could not be read (altered at rest): not sent';

/** The row as the deal's list shows it; the subject and the attachments' count come from its sealed content. */
export const viewOf = (r: BankMessagesTable, content: BankMessageContent | null): BankMessageView => ({
  id: r.id,
  bankId: r.bank_id,
  channel: r.channel ?? 'email',
  messageId: r.message_id,
  subject: (r.channel ?? 'email') === 'email' ? (content?.subject ?? null) : null,
  attachmentCount: content?.attachments?.length ?? 0,
  status: r.status,
  smtpResponse: r.smtp_response ?? r.error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  deliveryReport: r.delivery_report ?? null,
  reportedAt: r.reported_at ?? null,
  unverifiedReport: r.unverified_report ?? null,
  unverifiedAt: r.unverified_at ?? null,
});

export async function bankMessagesOfRequest(db: Executor, portalId: string, requestId: string): Promise<BankMessagesTable[]> {
  return db
    .selectFrom('bank_messages')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

export async function bankMessagesOfDeal(db: Executor, portalId: string, dealId: number): Promise<BankMessagesTable[]> {
  return db
    .selectFrom('bank_messages')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('deal_id', '=', dealId)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
}

export async function getBankMessage(db: Executor, portalId: string, id: string): Promise<BankMessagesTable | undefined> {
  return db.selectFrom('bank_messages').selectAll().where('portal_id', '=', portalId).where('id', '=', id).executeTakeFirst();
}

/** queued → sent | failed, once: a second settle of the same row changes nothing. */
export async function settleBankMessage(
  db: Executor,
  portalId: string,
  id: string,
  outcome: { status: 'sent'; smtpResponse: string; nowIso: string } | { status: 'failed'; error: string; nowIso: string },
): Promise<void> {
  await db
    .updateTable('bank_messages')
    .set(
      outcome.status === 'sent'
        ? { status: 'sent', smtp_response: outcome.smtpResponse.slice(0, 500), sent_at: outcome.nowIso }
        : { status: 'failed', error: outcome.error.slice(0, 500) },
    )
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

export async function markBankMessageCommented(db: Executor, portalId: string, id: string): Promise<void> {
  await db.updateTable('bank_messages').set({ commented: 1 }).where('portal_id', '=', portalId).where('id', '=', id).execute();
}

/**
 * The banks this deal's application reached: a bank e-mail or SMS sent (or delivered), each bank
 * once. Inside a transaction it holds those rows until commit (a no-op UPDATE … RETURNING: a row
 * lock on PostgreSQL, the one writer on SQLite, one statement on both), so the decisions of one
 * deal's banks are applied one after the other.
 */
export async function banksSentToOfDeal(trx: Trx, portalId: string, dealId: number): Promise<string[]> {
  const rows = await trx
    .updateTable('bank_messages')
    .set((eb) => ({ commented: eb.ref('commented') }))
    .where('portal_id', '=', portalId)
    .where('deal_id', '=', dealId)
    .where('status', 'in', ['sent', 'delivered'])
    .returning('bank_id')
    .execute();
  return [...new Set(rows.map((r) => r.bank_id))];
}
