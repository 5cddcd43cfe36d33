// Kysely row type for `sms_messages` (migration 202611220251-sms-messages).

/** requested → sending → queued/sent → delivered | undelivered | failed; `unknown` after a crash mid-send. */
export type SmsMessageStatus = 'requested' | 'sending' | 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'unknown';

export interface SmsMessagesTable {
  portal_id: string;
  id: string;
  idempotency_key: string;
  to_phone: string;
  body: string;
  encoding: 'GSM7' | 'UCS2';
  segments: number;
  sender: string | null;
  /** JSON: where the request came from (messageservice CODE/message_id, workflow, deal), for status reports. */
  context: string | null;
  request_hash: string;
  status: SmsMessageStatus;
  provider: string;
  provider_message_id: string | null;
  error_code: string | null;
  last_error: string | null;
  attempts: number;
  max_attempts: number;
  next_attempt_at: number | string;
  created_at: string;
  updated_at: string;
}

export interface SmsTables {
  sms_messages: SmsMessagesTable;
}
