import type { Kysely } from 'kysely';

// Delivery reports on messages to bank staff (issue 16 item 2): a DSN or bounce read from the
// portal's mailbox moves a message sent → delivered | failed; its diagnostic (the remote server's
// words per recipient) and when it arrived are kept beside the SMTP reply. Reports are matched by
// the original's Message-ID, hence the index. A message may also be an SMS to the bank's phones. Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bank_messages').addColumn('delivery_report', 'text').execute();
  await db.schema.alterTable('bank_messages').addColumn('reported_at', 'text').execute();
  // 'email' or 'sms' (an SMS to the bank's phones through the portal's SMS provider, sms_messages).
  await db.schema
    .alterTable('bank_messages')
    .addColumn('channel', 'text', (c) => c.notNull().defaultTo('email'))
    .execute();
  await db.schema.createIndex('bank_messages_message').on('bank_messages').columns(['portal_id', 'message_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('bank_messages_message').execute();
  await db.schema.alterTable('bank_messages').dropColumn('channel').execute();
  await db.schema.alterTable('bank_messages').dropColumn('reported_at').execute();
  await db.schema.alterTable('bank_messages').dropColumn('delivery_report').execute();
}
