import type { Kysely } from 'kysely';

// Per-portal provider settings (SMS gateway, payout provider): one row per (portal, kind).
// `config` holds the non-secret fields as JSON; `secrets` holds the secret fields as one JSON object
// encrypted with the app's SecretBox (AES-256-GCM, bound to portal and kind), never in clear.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_settings')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('secrets', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addPrimaryKeyConstraint('portal_settings_pk', ['portal_id', 'kind'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_settings').execute();
}
