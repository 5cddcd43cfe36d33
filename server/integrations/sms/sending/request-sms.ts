import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AppError } from '../../../errors.js';
import { uuidv7 } from '../../../security/uuidv7.js';
import { analyzeSms, assertWithinLimit, type SmsLimit, type Transliteration } from '../encoding/index.js';
import { toSmsRecord, type SmsRecord } from './sms-repo.js';

// Step 1 of an SMS: store the intent, keyed by Bitrix24's message_id (messageservice handler) or
// the activity's event_token. The stored body is the normalised (and, if asked, transliterated)
// text — exactly what will be sent and counted.

export interface SmsRequestInput {
  key: string;
  /** E.164; spaces, dashes and brackets are stripped. */
  to: string;
  text: string;
  transliterate?: Transliteration;
  sender?: string | null;
  provider: string;
  /** Kept as JSON for status reports (e.g. {source:'messageservice', code, messageId} or {workflowId, eventToken}). */
  context?: Record<string, unknown>;
}

export interface RequestSmsOptions {
  now?: () => number;
  maxAttempts?: number;
  /** The provider's limit: refused here, before anything is stored or sent. */
  limit?: SmsLimit;
  onCreated?: (trx: Transaction<Database>, sms: SmsRecord) => Promise<void>;
}

export const DEFAULT_SMS_MAX_ATTEMPTS = 6;

export function normalisePhone(raw: string): string {
  const p = raw.replace(/[\s\-().]/g, '').replace(/^00/, '+');
  const withPlus = p.startsWith('+') ? p : `+${p}`;
  if (!/^\+[1-9]\d{6,14}$/.test(withPlus))
    throw new AppError('VALIDATION', `Not a phone number: ${raw.slice(0, 32)}`, { key: 'PHONE_INVALID' });
  return withPlus;
}

export async function requestSms(
  db: Kysely<Database>,
  portalId: string,
  input: SmsRequestInput,
  options: RequestSmsOptions = {},
): Promise<SmsRecord> {
  if (!input.key || input.key.length > 255) throw new AppError('VALIDATION', 'Idempotency key must be 1..255 characters');
  const to = normalisePhone(input.to);
  const analysis = analyzeSms(input.text, { transliterate: input.transliterate ?? false });
  if (analysis.segments === 0) throw new AppError('VALIDATION', 'Empty SMS', { key: 'SMS_EMPTY' });
  if (options.limit !== undefined) assertWithinLimit(analysis, options.limit);
  const sender = input.sender ?? null;
  const requestHash = createHash('sha256')
    .update(JSON.stringify([to, analysis.text, sender, input.provider]))
    .digest('hex');
  const now = options.now?.() ?? Date.now();
  const iso = new Date(now).toISOString();

  const row = await db.transaction().execute(async (trx) => {
    const res = await trx
      .insertInto('sms_messages')
      .values({
        portal_id: portalId,
        id: uuidv7(now),
        idempotency_key: input.key,
        to_phone: to,
        body: analysis.text,
        encoding: analysis.encoding,
        segments: analysis.segments,
        sender,
        context: input.context ? JSON.stringify(input.context) : null,
        request_hash: requestHash,
        status: 'requested',
        provider: input.provider,
        provider_message_id: null,
        error_code: null,
        last_error: null,
        attempts: 0,
        max_attempts: options.maxAttempts ?? DEFAULT_SMS_MAX_ATTEMPTS,
        next_attempt_at: now,
        created_at: iso,
        updated_at: iso,
      })
      .onConflict((oc) => oc.columns(['portal_id', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    const stored = await trx
      .selectFrom('sms_messages')
      .selectAll()
      .where('portal_id', '=', portalId)
      .where('idempotency_key', '=', input.key)
      .executeTakeFirstOrThrow();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 1 && options.onCreated) await options.onCreated(trx, toSmsRecord(stored));
    return stored;
  });
  if (row.request_hash !== requestHash) {
    throw new AppError(
      'IDEMPOTENCY_MISMATCH',
      `SMS key ${input.key} was first used for another recipient or text (sms ${row.id})`,
      { key: 'SMS_SENT_OTHERWISE' },
      {
        smsId: row.id,
      },
    );
  }
  return toSmsRecord(row);
}
