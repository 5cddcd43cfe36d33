import type { SmsMessageStatus } from './sending/tables.js';

// messageservice.message.status.update accepts delivered | undelivered | failed (integrations.md
// §2.6). Anything else is progress and is not reported. `unknown` (outcome lost in a crash or a
// timeout) is not reported either: claiming "failed" could make a workflow send it again, and
// "delivered" would be a guess — it waits for a receipt or a person.
export type BitrixSmsStatus = 'delivered' | 'undelivered' | 'failed';

export function toBitrixSmsStatus(status: SmsMessageStatus): BitrixSmsStatus | undefined {
  return status === 'delivered' || status === 'undelivered' || status === 'failed' ? status : undefined;
}
