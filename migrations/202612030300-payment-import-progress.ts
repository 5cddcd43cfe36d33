import type { Kysely } from 'kysely';

// Payment files are parsed in the background (a worker thread), so an import is a row from the
// moment it is sent: queued → parsing → previewed / applied / refused, or failed. `lease_until` is
// renewed while a process works on it; a row still queued or parsing past its lease was abandoned
// (a crash or restart) and reads as failed, so the admin sends the file again — the payments' ids
// come from their content, so a retry never books twice. `outcome` keeps what the page shows
// (the preview's lines or the refusal's issues), so it can be polled from any instance.
// Frozen once landed: Kysely<any>, no app imports.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('payment_imports').addColumn('dry_run', 'integer').execute();
  await db.schema.alterTable('payment_imports').addColumn('lease_until', 'text').execute();
  await db.schema.alterTable('payment_imports').addColumn('updated_at', 'text').execute();
  await db.schema.alterTable('payment_imports').addColumn('outcome', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const c of ['outcome', 'updated_at', 'lease_until', 'dry_run'])
    await db.schema.alterTable('payment_imports').dropColumn(c).execute();
}
