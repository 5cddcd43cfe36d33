import type { Lang } from '../../errors.js';
import { addCommentOnce } from '../../lifecycle/timeline-comment.js';
import { PermanentJobError, type JobHandler } from '../../jobs/job.js';
import type { SecretBox } from '../../security/crypto.js';
import {
  CONTENT_UNREADABLE,
  getBankMessage,
  type BankMessageContent,
  markBankMessageCommented,
  openContent,
  settleBankMessage,
} from './bank-messages-repo.js';
import type { OutgoingAttachment, OutgoingMail } from './outgoing-mail.js';
import type { Executor } from '../../db/executor.js';
import { getBlob } from '../../documents/blobs-repo.js';
import type { PackAttachmentRef } from '../../documents/packs/pack-attachments.js';
import type { BankMessagesTable } from '../settings/tables.js';

// The job that sends one queued message to a bank (`mail.bank.send`, queued by
// queue-bank-messages.ts) and says on the deal's timeline what happened. The Message-ID was fixed
// when the job was queued, so a retry after a crash between the SMTP server's "250" and our record
// of it resends the SAME message (the bank's server and the reply matching see one message). A
// permanent SMTP refusal (5xx) or a portal without an SMTP account fails the message for good; a
// network fault or a 4xx is retried by the outbox with back-off.
// Timeline: doc api-reference/crm/timeline/comments/crm-timeline-comment-add.md (fields ENTITY_ID,
// ENTITY_TYPE "deal", COMMENT). Written once per message (the row remembers it).

const SENT: Record<Lang, (to: string, response: string) => string> = {
  en: (to, response) => `E-mail to the bank sent to ${to}. Server reply: ${response}`,
  ru: (to, response) => `Письмо в банк отправлено на ${to}. Ответ сервера: ${response}`,
  es: (to, response) => `Correo al banco enviado a ${to}. Respuesta del servidor: ${response}`,
};
const FAILED: Record<Lang, (to: string, error: string) => string> = {
  en: (to, error) => `E-mail to the bank (${to}) was not sent: ${error}`,
  ru: (to, error) => `Письмо в банк (${to}) не отправлено: ${error}`,
  es: (to, error) => `El correo al banco (${to}) no se envió: ${error}`,
};

interface SmtpFailure {
  code?: unknown;
  responseCode?: unknown;
  message?: unknown;
}

/**
 * A failure no retry can heal: no SMTP account, a 5xx from the server, or nodemailer refusing the
 * message itself before sending it (EMESSAGE without a server reply: over the SIZE the server announced
 * in EHLO, RFC 1870, or empty) — the same bytes would be refused again on every attempt.
 */
export const permanentSmtpFailure = (e: SmtpFailure): boolean =>
  e.code === 'MAIL_NOT_CONFIGURED' ||
  (e.code === 'EMESSAGE' && e.responseCode === undefined) ||
  (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600);

export function bankSendJob(deps: { mail: OutgoingMail; box: SecretBox }): JobHandler<{ id: string }> {
  return async (job, ctx) => {
    const portalId = job.portalId;
    if (!portalId) throw new PermanentJobError('mail.bank.send without a portal');
    let row = await getBankMessage(ctx.db, portalId, job.payload.id);
    if (!row) throw new PermanentJobError(`bank message ${job.payload.id} not found`);
    const content = openContent(deps.box, row);
    if (row.status === 'queued' && content === null) {
      // Altered at rest: there is nothing trustworthy to send; the deal is told it failed, once.
      await settleBankMessage(ctx.db, portalId, row.id, { status: 'failed', error: CONTENT_UNREADABLE, nowIso: new Date().toISOString() });
      row = (await getBankMessage(ctx.db, portalId, row.id))!;
    } else if (row.status === 'queued' && content !== null) {
      const attachments = await attachmentsOf(ctx.db, portalId, content.attachments ?? []);
      if (attachments === null) {
        // A pack file gone from the store: without it this is not the message the user chose to send.
        await settleBankMessage(ctx.db, portalId, row.id, {
          status: 'failed',
          error: ATTACHMENT_MISSING,
          nowIso: new Date().toISOString(),
        });
      } else {
        await sendAndSettle(deps.mail, ctx.db, row, { ...content, attachments });
      }
      row = (await getBankMessage(ctx.db, portalId, row.id))!;
    }
    if (row.commented === 1 || Number(row.commented) === 1) return;
    const to = content ? content.to.join(', ') : '—';
    // A delivery report may already have moved a sent message on (delivered/failed): it was sent.
    const comment = row.smtp_response !== null ? SENT[row.lang](to, row.smtp_response) : FAILED[row.lang](to, row.error ?? '');
    // A crash between the comment and the mark reruns this job: the comment is looked for first.
    await addCommentOnce(await ctx.portal(), Number(row.deal_id), comment, job.attempts > 1);
    await markBankMessageCommented(ctx.db, portalId, row.id);
  };
}

/** What a message whose pack file is no longer in the store is settled with. */
export const ATTACHMENT_MISSING = 'a file of the pack is no longer stored: not sent; generate the pack again';

/** The pack's files as they were chosen at queue time, read now; null when one is missing. */
async function attachmentsOf(db: Executor, portalId: string, refs: PackAttachmentRef[]): Promise<OutgoingAttachment[] | null> {
  const out: OutgoingAttachment[] = [];
  for (const a of refs) {
    const content = await getBlob(db, portalId, a.sha256);
    if (!content) return null;
    out.push({ filename: a.filename, contentType: a.contentType, content });
  }
  return out;
}

/** One SMTP attempt: sent with the server's reply, failed for good, or thrown for the outbox to retry. */
async function sendAndSettle(
  mail: OutgoingMail,
  db: Executor,
  row: BankMessagesTable,
  content: Omit<BankMessageContent, 'attachments'> & { attachments: OutgoingAttachment[] },
): Promise<void> {
  const portalId = row.portal_id;
  try {
    const r = await mail.send(portalId, {
      messageId: row.message_id,
      to: content.to,
      subject: content.subject,
      text: content.text,
      replyTo: row.reply_to,
      dsn: true,
      ...(content.attachments.length > 0 ? { attachments: content.attachments } : {}),
    });
    if (r.accepted.length === 0) throw Object.assign(new Error(r.response || 'no recipient accepted'), { responseCode: 550 });
    await settleBankMessage(db, portalId, row.id, { status: 'sent', smtpResponse: r.response, nowIso: new Date().toISOString() });
  } catch (err) {
    const e = err as SmtpFailure;
    if (!permanentSmtpFailure(e)) throw err;
    const error = typeof e.message === 'string' ? e.message : String(err);
    await settleBankMessage(db, portalId, row.id, { status: 'failed', error, nowIso: new Date().toISOString() });
  }
}
