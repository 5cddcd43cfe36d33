import type { Kysely } from 'kysely';

// Each portal's mail accounts (issue 16 item 1): the SMTP account we send from, the IMAP mailbox bank
// replies are read from, and the reply-address scheme. One row per portal; the two passwords are
// SecretBox ciphertexts bound to their portal and column. `version` is bumped on every save so the
// mailbox readers of every process notice a change. Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('mail_settings')
    .addColumn('portal_id', 'text', (c) => c.primaryKey())
    .addColumn('smtp_host', 'text', (c) => c.notNull())
    .addColumn('smtp_port', 'integer', (c) => c.notNull())
    .addColumn('smtp_security', 'text', (c) => c.notNull())
    .addColumn('smtp_user', 'text', (c) => c.notNull())
    .addColumn('smtp_password', 'text')
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('imap_host', 'text', (c) => c.notNull())
    .addColumn('imap_port', 'integer', (c) => c.notNull())
    .addColumn('imap_security', 'text', (c) => c.notNull())
    .addColumn('imap_user', 'text', (c) => c.notNull())
    .addColumn('imap_password', 'text')
    .addColumn('imap_folder', 'text', (c) => c.notNull())
    .addColumn('reply_scheme', 'text', (c) => c.notNull())
    .addColumn('reply_address', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_settings').execute();
}
