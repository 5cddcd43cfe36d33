import type { Kysely } from 'kysely';

// Scans the client brought (passport, income proof) kept with a deal's application (issue 15, item 4):
// one row per uploaded file, under a catalog field of type 'file'. The file name and the bytes are
// personal data: stored as ciphertext (the app's secret box, bound to the row); the type, size and
// sha256 are not. Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_scans')
    .addColumn('portal_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('application_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .addPrimaryKeyConstraint('document_scans_pk', ['portal_id', 'id'])
    .execute();
  await db.schema.createIndex('document_scans_application_idx').on('document_scans').columns(['portal_id', 'application_id']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('document_scans').execute();
}
