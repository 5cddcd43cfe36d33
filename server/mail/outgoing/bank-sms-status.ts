import type { SmsMessageStatus } from '../../integrations/sms/sending/tables.js';
import type { BankMessageStatus } from '../settings/tables.js';

// An SMS to a bank is one SMS per phone of the bank (sms_messages, keyed `bank-message:<id>:<i>`);
// its status is read from them, so the SMS status jobs (provider receipts) move it with no hook:
// delivered when any phone got it, sent when any left, failed when every one failed, else queued.

export const MAX_BANK_PHONES = 10;

export const bankSmsKey = (bankMessageId: string, i: number) => `bank-message:${bankMessageId}:${i}`;

export function bankSmsStatus(sms: SmsMessageStatus[]): BankMessageStatus {
  if (sms.includes('delivered')) return 'delivered';
  if (sms.some((s) => s === 'sent' || s === 'queued')) return 'sent';
  if (sms.length > 0 && sms.every((s) => s === 'failed' || s === 'undelivered')) return 'failed';
  return 'queued';
}
