import type { Kysely } from 'kysely';

// A delivery report we could not tie to the delivery path (issue 16 trust): kept on the bank message
// and shown, but it moves no status. Its diagnostic and when it came. Frozen once landed: Kysely<any>,
// no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bank_messages').addColumn('unverified_report', 'text').execute();
  await db.schema.alterTable('bank_messages').addColumn('unverified_at', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bank_messages').dropColumn('unverified_at').execute();
  await db.schema.alterTable('bank_messages').dropColumn('unverified_report').execute();
}
