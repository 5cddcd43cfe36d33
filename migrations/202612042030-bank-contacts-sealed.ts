import type { Kysely } from 'kysely';

// A bank's e-mails, reply senders and phones are its staff's personal data: from now on they are one
// ciphertext (the app's secret box, bound to portal and bank) in `contacts_enc`. A migration holds no
// key (frozen, no app code, run before the config exists), so the rows written before this one are
// sealed by the app when it starts (server/documents/values/seal-bank-contacts.ts), which then empties
// the clear columns to '[]'; they stay only because SQLite and PostgreSQL must agree on the schema.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_banks').addColumn('contacts_enc', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('document_banks').dropColumn('contacts_enc').execute();
}
