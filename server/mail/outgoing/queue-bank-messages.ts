import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { isUniqueViolation } from '../../db/executor.js';
import { AppError, type Lang } from '../../errors.js';
import { analyzeSms, assertWithinLimit, type SmsLimit } from '../../integrations/sms/encoding/index.js';
import { enqueue } from '../../jobs/outbox.js';
import type { SecretBox } from '../../security/crypto.js';
import { uuidv7 } from '../../security/uuidv7.js';
import { getBank } from '../../documents/values/banks-repo.js';
import { packAttachmentsFor } from '../../documents/packs/pack-attachments.js';
import type { BankMessageBody } from '../../../wire/bank-messages.js';
import { bankTagOf } from '../bank-tag.js';
import { makeMessageId, replyToAddress } from '../reply-token.js';
import { replyMailbox } from '../settings/mail-settings.js';
import { getMailSettings } from '../settings/mail-settings-repo.js';
import { megabytesText, messageWireBytes } from './message-size.js';
import { bankMessagesOfRequest, sealContent } from './bank-messages-repo.js';

// Sending a message from a deal to bank staff (issue 16 item 2), the intent half: per bank, the row
// with its own Message-ID and a Reply-To whose signed token names portal, deal and bank — both made
// here, before anything leaves — and the outbox job `mail.bank.send` that sends it, in ONE
// transaction. The caller's requestId makes a repeat harmless: the same body answers the same rows,
// another body is IDEMPOTENCY_MISMATCH.

export const BANK_SEND_JOB = 'mail.bank.send';
/** An SMS to the bank's phones (bank-sms-job.ts); the message row and its Message-ID are made the same way. */
export const BANK_SMS_JOB = 'mail.bank.sms';

export interface QueueBankMessages {
  portalId: string;
  dealId: number;
  userId: number;
  lang: Lang;
  body: BankMessageBody;
  tokenKey: Buffer;
  nowIso: string;
  /** The portal's SMS provider's limit: an SMS over it is refused here, before anything is queued. */
  smsLimit?: SmsLimit;
  /** The largest e-mail the SMTP server accepts (MAIL_MAX_MESSAGE_MB): a pack that would not fit is refused here. */
  mailMaxBytes?: number;
}

const hashOf = (b: BankMessageBody) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        [...b.bankIds].sort(),
        b.subject ?? '',
        b.text,
        ...(b.channel === 'sms' ? ['sms'] : []),
        ...(b.perBank?.length ? [[...b.perBank].sort((x, y) => x.bankId.localeCompare(y.bankId))] : []),
        ...(b.attachPack ? ['pack'] : []),
      ]),
    )
    .digest('hex');

/** The subject and text a bank gets: what the user edited for it in the preview, else the shared ones. */
const contentFor = (b: BankMessageBody, bankId: string) => {
  const own = b.perBank?.find((p) => p.bankId === bankId);
  return { subject: own?.subject ?? b.subject ?? '', text: own?.text ?? b.text };
};

function checkSmsLength(text: string, limit: SmsLimit | undefined, bankId: string): void {
  if (limit === undefined) return;
  try {
    assertWithinLimit(analyzeSms(text), limit);
  } catch (e) {
    // Named next to the text it is about (the screen shows it under that bank's SMS).
    if (e instanceof AppError && e.details) Object.assign(e.details, { field: 'text', bankId });
    throw e;
  }
}

/** The bytes of the pack's files as stored (document_blobs.size_bytes), read before they are base64'd by the send job. */
async function blobSizes(db: Executor, portalId: string, sha256s: string[]): Promise<number[]> {
  const rows = await db
    .selectFrom('document_blobs')
    .select(['sha256', 'size_bytes'])
    .where('portal_id', '=', portalId)
    .where('sha256', 'in', sha256s)
    .execute();
  const size = new Map(rows.map((r) => [r.sha256, Number(r.size_bytes)]));
  return sha256s.map((h) => size.get(h) ?? 0);
}

/** A message the SMTP server would refuse (552) is refused now, naming the bank, its size and the limit. */
async function checkMailSize(
  db: Executor,
  q: QueueBankMessages,
  bankName: string,
  bankId: string,
  own: { subject: string; text: string },
  files: { sha256: string }[],
  maxBytes: number,
): Promise<void> {
  const textBytes = Buffer.byteLength(own.subject) + Buffer.byteLength(own.text);
  const bytes = messageWireBytes(
    textBytes,
    await blobSizes(
      db,
      q.portalId,
      files.map((f) => f.sha256),
    ),
  );
  if (bytes <= maxBytes) return;
  throw new AppError(
    'MAIL_TOO_LARGE',
    `bank e-mail of ${bytes} bytes over the ${maxBytes}-byte limit`,
    {
      key: 'PACK_TOO_LARGE_FOR_MAIL',
      params: { bank: bankName, size: megabytesText(bytes, q.lang), max: megabytesText(maxBytes, q.lang) },
    },
    { field: 'attachPack', bankId, sizeBytes: bytes, maxBytes },
  );
}

/** Two requests with one requestId at once: the loser's insert hits the unique key, and it answers as a repeat. */
export async function queueBankMessages(db: Kysely<Database>, box: SecretBox, q: QueueBankMessages) {
  try {
    return await queueOnce(db, box, q);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    return queueOnce(db, box, q);
  }
}

async function queueOnce(db: Kysely<Database>, box: SecretBox, q: QueueBankMessages) {
  const requestHash = hashOf(q.body);
  return db.transaction().execute(async (trx) => {
    const earlier = await bankMessagesOfRequest(trx, q.portalId, q.body.requestId);
    if (earlier.length > 0) {
      if (earlier.some((r) => r.request_hash !== requestHash || Number(r.deal_id) !== q.dealId))
        throw new AppError('IDEMPOTENCY_MISMATCH', 'bank message request id reused with another body');
      return earlier;
    }
    const channel = q.body.channel ?? 'email';
    if (channel === 'email' && q.body.bankIds.some((b) => !contentFor(q.body, b).subject))
      throw new AppError('MAIL_SUBJECT_REQUIRED', 'e-mail to a bank without a subject');
    if (channel === 'sms' && q.body.attachPack)
      throw new AppError('VALIDATION', 'an SMS carries no pack', { key: 'BANK_SMS_NO_PACK' }, { field: 'attachPack' });
    const settings = await getMailSettings(trx, box, q.portalId);
    if (!settings && channel === 'email') throw new AppError('MAIL_NOT_CONFIGURED', 'portal has no mail settings');
    // An SMS needs no mail account; its row still gets a unique Message-ID (RFC 2606 .invalid domain).
    const from = settings?.smtp.fromAddress ?? 'sms@sms.invalid';
    const domain = from.slice(from.lastIndexOf('@') + 1);
    for (const bankId of q.body.bankIds) {
      const bank = await getBank(trx, box, q.portalId, bankId);
      if (!bank) throw new AppError('NOT_FOUND', 'bank not found', undefined, { field: 'bankIds', bankId });
      if (channel === 'email' && bank.emails.length === 0)
        throw new AppError('BANK_HAS_NO_ADDRESS', 'bank has no e-mail', undefined, { bankId });
      if (channel === 'sms' && bank.phones.length === 0)
        throw new AppError('BANK_HAS_NO_PHONE', 'bank has no phone', undefined, { bankId });
      const own = contentFor(q.body, bankId);
      if (channel === 'sms') checkSmsLength(own.text, q.smsLimit, bankId);
      const pack = q.body.attachPack ? await packAttachmentsFor(trx, q.portalId, q.dealId, bankId) : null;
      if (q.body.attachPack && !pack)
        throw new AppError(
          'PACK_NOT_READY_FOR_BANK',
          'no finished pack for the bank',
          { key: 'PACK_NOT_READY_FOR_BANK', params: { bank: bank.name } },
          { field: 'attachPack', bankId },
        );
      if (pack && q.mailMaxBytes !== undefined) await checkMailSize(trx, q, bank.name, bankId, own, pack.files, q.mailMaxBytes);
      const id = uuidv7();
      const target = { portalId: q.portalId, dealId: q.dealId, bankId: bankTagOf(bankId) };
      await trx
        .insertInto('bank_messages')
        .values({
          id,
          portal_id: q.portalId,
          deal_id: q.dealId,
          bank_id: bankId,
          request_id: q.body.requestId,
          request_hash: requestHash,
          message_id: makeMessageId(q.tokenKey, target, domain),
          reply_to: settings ? replyToAddress(q.tokenKey, target, replyMailbox(settings)) : '',
          sealed: sealContent(box, q.portalId, id, {
            to: channel === 'sms' ? bank.phones : bank.emails,
            subject: channel === 'sms' ? '' : own.subject,
            text: own.text,
            ...(pack ? { attachments: pack.files } : {}),
          }),
          channel,
          lang: q.lang,
          status: 'queued',
          commented: 0,
          created_by: q.userId,
          created_at: q.nowIso,
        })
        .execute();
      const kind = channel === 'sms' ? BANK_SMS_JOB : BANK_SEND_JOB;
      await enqueue(trx, { portalId: q.portalId, kind, idempotencyKey: `bank-message:${id}`, payload: { id } });
    }
    return bankMessagesOfRequest(trx, q.portalId, q.body.requestId);
  });
}
