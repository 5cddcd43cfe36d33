// Kysely row type for `sms_messages` (migration 202611220251-sms-messages).

import type { RequestRowColumns } from '../../../db/request-row.js';

/** requested → sending → queued/sent → delivered | undelivered | failed; `unknown` after a crash mid-send. */
export type SmsMessageStatus = 'requested' | 'sending' | 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'unknown';

/** The request columns (id, key, hash, provider, attempts, times) are db/request-row.ts's. */
export interface SmsMessagesTable extends RequestRowColumns {
  to_phone: string;
  body: string;
  encoding: 'GSM7' | 'UCS2';
  segments: number;
  sender: string | null;
  /** JSON: where the request came from (messageservice CODE/message_id, workflow, deal), for status reports. */
  context: string | null;
  status: SmsMessageStatus;
  provider_message_id: string | null;
  error_code: string | null;
}

export interface SmsTables {
  sms_messages: SmsMessagesTable;
}
