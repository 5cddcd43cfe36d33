import type { Kysely } from 'kysely';
import type { Database } from '../../../server/db/schema.js';

// A bank in the portal's directory under the short id our reply tokens carry (server/mail/reply-token.ts:
// [a-z0-9-], at most 24), written straight to the table — the banks API makes UUIDs.

export async function insertBank(
  db: Kysely<Database>,
  portalId: string,
  bank: { id: string; name: string; replySenders: string[]; emails?: string[] },
): Promise<void> {
  const now = new Date().toISOString();
  await db
    .insertInto('document_banks')
    .values({
      portal_id: portalId,
      id: bank.id,
      name: bank.name,
      emails: JSON.stringify(bank.emails ?? []),
      reply_senders: JSON.stringify(bank.replySenders),
      phones: '[]',
      required_fields: '[]',
      created_at: now,
      updated_at: now,
    })
    .execute();
}
