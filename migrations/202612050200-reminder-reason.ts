import type { Kysely } from 'kysely';

// A failed reminder's reason as data (issue 14 item 4): JSON { code, key?, params? } of the error
// table, so the app page reads it in each user's language; `note` keeps the portal-language text.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reminders').addColumn('reason', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('reminders').dropColumn('reason').execute();
}
