import type { Kysely } from 'kysely';

// Application values of document packs and the banks they go to (issue 15, items 1–2): one row per
// application, bank ('' = the base bank) and field code; sensitive values are ciphertext (the app's
// secret box, bound to the row). Every change leaves a history row (old → new, ciphertext too when the
// field is sensitive). Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_banks')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('emails', 'text', (c) => c.notNull())
    .addColumn('reply_senders', 'text', (c) => c.notNull())
    .addColumn('phones', 'text', (c) => c.notNull())
    .addColumn('required_fields', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_banks_pk', ['portal_id', 'id'])
    .addUniqueConstraint('document_banks_name_uq', ['portal_id', 'name'])
    .execute();
  await db.schema
    .createTable('document_values')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('encrypted', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addPrimaryKeyConstraint('document_values_pk', ['portal_id', 'application_id', 'bank_id', 'code'])
    .execute();
  await db.schema
    .createTable('document_value_history')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    // Per application, 1, 2, 3…: the writer holds the application's row lock, so the order is the
    // order of the changes (ids made in the same millisecond would not be).
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('bank_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('encrypted', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'integer')
    .addPrimaryKeyConstraint('document_value_history_pk', ['portal_id', 'application_id', 'seq'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['document_value_history', 'document_values', 'document_banks']) await db.schema.dropTable(t).execute();
}
