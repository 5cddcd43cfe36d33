import type { Kysely } from 'kysely';

// Calls Bitrix24 makes to our business-process activities (keyed by event_token) and to our SMS
// provider handler (keyed by message_id). (portal_id, source, call_key) is unique: a repeated
// delivery finds the first row and changes nothing. The row also carries the call's progress and
// result (return values) and, for the call script, the answers as the employee records them.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_calls')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('call_key', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'integer')
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('answers', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('activity_calls_portal_key', ['portal_id', 'source', 'call_key'])
    .execute();
  await db.schema.createIndex('activity_calls_deal').on('activity_calls').columns(['portal_id', 'deal_id', 'status']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('activity_calls').execute();
}
