import type { Kysely } from 'kysely';

// The lender-pipeline preset (issue 14 item 3): per portal, the deal pipeline the app created and
// where its creation stands, so a second click or a retry after a crash never makes a second one.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('lender_pipelines')
    .addColumn('portal_id', 'text', (c) => c.primaryKey())
    .addColumn('category_id', 'integer')
    .addColumn('max_category_before', 'integer')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('run', 'integer', (c) => c.notNull())
    .addColumn('completed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lender_pipelines').execute();
}
