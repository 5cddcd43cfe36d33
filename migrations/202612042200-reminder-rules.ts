import type { Kysely } from 'kysely';

// Reminders per product and within the law per debtor (issue 14 item 4): a product's own rules
// (none: the portal's), the portal's MX quiet hours and RU moved non-working days, and on every
// reminder the debtor (the deal's contact) it counts against, with a row per debtor that the send job
// locks so two workers sending to one person across several loans see each other's contacts.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reminder_settings').addColumn('quiet_from', 'integer').execute();
  await db.schema.alterTable('reminder_settings').addColumn('quiet_to', 'integer').execute();
  await db.schema.alterTable('reminder_settings').addColumn('holidays', 'text').execute();
  await db.schema.alterTable('reminders').addColumn('debtor', 'text').execute();
  await db.schema.alterTable('reminders').addColumn('template', 'text').execute();
  await db.schema.alterTable('reminders').addColumn('via', 'text').execute();
  await db.schema.createIndex('reminders_debtor').on('reminders').columns(['portal_id', 'debtor']).execute();
  await db.schema
    .createTable('reminder_debtors')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('debtor', 'text', (c) => c.notNull())
    .addColumn('touched_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_debtors_pk', ['portal_id', 'debtor'])
    .execute();
  await db.schema
    .createTable('product_reminder_rules')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_reminder_rules_pk', ['portal_id', 'product_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('product_reminder_rules').execute();
  await db.schema.dropTable('reminder_debtors').execute();
  await db.schema.dropIndex('reminders_debtor').execute();
  for (const c of ['via', 'template', 'debtor']) await db.schema.alterTable('reminders').dropColumn(c).execute();
  for (const c of ['holidays', 'quiet_to', 'quiet_from']) await db.schema.alterTable('reminder_settings').dropColumn(c).execute();
}
