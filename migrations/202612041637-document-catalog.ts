import type { Kysely } from 'kysely';

// The versioned field catalog of document packs (issue 15): an admin edits one draft per portal;
// publishing freezes it as the next version (never edited again); an application is pinned to the
// version it started with and moves to a newer one only when someone asks, which is recorded.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('field_catalog_drafts')
    .addColumn('portal_id', 'text', (c) => c.notNull().primaryKey())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();
  await db.schema
    .createTable('field_catalog_versions')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('fields_sha256', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer')
    .addPrimaryKeyConstraint('field_catalog_versions_pk', ['portal_id', 'version'])
    .execute();
  await db.schema
    .createTable('document_applications')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'integer', (c) => c.notNull())
    .addColumn('catalog_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_applications_pk', ['portal_id', 'id'])
    .addUniqueConstraint('document_applications_deal_uq', ['portal_id', 'deal_id'])
    .execute();
  // Who moved an application to which version, and what that added and removed, as it was shown.
  await db.schema
    .createTable('document_application_moves')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('from_version', 'integer', (c) => c.notNull())
    .addColumn('to_version', 'integer', (c) => c.notNull())
    .addColumn('diff', 'text', (c) => c.notNull())
    .addColumn('moved_at', 'text', (c) => c.notNull())
    .addColumn('moved_by', 'integer')
    .addPrimaryKeyConstraint('document_application_moves_pk', ['portal_id', 'application_id', 'to_version'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['document_application_moves', 'document_applications', 'field_catalog_versions', 'field_catalog_drafts']) {
    await db.schema.dropTable(t).execute();
  }
}
