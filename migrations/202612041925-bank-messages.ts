import type { Kysely } from 'kysely';

// Messages to bank staff from a deal (issue 16 item 2): one row per (request, bank), made with its
// Message-ID and signed Reply-To BEFORE the outbox job that sends it, so a retry resends the same
// message. Recipients, subject and text are sealed (bank staff addresses and the client's name);
// status queued → sent | failed with the SMTP server's reply as the proof the mail left.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bank_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'bigint', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'text', (c) => c.notNull())
    .addColumn('sealed', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('smtp_response', 'text')
    .addColumn('error', 'text')
    .addColumn('commented', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('bank_messages_request', ['portal_id', 'request_id', 'bank_id'])
    .execute();
  await db.schema.createIndex('bank_messages_deal').on('bank_messages').columns(['portal_id', 'deal_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bank_messages').execute();
}
