import type { Selectable } from 'kysely';
import type { SmsMessagesTable, SmsMessageStatus } from './tables.js';
import type { Executor } from '../../../db/executor.js';

export interface SmsRecord {
  id: string;
  portalId: string;
  key: string;
  to: string;
  body: string;
  encoding: 'GSM7' | 'UCS2';
  segments: number;
  sender: string | null;
  context: Record<string, unknown> | null;
  status: SmsMessageStatus;
  provider: string;
  providerMessageId: string | null;
  errorCode: string | null;
  lastError: string | null;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: number;
  requestHash: string;
  createdAt: string;
  updatedAt: string;
}

export function toSmsRecord(r: Selectable<SmsMessagesTable>): SmsRecord {
  return {
    id: r.id,
    portalId: r.portal_id,
    key: r.idempotency_key,
    to: r.to_phone,
    body: r.body,
    encoding: r.encoding,
    segments: Number(r.segments),
    sender: r.sender,
    context: r.context ? (JSON.parse(r.context) as Record<string, unknown>) : null,
    status: r.status,
    provider: r.provider,
    providerMessageId: r.provider_message_id,
    errorCode: r.error_code,
    lastError: r.last_error,
    attempts: Number(r.attempts),
    maxAttempts: Number(r.max_attempts),
    nextAttemptAt: Number(r.next_attempt_at),
    requestHash: r.request_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** A message and the portal it belongs to: what a lookup by id needs, so one portal never reads another's row. */
export type SmsRef = Pick<SmsRecord, 'portalId' | 'id'>;

export async function findSmsById(db: Executor, portalId: string, id: string): Promise<SmsRecord | undefined> {
  const r = await db.selectFrom('sms_messages').selectAll().where('portal_id', '=', portalId).where('id', '=', id).executeTakeFirst();
  return r ? toSmsRecord(r) : undefined;
}

export async function findSmsByKey(db: Executor, portalId: string, key: string): Promise<SmsRecord | undefined> {
  const r = await db
    .selectFrom('sms_messages')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return r ? toSmsRecord(r) : undefined;
}
