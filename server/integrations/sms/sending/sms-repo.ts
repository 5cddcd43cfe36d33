import type { Selectable } from 'kysely';
import type { SmsMessagesTable, SmsMessageStatus } from './tables.js';
import type { Executor } from '../../../db/executor.js';
import { toRequestRecord, type RequestRecord } from '../../../db/request-row.js';

export interface SmsRecord extends RequestRecord {
  to: string;
  body: string;
  encoding: 'GSM7' | 'UCS2';
  segments: number;
  sender: string | null;
  context: Record<string, unknown> | null;
  status: SmsMessageStatus;
  providerMessageId: string | null;
  errorCode: string | null;
}

export function toSmsRecord(r: Selectable<SmsMessagesTable>): SmsRecord {
  return {
    ...toRequestRecord(r),
    to: r.to_phone,
    body: r.body,
    encoding: r.encoding,
    segments: Number(r.segments),
    sender: r.sender,
    context: r.context ? (JSON.parse(r.context) as Record<string, unknown>) : null,
    status: r.status,
    providerMessageId: r.provider_message_id,
    errorCode: r.error_code,
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
