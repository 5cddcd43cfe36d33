import type { Kysely } from 'kysely';

// Forwarders per portal (issue 16 item 4): our own staff who may forward a bank's decision to the
// replies mailbox with the result written on top. A JSON array of lower-case addresses beside the
// portal's mail accounts; '[]' for every portal that saved its settings before. Frozen once landed:
// Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('mail_settings')
    .addColumn('forwarders', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_settings').dropColumn('forwarders').execute();
}
