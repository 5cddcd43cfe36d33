import type { Executor } from '../../db/executor.js';
import type { SmsMessageStatus } from '../../integrations/sms/sending/tables.js';
import type { BankMessageView } from '../../../wire/bank-messages.js';
import type { BankMessagesTable } from '../settings/tables.js';
import type { SecretBox } from '../../security/crypto.js';
import { openContent, viewOf } from './bank-messages-repo.js';
import { bankSmsKey, bankSmsStatus, MAX_BANK_PHONES } from './bank-sms-status.js';

// The wire views of a list of bank messages: an e-mail's as stored; an SMS's status (and the first
// provider error) read from its SMS rows in one query, so provider receipts show with no copy kept;
// the subject and the number of attached files opened from each row's sealed content.

export async function bankMessageViews(
  db: Executor,
  box: SecretBox,
  portalId: string,
  rows: BankMessagesTable[],
): Promise<BankMessageView[]> {
  const sms = rows.filter((r) => r.channel === 'sms' && r.status !== 'failed');
  const keys = sms.flatMap((r) => Array.from({ length: MAX_BANK_PHONES }, (_, i) => bankSmsKey(r.id, i)));
  const found =
    keys.length === 0
      ? []
      : await db
          .selectFrom('sms_messages')
          .select(['idempotency_key', 'status', 'error_code', 'last_error'])
          .where('portal_id', '=', portalId)
          .where('idempotency_key', 'in', keys)
          .execute();
  const byMessage = new Map<string, { status: SmsMessageStatus; error: string | null }[]>();
  for (const f of found) {
    const id = f.idempotency_key.slice('bank-message:'.length, f.idempotency_key.lastIndexOf(':'));
    byMessage.set(id, [...(byMessage.get(id) ?? []), { status: f.status, error: f.error_code ?? f.last_error }]);
  }
  return rows.map((r) => {
    const v = viewOf(r, openContent(box, r));
    if (r.channel !== 'sms' || r.status === 'failed') return v;
    const of = byMessage.get(r.id) ?? [];
    const status = bankSmsStatus(of.map((s) => s.status));
    return { ...v, status, smtpResponse: status === 'failed' ? (of.find((s) => s.error)?.error ?? null) : null };
  });
}
