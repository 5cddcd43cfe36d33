import type { Kysely } from 'kysely';

// The "Check the applicant" robot's data: the portal's own blacklist (phones and document numbers,
// looked up by a keyed hash, shown to admins from the encrypted value — the list is personal data)
// and the portal's HTTP check of its bureau (the auth header encrypted).
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('check_blacklist')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value_hash', 'text', (c) => c.notNull())
    .addColumn('value_enc', 'text', (c) => c.notNull())
    .addColumn('reason_enc', 'text')
    .addColumn('added_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_blacklist_pk', ['portal_id', 'kind', 'value_hash'])
    .execute();
  await db.schema
    .createTable('check_settings')
    .addColumn('portal_id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('country', 'text')
    .addColumn('http_config', 'text')
    .addColumn('http_auth_enc', 'text')
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('check_settings').execute();
  await db.schema.dropTable('check_blacklist').execute();
}
