import type { Kysely } from 'kysely';

// Platform tables: installed portals (tokens encrypted at rest), the durable outbox, and the
// record of inbound portal events. Frozen once landed: takes Kysely<any>, imports no app code.
// Timestamps: ISO-8601 text for audit columns; epoch milliseconds (bigint) where the code compares
// times in SQL (token expiry, leases, run_after). JSON is stored as text.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().unique())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('client_endpoint', 'text', (c) => c.notNull())
    .addColumn('server_endpoint', 'text', (c) => c.notNull())
    .addColumn('access_token_enc', 'text')
    .addColumn('refresh_token_enc', 'text')
    .addColumn('token_expires_at', 'bigint')
    .addColumn('token_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refresh_lock_owner', 'text')
    .addColumn('refresh_lock_until', 'bigint')
    .addColumn('application_token_hash', 'text')
    .addColumn('application_token_enc', 'text')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('app_version', 'text')
    .addColumn('installer_user_id', 'integer')
    .addColumn('manifest_hash', 'text')
    .addColumn('schedule_entity_type_id', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('installed_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('portal_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'bigint', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_jobs_claim').on('outbox_jobs').columns(['status', 'run_after']).execute();
  await db.schema.createIndex('outbox_jobs_portal').on('outbox_jobs').column('portal_id').execute();

  await db.schema
    .createTable('inbound_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbound_events_portal').on('inbound_events').columns(['portal_id', 'received_at']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('inbound_events').execute();
  await db.schema.dropTable('outbox_jobs').execute();
  await db.schema.dropTable('portals').execute();
}
