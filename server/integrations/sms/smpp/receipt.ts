import type { SmsStatus } from '../provider.js';

// Delivery receipts (SMPP 3.4 Appendix B): short_message text "id:… sub:… dlvrd:… submit date:…
// done date:… stat:DELIVRD err:000 text:…", and/or the receipted_message_id and message_state TLVs.

const STAT_TEXT: Readonly<Record<string, SmsStatus>> = {
  ENROUTE: 'sent',
  ACCEPTD: 'sent',
  UNKNOWN: 'sent',
  DELIVRD: 'delivered',
  EXPIRED: 'undelivered',
  UNDELIV: 'undelivered',
  DELETED: 'failed',
  REJECTD: 'failed',
};

// message_state TLV values (SMPP 3.4 §5.2.28).
const STATE_TLV: Readonly<Record<number, SmsStatus>> = {
  1: 'sent', // ENROUTE
  2: 'delivered',
  3: 'undelivered', // EXPIRED
  4: 'failed', // DELETED
  5: 'undelivered', // UNDELIVERABLE
  6: 'sent', // ACCEPTED
  7: 'sent', // UNKNOWN
  8: 'failed', // REJECTED
};

export interface ParsedReceipt {
  messageId: string;
  status: SmsStatus;
  errorCode?: string;
}

export function parseReceipt(text: string, tlvMessageId?: unknown, tlvState?: unknown): ParsedReceipt | undefined {
  const id = typeof tlvMessageId === 'string' && tlvMessageId ? tlvMessageId : /(?:^|\s)id:(\S+)/i.exec(text)?.[1];
  const stat = /(?:^|\s)stat:(\w+)/i.exec(text)?.[1]?.toUpperCase();
  const status = (typeof tlvState === 'number' ? STATE_TLV[tlvState] : undefined) ?? (stat ? STAT_TEXT[stat] : undefined);
  if (!id || !status) return undefined;
  const err = /(?:^|\s)err:(\w+)/i.exec(text)?.[1];
  return { messageId: id, status, ...(err && !/^0+$/.test(err) ? { errorCode: err } : {}) };
}
