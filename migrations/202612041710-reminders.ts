import type { Kysely } from 'kysely';

// Reminders of installments (issue 14 item 4): one row per loan, installment and rule, ever (the key
// is unique per portal), and each portal's reminder settings. Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('reminders')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('loan_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'integer', (c) => c.notNull())
    .addColumn('installment', 'integer', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('overdue', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('not_before', 'bigint', (c) => c.notNull())
    .addColumn('sent_at', 'bigint')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminders_pk', ['portal_id', 'key'])
    .execute();
  await db.schema.createIndex('reminders_loan').on('reminders').columns(['portal_id', 'loan_id', 'channel']).execute();
  await db.schema
    .createTable('reminder_settings')
    .addColumn('portal_id', 'text', (c) => c.primaryKey())
    .addColumn('offsets', 'text', (c) => c.notNull())
    .addColumn('client_sms', 'integer', (c) => c.notNull())
    .addColumn('employee', 'integer', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('law', 'text', (c) => c.notNull())
    .addColumn('sms_provider', 'text')
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminder_settings').execute();
  await db.schema.dropTable('reminders').execute();
}
