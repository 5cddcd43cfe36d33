import type { Kysely } from 'kysely';

// A loan can be closed with a reason (first: its deal was deleted in the portal). `status` already
// holds ACTIVE / CLOSED; these record why and when, so a closed loan explains itself in the API and
// in audits. Nothing else changes: schedule versions and the ledger stay as they were (history is
// never edited). Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('loans').addColumn('closed_reason', 'text').execute();
  await db.schema.alterTable('loans').addColumn('closed_at', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('loans').dropColumn('closed_at').execute();
  await db.schema.alterTable('loans').dropColumn('closed_reason').execute();
}
