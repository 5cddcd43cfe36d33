import type { Kysely } from 'kysely';

// Deal lifecycle (issue 14): the admin's stage map per pipeline, what the app last saw and wrote on
// each deal, the transitions applied (one row each, keyed, so a repeat changes nothing) and the
// offline-event batches reserved but not yet cleared. Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('deal_stage_maps')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull())
    .addColumn('map', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deal_stage_maps_pk', ['portal_id', 'category_id'])
    .execute();
  await db.schema
    .createTable('deal_lifecycle')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'integer', (c) => c.notNull())
    .addColumn('category_id', 'integer', (c) => c.notNull())
    .addColumn('stage_id', 'text', (c) => c.notNull())
    .addColumn('written_stage_id', 'text')
    .addColumn('loan_mark', 'text')
    .addColumn('phase', 'text')
    .addColumn('offer_version', 'integer')
    .addColumn('issued_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deal_lifecycle_pk', ['portal_id', 'deal_id'])
    .execute();
  await db.schema
    .createTable('lifecycle_transitions')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'integer', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('from_stage_id', 'text')
    .addColumn('to_stage_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lifecycle_transitions_pk', ['portal_id', 'id'])
    .execute();
  await db.schema.createIndex('lifecycle_transitions_deal').on('lifecycle_transitions').columns(['portal_id', 'deal_id']).execute();
  await db.schema
    .createTable('offline_event_batches')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('process_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('handled_at', 'text')
    .addPrimaryKeyConstraint('offline_event_batches_pk', ['portal_id', 'process_id'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('offline_event_batches').execute();
  await db.schema.dropTable('lifecycle_transitions').execute();
  await db.schema.dropTable('deal_lifecycle').execute();
  await db.schema.dropTable('deal_stage_maps').execute();
}
